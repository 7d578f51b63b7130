import type { ApiModel, RateLimit } from './model.js';

const SECONDS_NAMED: Record<number, string> = { 1: 'second', 60: 'minute', 3600: 'hour', 86400: 'day' };

/** `5 requests per minute per IP`, `1 request per second per IP and per user`. */
export function rateLimitText(limit: RateLimit): string {
  const requests = `${limit.requests} request${limit.requests === 1 ? '' : 's'}`;
  const window = SECONDS_NAMED[limit.perSeconds] ?? `${limit.perSeconds} seconds`;
  const scopes = limit.per.map((scope) => (scope === 'ip' ? 'per IP' : 'per user')).join(' and ');
  return `${requests} per ${window} ${scopes}`.trim();
}

/** The shortest gap between two requests that stays within the limit, in seconds. */
export function intervalSeconds(limit: RateLimit): number {
  return limit.perSeconds / limit.requests;
}

/** The token endpoint's shortest gap, in seconds (1 s when none is documented): how long a 429 without Retry-After waits. */
export function tokenIntervalSeconds(model: ApiModel): number {
  return model.auth.rateLimit ? intervalSeconds(model.auth.rateLimit) : 1;
}

/** The longest such gap over the data endpoints (1 s when none is documented). */
export function dataIntervalSeconds(model: ApiModel): number {
  return Math.max(1, ...model.resources.map((r) => (r.rateLimit ? intervalSeconds(r.rateLimit) : 1)));
}
