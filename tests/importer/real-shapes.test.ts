// Shapes of a real 800-operation document (commercetools Composable Commerce, see
// tests/fixtures/openapi/README.md) that stopped `import` or broke a client, each on a small
// document written here: a path parameter every path starts with, `required` naming a key pattern,
// a token endpoint on another host than the API, a path parameter inside a segment (`key={key}`),
// a list answer that echoes its paging (`limit`, `offset`) back, and a `oneOf` that only the
// base schema's discriminator mapping tells apart.
import { describe, expect, it } from 'vitest';
import { importText } from '../support/import-text.js';

const imported = (text: string) => importText(text, { clientAuth: 'basic' });

const OK = (schema: string) => `{ '200': { description: OK, content: { application/json: { schema: ${schema} } } } }`;

/** An OpenAPI 3.0 document with these paths (YAML, indented under `paths:`) and schemas. */
function document(paths: string, schemas = '{}', tokenUrl = 'https://api.shop.io/oauth/token'): string {
  return `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers: [{ url: 'https://api.shop.io' }]
security: [{ cc: [] }]
paths:
${paths}
components:
  schemas: ${schemas}
  securitySchemes:
    cc: { type: oauth2, flows: { clientCredentials: { tokenUrl: '${tokenUrl}', scopes: {} } } }
`;
}

const projectPaths = `  /{projectKey}:
    parameters: [{ name: projectKey, in: path, required: true, schema: { type: string } }]
    get: { operationId: getProject, responses: ${OK('{ type: object }')} }
  /{projectKey}/products:
    parameters: [{ name: projectKey, in: path, required: true, schema: { type: string } }]
    get: { operationId: listProducts, responses: ${OK('{ type: object }')} }
  /{projectKey}/products/{ID}:
    parameters:
      - { name: projectKey, in: path, required: true, schema: { type: string } }
      - { name: ID, in: path, required: true, schema: { type: string }, example: p-1 }
    get: { operationId: getProduct, responses: ${OK('{ type: object }')} }`;

describe('a path parameter every path starts with (`/{projectKey}/...`)', () => {
  it('is written into each resource base path as a value to set, and the endpoints no longer take it', () => {
    const { model, report } = imported(document(projectPaths));
    expect(report.kept).toHaveLength(3);
    expect(model.resources.map((r) => [r.id, r.basePath])).toEqual([
      ['projectKey', '/projectKey'],
      ['products', '/projectKey/products'],
    ]);
    const products = model.resources[1]!.endpoints;
    expect(products.map((e) => [e.path, e.pathParams.map((p) => p.name)])).toEqual([
      ['', []],
      ['/{ID}', ['ID']],
    ]);
    expect(model.unknowns.join('\n')).toContain('Every path starts with the path parameter `{projectKey}`');
    expect(report.guesses.join('\n')).not.toContain('`projectKey`');
  });

  it('takes the value the document states for it (its example)', () => {
    const { model } = imported(
      document(
        projectPaths.replaceAll(
          '{ name: projectKey, in: path, required: true, schema: { type: string } }',
          '{ name: projectKey, in: path, required: true, schema: { type: string }, example: my-shop }',
        ),
      ),
    );
    expect(model.resources.map((r) => r.basePath)).toEqual(['/my-shop', '/my-shop/products']);
  });

  it('stays skipped when only some paths start with it', () => {
    const paths = `${projectPaths}
  /health:
    get: { operationId: health, responses: ${OK('{ type: object }')} }`;
    const { report } = imported(document(paths));
    expect(report.kept.map((k) => k.id)).toEqual(['health']);
    expect(report.skipped.filter((s) => /starts with a path parameter/.test(s.reason))).toHaveLength(3);
  });
});

