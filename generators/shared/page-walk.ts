// The contract's paging case as two requests, client-neutral: a case with `expect.page` on a list
// endpoint is page 1 (the case's request) and, unless the endpoint pages in a single answer,
// page 2 ("<case name>, page 2"), reached the way the endpoint's `list` pages (offset + limit,
// page + 1, the next cursor, or the next link from the answer when it stays on the API's origin).
import { findEndpoint, type ApiModel, type ContractCase, type ListShape, type QueryValue } from '../../model/model.js';

export interface PageWalk {
  caseId: string;
  /** The page size the case asks for. */
  limit: number;
  list: ListShape;
  /** The item field that names an item (the resource's fetch-one `item.key`); undefined: items are compared whole. */
  key?: string;
  /** Where page 1 starts among the matches, as the case asks for it (offset and page styles). */
  start: number;
}

/** The walk of a paging case; undefined for any other case. */
export function pageWalk(model: ApiModel, c: ContractCase): PageWalk | undefined {
  if (c.target.kind !== 'endpoint' || !c.expect.page) return undefined;
  const { resource, endpoint } = findEndpoint(model, c.target.endpoint)!;
  if (!endpoint.list) return undefined;
  const limit = c.expect.page.limit;
  const key = resource.endpoints.find((e) => e.item)?.item?.key;
  return { caseId: c.id, limit, list: endpoint.list, ...(key ? { key } : {}), start: startOf(endpoint.list, c.target.query, limit) };
}

function startOf(list: ListShape, query: Record<string, QueryValue>, limit: number): number {
  const { paging } = list;
  if (paging.style === 'offset') return Number(query[paging.param] ?? 0);
  if (paging.style === 'page') return (Number(query[paging.param] ?? paging.firstPage) - paging.firstPage) * limit;
  return 0;
}

/** True when the walk has a page 2 (any style but a single answer; model/ids.ts `walksToPageTwo` says the same of a case). */
export function hasPageTwo(walk: PageWalk | undefined): walk is PageWalk {
  return walk !== undefined && walk.list.paging.style !== 'single';
}

/** True when page 2's whole URL comes from page 1's answer (next link in the body or the Link header). */
export function linkStyle(walk: PageWalk): boolean {
  return walk.list.paging.style === 'next-link' || walk.list.paging.style === 'link-header';
}

/** The name of page 2's request. */
export const pageTwoName = (c: ContractCase): string => `${c.name}, page 2`;

/**
 * Page 2's query: the case's, with the next position (offset and page styles, known in advance) or
 * the next cursor (`next`, a client's reference to the script variable); undefined for the link
 * styles, whose page 2 is the whole URL page 1 answered.
 */
export function pageTwoQuery(walk: PageWalk, query: Record<string, QueryValue>, next: string): Record<string, QueryValue> | undefined {
  const { paging } = walk.list;
  const limit = walk.list.limit ? { [walk.list.limit]: String(walk.limit) } : {};
  if (paging.style === 'offset') return { ...query, ...limit, [paging.param]: String(walk.start + walk.limit) };
  if (paging.style === 'page') return { ...query, ...limit, [paging.param]: String(Number(query[paging.param] ?? paging.firstPage) + 1) };
  if (paging.style === 'cursor') return { ...query, ...limit, [paging.param]: next };
  return undefined;
}
