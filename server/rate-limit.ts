// Sliding-window rate limits, one window per (bucket, scope, key): e.g. `listDevices|ip|127.0.0.1`.
import type { RateLimit, RateScope } from '../model/model.js';
import { ApiError } from './errors.js';
import type { ServerStats } from './types.js';

export interface RateKeys {
  ip: string;
  /** The token's client; unknown before authentication. */
  user?: string;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly enabled: boolean,
    private readonly now: () => number,
  ) {}

  /** Records a request when every window has room; otherwise says how long until the fullest one frees. */
  take(bucket: string, limit: RateLimit | undefined, keys: RateKeys): RateDecision {
    if (!this.enabled || !limit) return { ok: true };
    const now = this.now();
    const windowMs = limit.perSeconds * 1000;
    const windows = limit.per.flatMap((scope) => this.windowFor(bucket, scope, keys, now - windowMs));
    let waitMs = 0;
    for (const hits of windows) {
      if (hits.length >= limit.requests) waitMs = Math.max(waitMs, hits[hits.length - limit.requests]! + windowMs - now);
    }
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const hits of windows) hits.push(now);
    return { ok: true };
  }

  private windowFor(bucket: string, scope: RateScope, keys: RateKeys, since: number): number[][] {
    const value = scope === 'ip' ? keys.ip : keys.user;
    if (value === undefined) return [];
    const key = `${bucket}|${scope}|${value}`;
    const hits = (this.hits.get(key) ?? []).filter((t) => t > since);
    this.hits.set(key, hits);
    return [hits];
  }
}

/** The 429 answer: counted in the stats, with `Retry-After` in whole seconds. */
export function rateLimited(stats: ServerStats, retryAfterSeconds: number, headers: Record<string, string> = {}): ApiError {
  stats.rateLimited += 1;
  return new ApiError(429, 'rate_limited', `too many requests; retry after ${retryAfterSeconds} s`, {
    ...headers,
    'retry-after': String(retryAfterSeconds),
  });
}
