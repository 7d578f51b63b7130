// `npm run bench -- --help` and `npm run load -- --help`: usage, exit 0, nothing run; a mistake is
// the usage with what is wrong, exit 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TSX } from '../cli/helpers.js';

const script = (name: string, args: string[]) => spawnSync(TSX, [join(REPO, 'bench', name), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

describe.each([
  ['run.ts', 'npm run bench --', '--runs', 'expected an integer from 1 to 50, got 0'],
  ['load.ts', 'npm run load --', '--seconds', '--seconds must be an integer from 1 to 600'],
])('bench/%s', (name, usage, option, problem) => {
  it('prints its usage on --help and exits 0 without running anything', () => {
    const result = script(name, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`Usage: ${usage} `)).toBe(true);
    expect(result.stdout).toContain(option);
    expect(result.stderr).toBe('');
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [[option, '0'], problem],
  ])('refuses %j with the usage, exit 2, no stack', (args, message) => {
    const result = script(name, args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(`${message}\n\nUsage: ${usage} `)).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
