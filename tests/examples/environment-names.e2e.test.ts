// No environment id is special: a description whose environments are `prod` and `sandbox` (no
// `local`) runs its contract against the embedded server like any other.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { applyEdit } from '../support/text-edit.js';

const SPEC = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');

describe('an embedded run of a description without a `local` environment', () => {
  it('passes (exit 0) with environments prod and sandbox, using the last (sandbox) one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-names-'));
    const spec = join(dir, 'parcels.yaml');
    const edits = [
      { replace: '  - id: production\n', with: '  - id: prod\n' },
      {
        replace: '  - id: local\n    name: Parcel Tracker Local reference server\n    baseUrl: http://127.0.0.1:4010',
        with: '  - id: sandbox\n    name: Parcel Tracker Sandbox\n    baseUrl: https://sandbox.parcels.example',
      },
    ];
    writeFileSync(
      spec,
      edits.reduce((text, edit) => applyEdit(text, edit).text, readFileSync(SPEC, 'utf8')),
    );
    const collections = join(dir, 'collections');
    expect((await runCli(['generate', '--spec', spec, '--out', collections])).code).toBe(0);
    const result = await runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(dir, 'reports')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'reports', 'contract-report.html'), 'utf8')).toContain('sandbox');
  });
});
