// The server fixture's `listSites` (tests/server/fixture.ts) turned into each paging style of the
// format (PAGING.md), for the loader's, the server's and the OpenAPI tests.
import type { Fixture } from '../server/fixture.js';

const sitesList = (s: Fixture) => s.resources[1].endpoints[0];
const example = (s: Fixture) => sitesList(s).examples[0];

/** Sets the list keys, swaps the `offset` parameter for `extra` ones and adds answer properties; drops the limit and the total the list does not name. */
function restyle(s: Fixture, list: Record<string, unknown>, extra: object[], properties: Record<string, unknown> = {}): void {
  const endpoint = sitesList(s);
  endpoint.list = list;
  const dropped = new Set(['offset', ...(list.limit === undefined ? ['limit'] : [])]);
  endpoint.query = [...endpoint.query.filter((p: { name: string }) => !dropped.has(p.name)), ...extra];
  const answer = s.schemas.SiteList;
  Object.assign(answer.properties, properties);
  if (list.total === undefined) {
    delete answer.properties.total;
    answer.required = answer.required.filter((name: string) => name !== 'total');
    delete example(s).body.total;
  }
}

/** The answer becomes a bare array of sites (its example too). */
function bareArray(s: Fixture): void {
  s.schemas.SiteArray = { type: 'array', items: { $ref: '#/schemas/Site' } };
  sitesList(s).responses[0].schema = { $ref: '#/schemas/SiteArray' };
  example(s).body = example(s).body.sites;
}

const pageParam = (minimum: number) => ({ name: 'page', type: 'integer', minimum, description: 'Page number.' });
const cursorParam = { name: 'cursor', type: 'string', description: 'Where the page starts.' };

export const PAGING_STYLES: Record<string, (s: Fixture) => void> = {
  offset: () => {},
  'page from 1': (s) => restyle(s, { items: 'sites', total: 'total', limit: 'limit', page: 'page' }, [pageParam(1)]),
  'page from 0, no total': (s) => restyle(s, { items: 'sites', limit: 'limit', page: 'page', firstPage: 0 }, [pageParam(0)]),
  'cursor in meta.next': (s) =>
    restyle(s, { items: 'sites', total: 'total', limit: 'limit', cursor: 'cursor', nextCursor: 'meta.next' }, [cursorParam], {
      meta: { type: 'object', properties: { next: { type: 'string' } } },
    }),
  'next link in @odata.nextLink': (s) =>
    restyle(s, { items: 'sites', limit: 'limit', nextLink: '@odata.nextLink' }, [], { '@odata.nextLink': { type: 'string' } }),
  'Link header, total in X-Total-Count, bare array': (s) => {
    restyle(s, { limit: 'limit', totalHeader: 'X-Total-Count', linkHeader: true }, []);
    bareArray(s);
  },
  'single answer, bare array': (s) => {
    restyle(s, {}, []);
    bareArray(s);
  },
};
