// The contract's paging case walks two pages in every paging style the format names (docs/format.md,
// `list`), proved with newman against the independent paging server (tests/support/paging-server.ts,
// the token on a host of its own): offset, page number from 1 and from 0, a next cursor, a next link
// in the body and in a Link header, with the total in the body, in a header or nowhere, and a bare
// array. Each style's page 2 carries the right parameters; a page 2 that repeats an item of page 1
// fails the run; a list that answers in one page sends no page 2. Bruno (`bru run`) walks two styles.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newman from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../../cli/write-files.js';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';
import { bru } from '../support/bru.js';
import { PAGING_CLIENT, startPagingServer, type Hostility, type ListConfig, type PagingServer } from '../support/paging-server.js';

const ITEM = '{ type: object, required: [id], properties: { id: { type: string }, name: { type: string } } }';
const PAGE = `{ type: object, required: [value], properties: { value: { type: array, items: ${ITEM} }, total: { type: integer }, meta: { type: object, properties: { next: { type: string } } }, next: { type: string } } }`;

interface Style {
  name: string;
  list: string;
  query: string[];
  answer?: string;
  server: Omit<ListConfig, 'path' | 'items' | 'hostile'>;
  /** What page 2's query holds besides the page size. */
  pageTwo: RegExp;
}

const LIMIT = '{ name: limit, type: integer, minimum: 1, example: 2, description: Items per page. }';
const STYLES: Style[] = [
  {
    name: 'offset, total in the body',
    list: '{ items: value, total: total, limit: limit, offset: offset }',
    query: [LIMIT, '{ name: offset, type: integer, minimum: 0, description: Items to skip. }'],
    server: { style: 'offset', limit: 'limit', param: 'offset', itemsField: 'value', total: { in: 'body', field: 'total' } },
    pageTwo: /[?&]offset=2(&|$)/,
  },
  {
    name: 'page number from 1, no total',
    list: '{ items: value, limit: size, page: page }',
    query: [
      '{ name: size, type: integer, minimum: 1, example: 2, description: Items per page. }',
      '{ name: page, type: integer, minimum: 1, description: The page. }',
    ],
    server: { style: 'page', limit: 'size', param: 'page', firstPage: 1, itemsField: 'value' },
    pageTwo: /[?&]page=2(&|$)/,
  },
  {
    name: 'page number from 0, total in a header',
    list: '{ items: value, totalHeader: X-Total-Count, limit: size, page: page, firstPage: 0 }',
    query: [
      '{ name: size, type: integer, minimum: 1, example: 2, description: Items per page. }',
      '{ name: page, type: integer, minimum: 0, description: The page. }',
    ],
    server: { style: 'page', limit: 'size', param: 'page', firstPage: 0, itemsField: 'value', total: { in: 'header', name: 'X-Total-Count' } },
    pageTwo: /[?&]page=1(&|$)/,
  },
  {
    name: 'next cursor in the body',
    list: '{ items: value, limit: limit, cursor: cursor, nextCursor: meta.next }',
    query: [LIMIT, '{ name: cursor, type: string, description: The cursor. }'],
    server: { style: 'cursor', limit: 'limit', param: 'cursor', itemsField: 'value', next: ['meta', 'next'] },
    pageTwo: /[?&]cursor=[\w-]+(&|$)/,
  },
  {
    name: 'next link in the body',
    list: '{ items: value, limit: limit, nextLink: next }',
    query: [LIMIT],
    server: { style: 'next-link', limit: 'limit', linkParam: 'skip', itemsField: 'value', next: ['next'] },
    pageTwo: /[?&]skip=[\w-]+(&|$)/,
  },
  {
    name: 'Link header, a bare array, total in a header',
    list: '{ totalHeader: X-Total-Count, limit: limit, linkHeader: true }',
    query: [LIMIT],
    answer: `{ type: array, items: ${ITEM} }`,
    server: { style: 'link-header', limit: 'limit', linkParam: 'skip', total: { in: 'header', name: 'X-Total-Count' } },
    pageTwo: /[?&]skip=[\w-]+(&|$)/,
  },
];

function description(style: Style): string {
  const limit = style.server.limit;
  return `format: 1
info: { id: paging-walk, name: Paging walk, version: v1 }
environments:
  - { id: production, name: Production, baseUrl: "https://api.example", tokenBaseUrl: "https://login.example" }
auth:
  flow: client_credentials
  method: POST
  path: /oauth2/token
  clientAuthentication: basic
  body: form
  tokenPrefix: Bearer
  token: { format: opaque }
  lifetimeSeconds: 3600
  refreshToken: false
  response: { schema: { $ref: "#/schemas/TokenResponse" } }
  description: The client as HTTP Basic.
resources:
  - id: items
    name: Items
    basePath: /v1/items
    endpoints:
      - id: listItems
        name: List items
        method: GET
        path: ""
        list: ${style.list}
        query:
${style.query.map((q) => `          - ${q}`).join('\n')}
        responses:
          - { status: 200, description: A page., schema: { $ref: "#/schemas/Page" } }
schemas:
  TokenResponse: { type: object, required: [access_token], properties: { access_token: { type: string } } }
  Page: ${style.answer ?? PAGE}
contract:
  responseTimeMs: 5000
  cases:
    - id: twoPages
      name: List items walks two pages
      endpoint: listItems
      query: { ${limit}: 2 }
      expect: { status: 200, schema: true, page: { limit: 2 } }
`;
}

