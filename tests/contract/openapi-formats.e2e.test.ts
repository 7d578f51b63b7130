// A hand-written description may use OpenAPI's formats (`int64`, `int32`): valid, and ajv-formats
// knows them, but Postman's sandbox (Ajv 6) refuses a schema naming a format it does not know, which
// failed a correct answer. The clients' schema checks carry only the formats every client knows
// (model/client-formats.ts); the OpenAPI output keeps the description's formats.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

function withOpenApiFormats(text: string): string {
  const edits: Array<[string, string]> = [
    ['total: { type: integer, minimum: 0 }', 'total: { type: integer, minimum: 0, format: int64 }'],
    ['expires_in: { type: integer, minimum: 1 }', 'expires_in: { type: integer, minimum: 1, format: int32 }'],
  ];
  for (const [from, to] of edits) {
    expect(text.split(from)).toHaveLength(2);
    text = text.replace(from, to);
  }
  return text;
}

describe('a description with `format: int64` on a response field', () => {
  it('passes its contract run against the embedded server, and the OpenAPI output keeps the format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-formats-'));
    const spec = join(dir, 'api.yaml');
    writeFileSync(spec, withOpenApiFormats(readFileSync(FIXTURE_SPEC, 'utf8')));
    const collections = join(dir, 'collections');
    const generated = await runCli(['generate', '--spec', spec, '--out', collections]);
    expect(generated.code, generated.stderr).toBe(0);
    const run = await runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(dir, 'reports')]);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/: PASSED/);
    const files = generated.stdout.split('\n').map((line) => line.trim());
    const openapi = readFileSync(join(collections, files.find((f) => f.endsWith('.openapi.yaml'))!), 'utf8');
    expect(openapi).toContain('format: int64');
    const postman = readFileSync(join(collections, files.find((f) => f.endsWith('.postman_collection.json'))!), 'utf8');
    expect(postman).not.toMatch(/format\\?["']?\s*:\s*\\?["']int(64|32)/);
    expect(postman).toContain('Format: int64 (not checked');
  });
});
