// A real 821-operation document, the commercetools Composable Commerce API (tests/fixtures/openapi/
// README.md), imported with no hand edit (`--client-auth basic`, which no OpenAPI document states):
// every client is generated, with the token settings the document's clientCredentials flow
// states, and the description passes its contract run against the embedded server (about 30 s),
// sending every imported HEAD and none of its imported DELETE operations (a write is sent only for a
// contract case naming it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const FIXTURE = resolve('tests/fixtures/openapi/commercetools-api.openapi.yaml.gz');
const TOKEN_HOST = 'https://auth.europe-west1.gcp.commercetools.com';

const temp = () => mkdtempSync(join(tmpdir(), 'commercetools-'));

async function importAndGenerate(dir: string, document: string) {
  const spec = join(dir, 'api.yaml');
  const imported = await runCli(['import', document, '--out', spec, '--client-auth', 'basic'], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
  const generated = await runCli(['generate', '--spec', spec, '--out', join(dir, 'collections')], { cwd: dir });
  expect(generated.code, generated.stderr).toBe(0);
  return { spec, imported, collections: join(dir, 'collections') };
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const field = (list: Array<{ key: string; value: unknown }>, key: string) => list.find((e) => e.key === key)?.value;

describe('the commercetools Composable Commerce API (821 operations, OpenAPI 3.0)', () => {
  /** The description and clients the first test writes; the contract run uses them. */
  let imported: { dir: string; spec: string; collections: string } | undefined;

  it('imports with no hand edit and generates every client, with the token URL of its clientCredentials flow and Basic client auth', async () => {
    const dir = temp();
    const document = join(dir, 'commercetools.yaml');
    writeFileSync(document, gunzipSync(readFileSync(FIXTURE)));
    const done = await importAndGenerate(dir, document);
    imported = { dir, ...done };
    const { collections } = done;
    // 242 GET and POST operations kept before DELETE and HEAD were imported; 45 DELETE and 109 HEAD more
    // (68 DELETE and 105 HEAD others have a path parameter inside a segment)
    expect(done.imported.stdout).toContain('Operations: 396 of 821 kept');
    expect(done.imported.stdout).toContain('Every path starts with the path parameter `{projectKey}`');
    const collection = json(join(collections, 'commercetools-composable-commerce-api.postman_collection.json'));
    expect(field(collection.auth.oauth2, 'accessTokenUrl')).toBe('{{tokenBaseUrl}}/oauth/token');
    expect(field(collection.auth.oauth2, 'client_authentication')).toBe('header');
    expect(field(collection.variable, 'tokenBaseUrl')).toBe(TOKEN_HOST);
    expect(field(collection.variable, 'baseUrl')).toBe('https://api.us-central1.gcp.commercetools.com');
    const production = json(join(collections, 'commercetools-composable-commerce-api-production.postman_environment.json'));
    expect(field(production.values, 'tokenBaseUrl')).toBe(TOKEN_HOST);
    // Basic client auth: the token request carries no client secret in its form body
    expect(readFileSync(join(collections, 'commercetools-composable-commerce-api.postman_collection.json'), 'utf8')).not.toMatch(/"client_secret"/);
  }, 120_000);

  it('passes its contract run against the embedded server', async () => {
    expect(imported, 'the import above ran').toBeDefined();
    const { dir, spec, collections } = imported!;
    const run = await runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(dir, 'reports')], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    // the 109 HEAD endpoints are called (123 + 109); the 45 DELETE ones are documented, not called: each is skipped visibly, none is sent
    expect(run.stdout).toMatch(/Coverage: [\d.]+% \(232 of 397 endpoints called/);
    expect(run.stdout.match(/^ {4}HEAD http:\/\/127\.0\.0\.1:\d+\/\S+ -> 200 /gm)).toHaveLength(109);
    expect(
      run.stdout.match(/^ {2}SKIP .*: a DELETE request changes data; the contract run sends it only for a contract case that names the endpoint\.$/gm),
    ).toHaveLength(45);
    expect(run.stdout).not.toMatch(/^\s+DELETE http/m);
  }, 120_000);
});
