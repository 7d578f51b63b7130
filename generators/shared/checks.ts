// The named checks of the contract, client-neutral: which checks each documented request and each
// contract case carries, in order, and their names. Every client's generator writes these same names
// (Postman `pm.test`, Bruno `test`), so the reports of newman and `bru run` line up check by check.
// The token answer's own checks (type, JWT, lifetime) are not here yet: see each client's token checks.
import { answersWithBody, findEndpoint, successResponse, type ApiModel, type ContractCase, type Endpoint, type Expectation } from '../../model/model.js';
import { hasPageTwo, linkStyle, pageWalk, type PageWalk } from './page-walk.js';
import { totalLabel } from './page-script.js';

export type EveryItem = NonNullable<Expectation['everyItem']>;

export type NamedCheck =
  | { kind: 'status'; name: string; status: number }
  | { kind: 'json'; name: string }
  | { kind: 'content-type'; name: string }
  | { kind: 'schema'; name: string; schema: string }
  | { kind: 'page-size'; name: string; walk: PageWalk }
  | { kind: 'page-total'; name: string; walk: PageWalk }
  | { kind: 'page-origin'; name: string; walk: PageWalk }
  | { kind: 'page-fresh'; name: string; walk: PageWalk }
  | { kind: 'page-more'; name: string; walk: PageWalk }
  | { kind: 'every-item'; name: string; rule: EveryItem }
  | { kind: 'time'; name: string; ms: number };

/** The names, one function each, so a client that builds a check by hand still says the same. */
export const CHECK_NAMES = {
  status: (status: number) => `status is ${status}`,
  json: 'body is JSON',
  contentType: 'Content-Type is JSON',
  schema: (schema: string) => `body matches the ${schema} schema`,
  pageSize: (walk: PageWalk) => `${walk.list.items ?? 'the answer'} holds at most ${walk.limit}`,
  pageTotal: (walk: PageWalk) => `${totalLabel(walk)} counts every match (an integer, at least the page size; a full page when there are matches)`,
  pageOrigin: "the next link stays on the API's origin (no credential follows it elsewhere)",
  pageFresh: 'no item of page 2 was on page 1',
  pageMore: 'page 2 is not empty when page 1 said there is more',
  everyItem: (rule: EveryItem) => `every ${rule.items} entry that reports ${rule.field} has ${rule.field} = ${String(rule.equals)}`,
  time: (ms: number) => `answers within ${ms} ms`,
} as const;

export const statusCheck = (status: number): NamedCheck => ({ kind: 'status', name: CHECK_NAMES.status(status), status });
export const jsonCheck = (): NamedCheck => ({ kind: 'json', name: CHECK_NAMES.json });
export const contentTypeCheck = (): NamedCheck => ({ kind: 'content-type', name: CHECK_NAMES.contentType });
export const schemaCheck = (schema: string): NamedCheck => ({ kind: 'schema', name: CHECK_NAMES.schema(schema), schema });
export const timeCheck = (ms: number): NamedCheck => ({ kind: 'time', name: CHECK_NAMES.time(ms), ms });

/**
 * Whether a check means something only when the expected status came. Those that do are reported
 * skipped (Postman) or left out with the reason in the status check's message (Bruno) otherwise, so
 * a wrong status is one failure, not a cascade of failures on an error body.
 */
export function dependsOnStatus(check: NamedCheck): boolean {
  return check.kind !== 'status' && check.kind !== 'time';
}

/** A documented request's positive checks (none when it documents no success answer; no body check when its answer has no body). */
export function endpointChecks(model: ApiModel, endpoint: Endpoint): NamedCheck[] {
  const success = successResponse(endpoint);
  if (!success) return [];
  const body = answersWithBody(endpoint) ? [jsonCheck(), contentTypeCheck(), ...(success.schema ? [schemaCheck(success.schema)] : [])] : [];
  return [statusCheck(success.status), ...body, timeCheck(model.contract.responseTimeMs)];
}

/** The schema a case's answer is validated against: the token response's or the endpoint's for that status. */
export function caseSchema(model: ApiModel, c: ContractCase): string {
  if (c.target.kind === 'token') return model.auth.responseSchema;
  const { endpoint } = findEndpoint(model, c.target.endpoint)!;
  return endpoint.responses.find((r) => r.status === c.expect.status)!.schema!;
}

const PAGE_NAMES = {
  'page-size': CHECK_NAMES.pageSize,
  'page-total': CHECK_NAMES.pageTotal,
  'page-origin': () => CHECK_NAMES.pageOrigin,
  'page-fresh': () => CHECK_NAMES.pageFresh,
  'page-more': () => CHECK_NAMES.pageMore,
} as const;

const pageCheck = (kind: keyof typeof PAGE_NAMES, walk: PageWalk): NamedCheck => ({ kind, name: PAGE_NAMES[kind](walk), walk });

/** Page 1's paging checks: the page size, the total when documented, a next link on the API's origin. */
function pageOneChecks(walk: PageWalk | undefined): NamedCheck[] {
  if (!walk) return [];
  return [
    pageCheck('page-size', walk),
    ...(walk.list.total ? [pageCheck('page-total', walk)] : []),
    ...(linkStyle(walk) ? [pageCheck('page-origin', walk)] : []),
  ];
}

/** A contract case's checks, as its expectation lists them. */
export function caseChecks(model: ApiModel, c: ContractCase): NamedCheck[] {
  const { everyItem } = c.expect;
  return [
    statusCheck(c.expect.status),
    ...(c.expect.json ? [jsonCheck()] : []),
    ...(c.expect.schema ? [schemaCheck(caseSchema(model, c))] : []),
    ...pageOneChecks(pageWalk(model, c)),
    ...(everyItem ? [{ kind: 'every-item', name: CHECK_NAMES.everyItem(everyItem), rule: everyItem } as const] : []),
    timeCheck(model.contract.responseTimeMs),
  ];
}

/** Page 2's checks of a paging case (none when the endpoint answers every match at once): at most the page size, no item again, not empty when page 1 said there is more. */
export function pageTwoChecks(model: ApiModel, c: ContractCase): NamedCheck[] {
  const walk = pageWalk(model, c);
  if (!hasPageTwo(walk)) return [];
  return [
    statusCheck(c.expect.status),
    ...(c.expect.json ? [jsonCheck()] : []),
    ...(c.expect.schema ? [schemaCheck(caseSchema(model, c))] : []),
    pageCheck('page-size', walk),
    pageCheck('page-fresh', walk),
    pageCheck('page-more', walk),
    timeCheck(model.contract.responseTimeMs),
  ];
}
