// What a run learned about the API (drift, coverage) as a reporter: at the end of the run, one
// report made from its requests, the files it is written to and one summary line. A run that
// stopped early has one message, its stop; these reports stand aside (no line, no files).
import type { ContractReporter, ReportFile, RequestRecord } from './events.js';

export interface Findings<R> {
  make(requests: readonly RequestRecord[]): R;
  files(report: R): ReportFile[];
  line(report: R): string;
}

export interface FindingsReporter<R> extends ContractReporter {
  /** The report, once the run is over; undefined when it stopped early. */
  report(): R | undefined;
}

export function findingsReporter<R>(findings: Findings<R>, collect: (file: ReportFile) => void, write: (text: string) => void): FindingsReporter<R> {
  let report: R | undefined;
  return {
    onDone(summary, requests) {
      if (summary.stop) return;
      const made = findings.make(requests);
      report = made;
      for (const file of findings.files(made)) collect(file);
      write(`${findings.line(made)}\n`);
    },
    report: () => report,
  };
}
