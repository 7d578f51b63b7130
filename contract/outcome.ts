// What a finished run means as an exit code: 0 every assertion passed, 1 the API broke the
// contract, 2 the run could not be made (set by the run itself, in summary.stop).
import type { RunSummary } from './events.js';

export interface OutcomeRules {
  /** Count skipped checks as failures (CI that wants every check to have run). */
  failOnSkip?: boolean;
}

export function exitCodeOf(summary: RunSummary, rules: OutcomeRules = {}): 0 | 1 | 2 {
  if (summary.stop) return summary.stop.exitCode;
  if (summary.failures.length > 0 || summary.errors.length > 0) return 1;
  return rules.failOnSkip && summary.skipped.length > 0 ? 1 : 0;
}
