// Drift as a reporter: at the end of the run, the JSON and Markdown files and one summary line.
// A run that stopped early has one message, its stop; drift stands aside (no line, no files).
import type { ApiModel } from '../../model/model.js';
import type { ContractReporter, ReportFile } from '../events.js';
import { driftOf, type DriftReport } from './drift.js';
import { DRIFT_FILES, driftLine, driftMarkdown } from './render.js';

export interface DriftReporter extends ContractReporter {
  /** The report, once the run is over; undefined when it stopped early. */
  report(): DriftReport | undefined;
}

/** `shownDir` is how the summary line names the reports folder (e.g. `reports`). */
export function driftReporter(model: ApiModel, collect: (file: ReportFile) => void, write: (text: string) => void, shownDir: string): DriftReporter {
  let report: DriftReport | undefined;
  return {
    onDone(summary, requests) {
      if (summary.stop) return;
      report = driftOf(model, requests);
      collect({ path: DRIFT_FILES.json, content: `${JSON.stringify(report, null, 2)}\n` });
      collect({ path: DRIFT_FILES.md, content: driftMarkdown(report) });
      write(`${driftLine(report, `${shownDir}/${DRIFT_FILES.md}`)}\n`);
    },
    report: () => report,
  };
}
