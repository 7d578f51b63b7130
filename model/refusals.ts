// The status a refusal gets, as the description's contract cases document it: a token request
// with a wrong secret or without credentials, a data request without a bearer or with a tampered
// one. RFC 6749 section 5.2 allows 400 (invalid_request, a missing parameter) or 401 (failed
// client authentication); vendors document either, or 403. The reference server answers what the
// description says, and 401 where it says nothing.
import type { ApiModel, CaseAuth, TokenCredentials } from './model.js';

export type Refusal =
  | { kind: 'token'; credentials: Exclude<TokenCredentials, 'valid'> }
  | { kind: 'endpoint'; auth: Exclude<CaseAuth, 'inherit'>; endpoint: string };

/** The statuses a documented refusal may have; a case expecting another status documents no refusal. */
export const REFUSAL_STATUSES: readonly number[] = [400, 401, 403];

export const DEFAULT_REFUSAL_STATUS = 401;

/**
 * The documented status of a refusal: the case for this endpoint, else (for an endpoint) a case
 * of the same kind on any endpoint (an API refuses a missing bearer alike everywhere), else 401.
 */
export function refusalStatus(model: ApiModel, refusal: Refusal): number {
  const statuses = (sameEndpoint: boolean) =>
    model.contract.cases.flatMap(({ target, expect }) => {
      if (!REFUSAL_STATUSES.includes(expect.status)) return [];
      if (refusal.kind === 'token') return target.kind === 'token' && target.credentials === refusal.credentials ? [expect.status] : [];
      const same = target.kind === 'endpoint' && target.auth === refusal.auth && (!sameEndpoint || target.endpoint === refusal.endpoint);
      return same ? [expect.status] : [];
    });
  return statuses(true)[0] ?? (refusal.kind === 'endpoint' ? statuses(false)[0] : undefined) ?? DEFAULT_REFUSAL_STATUS;
}
