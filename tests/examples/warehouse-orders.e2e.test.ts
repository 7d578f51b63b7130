// examples/warehouse-orders.yaml, a description with a write endpoint (Create order, a JSON body),
// an opaque token whose token_type is `Warehouse Access Token` (sent back as Bearer) living 1800 to
// 3600 s, and a list paged by page number from 1: its contract run against the embedded reference
// server and a strict server written from its docs (tests/support/strict-warehouse-server.ts) sends
// a write only for the contract cases that name the endpoint, each with the case's body, walks the
// list to `page=2`, runs the token_type and lifetime checks and no JWT check, and never writes the
// token anywhere; plain newman and `bru run` send the documented body as written and page 2 too.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bru } from '../support/bru.js';
import { runCli, type CliResult } from '../support/cli.js';
import { decodedRuns } from '../support/decoded-runs.js';
import { startStrictWarehouse, WAREHOUSE_CLIENT, WAREHOUSE_DOCS, type StrictWarehouse } from '../support/strict-warehouse-server.js';

const SPEC = join(import.meta.dirname, '../../examples/warehouse-orders.yaml');
const VALID = { sku: 'SKU-54321', quantity: 3 };
const BROKEN = { sku: 'not-a-sku', quantity: 0 };
const EXAMPLE = { sku: 'SKU-12345', quantity: 2, note: 'Fragile' };
const TOKEN_CHECKS = ['token_type is Warehouse Access Token (any case)', 'the token lives between 1800 and 3600 s as documented (expires_in, where given)'];
/** The paging case's two requests: page 1 as the case writes it, page 2 by number. */
const PAGE_WALK = ['page_size=1', 'page_size=1&page=2'];
const settings = (server: StrictWarehouse) => ({
  WAREHOUSE_BASE_URL: server.url,
  WAREHOUSE_CLIENT_ID: WAREHOUSE_CLIENT.clientId,
  WAREHOUSE_CLIENT_SECRET: WAREHOUSE_CLIENT.clientSecret,
});

