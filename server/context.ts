// Options resolved once into the context every handler reads: defaults are filled here and nowhere else.
import { randomBytes } from 'node:crypto';
import type { ApiModel } from '../model/model.js';
import { violatedLifetime } from '../model/token-answer.js';
import { fillTemplate } from '../model/urls.js';
import { faultState, type FaultState } from './fault-state.js';
import { RateLimiter } from './rate-limit.js';
import { demoTenants, seedData, type TenantData } from './seed.js';
import type { ServerOptions, ServerStats, Tenant, Violation } from './types.js';

/** Node's own default: an idle keep-alive connection is closed after 5 s (fastify would keep it 72 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 5000;

export interface ServerContext {
  model: ApiModel;
  host: string;
  port: number;
  keepAliveTimeoutMs: number;
  tenants: readonly Tenant[];
  /** Every tenant's items, by resource id. */
  data: ReadonlyMap<Tenant, TenantData>;
  now: () => number;
  violations: ReadonlySet<Violation>;
  faults: FaultState;
  limiter: RateLimiter;
  stats: ServerStats;
  /** The latest access tokens handed out (issued.ts): for leak scans and the token-expiry fault, never to accept a bearer. */
  recentTokens: Set<string>;
  /** HS256 key, fresh on every start: tokens of an earlier run never verify. */
  signingKey: Uint8Array;
}

export function createContext(model: ApiModel, options: ServerOptions = {}): ServerContext {
  const now = options.now ?? Date.now;
  const tenants = options.tenants ?? demoTenants();
  return {
    model,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS,
    tenants,
    data: seedData(model, tenants, options.additiveFields ?? false),
    now,
    violations: checkedViolations(model, options.violations ?? []),
    faults: faultState(options.faults),
    limiter: new RateLimiter(options.rateLimits ?? false, now),
    stats: { tokenRequests: 0, tokensIssued: 0, dataRequests: 0, rateLimited: 0 },
    recentTokens: new Set(),
    signingKey: new Uint8Array(randomBytes(32)),
  };
}

/** A violation breaks something the description documents: none that has nothing to break (throws a plain Error naming it). */
function checkedViolations(model: ApiModel, violations: Violation[]): Set<Violation> {
  if (violations.includes('opaque-token') && model.auth.token.format !== 'jwt')
    throw new Error('violation opaque-token: the description documents an opaque token, so there is no JWT to break');
  if (violations.includes('token-lifetime') && violatedLifetime(model.auth.lifetime) === undefined)
    throw new Error('violation token-lifetime: the description documents no lifetime bound to break');
  return new Set(violations);
}

/** `/token/{organization}` -> `/token/:organization` (fastify's path syntax). */
export function routePath(template: string): string {
  return fillTemplate(template, (name) => `:${name}`);
}
