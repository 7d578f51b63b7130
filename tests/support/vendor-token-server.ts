// An independent server for tests/fixtures/descriptions/opaque-vendor.yaml, written apart from the
// reference server (node:http only), answering the token request the way eBay documents its own:
// an opaque `v^1.1#...` token (not a JWT, not even RFC 6750 b64token characters), token_type
// `Application Access Token`, sent back as `Authorization: Bearer <token>`. What it answers can be
// bent (`answer`) to prove the contract notices. It records every token it issued.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const VENDOR_CLIENT = { clientId: 'vendor-client', clientSecret: 'vendor-secret-0123456789' } as const;
export const VENDOR_TOKEN_PATH = '/identity/v1/oauth2/token';
const ITEMS = Array.from({ length: 3 }, (_, i) => ({ id: `item-${i + 1}`, title: `Item ${i + 1}` }));

/** The token answer's members; `field` is where the token goes. */
export interface VendorAnswer {
  field: string;
  tokenType: string;
  expiresIn: number;
}

export const DOCUMENTED: VendorAnswer = { field: 'app_token', tokenType: 'Application Access Token', expiresIn: 7200 };

export interface VendorServer {
  url: string;
  issued: string[];
  /** The Authorization values the data endpoints received. */
  bearers: string[];
  close(): Promise<void>;
}

export async function startVendorServer(answer: VendorAnswer = DOCUMENTED): Promise<VendorServer> {
  const issued: string[] = [];
  const bearers: string[] = [];
  const basic = `Basic ${Buffer.from(`${VENDOR_CLIENT.clientId}:${VENDOR_CLIENT.clientSecret}`).toString('base64')}`;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => respond(request, body, response));
  });

  function respond(request: IncomingMessage, body: string, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://vendor.invalid');
    if (url.pathname === VENDOR_TOKEN_PATH) {
      if (request.method !== 'POST' || new URLSearchParams(body).get('grant_type') !== 'client_credentials')
        return send(response, 400, { error: 'invalid_request' });
      if (request.headers.authorization !== basic) return send(response, 401, { error: 'invalid_client' });
      const token = `v^1.1#i^1#p^1#r^0#I^3#f^0#t^${randomBytes(24).toString('base64url')}`;
      issued.push(token);
      return send(response, 200, { [answer.field]: token, token_type: answer.tokenType, expires_in: answer.expiresIn });
    }
    const authorization = request.headers.authorization ?? '';
    bearers.push(authorization);
    if (!issued.some((token) => authorization === `Bearer ${token}`)) return send(response, 401, { error: 'invalid_token' });
    if (url.pathname === '/catalogue/v1/items')
      return send(response, 200, { items: ITEMS.slice(0, Number(url.searchParams.get('limit') ?? 10)), total: ITEMS.length });
    const item = ITEMS.find((i) => url.pathname === `/catalogue/v1/items/${i.id}`);
    return item ? send(response, 200, item) : send(response, 404, { error: 'not_found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issued,
    bearers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
