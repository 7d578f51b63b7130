// Drift as a reporter: at the end of the run, the JSON and Markdown files and one summary line.
import type { ApiModel } from '../../model/model.js';
import type { ReportFile } from '../events.js';
import { findingsReporter, type FindingsReporter } from '../findings-reporter.js';
import { driftOf, type DriftReport } from './drift.js';
import { DRIFT_FILES, driftLine, driftMarkdown } from './render.js';

/** `shownDir` is how the summary line names the reports folder (e.g. `reports`). */
export function driftReporter(model: ApiModel, collect: (file: ReportFile) => void, write: (text: string) => void, shownDir: string): FindingsReporter<DriftReport> {
  return findingsReporter(
    {
      make: (requests) => driftOf(model, requests),
      files: (report) => [
        { path: DRIFT_FILES.json, content: `${JSON.stringify(report, null, 2)}\n` },
        { path: DRIFT_FILES.md, content: driftMarkdown(report) },
      ],
      line: (report) => driftLine(report, `${shownDir}/${DRIFT_FILES.md}`),
    },
    collect,
    write,
  );
}
