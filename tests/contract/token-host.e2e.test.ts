// A token endpoint on another host than the API (issue 17, Microsoft's and Auth0's docs), with a
// tenant variable in that host and in the audience: the contract run passes against an independent
// pair of servers, the token endpoint on one origin and the API on another, each refusing the
// other's requests; the client secret and the Basic header never reach the API's origin. The run
// against the embedded reference server (both on one origin) passes too.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../../cli/write-files.js';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';
import { runCli, type CliResult } from '../support/cli.js';

const SPEC = fileURLToPath(new URL('../fixtures/descriptions/token-host.yaml', import.meta.url));
const CLIENT = { id: 'graph-client', secret: 'graph-secret-0123456789abcdef' } as const;
const TENANT = 'acme';
const TOKEN_PATH = '/oauth2/v2.0/token';
const USERS = [{ id: 'u-1', displayName: 'Ada' }];

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Origin {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** One origin on 127.0.0.1 answering with `respond`; it records every request whole. */
async function startOrigin(respond: (seen: Seen, response: ServerResponse) => void): Promise<Origin> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const record = { method: request.method ?? '', url: request.url ?? '/', headers: request.headers, body };
      seen.push(record);
      respond(record, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
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

/** The token origin, as the docs say: the token path only, the client as Basic, the tenant's audience. */
function tokenOrigin(issued: string[]) {
  const basic = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;
  return (seen: Seen, response: ServerResponse) => {
    if (new URL(seen.url, 'http://x.invalid').pathname !== TOKEN_PATH || seen.method !== 'POST') return send(response, 404, { error: 'not_found' });
    const form = new URLSearchParams(seen.body);
    if (form.get('grant_type') !== 'client_credentials' || form.get('audience') !== `https://${TENANT}.login.example.com/api/v2/`)
      return send(response, 400, { error: 'invalid_request' });
    if (seen.headers.authorization !== basic) return send(response, 401, { error: 'invalid_client' });
    const token = randomBytes(24).toString('base64url');
    issued.push(token);
    return send(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
  };
}

/** The API's origin: no token endpoint, the users behind a bearer token. */
function dataOrigin(issued: string[]) {
  return (seen: Seen, response: ServerResponse) => {
    const path = new URL(seen.url, 'http://x.invalid').pathname;
    if (path === TOKEN_PATH) return send(response, 404, { error: 'not_found' });
    if (!issued.some((token) => seen.headers.authorization === `Bearer ${token}`)) return send(response, 401, { error: 'invalid_token' });
    if (path === '/v1.0/users') return send(response, 200, { users: USERS, total: USERS.length });
    const user = USERS.find((u) => path === `/v1.0/users/${u.id}`);
    return user ? send(response, 200, user) : send(response, 404, { error: 'not_found' });
  };
}

let collections: string;
const origins: Origin[] = [];
beforeAll(() => {
  collections = mkdtempSync(join(tmpdir(), 'token-host-'));
  writeFiles(collections, generateAll(loadSpec(readFileSync(SPEC), SPEC), DEFAULT_CTX));
});
afterAll(() => Promise.all(origins.map((o) => o.close())));

async function contract(env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'token-host-run-'));
  return runCli(['contract', '--spec', SPEC, '--collections', collections, '--reports', 'reports', '--no-pacing'], { env, cwd });
}

describe('a token endpoint on a tenant host of its own, the audience built from that host', () => {
  it('passes against a token origin and an API origin apart, and the credentials go only to the token origin', async () => {
    const issued: string[] = [];
    const tokens = await startOrigin(tokenOrigin(issued));
    const data = await startOrigin(dataOrigin(issued));
    origins.push(tokens, data);
    const run = await contract({
      TENANT_GRAPH_BASE_URL: data.url,
      TENANT_GRAPH_TOKEN_BASE_URL: tokens.url,
      TENANT_GRAPH_TENANT: TENANT,
      TENANT_GRAPH_CLIENT_ID: CLIENT.id,
      TENANT_GRAPH_CLIENT_SECRET: CLIENT.secret,
    });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(tokens.seen.every((s) => new URL(s.url, 'http://x.invalid').pathname === TOKEN_PATH)).toBe(true);
    expect(data.seen.filter((s) => s.headers.authorization?.startsWith('Bearer ')).length).toBeGreaterThanOrEqual(2);
    const atData = JSON.stringify(data.seen);
    expect(atData).not.toContain(CLIENT.secret);
    expect(atData).not.toContain(Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64'));
    expect(data.seen.some((s) => /^basic/i.test(s.headers.authorization ?? '') || new URL(s.url, 'http://x.invalid').pathname === TOKEN_PATH)).toBe(false);
  }, 60_000);

  it('passes against the embedded reference server, which serves the token endpoint on its own origin', async () => {
    const run = await contract();
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 60_000);
});
