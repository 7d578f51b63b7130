// The fast project stays fast: a test file that runs newman or `bru`, starts a subprocess or a
// contract run through newman must be named `*.e2e.test.ts` (vitest.config.ts puts those in the e2e project).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** What marks a test file as end-to-end, each with why. */
const COSTLY: [RegExp, string][] = [
  [/from 'node:child_process'/, 'starts a subprocess'],
  [/from '(\.\.\/)+support\/bru\.js'/, 'runs bru'],
  [/\b(runContract|recordedRun|runWithReports)\(|newman\.run\(/, 'runs newman'],
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') && path !== import.meta.filename ? [path] : [];
  });
}

describe('the split of tests by cost', () => {
  const files = testFiles(join(ROOT, 'tests'));

  it('names every costly test file *.e2e.test.ts', () => {
    const misplaced = files
      .filter((file) => !file.endsWith('.e2e.test.ts'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return COSTLY.filter(([pattern]) => pattern.test(text)).map(([, why]) => `${relative(ROOT, file)} ${why}`);
      });
    expect(misplaced).toEqual([]);
  });

  it('has tests on both sides', () => {
    expect(files.filter((f) => f.endsWith('.e2e.test.ts')).length).toBeGreaterThan(10);
    expect(files.filter((f) => !f.endsWith('.e2e.test.ts')).length).toBeGreaterThan(40);
  });
});