let dir: string;
let strict: StrictWarehouse;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warehouse-orders-'));
  const generated = await runCli(['generate', '--spec', SPEC, '--out', dir]);
  expect(generated.code, generated.stderr).toBe(0);
  strict = await startStrictWarehouse();
});
afterAll(async () => {
  await strict?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The requests the strict server saw from `from` on: the methods, the bodies of the writes, the queries of List orders that sent one. */
function seenSince(from: number) {
  const seen = strict.requests.slice(from);
  const data = seen.filter((r) => r.path !== WAREHOUSE_DOCS.tokenPath);
  return {
    methods: [...new Set(data.map((r) => r.method))].sort(),
    writes: data.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map((r) => [r.status, JSON.parse(r.body ?? 'null')]),
    listQueries: data.filter((r) => r.method === 'GET' && r.path === WAREHOUSE_DOCS.ordersPath && r.query !== '').map((r) => `${r.query} -> ${r.status}`),
    schemes: [...new Set(data.flatMap((r) => (r.scheme === undefined ? [] : [r.scheme])))],
  };
}

/** Every file of a run's reports folder, with its text. */
const reportTexts = (reports: string) => readdirSync(reports).map((name) => ({ name, text: readFileSync(join(reports, name), 'utf8') }));

/** The JUnit checks that passed, by name. */
function passedChecks(reports: string): string[] {
  const junit = readFileSync(join(reports, 'contract-junit.xml'), 'utf8');
  return [...junit.matchAll(/<testcase name="([^"]*)"[^>]*\/>/g)].map((m) => m[1]!);
}

/** No token the strict server issued, whole, in part or encoded, in the run's output or any of its reports. */
function expectNoTokenIn(result: CliResult, reports: string, tokens: string[]): void {
  expect(tokens.length).toBeGreaterThan(0);
  const texts = [{ name: 'stdout', text: result.stdout }, { name: 'stderr', text: result.stderr }, ...reportTexts(reports)];
  expect(texts.map((t) => t.name)).toEqual(expect.arrayContaining(['contract-junit.xml', 'contract-report.html']));
  for (const token of tokens) {
    const part = token.slice(8, 24);
    for (const { name, text } of texts) {
      for (const needle of [token, part, encodeURIComponent(token), Buffer.from(token).toString('base64')])
        expect(text.includes(needle), `${name} holds a token`).toBe(false);
      expect(
        decodedRuns(text).some((decoded) => decoded.includes(part)),
        `${name} holds a token encoded`,
      ).toBe(false);
    }
  }
}

describe('the contract run of a description with a write endpoint', () => {
  it('against the embedded reference server: passes; the documented Create order is skipped, visibly', async () => {
    const reports = join(dir, 'reports-embedded');
    const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', reports]);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(result.stdout).toContain(
      'SKIP Orders / Create order: 1 check not run, Skipped "Create order": a POST request changes data; the contract run sends it only for a contract case that names the endpoint.',
    );
    expect(result.stdout).toContain('POST http://127.0.0.1:');
    expect(result.stdout.match(/ POST http:\/\/127\.0\.0\.1:\d+\/v1\/orders -> /g)).toHaveLength(2);
    expect(result.stdout).toMatch(/\b0 failed, 1 skipped\b/);
    expect(result.stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/v1\/orders\?page_size=1&page=2 -> 200/);
    expect(passedChecks(reports)).toEqual(expect.arrayContaining(TOKEN_CHECKS));
    expect(passedChecks(reports).filter((name) => /JWT|signed/i.test(name))).toEqual([]);
  }, 120_000);

  it('against the strict server: passes; the only writes are the two cases, each with its own body (201, then 400)', async () => {
    const before = strict.requests.length;
    const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', join(dir, 'reports-strict')], { env: settings(strict) });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { methods, writes } = seenSince(before);
    expect(methods).toEqual(['GET', 'POST']);
    expect(writes).toEqual([
      [201, VALID],
      [400, BROKEN],
    ]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(WAREHOUSE_CLIENT.clientSecret);
  }, 120_000);

  it('against the strict server: the paging case walks to page 2 by number (`page=2`), every data request sends Bearer, the token checks run and no JWT check', async () => {
    const before = strict.requests.length;
    const reports = join(dir, 'reports-strict-paging');
    const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', reports], { env: settings(strict) });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const { listQueries, schemes } = seenSince(before);
    expect(listQueries).toEqual(PAGE_WALK.map((query) => `${query} -> 200`));
    expect(schemes).toEqual([WAREHOUSE_DOCS.scheme]);
    expect(passedChecks(reports)).toEqual(
      expect.arrayContaining([...TOKEN_CHECKS, 'no item of page 2 was on page 1', 'page 2 is not empty when page 1 said there is more']),
    );
    expect(passedChecks(reports).filter((name) => /JWT|signed/i.test(name))).toEqual([]);
  }, 120_000);

  it('against the strict server: no opaque token it issued, whole, in part or encoded, is in the output or any report', async () => {
    const tokensBefore = strict.issued.length;
    const reports = join(dir, 'reports-strict-secrets');
    const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', reports], { env: settings(strict) });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expectNoTokenIn(result, reports, strict.issued.slice(tokensBefore));
  }, 120_000);

  it('`contract --runner bru` against the strict server: Bruno follows the same rule, the documented write skipped, visibly', {
    retry: 2,
    timeout: 120_000,
  }, async () => {
    const before = strict.requests.length;
    const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--runner', 'bru', '--reports', join(dir, 'reports-bru')], {
      env: settings(strict),
    });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/SKIP Orders \/ Create order/);
    const { writes, listQueries } = seenSince(before);
    expect(writes).toEqual([
      [201, VALID],
      [400, BROKEN],
    ]);
    expect(listQueries).toEqual(PAGE_WALK.map((query) => `${query} -> 200`));
  });

  it.each([
    ['ignores the page number (page 2 repeats page 1)', { ignorePage: true }, 'no item of page 2 was on page 1'],
    ['answers token_type Bearer', { tokenType: 'Bearer' }, TOKEN_CHECKS[0]!],
  ])(
    'fails (exit 1) on that one named check when a server %s',
    async (_, fault, check) => {
      const faulty = await startStrictWarehouse(fault);
      try {
        const reports = join(dir, `reports-fault-${Object.keys(fault)[0]}`);
        const result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', reports], { env: settings(faulty) });
        expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(1);
        const junit = readFileSync(join(reports, 'contract-junit.xml'), 'utf8');
        expect([...junit.matchAll(/<testcase name="([^"]*)"[^>]*>\s*<failure/g)].map((m) => m[1])).toEqual([check]);
      } finally {
        await faulty.close();
      }
    },
    120_000,
  );

  it('a description with the write endpoint but no case naming it sends no write at all: the server sees only GET', async () => {
    const text = readFileSync(SPEC, 'utf8');
    const cut = text.indexOf('    - id: createOrderValid');
    const spec = join(dir, 'no-write-cases.yaml');
    await writeFile(spec, `${text.slice(0, cut)}${text.slice(text.indexOf('\nunknowns:'))}`);
    const out = join(dir, 'no-write-cases');
    expect((await runCli(['generate', '--spec', spec, '--out', out])).code).toBe(0);
    const before = strict.requests.length;
    const result = await runCli(['contract', '--spec', spec, '--collections', out, '--reports', join(out, 'reports')], { env: settings(strict) });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(seenSince(before)).toMatchObject({ methods: ['GET'], writes: [] });
  }, 120_000);
});

