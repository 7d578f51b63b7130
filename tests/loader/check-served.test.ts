// The loader checks what the reference server reads from a description: a list's items and total,
// its paging parameters, a fetch-one's key, each filter's field, and one item schema per resource.
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecError, type Diagnostic } from '../../loader/index.js';
import { fixtureYaml, type Fixture } from '../server/fixture.js';
import { PAGING_STYLES } from '../support/paging.js';

const sitesList = (s: Fixture) => s.resources[1].endpoints[0];
const getSite = (s: Fixture) => s.resources[1].endpoints[1];

function problems(edit: (spec: Fixture) => void): Array<Diagnostic & { at: string }> {
  const text = fixtureYaml(edit);
  try {
    loadSpec(Buffer.from(text), 'fixture.yaml');
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const lines = text.split('\n');
    return error.diagnostics.map((d) => ({ ...d, at: lines[d.line - 1]!.slice(d.col - 1) }));
  }
  return [];
}

describe('what the server reads is checked, with its place', () => {
  it('the fixture itself loads', () => {
    expect(problems(() => {})).toEqual([]);
  });

  const cases: Array<[what: string, edit: (s: Fixture) => void, path: string, at: string, message: string]> = [
    ['items that are not an array', (s) => (sitesList(s).list.items = 'total'), 'resources.1.endpoints.0.list.items', 'total', 'no array property `total`'],
    ['a total that does not exist', (s) => (sitesList(s).list.total = 'count'), 'resources.1.endpoints.0.list.total', 'count', 'no integer property `count`'],
    [
      'a limit that names no parameter',
      (s) => (sitesList(s).list.limit = 'size'),
      'resources.1.endpoints.0.list.limit',
      'size',
      'no integer query parameter `size`',
    ],
    [
      'an offset that is not an integer',
      (s) => (sitesList(s).list.offset = 'kind'),
      'resources.1.endpoints.0.list.offset',
      'kind',
      'no integer query parameter `kind`',
    ],
    [
      'a list without a schema',
      (s) => delete sitesList(s).responses[0].schema,
      'resources.1.endpoints.0.list',
      'list',
      'needs a success response with a schema',
    ],
    ['a key the item schema lacks', (s) => (getSite(s).item.key = 'code'), 'resources.1.endpoints.1.item.key', 'code', 'no string or integer property `code`'],
    [
      'a fetch-one with no path parameter',
      (s) => Object.assign(getSite(s), { path: '', pathParams: [] }),
      'resources.1.endpoints.1.item',
      'item',
      'exactly one path parameter',
    ],
    ['both list and item', (s) => (sitesList(s).item = { key: 'id' }), 'resources.1.endpoints.0.item', 'item', 'not both'],
    [
      'a flag filter on a string field',
      (s) => sitesList(s).query.push({ name: 'name', type: 'flag' }),
      'resources.1.endpoints.0.query.7.name',
      'name',
      '`name` is string in the item schema; a flag filter reads a boolean',
    ],
    [
      'a field through a non-object',
      (s) => (sitesList(s).query[3].field = 'name.region'),
      'resources.1.endpoints.0.query.3.field',
      'name.region',
      '`name` is not an object',
    ],
    [
      'a field a closed schema cannot hold',
      (s) => ((s.schemas.Site.properties.address.additionalProperties = false), (sitesList(s).query[3].field = 'address.zone')),
      'resources.1.endpoints.0.query.3.field',
      'address.zone',
      'closes `address`',
    ],
    [
      'a field on a parameter that does not filter',
      (s) => (sitesList(s).query[0].field = 'x'),
      'resources.1.endpoints.0.query.0.field',
      'field',
      'applies to filters',
    ],
    [
      'a field on a path parameter',
      (s) => (getSite(s).pathParams[0].field = 'id'),
      'resources.1.endpoints.1.pathParams.0.field',
      'field',
      'applies to filters',
    ],
    [
      'a list and a fetch-one with different item schemas',
      (s) => ((getSite(s).responses[0].schema.$ref = '#/schemas/Camera'), (getSite(s).item.key = 'serial')),
      'resources.1.endpoints.1.item.key',
      'serial',
      'refer to the same item schema (#/schemas/Site)',
    ],
  ];
  it.each(cases)('%s', (_what, edit, path, at, message) => {
    const found = problems(edit);
    expect(found.map((d) => [d.path.join('.'), d.code])).toEqual([[path, 'invalid-value']]);
    expect(found[0]!.at.startsWith(at)).toBe(true);
    expect(found[0]!.message).toContain(message);
  });

  it('a filter value outside the schema enum is no mistake: it matches nothing', () => {
    expect(problems((s) => sitesList(s).query[2].enum.push('castle'))).toEqual([]);
  });

  it('a format-schema mistake in list is named by the format check', () => {
    const found = problems((s) => (sitesList(s).list.itmes = 'sites'));
    expect(found.map((d) => d.code)).toContain('unknown-key');
  });

  const paging: Array<[what: string, edit: (s: Fixture) => void, key: string, at: string, message: string]> = [
    [
      'a total in the body of a bare array',
      (s) => (PAGING_STYLES['single answer, bare array']!(s), (sitesList(s).list.total = 'total')),
      'total',
      'total',
      'give the count in a header with `totalHeader`',
    ],
    [
      'a next link in a bare array',
      (s) => (PAGING_STYLES['single answer, bare array']!(s), (sitesList(s).list.nextLink = 'next')),
      'nextLink',
      'nextLink',
      'page it with `linkHeader: true`',
    ],
    ['a total in the body and in a header', (s) => (sitesList(s).list.totalHeader = 'X-Total-Count'), 'totalHeader', 'totalHeader', 'not both'],
    [
      'a cursor parameter that is not a string',
      (s) => (PAGING_STYLES['cursor in meta.next']!(s), (sitesList(s).list.cursor = 'limit')),
      'cursor',
      'limit',
      'no string query parameter `limit`',
    ],
    [
      'a next cursor that is not a string',
      (s) => (PAGING_STYLES['cursor in meta.next']!(s), (sitesList(s).list.nextCursor = 'total')),
      'nextCursor',
      'total',
      'no string property `total`',
    ],
    [
      'a cursor parameter with an enum (a filter)',
      (s) => (PAGING_STYLES['cursor in meta.next']!(s), (sitesList(s).list.cursor = 'kind')),
      'cursor',
      'kind',
      'makes it a filter',
    ],
    [
      'a first page the page parameter cannot hold',
      (s) => (PAGING_STYLES['page from 1']!(s), (sitesList(s).list.firstPage = 0)),
      'page',
      'page',
      'but `page` has `minimum: 1`: set `firstPage`',
    ],
    [
      'a next link and a Link header',
      (s) => (PAGING_STYLES['next link in @odata.nextLink']!(s), (sitesList(s).list.linkHeader = true)),
      'linkHeader',
      'linkHeader',
      'names `nextLink` and `linkHeader`',
    ],
  ];
  it.each(paging)('paging: %s', (_what, edit, key, at, message) => {
    const found = problems(edit);
    expect(found.map((d) => [d.path.join('.'), d.code])).toEqual([[`resources.1.endpoints.0.list.${key}`, 'invalid-value']]);
    expect(found[0]!.at.startsWith(at)).toBe(true);
    expect(found[0]!.message).toContain(message);
  });

  it.each(Object.keys(PAGING_STYLES))('paging style %s loads', (style) => {
    expect(problems(PAGING_STYLES[style]!)).toEqual([]);
  });

  it('a paging case repeats the list shape or leaves it out', () => {
    const withCase = (page: object) => (s: Fixture) =>
      s.contract.cases.push({ id: 'paged', name: 'Paged', endpoint: 'listSites', query: { limit: 1 }, expect: { status: 200, page } });
    expect(problems(withCase({ limit: 1 }))).toEqual([]);
    expect(problems(withCase({ items: 'sites', total: 'total', limit: 1 }))).toEqual([]);
    const found = problems(withCase({ items: 'places', limit: 1 }));
    expect(found.map((d) => [d.path.join('.'), d.code, d.at.slice(0, 6)])).toEqual([['contract.cases.0.expect.page.items', 'invalid-case', 'places']]);
    expect(found[0]!.message).toContain("must repeat the endpoint's `list.items` (`sites`)");
  });
});
