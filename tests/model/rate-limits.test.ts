import { describe, expect, it } from 'vitest';
import { dataIntervalSeconds, intervalSeconds, rateLimitText } from '../../model/rate-limits.js';
import { modelWith } from '../support/model.js';

describe('rate limits', () => {
  it.each([
    [{ requests: 5, perSeconds: 60, per: ['ip'] as const }, '5 requests per minute per IP', 12],
    [{ requests: 1, perSeconds: 1, per: ['ip', 'user'] as const }, '1 request per second per IP and per user', 1],
    [{ requests: 3, perSeconds: 90, per: ['user'] as const }, '3 requests per 90 seconds per user', 30],
  ])('%o reads "%s", one request every %i s at most', (limit, text, interval) => {
    expect(rateLimitText({ ...limit, per: [...limit.per] })).toBe(text);
    expect(intervalSeconds({ ...limit, per: [...limit.per] })).toBe(interval);
  });

  it('paces data requests by the slowest documented resource, and at 1 s when none is documented', () => {
    expect(dataIntervalSeconds(modelWith((m) => (m.resources[0]!.rateLimit = { requests: 1, perSeconds: 4, per: ['ip'] })))).toBe(4);
    expect(dataIntervalSeconds(modelWith((m) => delete m.resources[0]!.rateLimit))).toBe(1);
  });
});
