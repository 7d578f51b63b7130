// The reference server's public types. `index.ts` re-exports them; the modules import them from here.
import type { AdditiveFields } from './items.js';

export interface Tenant {
  organization: string;
  clientId: string;
  clientSecret: string;
  /** How many items of each resource the tenant holds; default 25. */
  items?: number;
}

/** Deliberate contract breaks, to prove the contract suite catches them. */
export type Violation =
  | 'wrong-field-type'
  /** Tokens live outside the documented lifetime (needs one: a fixed lifetime or a range with a bound to cross). */
  | 'token-lifetime'
  | 'no-auth-required'
  /** Data endpoints answer 202 where the description documents another success status. */
  | 'wrong-status'
  /** Lists ignore their paging parameters: every match on one page. */
  | 'paging-ignored'
  /** Lists ignore their filters: every item, whatever the query asks. */
  | 'filter-ignored'
  /** Tokens are random strings, not the documented JWTs (only for a description that says `format: jwt`): what a redactor that only knows JWTs would let through. */
  | 'opaque-token';

/** Which requests a fault hits: the token endpoint, the data endpoints, or both (the default). Unknown routes never. */
export type FaultMatch = 'token' | 'data' | 'all';

export interface FaultScope {
  /** Default `all`. */
  match?: FaultMatch;
  /** Only the first `times` matching requests; default every one. */
  times?: number;
}

/**
 * Transport and server failures on purpose, to prove a client recovers or reports them (see `faults.ts`).
 * Faults are tried in order: `latency` delays and lets the next fault act; the others answer (or drop) the request.
 */
export type Fault =
  /** The answer (or the next fault) comes `ms` later, or never when the client gives up first. */
  | (FaultScope & { kind: 'latency'; ms: number })
  /** An error status (400-599) with the JSON error body. */
  | (FaultScope & { kind: 'status'; status: number })
  /** 429; `Retry-After` in whole seconds when given, no header otherwise. */
  | (FaultScope & { kind: 'rate-limit'; retryAfter?: number })
  /** The connection is destroyed without an answer. */
  | (FaultScope & { kind: 'reset' })
  /** 200 with a JSON content type and a body that does not parse. */
  | (FaultScope & { kind: 'malformed-json' })
  /** When data request number `afterDataRequests + 1` arrives, every token issued so far turns expired (401); newer ones work. */
  | { kind: 'token-expiry'; afterDataRequests: number };

export interface ServerOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** How long an idle keep-alive connection stays open; default 5000 ms. */
  keepAliveTimeoutMs?: number;
  /** Default false; true applies the documented limits. */
  rateLimits?: boolean;
  /** Default `demoTenants()`. */
  tenants?: Tenant[];
  /** Clock in milliseconds (for tests of expiry and rate limits); default `Date.now`. */
  now?: () => number;
  violations?: Violation[];
  /**
   * Default false: items hold exactly the fields the description names (their schema's properties and
   * the fields the filters read). True adds one undocumented field (`serialNumber`) to every item, to
   * prove that clients tolerate additive changes; an object adds its fields, as given, to every item.
   */
  additiveFields?: AdditiveFields;
  /** Default none. */
  faults?: Fault[];
}

/** What the counters count: token requests reaching the token handler (POST), data requests reaching a data handler (after the method check). */
export interface ServerStats {
  tokenRequests: number;
  tokensIssued: number;
  dataRequests: number;
  rateLimited: number;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:43121` */
  url: string;
  close(): Promise<void>;
  stats: ServerStats;
  /** The latest access tokens handed out, up to a thousand (for secret-leak scans). */
  issuedTokens: readonly string[];
}
