// The server's memory does not grow with the tokens it issues: bearers are checked by signature and
// expiry, and only the latest tokens are remembered (for leak scans). Driven in-process (app.inject).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createContext, type ServerContext } from '../../server/context.js';
import { RECENT_TOKENS } from '../../server/issued.js';
import { issuedLifetime } from '../../model/token-answer.js';
import { DEMO, type Violation } from '../../server/index.js';
import { basic, manualClock, model } from './helpers.js';

const MANY = 6_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

async function issue(app: FastifyInstance): Promise<string> {
  const answer = await app.inject({ method: 'POST', url: `/token/${DEMO.organization}`, headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) } });
  expect(answer.statusCode).toBe(200);
  return answer.json().access_token as string;
}

async function devicesWith(app: FastifyInstance, token: string): Promise<{ status: number; body: unknown }> {
  const answer = await app.inject({ method: 'GET', url: '/v1/devices', headers: { authorization: `Bearer ${token}` } });
  return { status: answer.statusCode, body: answer.json() };
}

/** Every Set and Map the context holds, one level into its records, and how many entries each has. */
function collectionSizes(ctx: ServerContext): number[] {
  const sizes: number[] = [];
  for (const value of [...Object.values(ctx), ...Object.values(ctx.faults)]) {
    if (value instanceof Set || value instanceof Map) sizes.push(value.size);
  }
  return sizes;
}

describe.each<[string, Violation[]]>([
  ['JWT bearer tokens', []],
  ['opaque tokens', ['opaque-token']],
])('%s: issuing many', (_name, violations) => {
  const clock = manualClock();
  const ctx = createContext(model, { now: clock.now, violations });
  const app = buildApp(ctx);
  const tokens: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < (violations.length ? MANY / 3 : MANY); i++) tokens.push(await issue(app));
  }, 60_000);
  afterAll(() => app.close());

  it('keeps no more than the latest tokens', () => {
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(ctx.recentTokens.size).toBe(RECENT_TOKENS);
    expect(Math.max(...collectionSizes(ctx))).toBeLessThanOrEqual(RECENT_TOKENS);
  });

  it('accepts every issued token while it is unexpired, the first as well as the last', async () => {
    const sample = tokens.filter((_t, i) => i < 20 || i >= tokens.length - 20 || i % 500 === 0);
    for (const token of sample) expect((await devicesWith(app, token)).status).toBe(200);
  });

  it('refuses another spelling of an issued token, and refuses every token once expired', async () => {
    const token = tokens[0]!;
    // The last character's lowest bit is unused: the same bytes, spelled another way.
    const respelled = `${token.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(token.at(-1)!) ^ 1]}`;
    const lastPart = (t: string) => Buffer.from(t.split('.').at(-1)!, 'base64url');
    expect(lastPart(respelled).equals(lastPart(token))).toBe(true);
    expect((await devicesWith(app, respelled)).body).toEqual({ error: 'invalid_token', error_description: 'the access token is not valid' });
    clock.advance(issuedLifetime(model.auth.lifetime) * 1000);
    for (const expired of [tokens[0]!, tokens.at(-1)!]) {
      expect(await devicesWith(app, expired)).toEqual({ status: 401, body: { error: 'invalid_token', error_description: 'the access token has expired' } });
    }
  });
});