describe('`required` naming a key pattern beside `additionalProperties`', () => {
  it('drops the pattern from `required` and lists it among the schema rewrites', () => {
    const schemas = `{ LocalizedString: { type: object, required: ['/^[a-z]{2}(-[A-Z]{2})?$/'], additionalProperties: { type: string } },
    Named: { type: object, required: [name, '/x/'], properties: { name: { type: string } } } }`;
    const paths = `  /names:
    get: { operationId: names, responses: ${OK("{ type: object, properties: { label: { $ref: '#/components/schemas/LocalizedString' }, named: { $ref: '#/components/schemas/Named' } } }")} }`;
    const { model, report } = imported(document(paths, schemas));
    expect(model.schemas.LocalizedString).not.toHaveProperty('required');
    expect(model.schemas.Named).toMatchObject({ required: ['name'] });
    const rewrites = report.schemaRewrites.filter((r) => /from `required`: a pattern/.test(r.change));
    expect(rewrites.map((r) => r.at.replace(/^.*#/, ''))).toEqual(['/components/schemas/LocalizedString/required', '/components/schemas/Named/required']);
  });
});

describe('a token endpoint on another host than the API', () => {
  it("is each server environment's token host (`tokenBaseUrl`), never the API's host", () => {
    const paths = `  /things:
    get: { operationId: things, responses: ${OK('{ type: object }')} }`;
    const { model } = imported(document(paths, '{}', 'https://auth.shop.io/oauth/token'));
    expect(model.auth.path).toBe('/oauth/token');
    expect(model.environments.map((e) => [e.id, e.baseUrl, e.tokenBaseUrl])).toEqual([
      ['production', 'https://api.shop.io', 'https://auth.shop.io'],
      ['local', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ]);
  });
});

describe('a path parameter inside a path segment (`/products/key={key}`)', () => {
  it('skips the operation with the reason: Postman fills a path variable only as a whole segment', () => {
    const paths = `  /products:
    get: { operationId: products, responses: ${OK('{ type: object }')} }
  /products/key={key}:
    get:
      operationId: productByKey
      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]
      responses: ${OK('{ type: object }')}`;
    const { report } = imported(document(paths));
    expect(report.kept.map((k) => k.id)).toEqual(['products']);
    expect(report.skipped).toEqual([
      {
        method: 'GET',
        path: '/products/key={key}',
        reason: 'has a path parameter inside a path segment (`key={key}`), which Postman fills only as a whole segment',
      },
    ]);
  });
});

describe('a list answer that requires more than its items and total', () => {
  const page = (required: string) =>
    `{ type: object, required: [${required}], properties: { limit: { type: integer }, offset: { type: integer }, count: { type: integer }, results: { type: array, items: { type: object, properties: { id: { type: string } } } } } }`;
  const paths = (required: string) => `  /products:
    get:
      operationId: products
      parameters: [{ name: offset, in: query, schema: { type: integer } }]
      responses: ${OK(page(required))}`;

  it('is left a plain GET, with a warning naming what a list answer would not hold', () => {
    const { model, report } = imported(document(paths('limit, offset, count, results')));
    expect(model.resources[0]!.endpoints[0]!.list).toBeUndefined();
    expect(report.warnings.join('\n')).toContain('products is left a plain GET, not a list: its answer requires `limit`, `offset`');
  });

  it('is still a list when it requires only its items and total', () => {
    const { model } = imported(document(paths('count, results')));
    expect(model.resources[0]!.endpoints[0]!.list).toMatchObject({ items: 'results', total: { in: 'body', field: 'count' } });
  });
});

describe('a `oneOf` of schemas that only a discriminator mapping on their base tells apart', () => {
  const schemas = `{
    Reference: { type: object, required: [typeId, id], properties: { typeId: { $ref: '#/components/schemas/TypeId' }, id: { type: string } },
      discriminator: { propertyName: typeId, mapping: { channel: '#/components/schemas/ChannelReference', product: '#/components/schemas/ProductReference' } } },
    TypeId: { type: string, enum: [channel, product] },
    ChannelReference: { allOf: [{ $ref: '#/components/schemas/Reference' }, { type: object, properties: { typeId: { $ref: '#/components/schemas/TypeId' } } }] },
    ProductReference: { allOf: [{ $ref: '#/components/schemas/Reference' }, { type: object, properties: { typeId: { $ref: '#/components/schemas/TypeId' } } }] } }`;
  const paths = `  /reviews:
    get: { operationId: review, responses: ${OK("{ type: object, properties: { target: { oneOf: [{ $ref: '#/components/schemas/ChannelReference' }, { $ref: '#/components/schemas/ProductReference' }] } } }")} }`;

  it('states each mapped value as a `const` on its schema, so the options differ', () => {
    const { model, report } = imported(document(paths, schemas));
    expect(model.schemas.ChannelReference).toMatchObject({ properties: { typeId: { const: 'channel' } } });
    expect(model.schemas.ProductReference).toMatchObject({ properties: { typeId: { const: 'product' } } });
    expect(report.schemaRewrites.map((r) => r.change)).toContain(
      "`typeId: channel` from the discriminator's mapping written as a `const` (draft-07 has no discriminator)",
    );
  });
});
