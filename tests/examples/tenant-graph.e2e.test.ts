// The third description (examples/tenant-graph.yaml): a token host of each tenant's own, apart from
// the API, a host variable also in the audience, cursor paging on one list and next-link paging on
// another, `$top`-style query names. It loads, every client is generated and read back by its
// tool's reader, and its contract walks two pages of each list: against the embedded reference
// server and against an independent server (tests/support/paging-server.ts), through the contract
// run, plain newman and `bru run`; and the walk fails (exit 1) when page 2 repeats an item, when a
// next cursor leads to nothing, and when the next link leaves the API's origin, where no request,
// and so no credential, ever arrives.
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'insomnia-importers';
import { load } from 'js-yaml';
import newman from 'newman';
import sdk from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';
import { bru } from '../support/bru.js';
import { runCli, type CliResult } from '../support/cli.js';
import { PAGING_CLIENT, startPagingServer, type Hostility, type PagingServer } from '../support/paging-server.js';

const SPEC = join(import.meta.dirname, '../../examples/tenant-graph.yaml');
const model: ApiModel = loadSpec(readFileSync(SPEC), SPEC);
const TENANT = 'acme';
const lang = createRequire(import.meta.url)('@usebruno/lang') as { bruToJsonV2(text: string): { http: { url: string }; script?: { req?: string } } };

const people = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}`, displayName: `${prefix} ${i + 1}` }));

/** The independent API as the description documents it, bent by `hostile` on both lists (a foreign link only where there is a link). */
function startDirectory(hostile?: Hostility, count = 5): Promise<PagingServer> {
  return startPagingServer({
    audience: `https://${TENANT}.login.example/graph`,
    lists: [
      {
        path: '/v1/users',
        items: people(count, 'u'),
        style: 'cursor',
        limit: '$top',
        param: '$skiptoken',
        itemsField: 'value',
        next: ['paging', 'next'],
        ...(hostile && hostile !== 'foreign-link' ? { hostile } : {}),
      },
      {
        path: '/v1/groups',
        items: people(count, 'g'),
        style: 'next-link',
        limit: '$top',
        linkParam: '$skiptoken',
        itemsField: 'value',
        next: ['@odata.nextLink'],
        total: { in: 'header', name: 'X-Total-Count' },
        ...(hostile ? { hostile } : {}),
      },
    ],
  });
}

const settings = (server: PagingServer) => ({
  TENANT_GRAPH_BASE_URL: server.apiUrl,
  TENANT_GRAPH_TOKEN_BASE_URL: server.tokenUrl,
  TENANT_GRAPH_TENANT: TENANT,
  TENANT_GRAPH_CLIENT_ID: PAGING_CLIENT.clientId,
  TENANT_GRAPH_CLIENT_SECRET: PAGING_CLIENT.clientSecret,
});
const basic = `Basic ${Buffer.from(`${PAGING_CLIENT.clientId}:${PAGING_CLIENT.clientSecret}`).toString('base64')}`;
const paths = (server: PagingServer) => server.apiSeen.map((s) => decodeURIComponent(s.url));

