import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type RunningServer } from '../../server/index.js';
import { RateLimiter } from '../../server/rate-limit.js';
import { OTHER } from '../../server/seed.js';
import { getFrom, getWith, isErrorBody, manualClock, model, requestToken, start, tokenFor } from './helpers.js';

describe('RateLimiter', () => {
  const perMinute = { requests: 5, perSeconds: 60, per: ['ip' as const] };

  it('lets the documented number through, then says when the window frees', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(true, clock.now);
    for (let i = 0; i < 5; i++) expect(limiter.take('token', perMinute, { ip: 'a' })).toEqual({ ok: true });
    expect(limiter.take('token', perMinute, { ip: 'a' })).toEqual({ ok: false, retryAfterSeconds: 60 });
    clock.advance(20_500);
    expect(limiter.take('token', perMinute, { ip: 'a' })).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(limiter.take('token', perMinute, { ip: 'b' })).toEqual({ ok: true });
    clock.advance(39_500);
    expect(limiter.take('token', perMinute, { ip: 'a' })).toEqual({ ok: true });
  });

  it('does nothing when disabled or without a limit', () => {
    const limiter = new RateLimiter(false, manualClock().now);
    for (let i = 0; i < 20; i++) expect(limiter.take('token', perMinute, { ip: 'a' }).ok).toBe(true);
    const enabled = new RateLimiter(true, manualClock().now);
    for (let i = 0; i < 20; i++) expect(enabled.take('x', undefined, { ip: 'a' }).ok).toBe(true);
  });

  it('does not record a refused request in any window', () => {
    const clock = manualClock();
    const limiter = new RateLimiter(true, clock.now);
    const both = { requests: 1, perSeconds: 1, per: ['ip' as const, 'user' as const] };
    expect(limiter.take('list', both, { ip: 'a', user: 'u1' }).ok).toBe(true);
    expect(limiter.take('list', both, { ip: 'b', user: 'u1' }).ok).toBe(false);
    expect(limiter.take('list', both, { ip: 'b', user: 'u2' }).ok).toBe(true);
  });
});

describe('documented limits over HTTP', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('allow 5 token requests per minute per IP, then 429 with Retry-After', async () => {
    const clock = manualClock();
    server = await start({ rateLimits: true, now: clock.now });
    expect(model.auth.rateLimit).toMatchObject({ requests: 5, perSeconds: 60 });
    for (let i = 0; i < 5; i++) expect((await requestToken(server, DEMO)).status).toBe(200);
    clock.advance(15_200);
    const refused = await requestToken(server, DEMO);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(isErrorBody(refused.body)).toBe(true);
    expect(server.stats.rateLimited).toBe(1);
    clock.advance(45_000);
    expect((await requestToken(server, DEMO)).status).toBe(200);
  });

  it('limit each data endpoint separately to 1 request per second', async () => {
    const clock = manualClock();
    server = await start({ rateLimits: true, now: clock.now });
    const token = await tokenFor(server, DEMO);
    expect((await getWith(server, '/v1/devices', token)).status).toBe(200);
    expect((await getWith(server, '/v1/devices/dev-demo-0001', token)).status).toBe(200);
    const refused = await getWith(server, '/v1/assets/devices', token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(isErrorBody(refused.body)).toBe(true);
    clock.advance(1000);
    expect((await getWith(server, '/v1/devices', token)).status).toBe(200);
  });

  it('limit data requests per IP across users', async () => {
    const clock = manualClock();
    server = await start({ rateLimits: true, now: clock.now });
    const [demo, other] = [await tokenFor(server, DEMO), await tokenFor(server, OTHER)];
    expect((await getWith(server, '/v1/devices', demo)).status).toBe(200);
    expect((await getWith(server, '/v1/devices', other)).status).toBe(429);
  });

  it('limit data requests per user across IPs', async () => {
    const clock = manualClock();
    server = await start({ rateLimits: true, now: clock.now });
    const [demo, other] = [await tokenFor(server, DEMO), await tokenFor(server, OTHER)];
    expect((await getFrom(server, '127.0.0.1', '/v1/devices', demo)).status).toBe(200);
    expect(await getFrom(server, '127.0.0.2', '/v1/devices', demo)).toEqual({ status: 429, retryAfter: '1' });
    expect((await getFrom(server, '127.0.0.3', '/v1/devices', other)).status).toBe(200);
  });

  it('are off by default', async () => {
    server = await start();
    for (let i = 0; i < 7; i++) expect((await requestToken(server, DEMO)).status).toBe(200);
    const token = server.issuedTokens[0]!;
    for (let i = 0; i < 5; i++) expect((await getWith(server, '/v1/devices', token)).status).toBe(200);
    expect(server.stats.rateLimited).toBe(0);
  });
});
