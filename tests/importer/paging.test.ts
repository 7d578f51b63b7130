// Paging through the OpenAPI export and the importer: every paging style survives the round trip
// (the `x-list` kit fact in the format's own keys), the export documents a total header and the
// Link header as response headers, and a plain OpenAPI document (no `x-` facts) that shows a style
// by its parameters, answer properties and headers is imported with that style.
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../generators/openapi/document.js';
import { toYaml } from '../../generators/shared/yaml.js';
import type { ApiModel, ListShape } from '../../model/model.js';
import { fixtureModel, type Fixture } from '../server/fixture.js';
import { PAGING_STYLES } from '../support/paging.js';
import { importText } from '../support/import-text.js';

const listSites = (model: ApiModel) => model.resources.flatMap((r) => r.endpoints).find((e) => e.id === 'listSites')!;

/** The document imported back into a model, and the importer's report. */
function imported(document: unknown) {
  const { model, report } = importText(toYaml(document), {}, 'export.openapi.yaml');
  return { model, report };
}

/** The document without any `x-` extension, only the sites, under the document's server: what a vendor's own document would hold. */
function plain(document: any): any {
  const { '/': list, '/{siteId}': one, '/token/{organization}': token } = document.paths;
  const { servers: _list, ...listItem } = list;
  const { servers: _one, ...oneItem } = one;
  return withoutFacts({ ...document, paths: { '/token/{organization}': token, '/v1/sites': listItem, '/v1/sites/{siteId}': oneItem } });
}

function withoutFacts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutFacts);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !key.startsWith('x-'))
      .map(([key, value]) => [key, withoutFacts(value)]),
  );
}

const STYLES = Object.keys(PAGING_STYLES);

describe('the export states each paging style and the importer reads it back', () => {
  it.each(STYLES)('%s: the same list shape after the round trip', (style) => {
    const model = fixtureModel(PAGING_STYLES[style]);
    const { model: back, report } = imported(openapiDocument(model));
    expect(listSites(back).list).toEqual(listSites(model).list);
    expect(report.guesses).toEqual([]);
  });

  it('writes the list in the format keys and documents the total header and the Link header on the success answer', () => {
    const document = openapiDocument(fixtureModel(PAGING_STYLES['Link header, total in X-Total-Count, bare array'])) as any;
    const operation = document.paths['/'].get;
    expect(operation['x-list']).toEqual({ totalHeader: 'X-Total-Count', limit: 'limit', linkHeader: true });
    expect(Object.keys(operation.responses['200'].headers)).toEqual(['X-Total-Count', 'Link']);
    expect(operation.responses['200'].headers['X-Total-Count'].schema).toEqual({ type: 'integer', minimum: 0 });
    const cursor = openapiDocument(fixtureModel(PAGING_STYLES['cursor in meta.next'])) as any;
    expect(cursor.paths['/'].get['x-list']).toEqual({ items: 'sites', total: 'total', limit: 'limit', cursor: 'cursor', nextCursor: 'meta.next' });
    expect(cursor.paths['/'].get.responses['200'].headers).toBeUndefined();
  });
});

describe('a plain OpenAPI document shows the paging style by its names', () => {
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
  it.each(STYLES)('%s', (style) => {
    const { model, report } = imported(plain(openapiDocument(fixtureModel(PAGING_STYLES[style]))));
    expect(listSites(model).list).toEqual(expected[style]);
    expect(report.notes.find((n) => n.startsWith('listSites is a list'))).toBeDefined();
  });

  it('an object with an array and no sign of paging or counting is no list', () => {
    const noSign = (s: Fixture) => {
      PAGING_STYLES['next link in @odata.nextLink']!(s);
      s.resources[1].endpoints[0].list = { items: 'sites' };
      s.resources[1].endpoints[0].query = s.resources[1].endpoints[0].query.filter((p: { name: string }) => p.name !== 'limit');
    };
    const document = plain(openapiDocument(fixtureModel(noSign)));
    delete document.components.schemas.SiteList.properties['@odata.nextLink'];
    const { model } = imported(document);
    expect(listSites(model).list).toBeUndefined();
  });
});
