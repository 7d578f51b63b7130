import type { RateLimit } from '../model.js';

const SECONDS_NAMED: Record<number, string> = { 1: 'second', 60: 'minute', 3600: 'hour', 86400: 'day' };

/** `5 requests per minute per IP`, `1 request per second per IP and per user`. */
export function rateLimitText(limit: RateLimit): string {
  const requests = `${limit.requests} request${limit.requests === 1 ? '' : 's'}`;
  const window = SECONDS_NAMED[limit.perSeconds] ?? `${limit.perSeconds} seconds`;
  const scopes = limit.per.map((scope) => (scope === 'ip' ? 'per IP' : 'per user')).join(' and ');
  return `${requests} per ${window} ${scopes}`.trim();
}
