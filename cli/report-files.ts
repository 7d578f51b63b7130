// The contract run's report folder: checked before the run makes a request, emptied of the last
// run's reports when it starts (so a refused run leaves none that say PASSED). The new ones are
// written at its end by writeFiles: a temp file created exclusively, renamed over the report (a
// link at the report's path is replaced, not followed).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors.js';

/** Every file a contract run may write into the reports folder. */
export const REPORT_NAMES = ['contract-junit.xml', 'contract-report.html', 'contract-drift.json', 'contract-drift.md', 'contract-coverage.json'] as const;

/** Makes sure `dir` is a folder this process can write into, and removes the last run's reports from it. */
export function prepareReportsFolder(dir: string, shown: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('it is not a folder');
    const probe = join(dir, `.write-probe-${process.pid}`);
    rmSync(probe, { force: true });
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe);
    for (const name of REPORT_NAMES) rmSync(join(dir, name), { force: true });
  } catch (error) {
    throw new CliError(`cannot write reports into ${shown}/: ${reason(error)} (choose another folder with --reports DIR)`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `not writable (${code})`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the folder';
  return (error as Error).message;
}
