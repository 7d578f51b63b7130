// The reference server pages a list in every style the format has (PAGING.md): walking all pages
// the way the description says gives every item once, in order, and the last page points nowhere.
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../model/model.js';
import { DEMO, demoTenants, seedData, startReferenceServer, type RunningServer, type ServerOptions } from '../../server/index.js';
import { PAGING_STYLES } from '../support/paging.js';
import { fixtureModel } from './fixture.js';
import { getWith, isErrorBody, rawHttp, tokenFor, type Answer } from './helpers.js';

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function serve(style: string, options: ServerOptions = {}): Promise<{ model: ApiModel; server: RunningServer; get: (path: string) => Promise<Answer> }> {
  const model = fixtureModel(PAGING_STYLES[style]);
  const server = await startReferenceServer(model, options);
  servers.push(server);
  const token = await tokenFor(server, DEMO);
  return { model, server, get: (path) => getWith(server, path, token) };
}

function demoSites(model: ApiModel): readonly unknown[] {
  const tenants = demoTenants();
  return seedData(model, tenants).get(tenants[0]!)!.get('sites')!;
}
const itemsOf = (answer: Answer) => (Array.isArray(answer.body) ? answer.body : answer.body.sites);
const pathOf = (url: string) => url.replace(/^http:\/\/[^/]+/, '');

/** Every page, following the style's way to the next one from `limit=4`. */
async function walk(style: string, get: (path: string) => Promise<Answer>): Promise<Answer[]> {
  const pages: Answer[] = [];
  let path: string | undefined = style.startsWith('single') ? '/v1/sites' : '/v1/sites?limit=4';
  if (style.startsWith('page from')) path += `&page=${style.includes('from 0') ? 0 : 1}`;
  while (path !== undefined && pages.length < 20) {
    const answer = await get(path);
    expect(answer.status, answer.text).toBe(200);
    pages.push(answer);
    path = nextPath(style, path, answer);
  }
  return pages;
}

function nextPath(style: string, path: string, answer: Answer): string | undefined {
  if (itemsOf(answer).length === 0) return undefined;
  if (style === 'offset') return `/v1/sites?limit=4&offset=${4 * pages(path, 'offset')}`;
  if (style.startsWith('page from')) return path.replace(/page=(\d+)$/, (_, n) => `page=${Number(n) + 1}`);
  if (style.startsWith('cursor')) return answer.body.meta?.next === undefined ? undefined : `/v1/sites?limit=4&cursor=${answer.body.meta.next}`;
  if (style.startsWith('next link')) return answer.body['@odata.nextLink'] === undefined ? undefined : pathOf(answer.body['@odata.nextLink']);
  if (style.startsWith('Link header')) {
    const link = answer.headers.get('link');
    return link === null ? undefined : pathOf(/^<([^>]+)>; rel="next"$/.exec(link)![1]!);
  }
  return undefined;
}

/** The offset style's next page number, from the offset in the path. */
function pages(path: string, param: string): number {
  return Number(new URL(path, 'http://x').searchParams.get(param) ?? 0) / 4 + 1;
}

describe('walking every page of each style gives every item once, in order', () => {
  it.each(Object.keys(PAGING_STYLES))('%s', async (style) => {
    const { model, get } = await serve(style);
    const walked = await walk(style, get);
    expect(walked.flatMap(itemsOf)).toEqual(demoSites(model));
    for (const page of walked) expect(itemsOf(page).length).toBeLessThanOrEqual(style.startsWith('single') ? 25 : 4);
    expect(walked.length).toBeGreaterThanOrEqual(style.startsWith('single') ? 1 : 7);
  });
});

