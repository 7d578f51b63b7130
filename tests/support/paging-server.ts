// An independent paging API for the tests, written from docs/PAGING (the format's `list` styles),
// not from server/: node:http only. Three origins on 127.0.0.1: a token host (client credentials,
// HTTP Basic, an opaque token), the API host (lists served in the style each test asks for, behind
// a bearer token the token host issued), and a foreign host that only records what reached it, for
// a next link that leaves the API's origin. Hostile modes bend page 2 to prove the walk notices.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PAGING_CLIENT = { clientId: 'paging-client', clientSecret: 'paging-secret-0123456789abcdef' } as const;
export const PAGING_TOKEN_PATH = '/oauth2/token';

export type PagingStyle = 'offset' | 'page' | 'cursor' | 'next-link' | 'link-header' | 'single';
/** `repeat`: page 2 starts one item early; `foreign-link`: the next link names another origin; `endless`: a next cursor/link on the last page. */
export type Hostility = 'repeat' | 'foreign-link' | 'endless';

export interface ListConfig {
  /** The list's path on the API host, e.g. `/v1/users`; `<path>/<id>` serves one item. */
  path: string;
  items: { id: string; [field: string]: unknown }[];
  style: PagingStyle;
  /** The page-size query parameter. */
  limit: string;
  /** The offset, page-number or cursor query parameter (offset, page, cursor styles). */
  param?: string;
  firstPage?: 0 | 1;
  /** The answer's array property; absent: the answer is a bare array. */
  itemsField?: string;
  /** Where the answer counts every match; absent: nowhere. */
  total?: { in: 'body'; field: string } | { in: 'header'; name: string };
  /** The answer property (path) holding the next cursor (cursor style) or the next page's URL (next-link style). */
  next?: string[];
  /** The query parameter a next link carries its position in (next-link, link-header styles). */
  linkParam?: string;
  hostile?: Hostility;
}

export interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export interface PagingServer {
  tokenUrl: string;
  apiUrl: string;
  foreignUrl: string;
  tokenSeen: Seen[];
  apiSeen: Seen[];
  foreignSeen: Seen[];
  issued: string[];
  close(): Promise<void>;
}

export interface PagingOptions {
  lists: ListConfig[];
  /** The audience the token request must carry, when the docs name one. */
  audience?: string;
}

interface Origin {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

async function startOrigin(respond: (seen: Seen, origin: string) => Answer): Promise<Origin> {
  const seen: Seen[] = [];
  let url = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const record = { method: request.method ?? '', url: request.url ?? '/', authorization: request.headers.authorization, body };
      seen.push(record);
      const answer = respond(record, url);
      response.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...answer.headers });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startPagingServer(options: PagingOptions): Promise<PagingServer> {
  const issued: string[] = [];
  const tokens = await startOrigin((seen) => token(seen, issued, options.audience));
  const foreign = await startOrigin(() => ({ status: 404, body: { error: 'not_found' } }));
  const api = await startOrigin((seen, origin) => data(seen, issued, options.lists, origin, foreign.url));
  return {
    tokenUrl: tokens.url,
    apiUrl: api.url,
    foreignUrl: foreign.url,
    tokenSeen: tokens.seen,
    apiSeen: api.seen,
    foreignSeen: foreign.seen,
    issued,
    close: async () => {
      await Promise.all([tokens.close(), api.close(), foreign.close()]);
    },
  };
}

/** RFC 6749 4.4 with client_secret_basic: the token path only, POST, grant_type, the documented audience. */
function token(seen: Seen, issued: string[], audience: string | undefined): Answer {
  if (new URL(seen.url, 'http://x.invalid').pathname !== PAGING_TOKEN_PATH) return { status: 404, body: { error: 'not_found' } };
  if (seen.method !== 'POST') return { status: 405, body: { error: 'invalid_request' }, headers: { allow: 'POST' } };
  const form = new URLSearchParams(seen.body);
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
  if (audience !== undefined && form.get('audience') !== audience) return { status: 400, body: { error: 'invalid_request', error_description: 'audience' } };
  const basic = `Basic ${Buffer.from(`${PAGING_CLIENT.clientId}:${PAGING_CLIENT.clientSecret}`).toString('base64')}`;
  if (seen.authorization !== basic) return { status: 401, body: { error: 'invalid_client' }, headers: { 'www-authenticate': 'Basic' } };
  const value = randomBytes(24).toString('base64url');
  issued.push(value);
  return { status: 200, body: { access_token: value, token_type: 'Bearer', expires_in: 3600 } };
}

function data(seen: Seen, issued: string[], lists: ListConfig[], origin: string, foreign: string): Answer {
  if (!issued.some((value) => seen.authorization === `Bearer ${value}`))
    return { status: 401, body: { error: 'invalid_token' }, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
  const url = new URL(seen.url, origin);
  for (const list of lists) {
    if (url.pathname === list.path) return page(list, url, list.hostile === 'foreign-link' ? foreign : origin);
    const item = list.items.find((i) => url.pathname === `${list.path}/${encodeURIComponent(i.id)}`);
    if (item) return { status: 200, body: item };
  }
  return { status: 404, body: { error: 'not_found' } };
}

const encodeCursor = (offset: number) => Buffer.from(`at:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  const match = /^at:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** Where the page starts, from the style's query parameter; a string is the reason for a 400. */
function startOf(list: ListConfig, query: URLSearchParams, size: number): number | string {
  const given = query.get(list.style === 'next-link' || list.style === 'link-header' ? (list.linkParam ?? 'skip') : (list.param ?? ''));
  if (given === null) return 0;
  if (list.style === 'cursor' || list.style === 'next-link' || list.style === 'link-header') return decodeCursor(given) ?? `unreadable cursor ${given}`;
  if (!/^\d+$/.test(given)) return `${list.param} must be a whole number`;
  if (list.style === 'page') return (Number(given) - (list.firstPage ?? 1)) * size;
  return list.style === 'offset' ? Number(given) : 0;
}

function page(list: ListConfig, url: URL, linkOrigin: string): Answer {
  const size = Number(url.searchParams.get(list.limit) ?? 10);
  if (!Number.isInteger(size) || size < 1) return { status: 400, body: { error: 'invalid_request', error_description: `${list.limit} must be at least 1` } };
  const start = startOf(list, url.searchParams, size);
  if (typeof start === 'string' || start < 0) return { status: 400, body: { error: 'invalid_request', error_description: String(start) } };
  // repeat: every page after the first starts one item early, so page 2 holds page 1's last item
  const from = list.hostile === 'repeat' && start > 0 ? start - 1 : start;
  const items = list.items.slice(from, from + size);
  const more = start + size < list.items.length || list.hostile === 'endless';
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  const nextLink = () => {
    const next = new URL(`${linkOrigin}${list.path}`);
    next.searchParams.set(list.limit, String(size));
    next.searchParams.set(list.linkParam ?? 'skip', encodeCursor(start + size));
    return next.href;
  };
  if (more && list.style === 'cursor') setPath(body, list.next!, encodeCursor(start + size));
  if (more && list.style === 'next-link') setPath(body, list.next!, nextLink());
  if (more && list.style === 'link-header') headers.link = `<${nextLink()}>; rel="next"`;
  if (list.total?.in === 'header') headers[list.total.name.toLowerCase()] = String(list.items.length);
  if (list.total?.in === 'body') body[list.total.field] = list.items.length;
  if (list.itemsField === undefined) return { status: 200, body: items, headers };
  return { status: 200, body: { [list.itemsField]: items, ...body }, headers };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = value;
}
