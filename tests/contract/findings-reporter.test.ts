import { describe, expect, it } from 'vitest';
import type { ReportFile } from '../../contract/events.js';
import { findingsReporter } from '../../contract/findings-reporter.js';
import { passingRun, stoppedRun, type Run } from './reporters/records.js';

/** Counts the requests; one file and one line from that. */
function counted({ summary, requests, assertions }: Run) {
  const files: ReportFile[] = [];
  let out = '';
  const reporter = findingsReporter(
    { make: (seen) => seen.length, files: (n) => [{ path: 'count.json', content: `${n}\n` }], line: (n) => `Count: ${n}` },
    (file) => files.push(file),
    (text) => (out += text),
  );
  reporter.onDone!(summary, requests, assertions);
  return { report: reporter.report(), files, out };
}

describe('findingsReporter', () => {
  it('makes its report from the requests at the end of a run, hands back its files and writes one line', () => {
    const run = passingRun();
    expect(counted(run)).toEqual({ report: run.requests.length, files: [{ path: 'count.json', content: `${run.requests.length}\n` }], out: `Count: ${run.requests.length}\n` });
  });

  it('stands aside after a run that stopped early: no report, no file, no line', () => {
    expect(counted(stoppedRun())).toEqual({ report: undefined, files: [], out: '' });
  });
});
