// A literal query value with what URLs give meaning to (`+`, `%41`, space, `&`, `=`, `#`, `/`, a
// non-ASCII letter) reaches the server as the description writes it, through the clients' own
// runners: newman (the contract run; the embedded server refuses any value outside the enum with
// 400) and `bru run` (a recording server decodes what arrived).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { bru } from '../support/bru.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

const ODD = 'a+b%41 c&d=e#f/\u00e9';
const closing: Server[] = [];
afterAll(() => closing.forEach((server) => server.close()));

/** The fixture with ODD as a value of Get Devices' `status` filter (the first, so clients save it; required when `required`) and a case that filters by it. */
function oddDescription(required: boolean): string {
  const doc = parseDocument(readFileSync(FIXTURE_SPEC, 'utf8'));
  const status = (doc.getIn(['resources', 0, 'endpoints', 0, 'query']) as YAMLSeq<YAMLMap>).items.find((p) => p.get('name') === 'status')!;
  (status.get('enum') as YAMLSeq).items.unshift(doc.createNode(ODD));
  if (required) status.set('required', true);
  (doc.getIn(['contract', 'cases']) as YAMLSeq).add(
    doc.createNode({
      id: 'listOddStatus',
      name: 'Get Devices filtered by an odd status',
      endpoint: 'listDevices',
      query: { status: ODD },
      expect: { status: 200, schema: true, everyItem: { items: 'devices', field: 'status', equals: ODD } },
    }),
  );
  return doc.toString();
}

async function generated(required: boolean): Promise<{ spec: string; collections: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'odd-query-'));
  const spec = join(dir, 'api.yaml');
  writeFileSync(spec, oddDescription(required));
  const result = await runCli(['generate', '--spec', spec, '--out', join(dir, 'collections')]);
  expect(result.stderr).toBe('');
  return { spec, collections: join(dir, 'collections') };
}

/** Answers a token and an empty device list, and keeps every request's URL. */
async function recordingServer(): Promise<{ url: string; urls: string[] }> {
  const urls: string[] = [];
  const server = createServer((req, res) => {
    urls.push(req.url!);
    const body = req.url!.startsWith('/token/') ? { access_token: 'recorded-token-1234', token_type: 'Bearer', expires_in: 3600 } : { devices: [], total: 0 };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  closing.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, urls };
}

describe('a query value with URL syntax in it', () => {
  it('newman: the contract case that filters by it passes against the embedded server, which got the value as written', async () => {
    const { spec, collections } = await generated(false);
    const result = await runCli(['contract', '--spec', spec, '--collections', collections, '--reports', join(collections, '..', 'reports')]);
    expect(result.stdout).toMatch(/Get Devices filtered by an odd status\n +GET \S+\?status=a%2Bb%2541%20c%26d%3De%23f%2F%C3%A9 -> 200 OK/);
    expect(result.code, result.stdout).toBe(0);
  });

  it('bru run: the saved request sends it as written', async () => {
    const { collections } = await generated(true);
    const server = await recordingServer();
    const args = ['run', 'Devices/Get Devices.bru', '--env', 'local', '--env-var', `baseUrl=${server.url}`, '--env-var', 'clientSecret=x'];
    await bru(args, join(collections, 'bruno'));
    const listed = server.urls.filter((url) => url.startsWith('/v1/devices?'));
    expect(listed).toHaveLength(1);
    expect(new URLSearchParams(listed[0]!.split('?')[1]).get('status')).toBe(ODD);
  });
});
