// The reference server under hostile input, for what the other server tests leave out: oversized
// headers and bodies, methods on the data paths, hostile ids, Basic credentials over raw HTTP,
// huge bearer tokens and cross-tenant access with valid tokens. (alg none, tampered signatures,
// expired tokens, foreign keys: bearer.test.ts; wrong organization in the token path, refused
// Basic credentials, colons in the secret, 405 on the token path: token.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type RunningServer } from '../../server/index.js';
import { OTHER } from '../../server/seed.js';
import { basic, call, getWith, isErrorBody, rawHttp, start, tokenFor, type Answer } from './helpers.js';

let server: RunningServer;
let demoToken: string;
let otherToken: string;
beforeAll(async () => {
  server = await start();
  demoToken = await tokenFor(server, DEMO);
  otherToken = await tokenFor(server, OTHER);
});
afterAll(() => server.close());

const raw = (head: string, body = '') => rawHttp(server, head, body);

/** The status, a JSON `{error, error_description}` body, and nothing internal in the answer. */
function expectCleanError(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(isErrorBody(answer.body), answer.text).toBe(true);
  const everything = [...answer.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + answer.text;
  expect(everything).not.toMatch(/stack|node_modules|\bat \S+ \(|Error\b|FST_|\/work\/|\/etc\/passwd/);
  expect(everything).not.toMatch(/fastify|x-powered-by/i);
  for (const secret of [DEMO.clientSecret, OTHER.clientSecret, ...server.issuedTokens]) expect(everything).not.toContain(secret);
}

describe('oversized requests', () => {
  it("answers 431 JSON to headers over node's 16 KiB limit", async () => {
    expectCleanError(await raw(`GET /v1/devices HTTP/1.1\r\nAuthorization: Bearer ${demoToken}\r\nX-Padding: ${'a'.repeat(17 * 1024)}`), 431);
  });

  it('answers 431 JSON to a URL over the same limit', async () => {
    expectCleanError(await raw(`GET /v1/devices/${'a'.repeat(17 * 1024)} HTTP/1.1`), 431);
  });

  it('answers 401, not 431, to a 12 KiB bearer token (within the limit), without echoing it', async () => {
    const huge = `${demoToken}.${'A'.repeat(12 * 1024)}`;
    const answer = await getWith(server, '/v1/devices', huge);
    expectCleanError(answer, 401);
    expect(answer.headers.get('www-authenticate')!.length).toBeLessThan(200);
  });

  const big = 'a'.repeat(100 * 1024);
  const bodies: Array<[name: string, head: string, body: string]> = [
    ['a form body with Content-Length', `POST /token/demo HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${big.length}`, big],
    [
      'a chunked body (no Content-Length)',
      'POST /token/demo HTTP/1.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked',
      `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    ],
  ];
  it.each(bodies)('answers 413 JSON to %s over the 64 KiB limit', async (_name, head, body) => {
    expectCleanError(await raw(head, body), 413);
  });
});

describe('methods the data paths do not answer', () => {
  const cases = ['/v1/devices', '/v1/devices/dev-demo-0001'].flatMap((path) =>
    ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'].map((method) => [method, path] as const),
  );
  it.each(cases)('answer 405 JSON with Allow: GET to %s %s, even with a valid token', async (method, path) => {
    const answer = await raw(`${method} ${path} HTTP/1.1\r\nAuthorization: Bearer ${demoToken}`);
    expectCleanError(answer, 405);
    expect(answer.headers.get('allow')).toBe('GET');
  });

  it('answer 405 to HEAD with Allow: GET and no body', async () => {
    const answer = await raw(`HEAD /v1/devices HTTP/1.1\r\nAuthorization: Bearer ${demoToken}`);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    expect(answer.text).toBe('');
  });
});

describe('hostile device ids', () => {
  const ids: Array<[name: string, id: string]> = [
    ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['encoded dots and slashes', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['double encoding', '%252e%252e%252fetc%252fpasswd'],
    ['a NUL byte', '%00'],
    ['a real id with a NUL byte appended', 'dev-demo-0001%00'],
    ['backslashes', '..%5C..%5Cwindows%5Cwin.ini'],
    ["a 101-character id (past fastify's default parameter limit)", 'a'.repeat(101)],
    ['a 15,000-character id', 'a'.repeat(15_000)],
  ];
  it.each(ids)('answer 404 JSON for %s', async (_name, id) => {
    expectCleanError(await getWith(server, `/v1/devices/${id}`, demoToken), 404);
  });

  it('answer 404 JSON to raw dot segments that leave the data paths', async () => {
    expectCleanError(await raw(`GET /v1/devices/../../../etc/passwd HTTP/1.1\r\nAuthorization: Bearer ${demoToken}`), 404);
  });

  it('answer 401 before looking anything up when the token is missing (no existence oracle)', async () => {
    expectCleanError(await getWith(server, '/v1/devices/..%2F..%2Fetc%2Fpasswd'), 401);
    expectCleanError(await getWith(server, '/v1/devices/dev-demo-0001'), 401);
  });
});

describe('a valid token of another organization', () => {
  it('lists only its own devices', async () => {
    const answer = await getWith(server, '/v1/devices?limit=1000', otherToken);
    expect(answer.status).toBe(200);
    expect(answer.body.devices.length).toBeGreaterThan(0);
    expect(answer.body.devices.every((d: { id: string }) => !d.id.includes(DEMO.organization))).toBe(true);
  });

  it('answers 404 JSON for a device of the other tenant, in both directions', async () => {
    const own = (await getWith(server, '/v1/devices?limit=1', demoToken)).body.devices[0].id as string;
    const theirs = (await getWith(server, '/v1/devices?limit=1', otherToken)).body.devices[0].id as string;
    expect((await getWith(server, `/v1/devices/${own}`, demoToken)).status).toBe(200);
    expectCleanError(await getWith(server, `/v1/devices/${own}`, otherToken), 404);
    expectCleanError(await getWith(server, `/v1/devices/${theirs}`, demoToken), 404);
  });

  it('cannot get a token for the other organization with its own credentials', async () => {
    const answer = await call(server, `/token/${DEMO.organization}`, { method: 'POST', headers: { authorization: basic(OTHER.clientId, OTHER.clientSecret) } });
    expectCleanError(answer, 401);
  });
});

describe('Basic credentials over raw HTTP', () => {
  const headers: Array<[name: string, authorization: string]> = [
    ['the scheme with an empty value', 'Basic '],
    ['padding only', 'Basic ===='],
    ['base64 of an empty string with a colon', `Basic ${Buffer.from(':').toString('base64')}`],
    ['base64 without a colon', `Basic ${Buffer.from(`${DEMO.clientId}${DEMO.clientSecret}`).toString('base64')}`],
    ['credentials in the URL-safe alphabet', `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}??>>`).toString('base64url')}`],
    ['two schemes in one header', `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')} Basic x`],
  ];
  it.each(headers)('answer 401 invalid_client JSON to %s', async (_name, authorization) => {
    const answer = await raw(`POST /token/${DEMO.organization} HTTP/1.1\r\nAuthorization: ${authorization}`);
    expectCleanError(answer, 401);
    expect(answer.body.error).toBe('invalid_client');
  });

  it('answer 401 invalid_client to an organization with traversal or a NUL byte in the token path', async () => {
    // Raw, so that no client resolves `%2e%2e` as a dot segment first.
    for (const organization of ['..%2Fdemo', 'demo%00', '%2e%2e', 'demo%2F..%2Facme']) {
      expectCleanError(await raw(`POST /token/${organization} HTTP/1.1\r\nAuthorization: ${basic(DEMO.clientId, DEMO.clientSecret)}`), 401);
    }
  });
});
