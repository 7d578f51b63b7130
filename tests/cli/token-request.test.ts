// `token` against hostile or unreachable servers: what it prints from the network is redacted
// (the secret, the Basic value, any token) and escaped; it reads a bounded answer, follows no
// redirect, and names the transport cause instead of `fetch failed`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { requestToken } from '../../cli/token-request.js';
import { runCli } from '../support/cli.js';
import { fixtureModel, FIXTURE_SPEC } from '../support/model.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function listen(handler: Handler): Promise<{ url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

// a slash and a non-ASCII letter, so the JSON-escaped forms (`\/`, `\u00e9`) differ from the raw one
const SECRET = 'h5-s3cr/t-\u00e9t\u00e9-41';
const CLIENT = 'h5-client';
const BASIC = Buffer.from(`${CLIENT}:${SECRET}`).toString('base64');
const env = (url: string) => ({
  SECURITHINGS_BASE_URL: url,
  SECURITHINGS_ORGANIZATION: 'org',
  SECURITHINGS_CLIENT_ID: CLIENT,
  SECURITHINGS_CLIENT_SECRET: SECRET,
});

function expectClean(text: string): void {
  for (const form of [SECRET, JSON.stringify(SECRET).slice(1, -1), SECRET.replace('/', '\\/'), BASIC, 'h5-s3cr']) expect(text).not.toContain(form);
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

describe('token prints nothing secret a server sends back', () => {
  it.each([
    ['the secret raw', json(401, { error: `bad secret ${SECRET}`, error_description: `bad secret ${SECRET}` })],
    ['the secret JSON-escaped, PHP and Python style', json(401, `{"error":"bad secret ${SECRET.replace('/', '\\/').replace(/\u00e9/g, '\\u00e9')}"}`)],
    ['the Basic value', json(400, { error: `Basic ${BASIC} refused`, error_description: BASIC })],
    ['a token in a refusal', json(403, { error: 'not for you: opaque-token-0123456789', access_token: 'opaque-token-0123456789' })],
  ])('%s', async (_, handler) => {
    const hostile = await listen(handler);
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(hostile.url) });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^token request failed: http:\/\/127\.0\.0\.1:\d+\/token\/org answered HTTP 40[013] \(.*\[REDACTED\].*\)\n$/);
    expectClean(result.stderr);
    expect(result.stderr).not.toContain('opaque-token-0123456789');
    expect(result.code).toBe(2);
  });

  it('the secret typed at the prompt', async () => {
    const hostile = await listen(json(401, { error: `you typed ${SECRET}` }));
    const { run } = await import('../../cli/main.js');
    let stderr = '';
    const code = await run(['token'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      env: { ...env(hostile.url), SECURITHINGS_CLIENT_SECRET: undefined },
      cwd: process.cwd(),
      interactive: true,
      readSecret: async () => SECRET,
    });
    expect(stderr).toContain('you typed [REDACTED]');
    expectClean(stderr);
    expect(code).toBe(2);
  });

  it('does not print a "token" that holds control characters', async () => {
    const hostile = await listen(json(200, { access_token: 'tok\u001b]52;c;cGF5bG9hZA==\u0007en', token_type: 'Bearer' }));
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(hostile.url) });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `token request failed: ${hostile.url}/token/org answered a token with characters outside visible ASCII (RFC 6749 A.12): not printed\n`,
    );
    expect(result.code).toBe(1);
  });

  it('escapes terminal control characters in the error fields and the retry hint', async () => {
    // a header cannot carry C0 controls, but it can carry the 8-bit CSI (0x9b)
    const hostile = await listen(
      json(429, { error: 'slow_down\u001b[2J\u001b]0;owned\u0007', error_description: 'line\nbreak\u009b' }, { 'retry-after': '5\u009b31m' }),
    );
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(hostile.url) });
    expect(result.stderr).toContain('(slow_down\\x1b[2J\\x1b]0;owned\\x07: line\\x0abreak\\x9b); retry after 5\\x9b31m s\n');
    expectClean(result.stderr);
    expect(result.code).toBe(2);
  });
});

describe('token stays on its origin and bounded', () => {
  it('does not follow a redirect: the other origin gets nothing, the Location is named', async () => {
    const elsewhere = await listen(json(200, { access_token: 'stolen', token_type: 'Bearer' }));
    const redirecting = await listen((_, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/collect?from=token` });
      response.end();
    });
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(redirecting.url) });
    expect(elsewhere.requests).toHaveLength(0);
    expect(result.stderr).toBe(
      `token request failed: ${redirecting.url}/token/org answered HTTP 307, a redirect to ${elsewhere.url}: not followed: credentials stay on their origin\n`,
    );
    expect(result.code).toBe(2);
  });

  it('stops reading an endless answer after 64 KiB', async () => {
    const endless = await listen((_, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const started = Date.now();
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(endless.url) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toBe(`token request failed: ${endless.url}/token/org answered HTTP 401 with more than 64 KiB: not read further\n`);
    expect(result.code).toBe(1);
  });
});

describe('token names the transport cause', () => {
  it('a refused connection', async () => {
    const closed = await listen(() => undefined);
    servers.pop()!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env(closed.url) });
    expect(result.stderr).toBe(`token request failed: ${closed.url}/token/org: connection refused (ECONNREFUSED): is the base URL right, and the server up?\n`);
    expect(result.code).toBe(2);
  });

  it('a host name that does not resolve', async () => {
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env('https://no-such-host.invalid') });
    expect(result.stderr).toMatch(
      /^token request failed: https:\/\/no-such-host\.invalid\/token\/org: the host name does not resolve \((ENOTFOUND|EAI_AGAIN)\)\n$/,
    );
    expect(result.code).toBe(2);
  });

  it('a server that never answers', async () => {
    const silent = await listen(() => undefined);
    const outcome = await requestToken(fixtureModel(), { baseUrl: silent.url, organization: 'org', clientId: CLIENT, clientSecret: SECRET }, 300);
    expect(outcome).toEqual({ ok: false, cause: 'setup', message: `${silent.url}/token/org: no answer within 0.3 s (timeout)` });
  });
});

describe('token reads the field the description documents', () => {
  const answer = { app_token: 'v^1.1#i^1#opaque-app-token', token_type: 'Application Access Token', expires_in: 7200 };
  const credentials = (url: string) => ({ baseUrl: url, organization: 'org', clientId: CLIENT, clientSecret: SECRET });

  it('takes the token from app_token when the description names it, and not from access_token', async () => {
    const server = await listen(json(200, { ...answer, access_token: 'not-the-documented-one' }));
    const model = fixtureModel();
    model.auth.token.field = 'app_token';
    expect(await requestToken(model, credentials(server.url))).toEqual({ ok: true, token: answer.app_token, expiresIn: 7200 });
  });

  it('finds no token in app_token when the description keeps access_token, and shows none of it', async () => {
    const server = await listen(json(200, answer));
    const outcome = await requestToken(fixtureModel(), credentials(server.url));
    expect(outcome).toMatchObject({ ok: false, cause: 'api' });
  });
});
