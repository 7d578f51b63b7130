// Vendor-spelled query parameters and a boolean under newman: the contract run passes against the
// reference server, and an independent server written here receives the exact query string and headers from
// newman and from `bru run`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, describe, expect, it } from 'vitest';
import { bru } from '../support/bru.js';
import { runCli } from '../support/cli.js';
import { MARKETPLACE, VENDOR_CASE_NAME, VENDOR_QUERY_STRING, vendorDescription } from '../support/vendor-query.js';

const closing: Server[] = [];
afterAll(() => closing.forEach((server) => server.close()));

async function generated(): Promise<{ spec: string; collections: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-query-'));
  const spec = join(dir, 'api.yaml');
  writeFileSync(spec, vendorDescription());
  const result = await runCli(['generate', '--spec', spec, '--out', join(dir, 'collections')]);
  expect(result.stderr).toBe('');
  return { spec, collections: join(dir, 'collections') };
}

/** Answers a token, and a device list only to the exact query string; keeps every data request's query and documented headers. */
async function exactServer(): Promise<{ url: string; queries: string[] }> {
  const queries: string[] = [];
  const server = createServer((req, res) => {
    const [path, query = ''] = req.url!.split('?');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path!.startsWith('/token/')) return json(200, { access_token: 'a.b.c', token_type: 'Bearer', expires_in: 3600 });
    queries.push(`${query} ${req.headers['x-ebay-c-marketplace-id']} ${req.headers['x-api-version']}`);
    return query === VENDOR_QUERY_STRING ? json(200, { devices: [], total: 0 }) : json(400, { error: 'invalid_request' });
  });
  closing.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, queries };
}

describe('vendor-spelled query parameters under newman', () => {
  it('the contract run passes against the reference server, which got each parameter', async () => {
    const { spec, collections } = await generated();
    const result = await runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(collections, '..', 'reports')]);
    expect(result.stdout).toContain(`${VENDOR_CASE_NAME}\n`);
    expect(result.stdout).toMatch(new RegExp(`GET \\S+\\?${VENDOR_QUERY_STRING.replace(/[$[\]]/g, '\\$&')} -> 200 OK`));
    expect(result.code, result.stdout).toBe(0);
  });

  it('an independent server receives the exact query string', async () => {
    const { collections } = await generated();
    const server = await exactServer();
    const collection = JSON.parse(readFileSync(join(collections, 'securithings.postman_collection.json'), 'utf8'));
    const environment = JSON.parse(readFileSync(join(collections, 'securithings-local.postman_environment.json'), 'utf8'));
    const summary = await new Promise<newman.NewmanRunSummary>((resolve, reject) =>
      newman.run(
        {
          collection,
          environment,
          folder: VENDOR_CASE_NAME,
          envVar: [
            { key: 'baseUrl', value: server.url },
            { key: 'clientSecret', value: 'x' },
          ],
          reporters: [],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      ),
    );
    expect(server.queries).toEqual([`${VENDOR_QUERY_STRING} ${MARKETPLACE} 2`]);
    expect(summary.run.failures.map((f) => f.error.message)).toEqual([]);
  });

  it('bru run: the contract check sends the exact query string', async () => {
    const { collections } = await generated();
    const server = await exactServer();
    const args = ['run', `Contract checks/${VENDOR_CASE_NAME}.bru`, '--env', 'local', '--env-var', `baseUrl=${server.url}`, '--env-var', 'clientSecret=x'];
    const result = await bru(args, join(collections, 'bruno'));
    expect(server.queries, result.output).toEqual([`${VENDOR_QUERY_STRING} ${MARKETPLACE} 2`]);
  });
});
