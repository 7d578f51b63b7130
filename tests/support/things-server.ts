// The API of tests/support/things-openapi.ts, written from that document alone (node:http, not the
// reference server): a client-credentials token endpoint taking HTTP Basic, GET and HEAD of a thing,
// DELETE of a thing and of an other. It records every data request, so a test can say which methods
// a contract run sent.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const THINGS_CLIENT = { clientId: 'things-client', clientSecret: 'things:secret/odd+chars' } as const;

export interface ThingsServer {
  url: string;
  /** Every data request as it came: method, path and the status answered. */
  dataRequests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

export async function startThingsServer(): Promise<ThingsServer> {
  const issued = new Set<string>();
  const dataRequests: ThingsServer['dataRequests'] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://things.invalid').pathname;
      if (path === '/token') return token(request, response);
      const status = data(request, response, path);
      dataRequests.push({ method: request.method ?? '', path, status });
    });
  });

  function token(request: IncomingMessage, response: ServerResponse): void {
    const basic = `Basic ${Buffer.from(`${THINGS_CLIENT.clientId}:${THINGS_CLIENT.clientSecret}`).toString('base64')}`;
    if (request.method !== 'POST' || request.headers.authorization !== basic) {
      send(response, 401, { error: 'invalid_client' });
      return;
    }
    const accessToken = randomBytes(24).toString('base64url');
    issued.add(accessToken);
    send(response, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
  }

  function data(request: IncomingMessage, response: ServerResponse, path: string): number {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !issued.has(bearer)) return send(response, 401, { error: 'invalid_token' });
    const [, resource, id, extra] = path.split('/');
    if (id === undefined || extra !== undefined) return send(response, 404, { error: 'not_found' });
    if (resource === 'things' && request.method === 'GET') return send(response, 200, { id: decodeURIComponent(id) });
    // HEAD: the GET's status and headers, no body (RFC 9110 section 9.3.2)
    if (resource === 'things' && request.method === 'HEAD') return send(response, 200, undefined);
    if (resource === 'things' && request.method === 'DELETE') return send(response, 204, undefined);
    if (resource === 'others' && request.method === 'DELETE') return send(response, 200, { id: decodeURIComponent(id) });
    return send(response, 405, { error: 'method_not_allowed' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown): number {
  response.writeHead(status, body === undefined ? { 'cache-control': 'no-store' } : JSON_HEADERS);
  response.end(body === undefined ? undefined : JSON.stringify(body));
  return status;
}
