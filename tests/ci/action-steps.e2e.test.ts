// The action's shell steps, run as GitHub runs a composite action's `run:` steps (bash -eo
// pipefail, the step's env and working-directory, `${{ inputs.* }}` filled in) in a project that
// ran `init`, with the kit's bin standing in for an install (a shim to this repository's CLI).
// The steps that `uses:` another action (setup-node, the JUnit reporter, upload-artifact) are not
// run here; tests/ci/action.test.ts checks how they are wired.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAIN, REPO, TSX } from '../cli/helpers.js';
import { runCli } from '../support/cli.js';

interface Step {
  name: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { steps: Step[] };
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.name }}` filled in; any other expression in a value the test hands bash is a test bug. */
function fill(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '');
}

/** The step conditions action.yml uses, evaluated after earlier steps' outcome. */
function runs(condition: string | undefined, inputs: Record<string, string>, failed: boolean): boolean {
  if (condition === undefined) return !failed;
  const always = condition.startsWith('always()');
  const rest = condition.replace(/^always\(\)( && )?/, '');
  if (!always && failed) return false;
  if (rest === '') return true;
  const match = /^inputs\.([\w-]+) (==|!=) '([^']*)'$/.exec(rest);
  if (!match) throw new Error(`the test does not evaluate the condition ${condition}`);
  const equal = (inputs[match[1]!] ?? '') === match[3];
  return match[2] === '==' ? equal : !equal;
}

async function initProject(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kit-action-'));
  expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  const shim = join(dir, 'node_modules/.bin/oauth-contract-kit');
  writeFileSync(shim, `#!/usr/bin/env bash\nexec ${JSON.stringify(TSX)} ${JSON.stringify(MAIN)} "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

interface StepRun {
  name: string;
  status: number | null;
  output: string;
}

/** Runs the action's shell steps in order; stops running the plain ones after a failure, as GitHub does. */
function runAction(dir: string, given: Record<string, string>, env: Record<string, string> = {}): StepRun[] {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given };
  const summary = join(dir, 'step-summary.md');
  const results: StepRun[] = [];
  let failed = false;
  for (const step of action.runs.steps) {
    if (!step.run || !runs(step.if, inputs, failed)) continue;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, fill(value, inputs)]));
    const cwd = join(dir, fill(step['working-directory'] ?? '.', inputs));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      timeout: 90_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_STEP_SUMMARY: summary, ...env, ...stepEnv },
    });
    results.push({ name: step.name, status: result.status, output: result.stdout + result.stderr });
    failed ||= result.status !== 0;
  }
  return results;
}

describe("the action's shell steps in a project init wrote", () => {
  it('embedded: the collections are fresh and the contract passes; the job summary holds the drift report', async () => {
    const dir = await initProject();
    const steps = runAction(dir, { environment: 'embedded' });
    expect(
      steps.map((s) => [s.name, s.status]),
      steps.map((s) => s.output).join('\n'),
    ).toEqual([
      ['Check the inputs and, for a real run, its settings', 0],
      ['Install the kit', 0],
      ['The committed collections are fresh', 0],
      ['Contract suite', 0],
      ['Job summary', 0],
    ]);
    expect(steps[1]!.output).toContain("the project's own install");
    expect(existsSync(join(dir, 'reports/contract-junit.xml'))).toBe(true);
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toMatch(/^## Contract drift\n/);
  });

  it('real without the base URL: fails at once naming the setting, never falling back to the embedded server', async () => {
    const dir = await initProject();
    const steps = runAction(dir, { environment: 'real', 'env-prefix': 'MY_API' }, { MY_API_CLIENT_ID: 'id', MY_API_CLIENT_SECRET: 'not-a-real-secret' });
    expect(steps.map((s) => [s.name, s.status])).toEqual([
      ['Check the inputs and, for a real run, its settings', 2],
      ['Job summary', 0],
    ]);
    expect(steps[0]!.output).toContain('::error::environment: real, but MY_API_BASE_URL is not set');
    expect(steps[0]!.output).not.toContain('not-a-real-secret');
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('real without env-prefix, or an unknown environment: exit 2', async () => {
    const dir = await initProject();
    expect(runAction(dir, { environment: 'real' }, { MY_API_BASE_URL: 'https://api.example.com' })[0]).toMatchObject({
      status: 2,
      output: expect.stringContaining('needs env-prefix'),
    });
    expect(runAction(dir, { environment: 'staging' })[0]).toMatchObject({
      status: 2,
      output: expect.stringContaining("environment must be embedded or real, got 'staging'"),
    });
  });

  it('stale collections: the freshness step fails (exit 1) and the contract does not run', async () => {
    const dir = await initProject();
    writeFileSync(join(dir, 'collections/my-api.openapi.yaml'), 'edited by hand\n');
    const steps = runAction(dir, {});
    expect(steps.map((s) => [s.name, s.status])).toEqual([
      ['Check the inputs and, for a real run, its settings', 0],
      ['Install the kit', 0],
      ['The committed collections are fresh', 1],
      ['Job summary', 0],
    ]);
    expect(steps[2]!.output).toContain('stale: collections/my-api.openapi.yaml');
  });
});
