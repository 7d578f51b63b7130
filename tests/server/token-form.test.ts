// The token endpoint as a strict server runs it, for what the description says: client_secret_post
// with a form body (examples/parcel-tracker.yaml), and client_secret_basic (the fixture description).
import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { realm } from '../../server/token.js';
import { basic, call, start } from './helpers.js';

const EXAMPLE = 'examples/parcel-tracker.yaml';
const FORM = 'application/x-www-form-urlencoded';
const client = { client_id: DEMO.clientId, client_secret: DEMO.clientSecret };
const grant = { grant_type: 'client_credentials' };

function post(server: RunningServer, path: string, fields: Record<string, string> | string, headers: Record<string, string> = { 'content-type': FORM }) {
  return call(server, path, { method: 'POST', headers, body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString() });
}

describe('client_secret_post with a form body', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const example = loadSpec(readFileSync(EXAMPLE), EXAMPLE);
    example.auth.token.format = 'jwt'; // the example documents no JWT; made one here for its issuer claim
    server = await startReferenceServer(example);
  });
  afterAll(() => server.close());

  it('issues a token for the form the description says, its issuer naming the described API', async () => {
    const answer = await post(server, '/oauth2/token', { ...grant, scope: 'parcels:read depots:read', audience: 'https://api.parcels.example', ...client });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    expect(decodeJwt(answer.body.access_token).iss).toBe('parcel-tracker-reference-server');
  });

  it('takes a narrower scope, or none', async () => {
    expect((await post(server, '/oauth2/token', { ...grant, scope: 'parcels:read', ...client })).status).toBe(200);
    expect((await post(server, '/oauth2/token', { ...grant, ...client })).status).toBe(200);
  });

  const refused: [name: string, fields: Record<string, string> | string, headers: Record<string, string> | undefined, status: number, error: string][] = [
    ['no grant_type', client, undefined, 400, 'invalid_request'],
    ['another grant type', { grant_type: 'password', ...client }, undefined, 400, 'unsupported_grant_type'],
    ['a scope beyond the described one', { ...grant, scope: 'parcels:read parcels:write', ...client }, undefined, 400, 'invalid_scope'],
    ['another audience', { ...grant, audience: 'https://elsewhere.example', ...client }, undefined, 400, 'invalid_request'],
    [
      'a field given twice',
      `grant_type=client_credentials&grant_type=client_credentials&client_id=${DEMO.clientId}&client_secret=${DEMO.clientSecret}`,
      undefined,
      400,
      'invalid_request',
    ],
    ['a JSON body', JSON.stringify({ ...grant, ...client }), { 'content-type': 'application/json' }, 400, 'invalid_request'],
    ['no body at all', '', {}, 400, 'invalid_request'],
    ['the client as HTTP Basic', grant, { 'content-type': FORM, authorization: basic(DEMO.clientId, DEMO.clientSecret) }, 401, 'invalid_client'],
    [
      'HTTP Basic and the body at once',
      { ...grant, ...client },
      { 'content-type': FORM, authorization: basic(DEMO.clientId, DEMO.clientSecret) },
      400,
      'invalid_request',
    ],
    ['no client', grant, undefined, 401, 'invalid_client'],
    ['a wrong secret', { ...grant, client_id: DEMO.clientId, client_secret: 'wrong' }, undefined, 401, 'invalid_client'],
  ];
  it.each(refused)('refuses %s', async (_name, fields, headers, status, error) => {
    const answer = await post(server, '/oauth2/token', fields, headers);
    expect([answer.status, answer.body?.error]).toEqual([status, error]);
    expect(answer.text).not.toContain(DEMO.clientSecret);
  });

  it('challenges with Basic only when the client tried it, in the realm of the described API', async () => {
    const tried = await post(server, '/oauth2/token', grant, { 'content-type': FORM, authorization: basic(DEMO.clientId, DEMO.clientSecret) });
    expect(tried.headers.get('www-authenticate')).toBe('Basic realm="Parcel Tracker API"');
    expect((await post(server, '/oauth2/token', grant)).headers.get('www-authenticate')).toBeNull();
  });
});

it('writes the realm as a quoted-string of printable ASCII, whatever the description names the API', () => {
  expect(realm({ info: { name: 'Parcel "Tracker" \\ API\r\nX-Evil: 1 é' } } as ApiModel)).toBe('"Parcel \\"Tracker\\" \\\\ API??X-Evil: 1 ?"');
});

describe('client_secret_basic (the fixture description)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('refuses the client in the body (401 invalid_client with a Basic challenge)', async () => {
    const answer = await post(server, `/token/${DEMO.organization}`, { ...grant, ...client });
    expect([answer.status, answer.body.error]).toEqual([401, 'invalid_client']);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="SecuriThings API"');
  });

  it('refuses HTTP Basic and the body at once (400 invalid_request)', async () => {
    const answer = await post(
      server,
      `/token/${DEMO.organization}`,
      { ...grant, ...client },
      { 'content-type': FORM, authorization: basic(DEMO.clientId, DEMO.clientSecret) },
    );
    expect([answer.status, answer.body.error]).toEqual([400, 'invalid_request']);
  });

  it('still takes a form that carries no credentials beside the Basic header', async () => {
    const answer = await post(server, `/token/${DEMO.organization}`, grant, { 'content-type': FORM, authorization: basic(DEMO.clientId, DEMO.clientSecret) });
    expect(answer.status).toBe(200);
  });
});
