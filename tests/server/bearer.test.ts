import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { modelWith } from '../support/model.js';
import { call, getWith, isErrorBody, manualClock, model, start, tokenFor } from './helpers.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await start();
  token = await tokenFor(server, DEMO);
});
afterAll(() => server.close());

function tamperSignature(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const middle = Math.floor(signature.length / 2);
  const flipped = signature[middle] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
}

function forgedTokens(valid: string): Array<[name: string, token: string]> {
  const [header, , signature] = valid.split('.') as [string, string, string];
  const claims = decodeJwt(valid);
  return [
    ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`],
    ['a tampered signature', tamperSignature(valid)],
    ['a payload changed to another tenant', `${header}.${b64url({ ...claims, org: 'acme', client_id: 'acme-client', sub: 'acme-client' })}.${signature}`],
    ['garbage', 'not-a-jwt'],
  ];
}

describe('bearer tokens on the data endpoints', () => {
  it('answer 200 with a valid token', async () => {
    expect((await getWith(server, '/v1/devices', token)).status).toBe(200);
  });

  it('answer 401 with a realm-only challenge when no token is sent', async () => {
    const answer = await getWith(server, '/v1/devices');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="SecuriThings API"');
    expect(isErrorBody(answer.body)).toBe(true);
  });

  it('treat another scheme as no token', async () => {
    const answer = await fetch(`${server.url}/v1/devices`, { headers: { authorization: `Basic ${token}` } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="SecuriThings API"');
  });

  it('answer 401 invalid_token for forged tokens', async () => {
    for (const [name, forged] of forgedTokens(token)) {
      const answer = await getWith(server, '/v1/devices', forged);
      expect(answer.status, name).toBe(401);
      expect(answer.headers.get('www-authenticate'), name).toMatch(/^Bearer realm="SecuriThings API", error="invalid_token"/);
      expect(answer.body, name).toMatchObject({ error: 'invalid_token' });
    }
  });

  it('answer 401 for a well-formed token signed with another key', async () => {
    const claims = decodeJwt(token);
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    expect((await getWith(server, '/v1/devices', foreign)).status).toBe(401);
  });

  it('answer 401 for a token of an earlier server start', async () => {
    const other = await start();
    try {
      const stale = await tokenFor(other, DEMO);
      expect((await getWith(server, '/v1/devices', stale)).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('a description whose tokenPrefix is `Token`: the server takes exactly that scheme', () => {
  let tokenServer: RunningServer;
  let issued: string;
  beforeAll(async () => {
    tokenServer = await startReferenceServer(modelWith((m) => void (m.auth.tokenPrefix = 'Token')));
    issued = await tokenFor(tokenServer, DEMO);
  });
  afterAll(() => tokenServer.close());
  const list = (authorization: string) => call(tokenServer, '/v1/devices', { headers: { authorization } });

  it.each(['Token', 'token', 'TOKEN'])('answers 200 to `%s <token>` (auth schemes are case-insensitive)', async (scheme) => {
    expect((await list(`${scheme} ${issued}`)).status).toBe(200);
  });

  it.each(['Bearer', 'Basic', 'Tokens'])('refuses `%s <token>` with 401 and a challenge naming Token', async (scheme) => {
    const answer = await list(`${scheme} ${issued}`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Token realm="SecuriThings API"');
    expect(isErrorBody(answer.body)).toBe(true);
  });

  it('answers invalid_token under the documented scheme for a malformed Token header', async () => {
    const answer = await list(`Token ${issued} extra`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Token realm="SecuriThings API", error="invalid_token"/);
  });
});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same JWT with the signature's last character changed in its unused low bits: it decodes to the same bytes. */
function respelled(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const last = ALPHABET.indexOf(signature.at(-1)!);
  return `${header}.${payload}.${signature.slice(0, -1)}${ALPHABET[last ^ 1]}`;
}

describe('the bearer is compared exactly', () => {
  it('refuses another spelling of an issued JWT that decodes to the same bytes', async () => {
    const other = respelled(token);
    expect(other).not.toBe(token);
    const signature = (jwt: string) => Buffer.from(jwt.split('.')[2]!, 'base64url');
    expect(signature(other).equals(signature(token))).toBe(true);
    const answer = await getWith(server, '/v1/devices', other);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'invalid_token', error_description: 'the access token is not valid' });
  });

  it.each([
    ['lower case', 'bearer TOKEN'],
    ['upper case', 'BEARER TOKEN'],
    ['several spaces', 'Bearer   TOKEN'],
  ])('accepts the scheme in %s (RFC 7235: case-insensitive)', async (_name, header) => {
    const answer = await call(server, '/v1/devices', { headers: { authorization: header.replace('TOKEN', token) } });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['two tokens', 'Bearer TOKEN TOKEN'],
    ['two credentials', 'Bearer TOKEN, Bearer TOKEN'],
    ['a character outside b64token', 'Bearer TOKEN!'],
    ['no token', 'Bearer'],
  ])('answers 401 invalid_token to %s', async (_name, header) => {
    const answer = await call(server, '/v1/devices', { headers: { authorization: header.replaceAll('TOKEN', token) } });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_token' });
  });
});

describe('token expiry against the server clock', () => {
  it('accepts a token until its lifetime is over, then answers 401 expired', async () => {
    const clock = manualClock();
    const timed = await start({ now: clock.now });
    try {
      const jwt = await tokenFor(timed, DEMO);
      expect(decodeJwt(jwt).iat).toBe(Math.floor(clock.now() / 1000));
      clock.advance((model.auth.lifetime!.min - 1) * 1000);
      expect((await getWith(timed, '/v1/devices', jwt)).status).toBe(200);
      clock.advance(2000);
      const answer = await getWith(timed, '/v1/devices', jwt);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'invalid_token', error_description: 'the access token has expired' });
    } finally {
      await timed.close();
    }
  });
});
