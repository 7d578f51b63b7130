// List and fetch-one semantics, as the description declares them: filters (every enum and flag
// query parameter, on the field it names) ANDed, then paged; one item by its key, or 404.
import { filterField, isFilter, type Endpoint, type ListShape } from '../model/model.js';
import { ApiError } from './errors.js';
import type { Item } from './items.js';
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

/** `{ [items]: page, [total]: every match }`, or the bare page; without a limit parameter the page holds every match. */
export function listAnswer(list: ListShape, items: readonly Item[], filters: readonly Filter[], values: ReadonlyMap<string, Value>): unknown {
  const matches = items.filter((item) => filters.every((f) => fieldAt(item, f.path) === f.value));
  const offset = list.paging.style === 'offset' ? Number(values.get(list.paging.param) ?? 0) : 0;
  const limit = list.limit === undefined ? Infinity : Number(values.get(list.limit) ?? Infinity);
  const page = matches.slice(offset, offset + limit);
  if (list.items === undefined) return page;
  return { [list.items]: page, ...(list.total?.in === 'body' ? { [list.total.field]: matches.length } : {}) };
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
