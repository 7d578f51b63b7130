// Coverage as a reporter: at the end of the run, the JSON file and one summary line.
import type { ApiModel } from '../../model/model.js';
import type { ReportFile } from '../events.js';
import { findingsReporter, type FindingsReporter } from '../findings-reporter.js';
import { coverageOf, type CoverageReport } from './coverage.js';
import { COVERAGE_FILE, coverageLine } from './render.js';

/** `shownDir` is how the summary line names the reports folder (e.g. `reports`). */
export function coverageReporter(model: ApiModel, collect: (file: ReportFile) => void, write: (text: string) => void, shownDir: string): FindingsReporter<CoverageReport> {
  return findingsReporter(
    {
      make: (requests) => coverageOf(model, requests),
      files: (report) => [{ path: COVERAGE_FILE, content: `${JSON.stringify(report, null, 2)}\n` }],
      line: (report) => coverageLine(report, `${shownDir}/${COVERAGE_FILE}`),
    },
    collect,
    write,
  );
}
