// What the documented token answer means for the clients and the reference server: how long a
// token is cached when the answer gives no expires_in, what lifetime the reference server issues,
// and how the lifetime reads in a check name or a note.
import type { Lifetime } from './model.js';

/** Cached this long when neither the answer nor the docs give a usable lifetime: short, so a token is never held past its life. */
export const FALLBACK_LIFETIME_SECONDS = 300;
/** What the reference server issues when the docs state no lifetime (the common one hour). */
export const UNSTATED_LIFETIME_SECONDS = 3600;

export const isFixed = (lifetime: Lifetime): boolean => lifetime.min === lifetime.max;

/** How long to cache a token whose answer has no expires_in: the shortest documented lifetime, else FALLBACK_LIFETIME_SECONDS. */
export function cacheFallbackSeconds(lifetime: Lifetime | undefined): number {
  if (lifetime && lifetime.min > 1) return lifetime.min;
  return Math.min(lifetime?.max ?? FALLBACK_LIFETIME_SECONDS, FALLBACK_LIFETIME_SECONDS);
}

/** The reference server's lifetime: the fixed one, the middle of a range (so neither end is assumed), the least of an open one. */
export function issuedLifetime(lifetime: Lifetime | undefined): number {
  if (!lifetime) return UNSTATED_LIFETIME_SECONDS;
  if (lifetime.max === undefined) return lifetime.min;
  return Math.floor((lifetime.min + lifetime.max) / 2);
}

/** A lifetime outside the documented one (the `token-lifetime` violation), or undefined when every lifetime is allowed. */
export function violatedLifetime(lifetime: Lifetime | undefined): number | undefined {
  if (!lifetime) return undefined;
  if (lifetime.min > 1) return Math.floor(lifetime.min / 2);
  return lifetime.max === undefined ? undefined : lifetime.max * 2;
}

/** `3600 s`, `between 3000 and 3600 s`, `at least 300 s`, `at most 32400 s`. */
export function lifetimeText(lifetime: Lifetime): string {
  if (isFixed(lifetime)) return `${lifetime.min} s`;
  if (lifetime.max === undefined) return `at least ${lifetime.min} s`;
  if (lifetime.min <= 1) return `at most ${lifetime.max} s`;
  return `between ${lifetime.min} and ${lifetime.max} s`;
}

/** RFC 6749's name of the member that holds the access token. */
export const DEFAULT_TOKEN_FIELD = 'access_token';
