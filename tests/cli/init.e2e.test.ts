// The promise of `init`: in an empty folder, init, then generate and contract pass at once
// against the embedded reference server, with no flag (the config names every path).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { REPO } from './helpers.js';

describe('init, then the commands with no flag', () => {
  it('generate --check and contract pass against the embedded server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-init-run-'));
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['generate', '--check'], { cwd: dir })).code).toBe(0);
    const contract = await runCli(['contract'], { cwd: dir });
    expect(contract.code, contract.stdout + contract.stderr).toBe(0);
    expect(contract.stderr).toBe('using description spec/api.yaml (from the config; config oauth-contract-kit.config.json)\n');
    expect(contract.stdout).toMatch(/\d+ passed, 0 failed, 0 skipped/);
    expect(contract.stdout).toContain('Reports: reports/contract-drift.json');
  });

  it('from an OpenAPI document (init --from): generate --check and contract pass against the embedded server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-init-from-'));
    const init = await runCli(['init', '--from', resolve(REPO, 'tests/fixtures/openapi/ebay-taxonomy.swagger.yaml')], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect((await runCli(['generate', '--check'], { cwd: dir })).code).toBe(0);
    const contract = await runCli(['contract'], { cwd: dir });
    expect(contract.code, contract.stdout + contract.stderr).toBe(0);
    expect(contract.stdout).toMatch(/\d+ passed, 0 failed, 0 skipped/);
  });
});
