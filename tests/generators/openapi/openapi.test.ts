// The OpenAPI 3.1 document, validated by swagger-parser and converted by openapi-to-postmanv2.
import SwaggerParser from '@apidevtools/swagger-parser';
import Converter from 'openapi-to-postmanv2';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSpec } from '../../../loader/index.js';
import { DEMO } from '../../../server/index.js';
import { modelWith, FIXTURE_AND_WITH_SITES, fixtureModel } from '../../support/model.js';
import { generateDoc, generateText, type Doc } from './helpers.js';

const devices = (doc: Doc) => doc.paths['/devices'].get;
const device = (doc: Doc) => doc.paths['/devices/{id}'].get;
const param = (operation: Doc, name: string) => operation.parameters.find((p: Doc) => p.name === name);

function convert(data: string): Promise<Doc> {
  return new Promise((resolve, reject) => {
    Converter.convert({ type: 'string', data }, {}, (error, result) => {
      if (error) reject(error);
      else if (!result?.result || !result.output) reject(new Error(`conversion failed: ${result?.reason}`));
      else resolve(result.output[0]!.data);
    });
  });
}

describe('openapi document', () => {
  it('is a valid OpenAPI 3.1 document to swagger-parser', async () => {
    const api = (await SwaggerParser.validate(generateDoc())) as Doc;
    expect(api.openapi).toBe('3.1.0');
  });

  it('is byte-identical across generations', () => {
    expect(generateText(fixtureModel())).toBe(generateText(fixtureModel()));
  });

  it('describes the API', () => {
    const { info, externalDocs } = generateDoc();
    expect(info).toMatchObject({ title: 'SecuriThings API', version: 'v1' });
    expect(info.description).toContain('/v1/assets/devices');
    expect(info['x-unknowns']).toEqual(fixtureModel().unknowns);
    expect(externalDocs).toEqual({ url: 'https://developer.securithings.com' });
  });

  it('quotes strings a YAML 1.1 reader would turn into dates', () => {
    expect(generateText()).toContain('lastSeen: "2024-12-31T23:59:59Z"');
    expect(devices(generateDoc()).responses['200'].content['application/json'].examples['a-page-of-devices'].value.devices[0].lastSeen).toBe(
      '2024-12-31T23:59:59Z',
    );
  });

  it('never holds a secret value', () => {
    expect(generateText()).not.toContain(DEMO.clientSecret);
  });
});

describe('servers', () => {
  it('lists one server per environment, its id, moved resource paths and public values stated in `x-environment`', () => {
    expect(generateDoc().servers).toEqual([
      { url: 'https://api.securithings.com', description: 'SecuriThings Production', 'x-environment': { id: 'production' } },
      {
        url: 'https://api.staging.securithings.com',
        description: 'SecuriThings Staging',
        'x-environment': { id: 'staging', resourcePaths: { devices: '/v1/assets/devices' } },
      },
      {
        url: 'http://127.0.0.1:4010',
        description: 'SecuriThings Local reference server',
        'x-environment': { id: 'local', values: { organization: 'demo', clientId: 'demo-client' } },
      },
    ]);
  });

  it.each(['/devices', '/devices/{id}'])('gives %s its own servers, so staging reaches /v1/assets/devices', (path) => {
    const doc = generateDoc();
    const urls = doc.paths[path].servers.map((s: Doc) => `${s.url}${path}`);
    expect(urls).toEqual([
      `https://api.securithings.com/v1${path}`,
      `https://api.staging.securithings.com/v1/assets${path}`,
      `http://127.0.0.1:4010/v1${path}`,
    ]);
  });

  it('keeps a resource that every environment serves at one path under its full path', () => {
    const doc = generateDoc(
      modelWith((model) => {
        for (const env of model.environments) env.resourcePaths['devices'] = model.resources[0]!.basePath;
      }),
    );
    expect(Object.keys(doc.paths)).toEqual(['/token/{organization}', '/v1/devices', '/v1/devices/{id}']);
    expect(doc.paths['/v1/devices'].servers).toBeUndefined();
  });
});

