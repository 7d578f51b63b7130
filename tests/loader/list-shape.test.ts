// The loader maps an endpoint's flat `list` keys to the model's ListShape: the one paging style,
// where the total is, and the resolved answer path of a next cursor or next link.
import { describe, expect, it } from 'vitest';
import type { ListShape } from '../../model/model.js';
import { fixtureModel } from '../server/fixture.js';
import { PAGING_STYLES } from '../support/paging.js';

const listOf = (style: string): ListShape | undefined => fixtureModel(PAGING_STYLES[style]).resources[1]!.endpoints[0]!.list;

describe('each paging style becomes its ListShape', () => {
  const expected: Record<string, ListShape> = {
    offset: { items: 'sites', total: { in: 'body', field: 'total' }, limit: 'limit', paging: { style: 'offset', param: 'offset' } },
    'page from 1': { items: 'sites', total: { in: 'body', field: 'total' }, limit: 'limit', paging: { style: 'page', param: 'page', firstPage: 1 } },
    'page from 0, no total': { items: 'sites', limit: 'limit', paging: { style: 'page', param: 'page', firstPage: 0 } },
    'cursor in meta.next': {
      items: 'sites',
      total: { in: 'body', field: 'total' },
      limit: 'limit',
      paging: { style: 'cursor', param: 'cursor', next: ['meta', 'next'] },
    },
    'next link in @odata.nextLink': { items: 'sites', limit: 'limit', paging: { style: 'next-link', next: ['@odata.nextLink'] } },
    'Link header, total in X-Total-Count, bare array': { total: { in: 'header', name: 'X-Total-Count' }, limit: 'limit', paging: { style: 'link-header' } },
    'single answer, bare array': { paging: { style: 'single' } },
  };
  it.each(Object.keys(PAGING_STYLES))('%s', (style) => {
    expect(listOf(style)).toEqual(expected[style]);
  });
});
