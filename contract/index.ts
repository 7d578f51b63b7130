// The contract run as a library: the kit's programmatic entry point. Three steps, the same ones
// the CLI takes:
//   const plan = planContract({ model, collection, environment, target });   // settle every choice once
//   const result = await runWithReports(plan, write, { model, shownDir });    // run; reports as values
//   const { exitCode, failedGates } = verdictOf(result, gates);               // what the run means
// `loadSpec` (loader/) gives the model; `startEmbedded` serves the reference server as a target.
export { planContract, runDeadlineMs, DEFAULT_ANSWER_TIMEOUT_S, MIN_RUN_TIMEOUT_S, type ContractInput, type RunTarget } from './plan.js';
export { runWithReports, REPORT_FILES, type ReportSettings, type RunResult, type RunWithReportsRunner } from './run-with-reports.js';
// `runner: (plan, reporters, redactor) => runBru(plan, brunoDir, findBru()!, reporters, redactor)` runs the Bruno collection instead
export { runBru, findBru } from './bru-runner.js';
export { verdictOf, type Findings, type Gates, type Verdict } from './verdict.js';
export { startEmbedded, demoCredentials, type EmbeddedTarget } from './embedded.js';
export { settleTarget, settingNames, type Credentials, type Settings, type Target } from './target.js';
export type { ContractPlan } from './run.js';
export type { AssertionRecord, ContractReporter, ReportFile, RequestRecord, RunSummary } from './events.js';
export type { DriftReport } from './drift/drift.js';
export type { CoverageReport } from './coverage/coverage.js';
