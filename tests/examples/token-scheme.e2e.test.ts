// A description whose API takes its token under another Authorization scheme than Bearer
// (`auth.tokenPrefix: Token`, as some vendors document `Authorization: Token <token>`): a copy of
// examples/warehouse-orders.yaml with that one change. Its contract run passes against the
// embedded reference server, which takes exactly the documented scheme, and against the strict
// warehouse server told to take only `Token` (tests/support/strict-warehouse-server.ts, written
// from the docs); the generated clients, run by their own tools (plain newman, `bru run`), send
// `Token` on every data request, the contract case with an altered token too.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bru } from '../support/bru.js';
import { runCli } from '../support/cli.js';
import { startStrictWarehouse, WAREHOUSE_CLIENT, WAREHOUSE_DOCS, type StrictWarehouse } from '../support/strict-warehouse-server.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/warehouse-orders.yaml');
const SCHEME = 'Token';

/** A case sending the client's own token altered, which every client writes under its own auth settings. */
const TAMPERED_CASE = `    - id: ordersTamperedToken
      name: List orders refused with an altered token
      endpoint: listOrders
      auth: tampered
      expect: { status: 401, json: true }
      basis: RFC 6750 section 3.1 (invalid_token)
`;

/**
 * The example with `tokenPrefix: Token` (and its prose saying so) and a case sending an altered token; fails loudly if
 * the example no longer reads as this expects.
 */
function tokenSchemeDescription(): string {
  const text = readFileSync(EXAMPLE, 'utf8');
  const prefix = '  tokenPrefix: Bearer\n';
  const cases = '  cases:\n';
  expect(text).toContain(prefix);
  expect(text).toContain(cases);
  return text
    .replace(prefix, `  tokenPrefix: ${SCHEME}\n`)
    .replaceAll('Authorization: Bearer <token>', `Authorization: ${SCHEME} <token>`)
    .replace(cases, `${cases}${TAMPERED_CASE}`);
}

let dir: string;
let spec: string;
let strict: StrictWarehouse;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'token-scheme-'));
  spec = join(dir, 'warehouse-token-scheme.yaml');
  await writeFile(spec, tokenSchemeDescription());
  const generated = await runCli(['generate', '--spec', spec, '--out', dir]);
  expect(generated.code, generated.stderr).toBe(0);
  strict = await startStrictWarehouse({ scheme: SCHEME });
});
afterAll(async () => {
  await strict?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const settings = (server: StrictWarehouse) => ({
  WAREHOUSE_BASE_URL: server.url,
  WAREHOUSE_CLIENT_ID: WAREHOUSE_CLIENT.clientId,
  WAREHOUSE_CLIENT_SECRET: WAREHOUSE_CLIENT.clientSecret,
});
const envVar = (server: StrictWarehouse) =>
  Object.entries({ baseUrl: server.url, clientId: WAREHOUSE_CLIENT.clientId, clientSecret: WAREHOUSE_CLIENT.clientSecret }).map(([key, value]) => ({
    key,
    value,
  }));

/** The Authorization schemes of the data requests the strict server saw from `from` on, and how many it refused with 401. */
function dataSince(from: number) {
  const data = strict.requests.slice(from).filter((r) => r.path !== WAREHOUSE_DOCS.tokenPath);
  return { schemes: [...new Set(data.flatMap((r) => (r.scheme === undefined ? [] : [r.scheme])))], count: data.length };
}

describe('a description whose tokenPrefix is Token', () => {
  it('the strict server takes only Token: Bearer with its own token is refused with 401', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: WAREHOUSE_CLIENT.clientId, client_secret: WAREHOUSE_CLIENT.clientSecret });
    const { access_token } = (await (await fetch(`${strict.url}${WAREHOUSE_DOCS.tokenPath}`, { method: 'POST', body: form })).json()) as {
      access_token: string;
    };
    const list = (scheme: string) => fetch(`${strict.url}${WAREHOUSE_DOCS.ordersPath}`, { headers: { authorization: `${scheme} ${access_token}` } });
    expect((await list('Bearer')).status).toBe(401);
    expect((await list('token')).status).toBe(200);
  });

  it.each([
    ['newman', []],
    ['bru', ['--runner', 'bru']],
  ])('passes its contract run (%s) against the embedded reference server', { retry: 1, timeout: 120_000 }, async (runner, flags) => {
    const result = await runCli(['contract', '--spec', spec, '--collections', dir, ...flags, '--reports', join(dir, `reports-embedded-${runner}`)]);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
  });

  it.each([
    ['newman', []],
    ['bru', ['--runner', 'bru']],
  ])('passes its contract run (%s) against the strict server, every data request under Token', { retry: 1, timeout: 120_000 }, async (runner, flags) => {
    const before = strict.requests.length;
    const tokensBefore = strict.issued.length;
    const reports = join(dir, `reports-strict-${runner}`);
    const result = await runCli(['contract', '--spec', spec, '--collections', dir, ...flags, '--reports', reports], { env: settings(strict) });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { schemes, count } = dataSince(before);
    expect(count).toBeGreaterThan(0);
    expect(schemes).toEqual([SCHEME]);
    // No token sent under `Token`, whole or in part, in the output or a report.
    const texts = [result.stdout, result.stderr, ...readdirSync(reports).map((name) => readFileSync(join(reports, name), 'utf8'))];
    const tokens = strict.issued.slice(tokensBefore);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens)
      for (const needle of [token, token.slice(8, 24), Buffer.from(token).toString('base64')]) expect(texts.some((t) => t.includes(needle))).toBe(false);
  });

  it('plain newman (the whole collection) against the strict server: every check passes, every data request under Token', async () => {
    const collection = JSON.parse(await readFile(join(dir, 'warehouse-orders.postman_collection.json'), 'utf8'));
    const before = strict.requests.length;
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) =>
      newman.run({ collection, envVar: envVar(strict), reporters: [] }, (error, s) => (error ? reject(error) : resolve(s))),
    );
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);
    expect(dataSince(before).schemes).toEqual([SCHEME]);
  }, 60_000);

  it('`bru run` against the strict server: every request passes, every data request under Token', { retry: 2, timeout: 60_000 }, async () => {
    const before = strict.requests.length;
    const results = join(dir, 'bru-results.json');
    const args = ['run', '-r', '--env', 'production', ...envVar(strict).flatMap(({ key, value }) => ['--env-var', `${key}=${value}`])];
    const { code, output } = await bru([...args, '--reporter-json', results], join(dir, 'bruno'));
    expect(code, output).toBe(0);
    const [iteration] = JSON.parse(await readFile(results, 'utf8')) as { summary: Record<string, number> }[];
    expect(iteration!.summary).toMatchObject({ failedRequests: 0, failedAssertions: 0, failedTests: 0 });
    expect(dataSince(before).schemes).toEqual([SCHEME]);
  });
});
