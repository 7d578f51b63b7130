// The `x-list` kit fact: an endpoint's list shape written back in the format's own flat keys
// (spec/format.schema.json, endpoint `list`), so the importer reads it as a description would.
import type { ListShape, Paging } from '../../model/model.js';

export function listFact(list: ListShape): Record<string, string | number | boolean> {
  return {
    ...(list.items !== undefined ? { items: list.items } : {}),
    ...(list.total?.in === 'body' ? { total: list.total.field } : {}),
    ...(list.total?.in === 'header' ? { totalHeader: list.total.name } : {}),
    ...(list.limit !== undefined ? { limit: list.limit } : {}),
    ...pagingKeys(list.paging),
  };
}

function pagingKeys(paging: Paging): Record<string, string | number | boolean> {
  switch (paging.style) {
    case 'offset':
      return { offset: paging.param };
    case 'page':
      return { page: paging.param, firstPage: paging.firstPage };
    case 'cursor':
      return { cursor: paging.param, nextCursor: paging.next.join('.') };
    case 'next-link':
      return { nextLink: paging.next.join('.') };
    case 'link-header':
      return { linkHeader: true };
    case 'single':
      return {};
  }
}
