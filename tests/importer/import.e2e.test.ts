// Each imported document, with no hand edit: every client is generated from the description and its
// contract run against the embedded reference server passes (newman runs in-process).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// The last column: the endpoints a run calls of those it documents (the imported ones and the token endpoint);
// an imported write is documented but not called, as no contract case names it.
const DOCUMENTS = [
  ['eBay Taxonomy (Swagger 2.0, real)', 'tests/fixtures/openapi/ebay-taxonomy.swagger.yaml', '5 of 5'],
  ['Tracker Fleet (OpenAPI 3.1, two files)', 'tests/fixtures/openapi/tracker-3.1/openapi.yaml', '4 of 5'],
  ['SumUp (OpenAPI 3.0, real: arrays, `statuses[]`, a boolean, `float`)', 'tests/fixtures/openapi/sumup-3.0.json', '5 of 5'],
  ['Scalar Galaxy (OpenAPI 3.1, real: four flows, `int64`)', 'tests/fixtures/openapi/scalar-galaxy-3.1.yaml', '2 of 2'],
  [
    'PayPal Subscriptions (OpenAPI 3.0, real: a required string with a `pattern`, no example)',
    'tests/fixtures/openapi/paypal-billing-subscriptions-3.0.json',
    '4 of 4',
  ],
] as const;

describe.each(DOCUMENTS)('%s imported', (_name, file, endpoints) => {
  it('generates every client and passes its contract run against the embedded server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
    const spec = join(dir, 'api.yaml');
    const imported = await runCli(['import', resolve(file), '--out', spec], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    const generated = await runCli(['generate', '--spec', spec, '--out', join(dir, 'collections')], { cwd: dir });
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout).toMatch(/postman_collection\.json[\s\S]*insomnia[\s\S]*openapi\.yaml|openapi\.yaml[\s\S]*postman_collection\.json/);
    const run = await runCli(['contract', '--spec', spec, '--collections', join(dir, 'collections'), '--reports', join(dir, 'reports')], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(run.stdout).toContain(`(${endpoints} endpoints called`);
  });
});
