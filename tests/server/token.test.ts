import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type RunningServer } from '../../server/index.js';
import { OTHER } from '../../server/seed.js';
import { basic, call, isErrorBody, model, requestToken, schemaValidator, start } from './helpers.js';

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(() => server.close());

describe('POST /token/{organization}', () => {
  it('answers 200 with a Bearer JWT of the documented lifetime', async () => {
    const before = Math.floor(Date.now() / 1000);
    const answer = await requestToken(server, DEMO, { headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: model.auth.lifetime!.min });
    expect(schemaValidator(model.auth.responseSchema)(answer.body)).toBe(true);

    const token = answer.body.access_token as string;
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: DEMO.clientId, client_id: DEMO.clientId, org: DEMO.organization });
    expect(claims.jti).toEqual(expect.any(String));
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp! - claims.iat!).toBe(model.auth.lifetime!.min);
    expect(server.issuedTokens).toContain(token);
  });

  it('issues a different token every time', async () => {
    const a = await requestToken(server, DEMO);
    const b = await requestToken(server, DEMO);
    expect(a.body.access_token).not.toBe(b.body.access_token);
  });

  const bodies: Array<[name: string, init: RequestInit]> = [
    ['no body and no content type', {}],
    ['an empty JSON body', { headers: { 'content-type': 'application/json' }, body: '' }],
    ['a JSON object', { headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' }],
    ['an OAuth form body', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' }],
  ];
  it.each(bodies)('accepts and ignores %s', async (_name, init) => {
    expect((await requestToken(server, DEMO, init)).status).toBe(200);
  });

  it('takes a secret that holds colons (split at the first colon)', async () => {
    expect(OTHER.clientSecret).toContain(':');
    const answer = await requestToken(server, OTHER);
    expect(answer.status).toBe(200);
    expect(decodeJwt(answer.body.access_token)).toMatchObject({ client_id: OTHER.clientId, org: OTHER.organization });
  });

  it('counts requests and issued tokens', async () => {
    const { tokenRequests, tokensIssued } = server.stats;
    await requestToken(server, DEMO);
    await requestToken(server, { ...DEMO, clientSecret: 'wrong' });
    expect(server.stats.tokenRequests).toBe(tokenRequests + 2);
    expect(server.stats.tokensIssued).toBe(tokensIssued + 1);
    expect(server.issuedTokens).toHaveLength(server.stats.tokensIssued);
  });
});

describe('refused client credentials', () => {
  const refused: Array<[name: string, path: string, authorization: string | undefined]> = [
    ['no Authorization header', '/token/demo', undefined],
    ['an empty Authorization header', '/token/demo', ''],
    ['a Bearer header instead of Basic', '/token/demo', `Bearer ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}`],
    ['credentials that are not base64', '/token/demo', 'Basic %%%%'],
    ['credentials without a colon', '/token/demo', `Basic ${Buffer.from(DEMO.clientId).toString('base64')}`],
    ['empty credentials', '/token/demo', basic('', '')],
    ['a wrong secret', '/token/demo', basic(DEMO.clientId, 'wrong-secret')],
    ['a secret that is only a prefix', '/token/demo', basic(DEMO.clientId, DEMO.clientSecret.slice(0, -1))],
    ['an unknown client', '/token/demo', basic('nobody', DEMO.clientSecret)],
    ['an unknown organization', '/token/no-such-org', basic(DEMO.clientId, DEMO.clientSecret)],
    ["another tenant's organization", `/token/${OTHER.organization}`, basic(DEMO.clientId, DEMO.clientSecret)],
    ['the secret of another client', '/token/acme', basic(OTHER.clientId, DEMO.clientSecret)],
  ];
  it.each(refused)('answers 401 invalid_client for %s', async (_name, path, authorization) => {
    const answer = await call(server, path, { method: 'POST', headers: authorization === undefined ? {} : { authorization } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="SecuriThings API"');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(isErrorBody(answer.body)).toBe(true);
    expect(answer.body.error).toBe('invalid_client');
    expect(answer.text).not.toContain(DEMO.clientSecret);
  });
});

describe('other methods on the token path', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answer 405 to %s with Allow: POST', async (method) => {
    const answer = await call(server, '/token/demo', { method, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) } });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
    expect(isErrorBody(answer.body)).toBe(true);
  });
});
