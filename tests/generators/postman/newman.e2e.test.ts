// The generated collection run by newman against a tiny server that speaks only the documented
// token contract: the collection's own script must fetch, cache and renew the token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import newman from 'newman';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureJson } from '../../support/collections.js';

const collection = fixtureJson('securithings.postman_collection.json');
const environment = fixtureJson('securithings-local.postman_environment.json');
const CLIENT = { organization: 'tiny', clientId: 'tiny-client', clientSecret: 'tiny secret: with colon' };

interface TinyServer {
  url: string;
  issued: string[];
  bearers: (string | undefined)[];
  close(): void;
}

/** `limited`: Retry-After values of 429 answers given to the first token requests. */
async function tinyServer(expiresIn: number, limited: string[] = []): Promise<TinyServer> {
  const issued: string[] = [];
  const retryAfters = [...limited];
  const bearers: (string | undefined)[] = [];
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'POST' && url.pathname === `/token/${CLIENT.organization}` && retryAfters.length > 0) {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': retryAfters.shift()! }).end('{"error":"rate_limited"}');
      return;
    }
    if (req.method === 'POST' && url.pathname === `/token/${CLIENT.organization}`) {
      const expected = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return json(res, 401, { error: 'invalid_client' });
      const token = `tiny.${Buffer.from(String(issued.length)).toString('base64url')}.sig`;
      issued.push(token);
      return json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn });
    }
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    bearers.push(bearer);
    if (!bearer || !issued.includes(bearer)) return json(res, 401, { error: 'invalid_token' });
    if (url.pathname === '/v1/devices') return json(res, 200, { devices: [{ id: 'd1', status: 'online' }], total: 1 });
    if (url.pathname === '/v1/devices/d1') return json(res, 200, { id: 'd1', status: 'online' });
    return json(res, 404, { error: 'not_found' });
  };
  const server = createServer((req, res) => req.resume().on('end', () => handle(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, issued, bearers, close: () => server.close() };
}

function runDevicesFolder(url: string, options: { iterations: number; delayMs: number; clientSecret?: string }): Promise<newman.NewmanRunSummary> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        environment,
        folder: 'Devices',
        iterationCount: options.iterations,
        delayRequest: options.delayMs,
        envVar: Object.entries({ ...CLIENT, clientSecret: options.clientSecret ?? CLIENT.clientSecret, baseUrl: url }).map(([key, value]) => ({ key, value })),
        reporters: [],
      },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
  });
}

let server: TinyServer | undefined;
afterEach(() => server?.close());

describe('the generated collection under newman', () => {
  it('fetches one token with HTTP Basic and signs every request with it', async () => {
    server = await tinyServer(3600);
    const summary = await runDevicesFolder(server.url, { iterations: 3, delayMs: 0 });
    expect(summary.run.failures).toEqual([]);
    expect(summary.run.stats.requests.total).toBe(7); // six data requests and the script's token request
    expect(server.issued).toHaveLength(1);
    expect(server.bearers).toEqual(Array(6).fill(server.issued[0]));
  });

  it('fetches a new token once the cached one is within the expiry skew', async () => {
    // expires_in 61 s with the spec's 60 s skew: the token is fresh for one second only.
    server = await tinyServer(61);
    const summary = await runDevicesFolder(server.url, { iterations: 2, delayMs: 1200 });
    expect(summary.run.failures).toEqual([]);
    expect(server.issued).toHaveLength(4);
    expect(server.bearers).toEqual(server.issued);
  });

  it('sends nothing unauthenticated when the credentials are wrong, and asks only once', async () => {
    server = await tinyServer(3600);
    const summary = await runDevicesFolder(server.url, { iterations: 2, delayMs: 0, clientSecret: 'wrong' });
    expect(server.issued).toHaveLength(0);
    expect(server.bearers.every((b) => b === undefined)).toBe(true);
    expect(summary.run.failures.length).toBeGreaterThan(0);
  });

  it('waits out a 429 on its token request (Retry-After) and asks once more', async () => {
    server = await tinyServer(3600, ['1']);
    const started = Date.now();
    const summary = await runDevicesFolder(server.url, { iterations: 1, delayMs: 0 });
    expect(summary.run.failures).toEqual([]);
    expect(server.issued).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('does not wait for a Retry-After beyond two minutes: the requests fail at once, unsigned', async () => {
    server = await tinyServer(3600, ['3600']);
    const started = Date.now();
    const summary = await runDevicesFolder(server.url, { iterations: 1, delayMs: 0 });
    expect(server.issued).toHaveLength(0);
    expect(server.bearers.every((b) => b === undefined)).toBe(true);
    expect(summary.run.failures.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
