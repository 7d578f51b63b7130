// The bru runner against a stand-in bru (a small node script): how the settings reach it, and what
// the run says when bru fails, races or prints too much. The real bru is in bru-runner.e2e.test.ts.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACE_MESSAGE, runBru } from '../../contract/bru-runner.js';
import { Redactor } from '../../contract/redact.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { planFor } from './plan.js';

const SECRET = 'fake-bru-secret-0123456789';

interface Call {
  args: string[];
  envFile: string;
  mode: number;
  environment: { variables: { name: string; value: string; secret: boolean }[] };
}

/** A stand-in bru that logs how it was called, writes `report` (when given) as its JSON report, prints `output` and exits `code`. */
function fakeBru(behaviour: { report?: unknown; output?: string; code?: number }): { bru: string; calls: () => Call[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-bru-'));
  const log = join(dir, 'calls.log');
  const script = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const envFile = args[args.indexOf('--env-file') + 1];
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, envFile, mode: fs.statSync(envFile).mode & 0o777, environment: JSON.parse(fs.readFileSync(envFile, 'utf8')) }) + '\\n');
const report = ${JSON.stringify(behaviour.report === undefined ? null : JSON.stringify(behaviour.report))};
if (report !== null) fs.writeFileSync(args[args.indexOf('--reporter-json') + 1], report);
process.stdout.write(${JSON.stringify(behaviour.output ?? '')}, () => process.exit(${behaviour.code ?? 0}));
`;
  const bru = join(dir, 'bru');
  writeFileSync(bru, script);
  chmodSync(bru, 0o755);
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Call)
      : [];
  return { bru, calls };
}

const plan = (paced = false) => {
  const base = planFor('http://127.0.0.1:9', { clientSecret: SECRET });
  return { ...base, values: { ...base.values, [SCRIPT_VARIABLES.pacing]: paced ? 'on' : 'off' } };
};
const run = (bru: string, paced = false) => runBru(plan(paced), tmpdir(), bru, [], new Redactor());
const raced = [
  {
    results: [
      { test: { filename: 'Devices/Get Devices.bru' }, request: { method: 'GET', url: 'http://127.0.0.1:9/v1/devices' }, response: {}, testResults: [] },
    ],
  },
];

describe('the bru runner', () => {
  it('gives bru the settings in a 0600 environment file, never on its command line, and removes the file after', async () => {
    const fake = fakeBru({ report: [{ results: [] }] });
    const summary = await run(fake.bru);
    const [call] = fake.calls();
    expect(summary.stop).toBeUndefined();
    expect(call!.args.join(' ')).not.toContain(SECRET);
    expect(call!.mode).toBe(0o600);
    expect(call!.environment.variables).toContainEqual(expect.objectContaining({ name: 'clientSecret', value: SECRET, secret: true }));
    expect(existsSync(call!.envFile)).toBe(false);
  });

  it('stops (exit 2) when bru fails without a report, quoting the end of what it said, redacted', async () => {
    const fake = fakeBru({ output: `Environment file not found\nclientSecret=${SECRET}\n`, code: 6 });
    const summary = await run(fake.bru);
    expect(summary.stop?.exitCode).toBe(2);
    expect(summary.stop?.message).toContain('bru run could not make the run (exit code 6)');
    expect(summary.stop?.message).toContain('Environment file not found');
    expect(summary.stop?.message).not.toContain(SECRET);
  });

  it('keeps a bounded part of what bru prints', async () => {
    const fake = fakeBru({ output: 'x'.repeat(5 * 1024 * 1024), code: 9 });
    const summary = await run(fake.bru);
    expect(summary.stop?.exitCode).toBe(2);
    expect(summary.stop!.message.length).toBeLessThan(70_000);
  });

  it('runs bru again once on its first-request race, and stops (exit 2) rather than judge the API when it races again', async () => {
    const fake = fakeBru({ report: raced, code: 1 });
    const summary = await run(fake.bru);
    expect(fake.calls()).toHaveLength(2);
    expect(summary.stop).toEqual({ exitCode: 2, message: RACE_MESSAGE });
  });

  it('does not run bru again when the run is paced (rate limits): a second run would ask for tokens over the limit', async () => {
    const fake = fakeBru({ report: raced, code: 1 });
    const summary = await run(fake.bru, true);
    expect(fake.calls()).toHaveLength(1);
    expect(fake.calls()[0]!.args).toEqual(expect.arrayContaining(['--delay', '1100']));
    expect(summary.stop?.exitCode).toBe(2);
  });
});
