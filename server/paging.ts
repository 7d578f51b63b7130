// Where a page starts and how the answer points at the next one, for each paging style of the
// description (model/model.ts `Paging`). Cursors are opaque to clients: base64url of `o:<offset>`.
import type { ListShape } from '../model/model.js';
import { ApiError } from './errors.js';
import type { Value } from './query.js';

/** The query parameter of the next-page URLs this server writes (next-link and Link-header styles). */
export const NEXT_PAGE_PARAM = 'pageToken';

export interface PageRequest {
  /** The documented query parameters, parsed (parseQuery). */
  values: ReadonlyMap<string, Value>;
  /** The query as sent, for the next-page URL's own parameter. */
  raw: Record<string, unknown>;
}

/** Where the next page starts, as the answer shows it: a cursor, a URL, or nothing. */
export type NextPage = { in: 'body'; path: string[]; value: string } | { in: 'link-header'; url: string } | undefined;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The offset a cursor this server handed out holds; a 400 naming the parameter for anything else. */
export function decodeCursor(text: unknown, param: string): number {
  const decoded = typeof text === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(text) ? Buffer.from(text, 'base64url').toString('utf8') : '';
  const offset = /^o:(0|[1-9]\d{0,14})$/.exec(decoded)?.[1];
  if (offset === undefined)
    throw new ApiError(
      400,
      'invalid_request',
      `query parameter \`${param}\` is not a cursor this API handed out: send the one the previous page gave, or none for the first page`,
    );
  return Number(offset);
}

/** The index of the page's first match. */
export function pageStart(list: ListShape, request: PageRequest, size: number): number {
  const paging = list.paging;
  switch (paging.style) {
    case 'offset':
      return Number(request.values.get(paging.param) ?? 0);
    case 'page': {
      const page = Number(request.values.get(paging.param) ?? paging.firstPage);
      if (page < paging.firstPage)
        throw new ApiError(
          400,
          'invalid_request',
          `query parameter \`${paging.param}\` must be at least ${paging.firstPage}: the first page is ${paging.firstPage}`,
        );
      return page === paging.firstPage ? 0 : (page - paging.firstPage) * size;
    }
    case 'cursor': {
      const cursor = request.values.get(paging.param);
      return cursor === undefined ? 0 : decodeCursor(cursor, paging.param);
    }
    case 'next-link':
    case 'link-header': {
      const token = request.raw[NEXT_PAGE_PARAM];
      return token === undefined ? 0 : decodeCursor(token, NEXT_PAGE_PARAM);
    }
    case 'single':
      return 0;
  }
}

/** How the answer points at the page starting at `next` (no pointer on the last page, nor where the client counts itself). */
export function nextPage(list: ListShape, next: number, more: boolean, urlWith: (param: string, value: string) => string): NextPage {
  if (!more) return undefined;
  const paging = list.paging;
  switch (paging.style) {
    case 'cursor':
      return { in: 'body', path: paging.next, value: encodeCursor(next) };
    case 'next-link':
      return { in: 'body', path: paging.next, value: urlWith(NEXT_PAGE_PARAM, encodeCursor(next)) };
    case 'link-header':
      return { in: 'link-header', url: urlWith(NEXT_PAGE_PARAM, encodeCursor(next)) };
    default:
      return undefined;
  }
}
