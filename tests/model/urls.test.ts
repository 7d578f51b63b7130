import { describe, expect, it } from 'vitest';
import { endpointPath, fillTemplate, mustache, resourcePathValue, templateNames, tokenPath, tokenPathPrefix, tokenPathVariables } from '../../model/urls.js';
import { endpoint, fixtureModel, modelWith, sitesResource } from '../support/model.js';

describe('path templates', () => {
  it('names the parameters of a template in order, and fills each', () => {
    expect(templateNames('/tenants/{tenantId}/regions/{region}/token')).toEqual(['tenantId', 'region']);
    expect(templateNames('/oauth2/token')).toEqual([]);
    expect(fillTemplate('/a/{x}/b/{y}', (name) => `:${name}`)).toBe('/a/:x/b/:y');
  });

  it("writes an endpoint path with the resource base as a variable and each tool's path parameters", () => {
    const sites = sitesResource();
    const getSite = sites.endpoints[1]!;
    expect(endpointPath(sites, getSite, mustache, (name) => `:${name}`)).toBe('/{{sitesPath}}/:siteId');
    expect(
      endpointPath(
        sites,
        endpoint({ id: 'list', name: 'List' }),
        (name) => `<${name}>`,
        () => '',
      ),
    ).toBe('/<sitesPath>');
    expect(resourcePathValue('/v1/sites')).toBe('v1/sites');
  });
});

describe('the token path', () => {
  it('fills its variables for a tool, and tells a token request by the part before the first', () => {
    const model = fixtureModel();
    expect(tokenPath(model, mustache)).toBe('/token/{{organization}}');
    expect(tokenPathPrefix(model)).toBe('/token/');
    expect(tokenPathPrefix(modelWith((m) => void (m.auth.path = '/oauth2/token')))).toBe('/oauth2/token');
  });

  it('lists each variable once, the client id not among them', () => {
    expect(tokenPathVariables('/t/{tenant}/{clientId}/{tenant}/{region}')).toEqual(['tenant', 'region']);
  });
});
