// Refusals as documented: a description whose `no credentials` token case expects 400 (as
// Microsoft documents) passes against the embedded reference server, which answers 400
// invalid_request for it, and against an independent strict server that answers 400; the same
// server fails a description that says 401, on that case's status check.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startStrictServer, STRICT_CLIENT, type StrictServer } from '../support/strict-oauth-server.js';
import { applyEdit } from '../support/text-edit.js';

const SPEC = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');
const NO_CREDENTIALS_401 = '      token: { credentials: none }\n      expect: { status: 401, json: true }';

/** The parcel tracker, as shipped (401 without credentials) or documenting 400; generated into its own folder. */
async function described(status: 400 | 401): Promise<{ spec: string; collections: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `refusals-${status}-`));
  const spec = join(dir, 'parcels.yaml');
  const text = readFileSync(SPEC, 'utf8');
  writeFileSync(spec, status === 401 ? text : applyEdit(text, { replace: NO_CREDENTIALS_401, with: NO_CREDENTIALS_401.replace('401', '400') }).text);
  const collections = join(dir, 'collections');
  expect((await runCli(['generate', '--spec', spec, '--out', collections])).code).toBe(0);
  return { spec, collections, dir };
}

const contract = ({ spec, collections, dir }: { spec: string; collections: string; dir: string }, env: NodeJS.ProcessEnv = {}) =>
  runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(dir, `reports-${Object.keys(env).length}`)], { env });

let strict: StrictServer;
beforeAll(async () => {
  strict = await startStrictServer({ missingCredentials: 400 });
});
afterAll(() => strict?.close());
const strictSettings = () => ({ PARCELS_BASE_URL: strict.url, PARCELS_CLIENT_ID: STRICT_CLIENT.clientId, PARCELS_CLIENT_SECRET: STRICT_CLIENT.clientSecret });

describe('a description that documents 400 for a token request without credentials', () => {
  it('passes against the embedded reference server (exit 0); its OpenAPI lists 400 for missing and 401 for wrong credentials', async () => {
    const files = await described(400);
    const openapi = readFileSync(join(files.collections, 'parcel-tracker.openapi.yaml'), 'utf8');
    expect(openapi).toMatch(/"400":\n\s+description: Missing client credentials \(RFC 6749 section 5\.2\)\./);
    expect(openapi).toMatch(/"401":\n\s+description: Wrong client credentials \(RFC 6749 section 5\.2\)\./);
    const result = await contract(files);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(result.code).toBe(0);
  });

  it('passes against an independent server answering 400 for missing credentials (exit 0)', async () => {
    const result = await contract(await described(400), strictSettings());
    expect(result.code, result.stdout).toBe(0);
    expect(strict.tokenRequests.some((r) => r.status === 400 && !r.fields.some(([name]) => name === 'client_secret'))).toBe(true);
  });
});

describe('a description that documents 401 for it', () => {
  it('still passes against the embedded reference server, which answers 401 where the description says so', async () => {
    expect((await contract(await described(401))).code).toBe(0);
  });

  it("fails against the server answering 400 (exit 1), on the case's status check", async () => {
    const result = await contract(await described(401), strictSettings());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'FAIL Contract checks / Token refused without client credentials > status is 401: expected response to have status code 401 but got 400',
    );
    // page 2 of the paging case counts 6 of them
    expect(result.stdout).toMatch(/^59 passed, 1 failed/m);
    expect(result.stdout).not.toContain(STRICT_CLIENT.clientSecret);
  });
});
