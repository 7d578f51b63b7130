// One contract run with the standard reporters: terminal summary, JUnit XML, HTML.
import type { ReportFile, RunSummary } from './events.js';
import { Redactor } from './redact.js';
import { htmlReporter } from './reporters/html.js';
import { junitReporter } from './reporters/junit.js';
import { summaryReporter } from './reporters/summary.js';
import { runContract, type ContractPlan } from './run.js';

export const REPORT_FILES = { junit: 'contract-junit.xml', html: 'contract-report.html' } as const;

export async function runWithReports(plan: ContractPlan, write: (text: string) => void): Promise<{ summary: RunSummary; files: ReportFile[] }> {
  const files: ReportFile[] = [];
  const collect = (file: ReportFile) => files.push(file);
  const reporters = [summaryReporter(write), junitReporter(REPORT_FILES.junit, collect), htmlReporter(REPORT_FILES.html, collect)];
  const summary = await runContract(plan, reporters, new Redactor());
  return { summary, files };
}