const ITEMS = Array.from({ length: 5 }, (_, i) => ({ id: `i-${i + 1}`, name: `Item ${i + 1}` }));
let dir: string;
const servers: PagingServer[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paging-walk-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function setUp(style: Style, hostile?: Hostility, items = ITEMS): Promise<{ out: string; api: PagingServer }> {
  const out = await mkdtemp(join(dir, 'style-'));
  const model = loadSpec(Buffer.from(description(style)), join(out, 'paging-walk.yaml'));
  writeFiles(out, generateAll(model, DEFAULT_CTX));
  const api = await startPagingServer({ lists: [{ path: '/v1/items', items, ...style.server, ...(hostile ? { hostile } : {}) }] });
  servers.push(api);
  return { out, api };
}

function runNewman(out: string, api: PagingServer): Promise<newman.NewmanRunSummary> {
  return new Promise((resolve, reject) =>
    newman.run(
      {
        collection: join(out, 'paging-walk.postman_collection.json'),
        environment: join(out, 'paging-walk-production.postman_environment.json'),
        envVar: [
          { key: 'baseUrl', value: api.apiUrl },
          { key: 'tokenBaseUrl', value: api.tokenUrl },
          { key: 'clientId', value: PAGING_CLIENT.clientId },
          { key: 'clientSecret', value: PAGING_CLIENT.clientSecret },
        ],
        reporters: [],
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    ),
  );
}

const failures = (summary: newman.NewmanRunSummary) => summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.test}: ${f.error?.message}`);
/** The queries of the case's requests: page 1 (`limit=2` alone, or with the page param at its start) and page 2. */
const caseQueries = (api: PagingServer) => api.apiSeen.map((s) => s.url).filter((url) => /[?&](limit|size)=2(&|$)/.test(url));

describe('the paging case walks two pages (newman, independent server)', () => {
  for (const style of STYLES) {
    it(`${style.name}: page 2 carries the next position, no check fails`, async () => {
      const { out, api } = await setUp(style);
      const summary = await runNewman(out, api);
      expect(failures(summary)).toEqual([]);
      const queries = caseQueries(api);
      expect(queries, JSON.stringify(api.apiSeen)).toHaveLength(2);
      expect(queries[1]).toMatch(style.pageTwo);
      expect(summary.run.executions.map((e) => e.item.name)).toContain('List items walks two pages, page 2');
    });

    it(`${style.name}: a page 2 that repeats an item of page 1 fails the walk`, async () => {
      const { out, api } = await setUp(style, 'repeat');
      const summary = await runNewman(out, api);
      expect(failures(summary)).toEqual([expect.stringContaining('page 2: no item of page 2 was on page 1: items of page 1 on page 2')]);
    });
  }

  it('a list that fits on page 1 sends no page 2 (skipped, saying why)', async () => {
    const { out, api } = await setUp(STYLES[3]!, undefined, ITEMS.slice(0, 1));
    const summary = await runNewman(out, api);
    expect(failures(summary)).toEqual([]);
    expect(caseQueries(api)).toHaveLength(1);
  });

  it('a next cursor on the last page that leads to nothing fails the walk', async () => {
    const { out, api } = await setUp(STYLES[3]!, 'endless', ITEMS.slice(0, 2));
    const summary = await runNewman(out, api);
    expect(failures(summary)).toEqual([expect.stringContaining('page 2 is not empty when page 1 said there is more')]);
  });

  it('a Link header to another origin: the origin check fails, and no request arrives there', async () => {
    const { out, api } = await setUp(STYLES[5]!, 'foreign-link');
    const summary = await runNewman(out, api);
    expect(failures(summary)).toEqual([expect.stringContaining("the next link stays on the API's origin")]);
    expect(api.foreignSeen).toEqual([]);
    expect(caseQueries(api)).toHaveLength(1);
  });
});

describe('the paging case walks two pages (`bru run`, independent server)', () => {
  const bruRun = (out: string, api: PagingServer) =>
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
        `clientId=${PAGING_CLIENT.clientId}`,
        '--env-var',
        `clientSecret=${PAGING_CLIENT.clientSecret}`,
      ],
      join(out, 'bruno'),
    );

  for (const style of [STYLES[2]!, STYLES[5]!]) {
    it(`${style.name}: passes, page 2 carrying the next position`, { retry: 2, timeout: 60_000 }, async () => {
      const { out, api } = await setUp(style);
      const { code, output } = await bruRun(out, api);
      expect(code, output).toBe(0);
      expect(caseQueries(api)[1]).toMatch(style.pageTwo);
    });
  }

  it('a Link header to another origin: exit 1, and no request arrives there', { retry: 2, timeout: 60_000 }, async () => {
    const { out, api } = await setUp(STYLES[5]!, 'foreign-link');
    const { code, output } = await bruRun(out, api);
    expect(code, output).toBe(1);
    expect(api.foreignSeen).toEqual([]);
  });
});
