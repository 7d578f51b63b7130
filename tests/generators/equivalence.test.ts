// The one equivalence test: every output, parsed back from its generated text, carries the same
// requests (method, production path, parameters) and the same auth settings as the model says.
// Each extractor under ./equivalence/ resolves its tool's variable syntax against the environment
// values found in that same output, so a wrong variable, path or setting in any file shows here.
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../generators/index.js';
import type { ApiModel, Parameter } from '../../model/model.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { endpoint, modelWith, fixtureModel, withSites } from '../support/model.js';
import { extractBruno } from './equivalence/bruno.js';
import { expectedForm, locator, type CanonicalEndpoint, type Extractor } from './equivalence/canonical.js';
import { extractInsomniaV4, extractInsomniaV5 } from './equivalence/insomnia.js';
import { extractOpenapi } from './equivalence/openapi.js';
import { extractPostman } from './equivalence/postman.js';

interface Format {
  /** Key in GENERATORS. */
  name: string;
  extract: Extractor;
  /** Whether the output carries a raw token request . */
  tokenRequest: boolean;
}

const FORMATS: Format[] = [
  { name: 'postman', extract: extractPostman, tokenRequest: true },
  { name: 'insomnia-v4', extract: extractInsomniaV4, tokenRequest: true },
  { name: 'insomnia-v5', extract: extractInsomniaV5, tokenRequest: true },
  { name: 'bruno', extract: extractBruno, tokenRequest: true },
  { name: 'openapi', extract: extractOpenapi, tokenRequest: true },
];

/** The canonical form one output carries for `model`, read from its generated files. */
function extracted(format: Format, model: ApiModel, envId = 'production') {
  const generate = GENERATORS[format.name];
  if (!generate) throw new Error(`no generator ${format.name}`);
  return format.extract(generate(model, DEFAULT_CTX), locator(model, envId));
}

function expected(format: Format, model: ApiModel, envId = 'production') {
  return expectedForm(model, { tokenRequest: format.tokenRequest, envId });
}

const param = (name: string, extra: Partial<Parameter> = {}): Parameter => ({ name, type: 'string', required: false, description: `${name}.`, ...extra });

/** The fixture model plus a device sub-resource endpoint and a resource that lives elsewhere on staging. */
const extendedModel = modelWith((model) => {
  const devices = model.resources.find((r) => r.id === 'devices')!;
  devices.endpoints.push(
    endpoint({
      id: 'listDeviceAlerts',
      name: 'Get Device Alerts',
      path: '/{id}/alerts',
      pathParams: [param('id', { required: true, example: '{{deviceId}}' })],
      query: [param('severity', { enum: ['low', 'high'] }), param('since')],
      requires: ['deviceId'],
    }),
  );
  withSites(model, { staging: '/v1/assets/sites' });
});

const ADDED: CanonicalEndpoint[] = [
  { method: 'GET', path: '/v1/devices/{id}/alerts', query: ['severity', 'since'], pathParams: ['id'], auth: 'oauth2' },
  { method: 'GET', path: '/v1/sites', query: ['region'], pathParams: [], auth: 'oauth2' },
  { method: 'GET', path: '/v1/sites/{siteId}', query: [], pathParams: ['siteId'], auth: 'oauth2' },
];

const OTHER_TOKEN_PATH = '/oauth/{organization}/token';
const otherTokenModel = modelWith((model) => {
  model.auth.path = OTHER_TOKEN_PATH;
});

describe('equivalence of every output', () => {
  it('covers every registered generator', () => {
    expect(FORMATS.map((f) => f.name).sort()).toEqual(Object.keys(GENERATORS).sort());
  });

  it('builds the expected form from the fixture model', () => {
    const form = expectedForm(fixtureModel(), { tokenRequest: true });
    expect(form.auth).toEqual({
      grant: 'client_credentials',
      tokenPath: '/token/{organization}',
      clientAuthentication: 'basic',
      tokenPlacement: 'header',
      tokenPrefix: 'Bearer',
    });
    expect(form.tokenRequest).toEqual({ method: 'POST', path: '/token/{organization}' });
    expect(form.endpoints.map(({ method, path, pathParams }) => ({ method, path, pathParams }))).toEqual([
      { method: 'GET', path: '/v1/devices', pathParams: [] },
      { method: 'GET', path: '/v1/devices/{id}', pathParams: ['id'] },
    ]);
    expect(form.endpoints[0]!.query).toHaveLength(18);
    expect(form.endpoints[0]!.query).toEqual(expect.arrayContaining(['limit', 'offset', 'status', 'probe.agent', 'availableTask.hardenDevice']));
  });

  describe('(a) the fixture model', () => {
    const model = fixtureModel();
    it.each(FORMATS)('$name carries the same requests and auth as the model', (format) => {
      expect(extracted(format, model)).toEqual(expected(format, model));
    });
    it.each(FORMATS)('$name carries the staging paths on staging', (format) => {
      expect(extracted(format, model, 'staging').endpoints).toEqual(expected(format, model, 'staging').endpoints);
      expect(extracted(format, model, 'staging').endpoints.map((e) => e.path)).toEqual(['/v1/assets/devices', '/v1/assets/devices/{id}']);
    });
  });

  describe('(b) an endpoint and a resource added to the spec', () => {
    it.each(FORMATS)('$name carries the added requests', (format) => {
      const form = extracted(format, extendedModel);
      expect(form).toEqual(expected(format, extendedModel));
      for (const added of ADDED) expect(form.endpoints).toContainEqual(added);
    });
    it.each(FORMATS)('$name serves the added resource from its own staging path', (format) => {
      const paths = extracted(format, extendedModel, 'staging').endpoints.map((e) => e.path);
      expect(extracted(format, extendedModel, 'staging').endpoints).toEqual(expected(format, extendedModel, 'staging').endpoints);
      expect(paths).toEqual(expect.arrayContaining(['/v1/assets/sites', '/v1/assets/sites/{siteId}', '/v1/assets/devices/{id}/alerts']));
    });
  });

  describe('(c) a different token path', () => {
    it.each(FORMATS)('$name moves its token URL (and token request) to the new path', (format) => {
      const form = extracted(format, otherTokenModel);
      expect(form).toEqual(expected(format, otherTokenModel));
      expect(form.auth.tokenPath).toBe(OTHER_TOKEN_PATH);
      if (format.tokenRequest) expect(form.tokenRequest).toEqual({ method: 'POST', path: OTHER_TOKEN_PATH });
    });
  });
});
