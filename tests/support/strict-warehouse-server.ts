// A strict server for examples/warehouse-orders.yaml, written from that description's docs and apart
// from the reference server (node:http only): the form token request with client_secret_post
// answering an opaque random token (not a JWT) with the documented token_type and a lifetime inside
// the documented range; on every data request a token it issued, under the documented scheme only
// (`Bearer`, in any case as RFC 7235 says; the token_type or any other scheme is refused); List
// orders paged by page number from 1 (`page`, `page_size`; a page past the end is empty) with
// `total_items`, refusing any other query name; and Create order taking only a JSON body that
// matches NewOrder (400 with the reason otherwise). It records every request it saw (method, path,
// query, the Authorization scheme, status, the body text of a write), and every token it issued
// (for the tests' leak scans), so tests can tell what a run sent. Stateless: a placed order is
// answered, never stored.
//
// What the docs fix is kept in WAREHOUSE_DOCS, so a change of the description (another token path,
// token type or paging style) is a change here.
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const WAREHOUSE_DOCS = {
  tokenPath: '/auth/v1/token',
  /** The token answer's `token_type`: not the scheme data requests use. */
  tokenType: 'Warehouse Access Token',
  /** The Authorization scheme of data requests (the description's `tokenPrefix`). */
  scheme: 'Bearer',
  scope: 'orders:read orders:write',
  lifetimeSeconds: { min: 1800, max: 3600 },
  ordersPath: '/v1/orders',
  /** Page-number paging: `page` from `firstPage`, `page_size` orders a page, `total_items` counts every match. */
  paging: { page: 'page', firstPage: 1, pageSize: 'page_size', total: 'total_items', filters: ['status'] },
  pageSize: { min: 1, max: 50, default: 10 },
  statuses: ['pending', 'picked', 'shipped'],
  maxBodyBytes: 64 * 1024,
} as const;

export const WAREHOUSE_CLIENT = { clientId: 'warehouse-client', clientSecret: 'warehouse:secret+odd/chars=' } as const;

export const ORDERS = Array.from({ length: 5 }, (_, i) => ({
  id: `ord-${String(i + 1).padStart(4, '0')}`,
  status: WAREHOUSE_DOCS.statuses[i % WAREHOUSE_DOCS.statuses.length]!,
  sku: `SKU-${String(10000 + i)}`,
  quantity: i + 1,
}));

export interface RequestSeen {
  method: string;
  path: string;
  /** The query string, as sent (without `?`). */
  query: string;
  /** The Authorization header's scheme (its first word), never its token. */
  scheme?: string;
  status: number;
  /** The body text of a request that sent one. */
  body?: string;
}

export interface StrictWarehouse {
  url: string;
  requests: RequestSeen[];
  /** Every access token it handed out, for leak scans. */
  issued: string[];
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const refuse = (status: number, error: string, description?: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error, ...(description ? { error_description: description } : {}) },
  ...(headers ? { headers } : {}),
});

/** Ways to break the docs on purpose, so a test can see the contract notice. */
export interface WarehouseFault {
  /** Answer page 1 whatever `page` says (a server that ignores the page number). */
  ignorePage?: boolean;
  /** Answer this `token_type` instead of the documented one. */
  tokenType?: string;
  /**
   * Not a fault: the Authorization scheme of a test's own copy of the docs (`tokenPrefix: Token`), taken instead of
   * `WAREHOUSE_DOCS.scheme` and, like it, alone (in any case); every other scheme, `Bearer` too, is refused with 401.
   */
  scheme?: string;
}

