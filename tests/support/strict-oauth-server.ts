// A strict RFC 6749 authorization server and resource server for examples/parcel-tracker.yaml,
// written apart from the reference server (node:http only, jose for the JWT): client_secret_post
// and nothing else, grant_type required, the form content type required, scope and audience
// checked, a bearer it issued required on every data endpoint. It records every token request as
// it arrived, so tests can say exactly what a client sent.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';

export const STRICT_CLIENT = { clientId: 'strict-client', clientSecret: 'strict:secret+with/odd=chars' } as const;
export const STRICT_SCOPE = 'parcels:read depots:read';
export const STRICT_AUDIENCE = 'https://api.parcels.example';
const LIFETIME_SECONDS = 900;

export interface TokenRequestSeen {
  contentType: string | undefined;
  authorization: string | undefined;
  /** The form fields in the order sent (repeats kept). */
  fields: [string, string][];
  status: number;
}

export interface StrictServer {
  url: string;
  tokenRequests: TokenRequestSeen[];
  dataRequests: { path: string; status: number }[];
  close(): Promise<void>;
}

const STATUSES = ['created', 'in_transit', 'delivered', 'returned'] as const;
const COUNTRIES = ['DE', 'FR', 'NL'] as const;
export const PARCELS = Array.from({ length: 7 }, (_, i) => ({
  trackingNumber: `PT-${String(i + 1).padStart(6, '0')}`,
  status: STATUSES[i % STATUSES.length]!,
  weightGrams: 500 + i * 250,
  depotId: `dep-${String((i % 4) + 1).padStart(3, '0')}`,
  createdAt: `2026-01-0${(i % 9) + 1}T08:00:00Z`,
}));
export const DEPOTS = Array.from({ length: 4 }, (_, i) => ({
  id: `dep-${String(i + 1).padStart(3, '0')}`,
  name: `Depot ${i + 1}`,
  country: COUNTRIES[i % COUNTRIES.length]!,
}));

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export interface StrictOptions {
  /** The status of a token request without client_id and client_secret: 401 invalid_client (default) or 400 invalid_request, as RFC 6749 5.2 allows. */
  missingCredentials?: 400 | 401;
}

export async function startStrictServer(options: StrictOptions = {}): Promise<StrictServer> {
  const key = new Uint8Array(randomBytes(32));
  const issued = new Set<string>();
  const tokenRequests: TokenRequestSeen[] = [];
  const dataRequests: { path: string; status: number }[] = [];
  const server = createServer((request, response) => {
    void handle(request).then(
      (answer) => send(response, answer),
      () => send(response, { status: 500, body: { error: 'server_error' } }),
    );
  });

  async function handle(request: IncomingMessage): Promise<Answer> {
    const url = new URL(request.url ?? '/', 'http://strict.invalid');
    const body = await readBody(request);
    if (url.pathname === '/oauth2/token') {
      const seen: TokenRequestSeen = {
        contentType: request.headers['content-type'],
        authorization: request.headers.authorization,
        fields: [...new URLSearchParams(body)],
        status: 0,
      };
      const answer = request.method === 'POST' ? await token(request, body) : { status: 405, body: { error: 'invalid_request' }, headers: { allow: 'POST' } };
      tokenRequests.push({ ...seen, status: answer.status });
      return answer;
    }
    const answer = data(request, url);
    dataRequests.push({ path: url.pathname, status: answer.status });
    return answer;
  }

  async function token(request: IncomingMessage, body: string): Promise<Answer> {
    const error = (status: number, code: string, headers?: Record<string, string>): Answer => ({
      status,
      body: { error: code },
      headers: { 'cache-control': 'no-store', ...headers },
    });
    if (request.headers.authorization !== undefined) return error(401, 'invalid_client', { 'www-authenticate': 'Basic realm="strict"' });
    if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return error(400, 'invalid_request');
    const form = new URLSearchParams(body);
    if ([...new Set(form.keys())].some((name) => form.getAll(name).length > 1)) return error(400, 'invalid_request');
    if (!form.has('grant_type')) return error(400, 'invalid_request');
    if (form.get('grant_type') !== 'client_credentials') return error(400, 'unsupported_grant_type');
    if (options.missingCredentials === 400 && !form.has('client_id') && !form.has('client_secret')) return error(400, 'invalid_request');
    if (form.get('client_id') !== STRICT_CLIENT.clientId || form.get('client_secret') !== STRICT_CLIENT.clientSecret) return error(401, 'invalid_client');
    const scope = form.get('scope');
    if (scope?.split(' ').some((s) => !STRICT_SCOPE.split(' ').includes(s))) return error(400, 'invalid_scope');
    if (form.has('audience') && form.get('audience') !== STRICT_AUDIENCE) return error(400, 'invalid_target');
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ scope: scope ?? STRICT_SCOPE, aud: STRICT_AUDIENCE })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(STRICT_CLIENT.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + LIFETIME_SECONDS)
      .sign(key);
    issued.add(jwt);
    return {
      status: 200,
      body: { access_token: jwt, token_type: 'Bearer', expires_in: LIFETIME_SECONDS, scope: scope ?? STRICT_SCOPE },
      headers: { 'cache-control': 'no-store' },
    };
  }

  function data(request: IncomingMessage, url: URL): Answer {
    const bearer = /^Bearer ([\w.~+/-]+=*)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined) return { status: 401, body: { error: 'invalid_request' }, headers: { 'www-authenticate': 'Bearer realm="strict"' } };
    if (!issued.has(bearer))
      return { status: 401, body: { error: 'invalid_token' }, headers: { 'www-authenticate': 'Bearer realm="strict", error="invalid_token"' } };
    if (request.method !== 'GET') return { status: 405, body: { error: 'method_not_allowed' }, headers: { allow: 'GET' } };
    const [, version, resource, id, extra] = url.pathname.split('/');
    if (version !== 'v2' || extra !== undefined) return { status: 404, body: { error: 'not_found' } };
    if (resource === 'parcels') return id === undefined ? page(url, 'parcels', PARCELS, 'status') : one(PARCELS.find((p) => p.trackingNumber === id));
    if (resource === 'depots') return id === undefined ? page(url, 'depots', DEPOTS, 'country') : one(DEPOTS.find((d) => d.id === id));
    return { status: 404, body: { error: 'not_found' } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokenRequests,
    dataRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function page<T extends Record<string, unknown>>(url: URL, name: string, items: readonly T[], filter: string): Answer {
  const limit = integer(url.searchParams.get('limit') ?? '20', 1, 100);
  const offset = integer(url.searchParams.get('offset') ?? '0', 0, 1_000_000);
  if (limit === undefined || offset === undefined) return { status: 400, body: { error: 'invalid_request' } };
  const wanted = url.searchParams.get(filter);
  const matches = items.filter((item) => wanted === null || item[filter] === wanted);
  return { status: 200, body: { [name]: matches.slice(offset, offset + limit), total: matches.length } };
}

function one(item: unknown): Answer {
  return item === undefined ? { status: 404, body: { error: 'not_found' } } : { status: 200, body: item };
}

function integer(text: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 65_536) request.destroy();
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(JSON.stringify(answer.body));
}
