// action.yml, the workflow `init` writes, the repository's own workflow and the GitLab example:
// structurally valid (tests/ci/github.ts), and wired to each other.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/cli.js';
import { REPO } from '../cli/helpers.js';
import { actionProblems, workflowProblems } from './github.js';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
type Step = { uses?: string; run?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> };

async function initWorkflow(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kit-ci-'));
  expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
  return readFileSync(join(dir, '.github/workflows/oauth-contract-kit.yml'), 'utf8');
}

describe('the checks themselves', () => {
  it('catch a run step without shell, a step with run and uses, an undeclared input, a job without runs-on', () => {
    expect(
      actionProblems(
        'name: a\ndescription: b\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.nope }}\n    - run: x\n      shell: bash\n      uses: a/b@v1\n',
      ),
    ).toEqual([
      "runs.steps[0]: a composite action's run step needs shell",
      'runs.steps[1]: a step has exactly one of run and uses',
      'inputs.nope is used but not declared',
    ]);
    expect(workflowProblems('on: push\npermissions:\n  check: write\njobs:\n  a:\n    steps:\n      - uses: actions/checkout\n')).toEqual([
      'permissions.check: not a permission',
      'jobs.a: runs-on is required',
      'jobs.a.steps[0]: uses actions/checkout is not owner/repo@ref, ./path or docker://',
    ]);
  });
});

describe('action.yml', () => {
  const text = read('action.yml');
  const action = parse(text) as { inputs: Record<string, unknown>; runs: { steps: Step[] } };

  it('is a valid composite action', () => {
    expect(actionProblems(text)).toEqual([]);
  });

  it('publishes JUnit with a well-known reporter and uploads the reports, even when the contract fails, and says which permission it needs', () => {
    const junit = action.runs.steps.find((step) => step.uses?.startsWith('mikepenz/action-junit-report@'));
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(junit?.if).toMatch(/^always\(\)/);
    expect(upload?.if).toBe('always()');
    expect(text).toContain('permissions: checks: write');
  });

  it('puts no input straight into a script (each reaches it through env)', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toContain('${{');
  });

  it('ships in the package, so the workflow init writes can use it from node_modules', () => {
    expect((JSON.parse(read('package.json')) as { files: string[] }).files).toContain('action.yml');
  });
});

describe('the workflow init writes', () => {
  it('is valid, with checks: write, and calls the installed action with inputs it declares: embedded on push, real on a schedule with the settings from vars and secrets', async () => {
    const text = await initWorkflow();
    expect(workflowProblems(text)).toEqual([]);
    const workflow = parse(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { if: string; steps: Step[] }> };
    expect(workflow.permissions.checks).toBe('write');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'schedule']));
    const inputs = Object.keys((parse(read('action.yml')) as { inputs: object }).inputs);
    const kitStep = (job: string) => workflow.jobs[job]!.steps.find((step) => step.uses === './node_modules/oauth-contract-kit')!;
    for (const job of ['embedded', 'real-api']) for (const name of Object.keys(kitStep(job).with ?? {})) expect(inputs).toContain(name);
    expect(kitStep('embedded').with).toMatchObject({ environment: 'embedded' });
    expect(kitStep('real-api').with).toMatchObject({ environment: 'real', 'env-prefix': 'MY_API' });
    expect(kitStep('real-api').env).toMatchObject({
      MY_API_BASE_URL: '${{ vars.MY_API_BASE_URL }}',
      MY_API_CLIENT_SECRET: '${{ secrets.MY_API_CLIENT_SECRET }}',
    });
    expect(workflow.jobs['real-api']!.if).toContain("github.event_name == 'schedule'");
  });
});

describe('the other CI files', () => {
  it("the repository's own workflow is valid", () => {
    expect(workflowProblems(read('.github/workflows/contract.yml'))).toEqual([]);
  });

  it('the GitLab example: fresh collections and the embedded contract on pushes, the real API on a schedule that fails without its base URL, JUnit as a report', () => {
    const gitlab = parse(read('docs/ci/gitlab-ci.yml'), { merge: true }) as Record<
      string,
      { script: string[]; rules: { if: string }[]; artifacts: { reports: { junit: string } } }
    >;
    expect(gitlab['contract:embedded']!.script).toEqual([
      'npx --no-install oauth-contract-kit generate --check',
      'npx --no-install oauth-contract-kit contract --reports reports',
    ]);
    expect(gitlab['contract:real']!.rules[0]!.if).toBe('$CI_PIPELINE_SOURCE == "schedule"');
    expect(gitlab['contract:real']!.script[0]).toContain('test -n "${MY_API_BASE_URL:-}"');
    expect(gitlab['contract:real']!.artifacts.reports.junit).toBe('reports/contract-junit.xml');
  });
});
