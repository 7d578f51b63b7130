// One contract run with the standard reporters: terminal summary, drift, coverage, JUnit XML, HTML.
import type { ApiModel } from '../model/model.js';
import { coverageReporter } from './coverage/reporter.js';
import { coverageHtml } from './coverage/render.js';
import type { CoverageReport } from './coverage/coverage.js';
import { driftReporter } from './drift/reporter.js';
import { driftHtml } from './drift/render.js';
import type { DriftReport } from './drift/drift.js';
import type { ReportFile, RunSummary } from './events.js';
import { Redactor } from './redact.js';
import { htmlReporter } from './reporters/html.js';
import { junitReporter } from './reporters/junit.js';
import { summaryReporter } from './reporters/summary.js';
import { runContract, type ContractPlan } from './run.js';

export const REPORT_FILES = { junit: 'contract-junit.xml', html: 'contract-report.html' } as const;

export interface ReportSettings {
  /** The description the run checks: drift and coverage read it. */
  model: ApiModel;
  /** How the summary lines name the reports folder (e.g. `reports`). */
  shownDir: string;
}

export interface RunResult {
  summary: RunSummary;
  files: ReportFile[];
  /** Undefined when the run stopped early (its stop is the one message). */
  drift?: DriftReport;
  coverage?: CoverageReport;
}

export async function runWithReports(plan: ContractPlan, write: (text: string) => void, settings: ReportSettings): Promise<RunResult> {
  const files: ReportFile[] = [];
  const collect = (file: ReportFile) => files.push(file);
  const drift = driftReporter(settings.model, collect, write, settings.shownDir);
  const coverage = coverageReporter(settings.model, collect, write, settings.shownDir);
  const sections = () => [...optional(drift.report(), driftHtml), ...optional(coverage.report(), coverageHtml)];
  const reporters = [summaryReporter(write), drift, coverage, junitReporter(REPORT_FILES.junit, collect), htmlReporter(REPORT_FILES.html, collect, sections)];
  const summary = await runContract(plan, reporters, new Redactor(settings.model.auth.token.field));
  return { summary, files, drift: drift.report(), coverage: coverage.report() };
}

function optional<T, R>(value: T | undefined, render: (value: T) => R): R[] {
  return value === undefined ? [] : [render(value)];
}
