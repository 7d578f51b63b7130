// examples/warehouse-orders.yaml, a description with a write endpoint (Create order, a JSON body):
// its contract run against the embedded reference server and a strict server written from its docs
// (tests/support/strict-warehouse-server.ts) sends a write only for the contract cases that name the
// endpoint, each with the case's body; plain newman and `bru run` send the documented body as written.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bru } from '../support/bru.js';
import { runCli } from '../support/cli.js';
import { startStrictWarehouse, WAREHOUSE_CLIENT, WAREHOUSE_DOCS, type StrictWarehouse } from '../support/strict-warehouse-server.js';

const SPEC = join(import.meta.dirname, '../../examples/warehouse-orders.yaml');
const VALID = { sku: 'SKU-54321', quantity: 3 };
const BROKEN = { sku: 'not-a-sku', quantity: 0 };
const EXAMPLE = { sku: 'SKU-12345', quantity: 2, note: 'Fragile' };
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

/** The requests the strict server saw from `from` on, as `METHOD path status`, and the bodies of the writes. */
function seenSince(from: number) {
  const seen = strict.requests.slice(from);
  const data = seen.filter((r) => r.path !== WAREHOUSE_DOCS.tokenPath);
  return {
    methods: [...new Set(data.map((r) => r.method))].sort(),
    writes: data.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map((r) => [r.status, JSON.parse(r.body ?? 'null')]),
  };
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
    expect(seenSince(before).writes).toEqual([
      [201, VALID],
      [400, BROKEN],
    ]);
  });

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
    expect(seenSince(before)).toEqual({ methods: ['GET'], writes: [] });
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
    expect(seenSince(before).writes).toEqual([
      [201, EXAMPLE],
      [201, VALID],
      [400, BROKEN],
    ]);
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
    expect(seenSince(before).writes).toEqual([
      [201, EXAMPLE],
      [201, VALID],
      [400, BROKEN],
    ]);
  });
});