let dir: string;
const servers: PagingServer[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tenant-graph-'));
  const generated = await runCli(['generate', '--spec', SPEC, '--out', dir]);
  expect(generated.code, generated.stderr).toBe(0);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function server(hostile?: Hostility, count?: number): Promise<PagingServer> {
  const started = await startDirectory(hostile, count);
  servers.push(started);
  return started;
}

function contract(env: NodeJS.ProcessEnv, extra: string[] = []): Promise<CliResult> {
  return runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', join(dir, `reports-${servers.length}`), '--no-pacing', ...extra], { env });
}

const read = (name: string) => readFile(join(dir, name), 'utf8');

describe('the example description', () => {
  it('loads: a token host per environment with the tenant in it and in the audience, a cursor list and a next-link list with `$` query names', () => {
    expect(model.info.envPrefix).toBe('TENANT_GRAPH');
    expect(model.environments.map((e) => [e.baseUrl, e.tokenBaseUrl])).toEqual([
      ['https://graph.tenant-graph.example', 'https://{tenant}.login.example'],
      ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ]);
    expect(model.auth.pathVariables).toEqual(['tenant']);
    expect(model.auth.audience).toBe('https://{tenant}.login.example/graph');
    const lists = model.resources.map((r) => r.endpoints[0]!.list);
    expect(lists).toEqual([
      { items: 'value', limit: '$top', paging: { style: 'cursor', param: '$skiptoken', next: ['paging', 'next'] } },
      { items: 'value', limit: '$top', total: { in: 'header', name: 'X-Total-Count' }, paging: { style: 'next-link', next: ['@odata.nextLink'] } },
    ]);
  });
});

describe('its generated clients, read by their own tools', () => {
  it('Postman (SDK): each paging case is followed by its page 2, the cursor from the walk, the next link below the base URL', async () => {
    const collection = new sdk.Collection(JSON.parse(await read('tenant-graph.postman_collection.json')));
    const contractFolder = collection.items.find((i) => i.name === 'Contract checks', undefined) as unknown as { items: { all(): sdk.Item[] } };
    const items = contractFolder.items.all();
    const byName = (name: string) => items.find((i) => i.name === name)!;
    expect(items.map((i) => i.name)).toEqual([
      'Token refused for a wrong client secret',
      'List users refused without a bearer token',
      'List users walks two pages of two by the next cursor',
      'List users walks two pages of two by the next cursor, page 2',
      'List groups walks two pages of two by the next link',
      'List groups walks two pages of two by the next link, page 2',
      'Get user answers 404 for an unknown id',
    ]);
    expect(byName('List users walks two pages of two by the next cursor, page 2').request.url.toString()).toBe(
      '{{baseUrl}}/{{usersPath}}?%24top=2&%24skiptoken={{contractPageNext}}',
    );
    expect(byName('List groups walks two pages of two by the next link, page 2').request.url.toString()).toBe('{{baseUrl}}/{{contractPageNext}}');
  });

  it('Insomnia (its importer for v4, the YAML reader for v5): page 2 requests below the base URL, with their pre-request scripts', async () => {
    const imported = (await convert(await read('tenant-graph.insomnia.json'))) as {
      data: { resources: { _type: string; name: string; url?: string }[] };
    } | null;
    const pageTwos = ['List users walks two pages of two by the next cursor, page 2', 'List groups walks two pages of two by the next link, page 2'];
    expect((imported?.data.resources ?? []).filter((r) => r._type === 'request').map((r) => r.name)).toEqual(expect.arrayContaining(pageTwos));
    const v4 = JSON.parse(await read('tenant-graph.insomnia.json')) as {
      resources: { _type: string; name: string; url?: string; preRequestScript?: string }[];
    };
    const linked = v4.resources.find((r) => r.name === pageTwos[1])!;
    expect(linked.url).toBe('{{ _.baseUrl }}/{{ _.contractPageNext }}');
    expect(linked.preRequestScript).toContain('contractPageState');
    type Node = { name: string; url?: string; scripts?: { preRequest?: string }; children?: Node[] };
    const v5 = load(await read('tenant-graph.insomnia.yaml')) as { collection: Node[] };
    const contract = v5.collection[0]!.children!.find((node) => node.name === 'Contract checks')!.children!;
    expect(contract.find((r) => r.name === pageTwos[1])).toMatchObject({
      url: '{{ _.baseUrl }}/{{ _.contractPageNext }}',
      scripts: { preRequest: expect.stringContaining('contractPageState') },
    });
  });

  it('Bruno (bru-lang): page 2 of the next-link case sends to the base URL and skips itself without a way from page 1', async () => {
    const text = await read('bruno/Contract checks/List groups walks two pages of two by the next link, page 2.bru');
    const parsed = lang.bruToJsonV2(text);
    expect(parsed.http.url).toBe('{{baseUrl}}/{{contractPageNext}}');
    expect(parsed.script?.req).toContain('bru.runner.skipRequest()');
  });

  it('OpenAPI: the vendor query names on both lists', async () => {
    const doc = load(await read('tenant-graph.openapi.yaml')) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    expect(doc.paths['/v1/users']!.get.parameters.map((p) => p.name)).toEqual(['$top', '$skiptoken']);
    expect(doc.paths['/v1/groups']!.get.parameters.map((p) => p.name)).toEqual(['$top']);
  });
});

describe('its contract run', () => {
  it('passes against the embedded reference server', async () => {
    const run = await contract({});
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 90_000);

  it('passes against the independent server, the token on its own host, walking two pages of each list', async () => {
    const api = await server();
    const run = await contract(settings(api));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(paths(api)).toEqual(
      expect.arrayContaining([
        `/v1/users?$top=2&$skiptoken=${Buffer.from('at:2').toString('base64url')}`,
        expect.stringMatching(/^\/v1\/groups\?\$top=2&\$skiptoken=/),
      ]),
    );
    expect(api.tokenSeen.every((s) => s.authorization === basic)).toBe(false); // the wrong-secret case
    expect(api.apiSeen.some((s) => s.authorization === basic || s.body.includes(PAGING_CLIENT.clientSecret))).toBe(false);
  }, 90_000);

  it('fails (exit 1) when page 2 repeats an item of page 1, naming the check', async () => {
    const run = await contract(settings(await server('repeat')));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(run.stdout).toContain('no item of page 2 was on page 1');
  }, 90_000);

  it('fails (exit 1) when page 1 gives a next cursor and a next link that lead to nothing', async () => {
    const run = await contract(settings(await server('endless', 2)));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(run.stdout).toContain('page 2 is not empty when page 1 said there is more');
  }, 90_000);

  it('fails (exit 1) when the next link leaves the API origin, and nothing reaches that origin (newman)', async () => {
    const api = await server('foreign-link');
    const run = await contract(settings(api));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(run.stdout).toContain("the next link stays on the API's origin");
    expect(api.foreignSeen).toEqual([]);
  }, 90_000);

  it('fails (exit 1) the same way with `--runner bru`, and nothing reaches the other origin', async () => {
    const api = await server('foreign-link');
    const run = await contract(settings(api), ['--runner', 'bru']);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(api.foreignSeen).toEqual([]);
  }, 90_000);
});

describe('the generated collections, run by the tools themselves against the independent server', () => {
  const newmanRun = (api: PagingServer) =>
    new Promise<newman.NewmanRunSummary>((resolve, reject) => {
      newman.run(
        {
          collection: join(dir, 'tenant-graph.postman_collection.json'),
          environment: join(dir, 'tenant-graph-production.postman_environment.json'),
          envVar: [
            { key: 'baseUrl', value: api.apiUrl },
            { key: 'tokenBaseUrl', value: api.tokenUrl },
            { key: 'tenant', value: TENANT },
            { key: 'clientId', value: PAGING_CLIENT.clientId },
            { key: 'clientSecret', value: PAGING_CLIENT.clientSecret },
          ],
          reporters: [],
        },
        (error, summary) => (error ? reject(error) : resolve(summary)),
      );
    });
  const bruRun = (api: PagingServer) =>
    bru(
      [
        'run',
        '-r',
        '--env',
        'production',
        '--env-var',
        `baseUrl=${api.apiUrl}`,
        '--env-var',
        `tokenBaseUrl=${api.tokenUrl}`,
        '--env-var',
        `tenant=${TENANT}`,
        '--env-var',
        `clientId=${PAGING_CLIENT.clientId}`,
        '--env-var',
        `clientSecret=${PAGING_CLIENT.clientSecret}`,
      ],
      join(dir, 'bruno'),
    );

  it('plain newman: every check passes, both page 2 requests sent', async () => {
    const api = await server();
    const summary = await newmanRun(api);
    expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`)).toEqual([]);
    expect(summary.run.executions.map((e) => e.item.name)).toEqual(
      expect.arrayContaining(['List users walks two pages of two by the next cursor, page 2', 'List groups walks two pages of two by the next link, page 2']),
    );
  }, 60_000);

  it('plain newman with a foreign next link: the origin check fails and no request reaches the other origin', async () => {
    const api = await server('foreign-link');
    const summary = await newmanRun(api);
    expect(summary.run.failures.map((f) => f.error?.test)).toEqual(["the next link stays on the API's origin (no credential follows it elsewhere)"]);
    expect(api.foreignSeen).toEqual([]);
  }, 60_000);

  it('`bru run`: passes, walking both lists', { retry: 2, timeout: 60_000 }, async () => {
    const api = await server();
    const { code, output } = await bruRun(api);
    expect(code, output).toBe(0);
    expect(paths(api)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/v1\/users\?\$top=2&\$skiptoken=/), expect.stringMatching(/^\/v1\/groups\?\$top=2&\$skiptoken=/)]),
    );
  });

  it('`bru run` with a foreign next link: exit 1, and nothing reaches the other origin', { retry: 2, timeout: 60_000 }, async () => {
    const api = await server('foreign-link');
    const { code, output } = await bruRun(api);
    expect(code, output).toBe(1);
    expect(api.foreignSeen).toEqual([]);
  });

  it('`bru run` with a page 2 that repeats an item: exit 1', { retry: 2, timeout: 60_000 }, async () => {
    const { code, output } = await bruRun(await server('repeat'));
    expect(code, output).toBe(1);
    expect(output).toContain('no item of page 2 was on page 1');
  });
});