describe('what each style answers beside the items', () => {
  it('page number: a page past the end is empty, one before the first a 400 naming the parameter', async () => {
    const { get } = await serve('page from 1');
    expect((await get('/v1/sites?limit=4&page=99')).body).toEqual({ sites: [], total: 25 });
    const before = await serve('page from 0, no total');
    expect((await before.get('/v1/sites?limit=4&page=7')).body).toEqual({ sites: [] });
    const refused = await get('/v1/sites?limit=4&page=0');
    expect(refused.status).toBe(400);
    expect(refused.body.error_description).toContain('`page`');
  });

  it('cursor: the total in the body, no next cursor on the last page, an unreadable cursor a 400 with the reason', async () => {
    const { get } = await serve('cursor in meta.next');
    const first = await get('/v1/sites?limit=20');
    expect(first.body.total).toBe(25);
    expect(typeof first.body.meta.next).toBe('string');
    const last = await get(`/v1/sites?limit=20&cursor=${first.body.meta.next}`);
    expect(last.body.sites).toHaveLength(5);
    expect(last.body).not.toHaveProperty('meta');
    for (const cursor of ['nonsense', Buffer.from('o:-1').toString('base64url'), '%00', 'a'.repeat(100)]) {
      const refused = await get(`/v1/sites?limit=4&cursor=${cursor}`);
      expect(refused.status, cursor).toBe(400);
      expect(isErrorBody(refused.body)).toBe(true);
      expect(refused.body.error_description).toContain('`cursor` is not a cursor this API handed out');
    }
  });

  it('next link: a full URL on the origin the request reached, keeping its query; none on the last page', async () => {
    const { server } = await serve('next link in @odata.nextLink');
    const { port } = new URL(server.url);
    const token = await tokenFor(server, DEMO);
    const body = await getWithHost(server, `localhost:${port}`, '/v1/sites?limit=20', token);
    const next = new URL(body['@odata.nextLink']);
    expect(next.origin).toBe(`http://localhost:${port}`);
    expect(next.pathname).toBe('/v1/sites');
    expect(next.searchParams.get('limit')).toBe('20');
    const last = await getWith(server, pathOf(next.href), token);
    expect(last.body.sites).toHaveLength(5);
    expect(last.body).not.toHaveProperty('@odata.nextLink');
  });

  it('Link header and total header: RFC 8288 `<url>; rel="next"`, X-Total-Count on every page, no Link on the last', async () => {
    const { get } = await serve('Link header, total in X-Total-Count, bare array');
    const first = await get('/v1/sites?limit=20');
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.headers.get('x-total-count')).toBe('25');
    expect(first.headers.get('link')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/sites\?limit=20&pageToken=[A-Za-z0-9_-]+>; rel="next"$/);
    const last = await get(pathOf(/<([^>]+)>/.exec(first.headers.get('link')!)![1]!));
    expect(last.headers.get('x-total-count')).toBe('25');
    expect(last.headers.get('link')).toBeNull();
    expect((await get('/v1/sites?limit=4&pageToken=broken')).status).toBe(400);
  });

  it('a Host header that names no host gets a 400, not a link elsewhere', async () => {
    const { server } = await serve('Link header, total in X-Total-Count, bare array');
    const token = await tokenFor(server, DEMO);
    const answer = await rawHttp(server, `GET /v1/sites?limit=4 HTTP/1.1\r\nAuthorization: Bearer ${token}`, '', 'a@b/c');
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toContain('the Host header names no host');
  });

  it('paging-ignored applies to every style: every match, and no way to a next page', async () => {
    for (const style of ['cursor in meta.next', 'page from 1', 'Link header, total in X-Total-Count, bare array']) {
      const { get } = await serve(style, { violations: ['paging-ignored'] });
      const answer = await get('/v1/sites?limit=4');
      expect(itemsOf(answer), style).toHaveLength(25);
      expect(answer.body.meta, style).toBeUndefined();
      expect(answer.headers.get('link'), style).toBeNull();
    }
  });

  it('wrong-field-type breaks the items of a bare array', async () => {
    const { get } = await serve('single answer, bare array', { violations: ['wrong-field-type'] });
    const answer = await get('/v1/sites');
    expect(typeof answer.body[0].name).toBe('number');
  });
});

/** A GET with the Host header a client behind another name would send. */
function getWithHost(server: RunningServer, host: string, path: string, token: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(server.url + path, { headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end();
  });
}
