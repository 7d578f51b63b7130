import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '../../server/errors.js';
import { DEMO, type RunningServer } from '../../server/index.js';
import { OTHER } from '../../server/seed.js';
import { basic, call, getWith, isErrorBody, requestToken, start, tokenFor, type Answer } from './helpers.js';

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await start();
  token = await tokenFor(server, DEMO);
});
afterAll(() => server.close());

function rawRequest(text: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

/** Every kind of error the server can answer, for the shape and leak checks. */
function errorCases(): Array<[name: string, status: number, send: () => Promise<Answer>]> {
  const json = { 'content-type': 'application/json' };
  return [
    ['an unknown route', 404, () => call(server, '/v2/nothing-here')],
    ['an unknown route with a body', 404, () => call(server, '/nothing', { method: 'POST', headers: json, body: '{}' })],
    ['a broken URL encoding', 400, () => call(server, '/v1/devices/%E0%A4%A')],
    ['a broken JSON body', 400, () => requestToken(server, DEMO, { headers: json, body: '{"grant_type":' })],
    ['a body over the size limit', 413, () => requestToken(server, DEMO, { headers: json, body: JSON.stringify({ pad: 'x'.repeat(100_000) }) })],
    ['a wrong secret', 401, () => requestToken(server, { ...DEMO, clientSecret: `${OTHER.clientSecret}x` })],
    ['a wrong organization', 401, () => requestToken(server, { ...DEMO, organization: OTHER.organization })],
    ['a missing bearer', 401, () => getWith(server, '/v1/devices')],
    ['a token used as Basic', 401, () => call(server, '/v1/devices', { headers: { authorization: basic(DEMO.clientId, token) } })],
    ['a mangled bearer', 401, () => getWith(server, '/v1/devices', `${token}x`)],
    ['a bad query', 400, () => getWith(server, '/v1/devices?limit=0', token)],
    ['an unknown device', 404, () => getWith(server, '/v1/devices/nope', token)],
    ['a wrong method', 405, () => call(server, '/v1/devices', { method: 'PATCH', headers: json, body: '{}' })],
  ];
}

describe('error answers', () => {
  it.each(errorCases())('for %s: status %i, JSON {error, error_description}, nothing internal', async (_name, status, send) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(isErrorBody(answer.body)).toBe(true);
    expect(answer.text).not.toMatch(/stack|node_modules|\bat \S+ \(|Error\b|FST_|\/work\//);
    for (const secret of [DEMO.clientSecret, OTHER.clientSecret, ...server.issuedTokens]) expect(answer.text).not.toContain(secret);
  });

  it('answers an unparsable HTTP request with the JSON error shape', async () => {
    const raw = await rawRequest('THIS IS NOT HTTP\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(isErrorBody(body)).toBe(true);
  });

  it('turns unexpected errors into a bare 500 without their message', () => {
    const internal = toApiError(new Error(`cannot read /work/main/server/secret ${DEMO.clientSecret}`));
    expect(internal).toMatchObject({ status: 500, code: 'server_error', description: 'the server failed to handle the request' });
    expect(toApiError({ statusCode: 415, message: 'FST_ERR_CTP_INVALID_MEDIA_TYPE internals' })).toMatchObject({ status: 415, code: 'invalid_request' });
  });
});