export async function startStrictWarehouse(fault: WarehouseFault = {}): Promise<StrictWarehouse> {
  const issued: string[] = [];
  const requests: RequestSeen[] = [];
  const server = createServer((request, response) => {
    void handle(request).then(
      (answer) => send(response, answer),
      () => send(response, refuse(500, 'server_error')),
    );
  });

  async function handle(request: IncomingMessage): Promise<Answer> {
    const url = new URL(request.url ?? '/', 'http://strict.invalid');
    const body = await readBody(request);
    const answer = body === undefined ? refuse(413, 'invalid_request', 'body too large') : await route(request, url, body);
    // Only a word before a space is a scheme: a bare token is never recorded.
    const scheme = /^(\S+) /.exec(request.headers.authorization ?? '')?.[1];
    requests.push({
      method: request.method ?? '',
      path: url.pathname,
      query: url.search.slice(1),
      ...(scheme === undefined ? {} : { scheme }),
      status: answer.status,
      ...(body ? { body } : {}),
    });
    return answer;
  }

  async function route(request: IncomingMessage, url: URL, body: string): Promise<Answer> {
    if (url.pathname === WAREHOUSE_DOCS.tokenPath)
      return request.method === 'POST' ? token(request, body) : refuse(405, 'invalid_request', undefined, { allow: 'POST' });
    const scheme = fault.scheme ?? WAREHOUSE_DOCS.scheme;
    const bearer = new RegExp(`^${scheme} ([\\w.~+/-]+=*)$`, 'i').exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !issued.includes(bearer)) return refuse(401, 'invalid_token', undefined, { 'www-authenticate': `${scheme} realm="warehouse"` });
    const rest = url.pathname.startsWith(`${WAREHOUSE_DOCS.ordersPath}`) ? url.pathname.slice(WAREHOUSE_DOCS.ordersPath.length) : undefined;
    if (rest === '') {
      if (request.method === 'GET') return list(url, fault);
      if (request.method === 'POST') return create(request, body);
      return refuse(405, 'method_not_allowed', undefined, { allow: 'GET, POST' });
    }
    const id = /^\/([^/]+)$/.exec(rest ?? '')?.[1];
    if (id === undefined) return refuse(404, 'not_found');
    if (request.method !== 'GET') return refuse(405, 'method_not_allowed', undefined, { allow: 'GET' });
    const order = ORDERS.find((o) => o.id === decodeURIComponent(id));
    return order ? { status: 200, body: order } : refuse(404, 'not_found');
  }

  function token(request: IncomingMessage, body: string): Answer {
    if (request.headers.authorization !== undefined) return refuse(401, 'invalid_client');
    if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return refuse(400, 'invalid_request');
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') return refuse(400, 'unsupported_grant_type');
    if (form.get('client_id') !== WAREHOUSE_CLIENT.clientId || form.get('client_secret') !== WAREHOUSE_CLIENT.clientSecret)
      return refuse(401, 'invalid_client');
    const scope = form.get('scope') ?? WAREHOUSE_DOCS.scope;
    if (scope.split(' ').some((s) => !WAREHOUSE_DOCS.scope.split(' ').includes(s))) return refuse(400, 'invalid_scope');
    // Opaque: random bytes, no dots, nothing a reader could decode into claims.
    const accessToken = randomBytes(24).toString('base64url');
    issued.push(accessToken);
    const { min, max } = WAREHOUSE_DOCS.lifetimeSeconds;
    return {
      status: 200,
      body: { access_token: accessToken, token_type: fault.tokenType ?? WAREHOUSE_DOCS.tokenType, expires_in: randomInt(min, max + 1), scope },
      headers: { 'cache-control': 'no-store' },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** List orders: `page` (from 1) and `page_size` (1 to 50, default 10) page it, `status` filters; any other name or value is a 400. */
function list(url: URL, fault: WarehouseFault): Answer {
  const { page: pageName, firstPage, pageSize: sizeName, total, filters } = WAREHOUSE_DOCS.paging;
  const known: readonly string[] = [pageName, sizeName, ...filters];
  const unknown = [...url.searchParams.keys()].find((name) => !known.includes(name));
  if (unknown !== undefined) return refuse(400, 'invalid_request', `unknown query parameter ${unknown}`);
  const integer = (name: string, min: number, max: number, fallback: number): number | undefined => {
    const text = url.searchParams.get(name);
    if (text === null) return fallback;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    return value >= min && value <= max ? value : undefined;
  };
  const size = integer(sizeName, WAREHOUSE_DOCS.pageSize.min, WAREHOUSE_DOCS.pageSize.max, WAREHOUSE_DOCS.pageSize.default);
  const page = integer(pageName, firstPage, Number.MAX_SAFE_INTEGER, firstPage);
  const status = url.searchParams.get('status');
  if (size === undefined || page === undefined) return refuse(400, 'invalid_request', `${sizeName} or ${pageName} out of range`);
  if (status !== null && !(WAREHOUSE_DOCS.statuses as readonly string[]).includes(status)) return refuse(400, 'invalid_request', 'unknown status');
  const matches = ORDERS.filter((o) => status === null || o.status === status);
  const from = fault.ignorePage ? 0 : (page - firstPage) * size;
  return { status: 200, body: { orders: matches.slice(from, from + size), [total]: matches.length } };
}

/** Create order: only a JSON body matching NewOrder (sku `SKU-` and five digits, quantity 1 to 100, an optional note up to 200 characters, nothing else). */
function create(request: IncomingMessage, body: string): Answer {
  if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== 'application/json')
    return refuse(400, 'invalid_request', 'the body must be JSON');
  let order: unknown;
  try {
    order = JSON.parse(body);
  } catch {
    return refuse(400, 'invalid_request', 'the body is not JSON');
  }
  const problem = newOrderProblem(order);
  if (problem) return refuse(400, 'invalid_request', problem);
  const { sku, quantity, note } = order as { sku: string; quantity: number; note?: string };
  return { status: 201, body: { id: 'ord-9001', status: 'pending', sku, quantity, ...(note === undefined ? {} : { note }) } };
}

function newOrderProblem(order: unknown): string | undefined {
  if (order === null || typeof order !== 'object' || Array.isArray(order)) return 'the body must be an object';
  const fields = order as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !['sku', 'quantity', 'note'].includes(k));
  if (unknown !== undefined) return 'unknown field';
  if (typeof fields.sku !== 'string' || !/^SKU-[0-9]{5}$/.test(fields.sku)) return 'sku must be SKU- and five digits';
  if (!Number.isInteger(fields.quantity) || (fields.quantity as number) < 1 || (fields.quantity as number) > 100)
    return 'quantity must be an integer from 1 to 100';
  if (fields.note !== undefined && (typeof fields.note !== 'string' || fields.note.length > 200)) return 'note must be text of at most 200 characters';
  return undefined;
}

/** The body as text, or undefined past the documented bound. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > WAREHOUSE_DOCS.maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: Answer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...answer.headers });
  response.end(text);
}