describe('the generated clients, run by their own tools against the strict server', () => {
  const envVar = (server: StrictWarehouse) =>
    Object.entries({ baseUrl: server.url, clientId: WAREHOUSE_CLIENT.clientId, clientSecret: WAREHOUSE_CLIENT.clientSecret }).map(([key, value]) => ({
      key,
      value,
    }));

  it('plain newman (the whole collection, no kit switch): every check passes; the documented request sends the example body', async () => {
    const collection = JSON.parse(await readFile(join(dir, 'warehouse-orders.postman_collection.json'), 'utf8'));
    const environment = JSON.parse(await readFile(join(dir, 'warehouse-orders-production.postman_environment.json'), 'utf8'));
    const before = strict.requests.length;
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) =>
      newman.run({ collection, environment, envVar: envVar(strict), reporters: [] }, (error, s) => (error ? reject(error) : resolve(s))),
    );
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);
    const { writes, listQueries, schemes } = seenSince(before);
    expect(writes).toEqual([
      [201, EXAMPLE],
      [201, VALID],
      [400, BROKEN],
    ]);
    expect(listQueries).toEqual(PAGE_WALK.map((query) => `${query} -> 200`));
    expect(schemes).toEqual([WAREHOUSE_DOCS.scheme]);
  }, 60_000);

  it('plain newman with the contract-run switch on: the documented write is skipped, the cases still post', async () => {
    const collection = JSON.parse(await readFile(join(dir, 'warehouse-orders.postman_collection.json'), 'utf8'));
    const before = strict.requests.length;
    await new Promise<void>((resolve, reject) =>
      newman.run({ collection, envVar: [...envVar(strict), { key: 'contractRun', value: 'on' }], reporters: [] }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    expect(seenSince(before).writes).toEqual([
      [201, VALID],
      [400, BROKEN],
    ]);
  }, 60_000);

  it("`bru run`: every request passes; Bruno sends the documented body and the cases' bodies as written", { retry: 2, timeout: 60_000 }, async () => {
    const before = strict.requests.length;
    const args = ['run', '-r', '--env', 'production', ...envVar(strict).flatMap(({ key, value }) => ['--env-var', `${key}=${value}`])];
    const results = join(dir, 'bru-results.json');
    const { code, output } = await bru([...args, '--reporter-json', results], join(dir, 'bruno'));
    expect(code, output).toBe(0);
    const [iteration] = JSON.parse(await readFile(results, 'utf8')) as { summary: Record<string, number> }[];
    expect(iteration!.summary).toMatchObject({ failedRequests: 0, failedAssertions: 0, failedTests: 0 });
    const { writes, listQueries, schemes } = seenSince(before);
    expect(writes).toEqual([
      [201, EXAMPLE],
      [201, VALID],
      [400, BROKEN],
    ]);
    expect(listQueries).toEqual(PAGE_WALK.map((query) => `${query} -> 200`));
    expect(schemes).toEqual([WAREHOUSE_DOCS.scheme]);
  });
});

describe('the strict server keeps to the docs it was written from', () => {
  /** A token from the strict server, and what List orders answers with `authorization`. */
  async function listWith(authorization: (token: string) => string, query = '') {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: WAREHOUSE_CLIENT.clientId, client_secret: WAREHOUSE_CLIENT.clientSecret });
    const answer = (await (await fetch(`${strict.url}${WAREHOUSE_DOCS.tokenPath}`, { method: 'POST', body: form })).json()) as Record<string, unknown>;
    const response = await fetch(`${strict.url}${WAREHOUSE_DOCS.ordersPath}${query}`, {
      headers: { authorization: authorization(String(answer.access_token)) },
    });
    return { answer, status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('answers an opaque token (no JWT) with the documented token_type and a lifetime in the range', async () => {
    const { answer } = await listWith((t) => `Bearer ${t}`);
    expect(String(answer.access_token)).not.toContain('.');
    expect(answer.token_type).toBe(WAREHOUSE_DOCS.tokenType);
    expect(answer.expires_in).toBeGreaterThanOrEqual(WAREHOUSE_DOCS.lifetimeSeconds.min);
    expect(answer.expires_in).toBeLessThanOrEqual(WAREHOUSE_DOCS.lifetimeSeconds.max);
  });

  it.each([
    ['the token_type as the scheme', (t: string) => `${WAREHOUSE_DOCS.tokenType} ${t}`, 'Warehouse'],
    ['another scheme', (t: string) => `Token ${t}`, 'Token'],
    ['no scheme', (t: string) => t, undefined],
  ])('refuses (401) the token sent with %s, and records the scheme it saw', async (_, authorization, scheme) => {
    const before = strict.requests.length;
    const { status } = await listWith(authorization);
    expect(status).toBe(401);
    expect(strict.requests.slice(before).at(-1)?.scheme).toBe(scheme);
  });

  it('pages by number from 1: page 2 of one a page is the second order, a page past the end is empty, page 0 and the offset style are refused', async () => {
    const bearer = (t: string) => `bearer ${t}`;
    expect((await listWith(bearer, '?page_size=1&page=2')).body).toEqual({ orders: [expect.objectContaining({ id: 'ord-0002' })], total_items: 5 });
    expect((await listWith(bearer, '?page_size=2&page=4')).body).toEqual({ orders: [], total_items: 5 });
    expect((await listWith(bearer, '?page=0')).status).toBe(400);
    expect((await listWith(bearer, '?limit=1&offset=1')).status).toBe(400);
  });
});
