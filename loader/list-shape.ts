// An endpoint's `list` as written -> the model's ListShape: the one paging style it names, where
// its total is, and the resolved answer paths of a next cursor or next link.
import type { ListCount, ListShape, Paging } from '../model/model.js';
import { resolvePath, type Schema } from './answer-schema.js';
import type { RawList, RawSpec } from './raw.js';

/** The keys that each name a paging style (`cursor` and `nextCursor` name one style together). */
export const STYLE_KEYS = ['offset', 'page', 'cursor', 'nextLink', 'linkHeader'] as const;
export type StyleKey = (typeof STYLE_KEYS)[number];

/** The styles the format supports, for messages. */
export const STYLES_TAUGHT =
  '`offset` (skip that many matches), `page` (a page number, with `firstPage`), `cursor` with `nextCursor` (a cursor the answer hands out), `nextLink` (the next URL in the answer) or `linkHeader: true` (the next URL in a `Link` header)';

/** The style keys the list names, in the format's order (`nextCursor` alone counts as `cursor`). */
export function namedStyles(list: RawList): StyleKey[] {
  return STYLE_KEYS.filter((key) =>
    key === 'linkHeader' ? list.linkHeader === true : key === 'cursor' ? list.cursor !== undefined || list.nextCursor !== undefined : list[key] !== undefined,
  );
}

/** The settled shape; `answer` is the success answer's schema (the checks have made sure the paths resolve). */
export function listShape(list: RawList, answer: Schema | undefined, schemas: RawSpec['schemas']): ListShape {
  return {
    ...(list.items !== undefined ? { items: list.items } : {}),
    ...countOf(list),
    ...(list.limit !== undefined ? { limit: list.limit } : {}),
    paging: pagingOf(list, (name) => (answer && resolvePath(answer, name, schemas)?.path) ?? name.split('.')),
  };
}

function countOf(list: RawList): { total?: ListCount } {
  if (list.total !== undefined) return { total: { in: 'body', field: list.total } };
  if (list.totalHeader !== undefined) return { total: { in: 'header', name: list.totalHeader } };
  return {};
}

function pagingOf(list: RawList, path: (name: string) => string[]): Paging {
  if (list.offset !== undefined) return { style: 'offset', param: list.offset };
  if (list.page !== undefined) return { style: 'page', param: list.page, firstPage: list.firstPage ?? 1 };
  if (list.cursor !== undefined && list.nextCursor !== undefined) return { style: 'cursor', param: list.cursor, next: path(list.nextCursor) };
  if (list.nextLink !== undefined) return { style: 'next-link', next: path(list.nextLink) };
  if (list.linkHeader === true) return { style: 'link-header' };
  return { style: 'single' };
}
