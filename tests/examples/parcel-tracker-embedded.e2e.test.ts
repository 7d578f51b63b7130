// The example API's contract run against the embedded reference server, which serves whatever the
// description holds: its form-body token endpoint, and both resources with no code of their own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const SPEC = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');

describe('examples/parcel-tracker.yaml against the embedded server', () => {
  it('passes, with one token issued and every endpoint called, and no drift', async () => {
    const collections = mkdtempSync(join(tmpdir(), 'parcels-collections-'));
    const reports = mkdtempSync(join(tmpdir(), 'parcels-reports-'));
    expect((await runCli(['generate', '--spec', SPEC, '--out', collections])).code).toBe(0);
    const result = await runCli(['contract', '--spec', SPEC, '--collections', collections, '--reports', reports]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(result.stdout).toContain('1 answered with a token');
    expect(result.stdout).toMatch(/Coverage: [\d.]+% \(5 of 5 endpoints called/);
    expect(result.stdout).not.toMatch(/securithings/i);
    const drift = JSON.parse(readFileSync(join(reports, 'contract-drift.json'), 'utf8')) as Record<string, { undocumentedFields: unknown[] }>;
    for (const endpoint of Object.values(drift)) expect(endpoint.undocumentedFields).toEqual([]);
  });
});
