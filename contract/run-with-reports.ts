// One contract run with the standard reports. The run's reporters listen (terminal lines, JUnit);
// after it, drift and coverage are computed once from its records, and the HTML report and every
// file are rendered from those values, so no reporter depends on another having run first. A
// run that stopped early has one message, its stop: it gets no drift or coverage at all.
import type { ApiModel } from '../model/model.js';
import { coverageOf, type CoverageReport } from './coverage/coverage.js';
import { COVERAGE_FILE, coverageHtml, coverageLine } from './coverage/render.js';
import { driftOf, type DriftReport } from './drift/drift.js';
import { DRIFT_FILES, driftHtml, driftLine, driftMarkdown } from './drift/render.js';
import type { AssertionRecord, ContractReporter, ReportFile, RequestRecord, RunSummary } from './events.js';
import { Redactor } from './redact.js';
import { htmlReport } from './reporters/html.js';
import { junitReporter } from './reporters/junit.js';
import { summaryReporter } from './reporters/summary.js';
import { runContract, type ContractPlan } from './run.js';

export const REPORT_FILES = { junit: 'contract-junit.xml', html: 'contract-report.html' } as const;

export type RunWithReportsRunner = (plan: ContractPlan, reporters: ContractReporter[], redactor: Redactor) => Promise<RunSummary>;

export interface ReportSettings {
  /** The description the run checks: drift and coverage read it. */
  model: ApiModel;
  /** How the summary lines name the reports folder (e.g. `reports`). */
  shownDir: string;
  /** What runs the plan: newman (runContract) unless given, e.g. `bru run` (bru-runner.ts). */
  runner?: RunWithReportsRunner;
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
  const junit: ReportFile[] = [];
  const run = { requests: [] as readonly RequestRecord[], assertions: [] as readonly AssertionRecord[] };
  const recorder = {
    onDone: (_: RunSummary, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]) => Object.assign(run, { requests, assertions }),
  };
  const summary = await (settings.runner ?? runContract)(
    plan,
    [summaryReporter(write), junitReporter(REPORT_FILES.junit, (file) => junit.push(file)), recorder],
    new Redactor(settings.model.auth.token.field),
  );
  const findings = summary.stop ? {} : { drift: driftOf(settings.model, run.requests), coverage: coverageOf(settings.model, run.requests) };
  const sections = [];
  if (findings.drift) {
    files.push(
      { path: DRIFT_FILES.json, content: `${JSON.stringify(findings.drift, null, 2)}\n` },
      { path: DRIFT_FILES.md, content: driftMarkdown(findings.drift) },
    );
    write(`${driftLine(findings.drift, `${settings.shownDir}/${DRIFT_FILES.md}`)}\n`);
    sections.push(driftHtml(findings.drift));
  }
  if (findings.coverage) {
    files.push({ path: COVERAGE_FILE, content: `${JSON.stringify(findings.coverage, null, 2)}\n` });
    write(`${coverageLine(findings.coverage, `${settings.shownDir}/${COVERAGE_FILE}`)}\n`);
    sections.push(coverageHtml(findings.coverage));
  }
  files.push(...junit, { path: REPORT_FILES.html, content: htmlReport(summary, run.requests, run.assertions, sections) });
  return { summary, files, ...findings };
}
