// Parameters as the format can now send them: boolean and array query parameters, vendor-spelled
// query names, and header parameters as request headers (a fixed value, or a variable that is a
// setting of the contract run). What it still cannot send is left out with a warning.
import { describe, expect, it } from 'vitest';
import { importText } from '../support/import-text.js';

function imported(text: string) {
  const { description, report, model } = importText(text);
  const endpoint = model.resources[0]!.endpoints[0]!;
  return { description, report, model, endpoint, query: (name: string) => endpoint.query.find((q) => q.name === name) };
}

/** An OpenAPI 3.0 document with one GET /things and these parameters (YAML flow objects, one a line). */
function openapi3(...parameters: string[]): string {
  return `openapi: 3.0.3
info: { title: Things, version: '1' }
servers: [{ url: 'https://api.things.test' }]
security: [{ cc: [] }]
paths:
  /things:
    get:
      operationId: listThings
      parameters:
${parameters.map((p) => `        - ${p}`).join('\n')}
      responses:
        '200': { description: OK, content: { application/json: { schema: { type: object } } } }
components:
  securitySchemes:
    cc: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://api.things.test/oauth/token', scopes: {} } } }
`;
}

function swagger2(...parameters: string[]): string {
  return `swagger: '2.0'
info: { title: Things, version: '1' }
host: api.things.test
schemes: [https]
security: [{ cc: [] }]
paths:
  /things:
    get:
      operationId: listThings
      parameters:
${parameters.map((p) => `        - ${p}`).join('\n')}
      responses:
        '200': { description: OK, schema: { type: object } }
securityDefinitions:
  cc: { type: oauth2, flow: application, tokenUrl: 'https://api.things.test/oauth/token', scopes: {} }
`;
}

describe('boolean query parameters', () => {
  it('are `boolean`, sent true/false, with their default and example as booleans', () => {
    const { query } = imported(
      openapi3(
        '{ name: total_required, in: query, schema: { type: boolean, default: false } }',
        '{ name: archived, in: query, required: true, schema: { type: boolean }, example: true }',
      ),
    );
    expect(query('total_required')).toMatchObject({ type: 'boolean', default: false });
    expect(query('total_required')!.enum).toBeUndefined();
    expect(query('archived')).toMatchObject({ type: 'boolean', required: true, example: true });
  });
});

describe('array query parameters', () => {
  it('form style exploded (the default) is `repeated`, not exploded is `comma`; items keep their enum and the example its list', () => {
    const { query } = imported(
      openapi3(
        '{ name: roles, in: query, schema: { type: array, items: { type: string } }, example: [role_admin, role_owner] }',
        '{ name: fields, in: query, style: form, explode: false, schema: { type: array, items: { type: string, enum: [id, name, status] } } }',
      ),
    );
    expect(query('roles')).toMatchObject({ type: 'array', style: 'repeated', example: ['role_admin', 'role_owner'] });
    expect(query('fields')).toMatchObject({ type: 'array', style: 'comma', enum: ['id', 'name', 'status'] });
  });

  it('Swagger 2.0: `collectionFormat: multi` is `repeated`, `csv` (the default) is `comma`', () => {
    const { query } = imported(
      swagger2(
        '{ name: tag, in: query, type: array, items: { type: string }, collectionFormat: multi }',
        '{ name: ids, in: query, type: array, items: { type: string } }',
      ),
    );
    expect(query('tag')).toMatchObject({ type: 'array', style: 'repeated' });
    expect(query('ids')).toMatchObject({ type: 'array', style: 'comma' });
  });

  it('a style the format cannot send is left out with a warning, or skips the operation when required', () => {
    const optional = imported(
      openapi3(
        '{ name: ids, in: query, style: pipeDelimited, schema: { type: array, items: { type: string } } }',
        '{ name: limit, in: query, schema: { type: integer } }',
      ),
    );
    expect(optional.query('ids')).toBeUndefined();
    expect(optional.report.warnings).toContain(
      'GET /things: optional query parameter `ids` left out: it is an array sent in style `pipeDelimited`, which the format cannot send yet',
    );
    const required = openapi3(
      '{ name: ids, in: query, required: true, style: deepObject, schema: { type: array, items: { type: string } } }',
      '{ name: limit, in: query, schema: { type: integer } }',
    );
    expect(() => imported(required)).toThrow(/its required query parameter `ids` is an array sent in style `deepObject`/);
  });
});

describe('vendor-spelled query names', () => {
  it('are kept as the document spells them: `$top`, `page[size]`, `statuses[]`, `for-subadmin`', () => {
    const { endpoint, report } = imported(
      openapi3(
        '{ name: $top, in: query, schema: { type: integer, minimum: 1 } }',
        "{ name: 'page[size]', in: query, schema: { type: integer } }",
        "{ name: 'statuses[]', in: query, schema: { type: array, items: { type: string, enum: [SUCCESSFUL, FAILED] } } }",
        '{ name: for-subadmin, in: query, schema: { type: string } }',
      ),
    );
    expect(endpoint.query.map((q) => q.name)).toEqual(['$top', 'page[size]', 'statuses[]', 'for-subadmin']);
    expect(report.warnings).toEqual([]);
  });
});

describe('header parameters', () => {
  const doc = openapi3(
    '{ name: X-Api-Version, in: header, required: true, schema: { type: string, enum: ["2"] } }',
    '{ name: X-EBAY-C-MARKETPLACE-ID, in: header, required: true, schema: { type: string }, example: EBAY_US }',
    '{ name: Accept-Language, in: header, schema: { type: string } }',
    '{ name: Authorization, in: header, required: true, schema: { type: string } }',
  );

  it('a required one is sent: its one allowed value as written, else from a variable whose local value is the example', () => {
    const { endpoint, model, report } = imported(doc);
    expect(endpoint.headers).toEqual({ 'X-Api-Version': '2', 'X-EBAY-C-MARKETPLACE-ID': '{xEbayCMarketplaceId}' });
    expect(model.environments.find((e) => e.id === 'local')!.values).toMatchObject({ xEbayCMarketplaceId: 'EBAY_US' });
    expect(model.unknowns.join('\n')).toContain('The header variable `{xEbayCMarketplaceId}` has a value only on the local reference server');
    expect(model.unknowns.join('\n')).toContain('(<PREFIX>_X_EBAY_CMARKETPLACE_ID)');
    expect(report.guesses.filter((g) => /header/.test(g))).toEqual([]);
  });

  it('an optional one, and `Authorization` (the token goes there), are left out with a warning', () => {
    const { report } = imported(doc);
    expect(report.warnings).toEqual([
      'GET /things: optional header `Accept-Language` left out: it is optional, and sending it would change what is asked',
      'GET /things: header `Authorization` left out: it carries the access token, which every client sends',
    ]);
  });

  it('a required one with no example is a variable with a marked guess for its local value', () => {
    const { endpoint, model, report } = imported(openapi3('{ name: X-Tenant, in: header, required: true, schema: { type: string } }'));
    expect(endpoint.headers).toEqual({ 'X-Tenant': '{xTenant}' });
    expect(model.environments.find((e) => e.id === 'local')!.values).toMatchObject({ xTenant: 'demo' });
    expect(report.guesses).toContain(
      'GET /things: required header `X-Tenant` has no example; it is sent from the variable `{xTenant}`, `demo` on the local server',
    );
  });
});
