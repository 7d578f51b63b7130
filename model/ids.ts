// Ids and keys derived from the description, so the same spec always gives the same files, and
// the runner, drift and coverage name the items and endpoints exactly as the generators do.
import { hash } from 'node:crypto';
import { findEndpoint, type ApiModel, type ContractCase } from './model.js';

function digest(parts: readonly string[]): string {
  return hash('sha256', parts.join('\u0000'));
}

/** A version-5-shaped UUID from the given parts (what Postman expects in `_postman_id` and `id`). */
export function stableUuid(...parts: string[]): string {
  const hex = digest(parts);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A prefixed id such as Insomnia's `req_3f2a...` (prefix without the underscore). */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${digest([prefix, ...parts]).slice(0, 32)}`;
}

/** The key of the token endpoint wherever endpoints are keyed (records, drift, coverage, pacing); data endpoints use their ids. */
export const TOKEN_ENDPOINT = 'token';

/** The id of the collection item that calls an endpoint (`TOKEN_ENDPOINT` for the token request). */
export function endpointItemId(apiId: string, endpoint: string): string {
  return stableUuid(apiId, 'item', endpoint);
}

/** The id of the collection item that runs a contract case. */
export function caseItemId(apiId: string, caseId: string): string {
  return stableUuid(apiId, 'case', caseId);
}

/** True when the clients walk a case to page 2: a paging case on a list that pages (generators/shared/page-walk.ts). */
export function walksToPageTwo(model: ApiModel, c: ContractCase): boolean {
  if (c.target.kind !== 'endpoint' || !c.expect.page) return false;
  const style = findEndpoint(model, c.target.endpoint)?.endpoint.list?.paging.style;
  return style !== undefined && style !== 'single';
}

/** The id of the collection item that runs page 2 of a paging case. */
export function pageTwoItemId(apiId: string, caseId: string): string {
  return stableUuid(apiId, 'case', caseId, 'page-2');
}
