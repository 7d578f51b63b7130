// action.yml and every workflow the kit ships or writes, validated against the SchemaStore schemas
// for GitHub actions and workflows, through @action-validator/core (which bundles them).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers.js';
import { runCli } from '../support/cli.js';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const errors = (state: { errors: { title: string }[] }) => state.errors.map((e) => e.title);

describe('GitHub schemas', () => {
  it('action.yml is a valid action', () => {
    expect(errors(validateAction(read('action.yml')))).toEqual([]);
  });

  it("the repository's workflow is a valid workflow", () => {
    expect(errors(validateWorkflow(read('.github/workflows/contract.yml')))).toEqual([]);
  });

  it('the workflow init writes is a valid workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-schema-'));
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(errors(validateWorkflow(readFileSync(join(dir, '.github/workflows/oauth-contract-kit.yml'), 'utf8')))).toEqual([]);
  });

  it('the schemas catch a broken action and a broken workflow', () => {
    expect(validateAction('name: a\ndescription: b\n').errors.length).toBeGreaterThan(0);
    expect(validateWorkflow('on: push\njobs:\n  x:\n    steps: []\n').errors.length).toBeGreaterThan(0);
  });
});
