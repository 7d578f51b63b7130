// The contract run's front door, last step: what a finished run means. One pure function takes
// the run's summary, drift, coverage and the caller's gates, and returns the exit code (0 every
// check passed and no gate failed, 1 the API broke the contract or a gate failed, 2 the run could
// not be made) with a line for each failed gate.
import type { CoverageReport } from './coverage/coverage.js';
import { driftGate, type DriftReport } from './drift/drift.js';
import type { RunSummary } from './events.js';

export interface Gates {
  /** A skipped check fails the run. */
  failOnSkip?: boolean;
  /** Drift (or an answer drift could not read) fails the run. */
  failOnDrift?: boolean;
  /** Coverage below this percentage fails the run. */
  minCoverage?: number;
}

export interface Verdict {
  exitCode: 0 | 1 | 2;
  /** One line per gate that failed, e.g. `--min-coverage 90: coverage is 74.1%`. */
  failedGates: string[];
}

export interface Findings {
  summary: RunSummary;
  /** Absent when the run stopped early. */
  drift?: DriftReport;
  coverage?: CoverageReport;
}

export function verdictOf({ summary, drift, coverage }: Findings, gates: Gates = {}): Verdict {
  if (summary.stop) return { exitCode: summary.stop.exitCode, failedGates: [] };
  const failedGates = [
    ...(gates.failOnDrift && drift ? driftGate(drift) : []),
    ...(gates.minCoverage !== undefined && coverage && coverage.percent < gates.minCoverage
      ? [`--min-coverage ${gates.minCoverage}: coverage is ${coverage.percent}%`]
      : []),
    ...(gates.failOnSkip && summary.skipped.length > 0 ? [`--fail-on-skip: ${summary.skipped.length} checks skipped`] : []),
  ];
  const broken = summary.failures.length > 0 || summary.errors.length > 0;
  return { exitCode: broken || failedGates.length > 0 ? 1 : 0, failedGates };
}
