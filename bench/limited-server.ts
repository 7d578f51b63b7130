// A server for the synthetic description (bench/synthetic-spec.ts) that answers every endpoint
// with an Item or an ItemList, as its success schema names, and enforces the documented rate
// limits exactly as the reference server does (server/rate-limit.ts: a sliding window per
// endpoint, per IP and per user). The reference server serves only the devices resource.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpointAt, templates } from '../contract/drift/endpoint-of.js';
import { TOKEN_ENDPOINT } from '../model/ids.js';
import { successResponse, type ApiModel } from '../model/model.js';
import { issuedLifetime } from '../model/token-answer.js';
import { RateLimiter } from '../server/rate-limit.js';
import { DEMO } from '../server/index.js';

export interface LimitedServer {
  url: string;
  /** Requests answered 429. */
  rateLimited(): number;
  close(): Promise<void>;
}

const ITEM = { id: 'id-1', name: 'Item 1', status: 'online', lastSeen: '2024-12-31T23:59:59Z', tags: [] };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function token(lifetime: number): object {
  const iat = Math.floor(Date.now() / 1000);
  return {
    access_token: `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: DEMO.clientId, iat, exp: iat + lifetime })}.c2lnbmF0dXJl`,
    token_type: 'Bearer',
    expires_in: lifetime,
  };
}

/** `limits` false: the same answers without any limit. */
export async function startLimitedServer(model: ApiModel, limits = true): Promise<LimitedServer> {
  const limiter = new RateLimiter(limits, Date.now);
  const known = templates(model);
  const basic = `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}`;
  let limited = 0;
  const send = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
    if (status === 429) limited += 1;
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const id = endpointAt(req.method!, `http://localhost${req.url}`, known);
    const resource = model.resources.find((r) => r.endpoints.some((e) => e.id === id));
    const limit = id === TOKEN_ENDPOINT ? model.auth.rateLimit : resource?.rateLimit;
    if (!id) return send(res, 404, { error: 'not_found' });
    const bearer = /^Bearer \S+/.test(req.headers.authorization ?? '');
    const decision = limiter.take(id === TOKEN_ENDPOINT ? 'token' : `endpoint:${id}`, limit, {
      ip: req.socket.remoteAddress ?? '',
      ...(bearer ? { user: DEMO.clientId } : {}),
    });
    if (!decision.ok) return send(res, 429, { error: 'rate_limited' }, { 'retry-after': String(decision.retryAfterSeconds) });
    if (id === TOKEN_ENDPOINT)
      return req.headers.authorization === basic ? send(res, 200, token(issuedLifetime(model.auth.lifetime))) : send(res, 401, { error: 'invalid_client' });
    if (!bearer) return send(res, 401, { error: 'invalid_token' });
    const endpoint = resource!.endpoints.find((e) => e.id === id)!;
    return send(res, 200, successResponse(endpoint)?.schema === 'ItemList' ? { items: [ITEM], total: 1 } : ITEM);
  };
  const server = createServer((req, res) => req.resume().on('end', () => handle(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, rateLimited: () => limited, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
