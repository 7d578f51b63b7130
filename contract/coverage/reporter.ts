// Coverage as a reporter: at the end of the run, the JSON file and one summary line.
// A run that stopped early has one message, its stop; coverage stands aside (no line, no file).
import type { ApiModel } from '../../model/model.js';
import type { ContractReporter, ReportFile } from '../events.js';
import { coverageOf, type CoverageReport } from './coverage.js';
import { COVERAGE_FILE, coverageLine } from './render.js';

export interface CoverageReporter extends ContractReporter {
  /** The report, once the run is over; undefined when it stopped early. */
  report(): CoverageReport | undefined;
}

/** `shownDir` is how the summary line names the reports folder (e.g. `reports`). */
export function coverageReporter(model: ApiModel, collect: (file: ReportFile) => void, write: (text: string) => void, shownDir: string): CoverageReporter {
  let report: CoverageReport | undefined;
  return {
    onDone(summary, requests) {
      if (summary.stop) return;
      report = coverageOf(model, requests);
      collect({ path: COVERAGE_FILE, content: `${JSON.stringify(report, null, 2)}\n` });
      write(`${coverageLine(report, `${shownDir}/${COVERAGE_FILE}`)}\n`);
    },
    report: () => report,
  };
}
