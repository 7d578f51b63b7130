// List and fetch-one semantics, as the description declares them: filters (every enum and flag
// query parameter, on the field it names) ANDed, then paged; one item by its key, or 404.
import { filterField, isFilter, type Endpoint, type ListShape } from '../model/model.js';
import { ApiError } from './errors.js';
import type { Item } from './items.js';
import { nextPage, pageStart, type PageRequest } from './paging.js';
import type { Value } from './query.js';

export interface Filter {
  /** The item field, as a path: `probe.agent` -> item.probe.agent. */
  path: string[];
  value: Value;
}

/** The filters a parsed query sets on a list endpoint. */
export function filtersOf(endpoint: Endpoint, values: ReadonlyMap<string, Value>): Filter[] {
  return endpoint.query.flatMap((p) => {
    const value = values.get(p.name);
    return isFilter(p) && value !== undefined ? [{ path: filterField(p).split('.'), value }] : [];
  });
}

export interface ListAnswer {
  body: unknown;
  headers: Record<string, string>;
}

/**
 * `{ [items]: page, [total]: every match, [next]: cursor or URL }`, or the bare page; the total or
 * the next URL in headers where the description puts them. Without a limit the page holds every
 * match; `ignorePaging` (the `paging-ignored` violation) answers every match whatever the request says.
 */
export function listAnswer(
  list: ListShape,
  items: readonly Item[],
  filters: readonly Filter[],
  request: PageRequest & { urlWith: (param: string, value: string) => string; ignorePaging?: boolean },
): ListAnswer {
  const matches = items.filter((item) => filters.every((f) => fieldAt(item, f.path) === f.value));
  const size = request.ignorePaging || list.limit === undefined ? Infinity : Number(request.values.get(list.limit) ?? Infinity);
  const start = request.ignorePaging ? 0 : pageStart(list, request, size);
  const page = matches.slice(start, start + size);
  const next = nextPage(list, start + page.length, start + page.length < matches.length, request.urlWith);
  const headers: Record<string, string> = {
    ...(list.total?.in === 'header' ? { [list.total.name]: String(matches.length) } : {}),
    ...(next?.in === 'link-header' ? { link: `<${next.url}>; rel="next"` } : {}),
  };
  if (list.items === undefined) return { body: page, headers };
  const body: Item = { [list.items]: page, ...(list.total?.in === 'body' ? { [list.total.field]: matches.length } : {}) };
  if (next?.in === 'body') setAt(body, next.path, next.value);
  return { body, headers };
}

/** Sets a value at a property path, making the objects on the way: own data properties only, so a name like `__proto__` is a plain field. */
function setAt(body: Item, path: readonly string[], value: string): void {
  let node = body;
  for (const key of path.slice(0, -1)) {
    const own = Object.hasOwn(node, key) ? node[key] : undefined;
    if (own === null || typeof own !== 'object') ownField(node, key, {});
    node = node[key] as Item;
  }
  ownField(node, path[path.length - 1]!, value);
}

function ownField(node: Item, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The caller's item whose key field equals the path parameter; 404 covers both missing and not accessible. */
export function findItem(items: readonly Item[], key: string, id: string): Item {
  const item = items.find((i) => String(i[key]) === id);
  if (!item) throw new ApiError(404, 'not_found', 'no such item, or the caller has no access to it');
  return item;
}

function fieldAt(item: Item, path: readonly string[]): unknown {
  let node: unknown = item;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