describe('operations', () => {
  it('has the documented operations', () => {
    const doc = generateDoc();
    expect(Object.keys(doc.paths)).toEqual(['/token/{organization}', '/devices', '/devices/{id}']);
    expect([devices(doc).operationId, device(doc).operationId]).toEqual(['listDevices', 'getDevice']);
  });

  it('lists every documented query parameter, none required', () => {
    const model = fixtureModel();
    const params = devices(generateDoc()).parameters;
    expect(params.map((p: Doc) => p.name)).toEqual(model.resources[0]!.endpoints[0]!.query.map((p) => p.name));
    expect(params.every((p: Doc) => p.in === 'query' && p.required === false)).toBe(true);
  });

  it.each([
    ['limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }],
    ['offset', { type: 'integer', minimum: 0, default: 0 }],
    ['status', { type: 'string', enum: ['online', 'offline', 'partial', 'unknown'] }],
    ['lifeCycleStatus', { type: 'string', enum: ['unknown', 'current_product', 'eol', 'eos'] }],
    ['isFirmwareVulnerable', { type: 'integer', enum: [0, 1] }],
    ['probe.agent', { type: 'string', enum: ['up', 'down', 'unknown', 'unmonitored'] }],
    ['availableTask.hardenDevice', { type: 'integer', enum: [0, 1] }],
  ])('types %s', (name, schema) => {
    expect(param(devices(generateDoc()), name).schema).toEqual(schema);
  });

  it("declares the id path parameter with the example's id, not the tool variable", () => {
    const id = param(device(generateDoc()), 'id');
    expect(id).toMatchObject({ in: 'path', required: true, schema: { type: 'string' }, example: 'dev-0001' });
  });

  it('gives every path parameter an example', () => {
    const doc = generateDoc();
    const operations = Object.values(doc.paths).flatMap((item: Doc) => ['get', 'post', 'put', 'patch', 'delete'].flatMap((m) => (item[m] ? [item[m]] : [])));
    const pathParams = operations.flatMap((op: Doc) => op.parameters.filter((p: Doc) => p.in === 'path' && p.name !== 'organization'));
    expect(pathParams.length).toBeGreaterThan(0);
    for (const p of pathParams) expect(p.example, p.name).toBeDefined();
  });

  it("takes a query example from the endpoint's examples, typed as the parameter", () => {
    const withFlagExample = modelWith((model) => {
      model.resources[0]!.endpoints[0]!.examples[0]!.query = { isFirmwareLatest: '1', limit: '1' };
    });
    const list = devices(generateDoc(withFlagExample));
    expect(param(list, 'isFirmwareLatest').example).toBe(1);
    expect(param(list, 'limit').example).toBe(100); // its own example wins
    expect(param(list, 'status').example).toBe('partial');
  });

  it('references the response schemas and carries the examples', () => {
    const doc = generateDoc();
    const list = devices(doc).responses['200'].content['application/json'];
    expect(list.schema).toEqual({ $ref: '#/components/schemas/DeviceList' });
    expect(Object.keys(list.examples)).toEqual(['a-page-of-devices', 'no-device-matches-the-filters']);
    expect(list.examples['no-device-matches-the-filters'].value).toEqual({ devices: [], total: 0 });
    expect(device(doc).responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Device' });
    expect(Object.keys(device(doc).responses)).toEqual(['200', '401', '404', '429']);
  });

  it('documents 401 with a JSON body of undocumented fields on every secured operation', () => {
    const doc = generateDoc();
    for (const operation of [devices(doc), device(doc)]) expect(operation.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    const unauthorized = doc.components.responses.Unauthorized;
    expect(unauthorized.description).toMatch(/RFC 6750/);
    expect(unauthorized.content['application/json'].schema).toEqual({ description: expect.stringMatching(/does not document/) });
    expect(doc.paths['/token/{organization}'].post.responses['401'].content['application/json'].schema).toEqual(
      unauthorized.content['application/json'].schema,
    );
  });

  it.each(FIXTURE_AND_WITH_SITES)('documents 401 on every operation of %s', (_label, make) => {
    const doc = generateDoc(make());
    const operations = Object.values(doc.paths).flatMap((item: Doc) => Object.values(item).filter((op: Doc) => op?.responses));
    expect(operations.length).toBe(make().resources.flatMap((r) => r.endpoints).length + 1); // and the token endpoint
    for (const op of operations as Doc[]) expect(op.responses['401'], op.operationId).toBeDefined();
  });

  it('keeps a 401 the endpoint documents itself', () => {
    const doc = generateDoc(
      modelWith((model) => {
        model.resources[0]!.endpoints[1]!.responses.push({ status: 401, description: 'Documented refusal.' });
      }),
    );
    expect(device(doc).responses['401']).toEqual({ description: 'Documented refusal.' });
  });

  it("documents the reference server's 400 for bad query values, marked as not from the public docs", () => {
    const doc = generateDoc();
    expect(devices(doc).responses['400']).toEqual({ $ref: '#/components/responses/ReferenceServerBadRequest' });
    expect(device(doc).responses['400']).toBeUndefined(); // no query parameters, nothing to refuse
    const badRequest = doc.components.responses.ReferenceServerBadRequest;
    expect(badRequest['x-reference-server-only']).toBe(true);
    expect(badRequest.description).toMatch(/public docs do not document/);
    expect(badRequest.description).toContain('2147483647');
  });

  it('lists only the shared responses some operation uses', () => {
    const doc = generateDoc(
      modelWith((model) => {
        model.resources[0]!.endpoints = model.resources[0]!.endpoints.filter((e) => e.query.length === 0);
      }),
    );
    expect(Object.keys(doc.components.responses)).toEqual(['Unauthorized']);
  });

  it('states the rate limits', () => {
    const doc = generateDoc();
    expect(devices(doc)['x-rate-limit']).toEqual({ requests: 1, perSeconds: 1, per: ['ip', 'user'] });
    expect(doc.paths['/token/{organization}'].post['x-rate-limit']).toEqual({ requests: 5, perSeconds: 60, per: ['ip'] });
  });

  it('documents the token endpoint with HTTP Basic and the TokenResponse schema', () => {
    const token = generateDoc().paths['/token/{organization}'].post;
    expect(token.security).toEqual([{ clientBasic: [] }]);
    expect(token.parameters).toEqual([expect.objectContaining({ name: 'organization', in: 'path', required: true })]);
    expect(token.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TokenResponse' });
  });
});

describe('security', () => {
  it('requires the oauth2 scheme everywhere', () => {
    expect(generateDoc().security).toEqual([{ oauth2: [] }]);
  });

  it('uses client credentials at the production token URL, a real URI with the placeholder percent-encoded', () => {
    const scheme = generateDoc().components.securitySchemes.oauth2;
    expect(scheme.type).toBe('oauth2');
    expect(scheme.flows).toEqual({ clientCredentials: { tokenUrl: 'https://api.securithings.com/token/%7Borganization%7D', scopes: {} } });
    expect(new URL(scheme.flows.clientCredentials.tokenUrl).pathname).toBe('/token/%7Borganization%7D');
  });

  it('carries the token URL template in an extension and in the description', () => {
    const scheme = generateDoc().components.securitySchemes.oauth2;
    expect(scheme['x-token-url-template']).toBe('https://api.securithings.com/token/{organization}');
    expect(scheme['x-token-url-variables']).toEqual({ organization: { description: expect.stringContaining('organization') } });
    expect(scheme.description).toContain('`https://api.securithings.com/token/{organization}`');
  });

  it('encodes every character a URI cannot hold, and keeps a token path without variables as it is', () => {
    const scheme = (path: string) => generateDoc(modelWith((model) => void (model.auth.path = path))).components.securitySchemes.oauth2;
    expect(scheme('/oauth/token').flows.clientCredentials.tokenUrl).toBe('https://api.securithings.com/oauth/token');
    expect(scheme('/oauth/token').description).not.toContain('x-token-url-template');
    expect(scheme('/t/{tenant}/"a b"%20').flows.clientCredentials.tokenUrl).toBe('https://api.securithings.com/t/%7Btenant%7D/%22a%20b%22%20');
  });

  it.each([
    ['x-client-authentication', 'client_secret_basic'],
    ['x-token-path', '/token/{organization}'],
    ['x-token-lifetime-seconds', 3600],
    ['x-refresh-token', false],
    ['x-rate-limit', { requests: 5, perSeconds: 60, per: ['ip'] }],
  ])('states %s', (key, value) => {
    expect(generateDoc().components.securitySchemes.oauth2[key]).toEqual(value);
  });
});

describe('a token host of its own per environment (examples/tenant-graph.yaml)', () => {
  const file = 'examples/tenant-graph.yaml';
  const doc = () => generateDoc(loadSpec(readFileSync(file), file));

  it("states each environment's token host on the token endpoint's servers, its host variables as server variables", () => {
    expect(doc().paths['/oauth2/token'].servers).toEqual([
      { url: 'https://{tenant}.login.example', description: expect.any(String), variables: { tenant: { default: 'tenant', description: 'Your tenant.' } } },
      { url: 'http://127.0.0.1:4010', description: expect.any(String) },
    ]);
  });

  it('writes tokenUrl for the first environment, on its token host, and the token host of each environment in `x-environment`', () => {
    const d = doc();
    expect(d.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe('https://%7Btenant%7D.login.example/oauth2/token');
    expect(d.servers.map((s: Doc) => s['x-environment'].tokenBaseUrl)).toEqual(['https://{tenant}.login.example', undefined]);
  });

  it('keeps the token endpoint below the API servers when every token host is the API host', () => {
    expect(generateDoc().paths['/token/{organization}'].servers).toBeUndefined();
  });
});

describe('openapi-to-postmanv2', () => {
  it('converts the document without errors into a collection holding both requests', async () => {
    const collection = await convert(generateText());
    const requests: Doc[] = [];
    const walk = (items: Doc[]) => items.forEach((item) => (item.item ? walk(item.item) : requests.push(item)));
    walk(collection.item);
    const byName = new Map(requests.map((r) => [r.name, r.request]));
    expect(byName.get('Get Devices')).toMatchObject({ method: 'GET', url: { path: ['devices'] } });
    expect(byName.get('Get Device By ID')).toMatchObject({ method: 'GET', url: { path: ['devices', ':id'] } });
    expect(collection.auth).toMatchObject({ type: 'oauth2' });
  });
});
