// The named checks of the contract, client-neutral: which checks each documented request and each
// contract case carries, in order, and their names. Every client's generator writes these same names
// (Postman `pm.test`, Bruno `test`), so the reports of newman and `bru run` line up check by check.
// The token answer's own checks (type, JWT, lifetime) are not here yet: see each client's token checks.
import { findEndpoint, successResponse, type ApiModel, type ContractCase, type Endpoint, type Expectation } from '../../model/model.js';

/** A paging case's first page, in an object answer with a total in the body (until the two-page walk). */
export interface Page {
  items: string;
  total: string;
  limit: number;
}
export type EveryItem = NonNullable<Expectation['everyItem']>;

export type NamedCheck =
  | { kind: 'status'; name: string; status: number }
  | { kind: 'json'; name: string }
  | { kind: 'content-type'; name: string }
  | { kind: 'schema'; name: string; schema: string }
  | { kind: 'page-size'; name: string; page: Page }
  | { kind: 'page-total'; name: string; page: Page }
  | { kind: 'every-item'; name: string; rule: EveryItem }
  | { kind: 'time'; name: string; ms: number };

/** The names, one function each, so a client that builds a check by hand still says the same. */
export const CHECK_NAMES = {
  status: (status: number) => `status is ${status}`,
  json: 'body is JSON',
  contentType: 'Content-Type is JSON',
  schema: (schema: string) => `body matches the ${schema} schema`,
  pageSize: (page: Page) => `${page.items} holds at most ${page.limit}`,
  pageTotal: (page: Page) => `${page.total} counts every match (an integer, at least the page size; a full page when there are matches)`,
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

/** A documented request's positive checks (none when it documents no success answer). */
export function endpointChecks(model: ApiModel, endpoint: Endpoint): NamedCheck[] {
  const success = successResponse(endpoint);
  if (!success) return [];
  return [
    statusCheck(success.status),
    jsonCheck(),
    contentTypeCheck(),
    ...(success.schema ? [schemaCheck(success.schema)] : []),
    timeCheck(model.contract.responseTimeMs),
  ];
}

/** The schema a case's answer is validated against: the token response's or the endpoint's for that status. */
export function caseSchema(model: ApiModel, c: ContractCase): string {
  if (c.target.kind === 'token') return model.auth.responseSchema;
  const { endpoint } = findEndpoint(model, c.target.endpoint)!;
  return endpoint.responses.find((r) => r.status === c.expect.status)!.schema!;
}

/** A contract case's checks, as its expectation lists them. */
export function caseChecks(model: ApiModel, c: ContractCase): NamedCheck[] {
  const { everyItem } = c.expect;
  const page = pageOf(model, c);
  return [
    statusCheck(c.expect.status),
    ...(c.expect.json ? [jsonCheck()] : []),
    ...(c.expect.schema ? [schemaCheck(caseSchema(model, c))] : []),
    ...(page
      ? [{ kind: 'page-size', name: CHECK_NAMES.pageSize(page), page } as const, { kind: 'page-total', name: CHECK_NAMES.pageTotal(page), page } as const]
      : []),
    ...(everyItem ? [{ kind: 'every-item', name: CHECK_NAMES.everyItem(everyItem), rule: everyItem } as const] : []),
    timeCheck(model.contract.responseTimeMs),
  ];
}

function pageOf(model: ApiModel, c: ContractCase): Page | undefined {
  if (c.expect.page === undefined || c.target.kind !== 'endpoint') return undefined;
  const list = findEndpoint(model, c.target.endpoint)?.endpoint.list;
  if (list?.items === undefined || list.total?.in !== 'body') return undefined;
  return { items: list.items, total: list.total.field, limit: c.expect.page.limit };
}
