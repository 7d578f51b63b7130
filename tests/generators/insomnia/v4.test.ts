// The v4 export, read back through the real `insomnia-importers` package and walked the way
// Insomnia resolves parents and authentication.
import { convert } from 'insomnia-importers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiModel } from '../../../model/model.js';
import { EXPORT_DATE, insomniaV4 } from '../../../generators/insomnia/v4.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { CONTRACT_FOLDER } from '../../../generators/insomnia/contract.js';
import { modelWith, fixtureModel, FIXTURE_AND_WITH_SITES, withSites } from '../../support/model.js';
import { allEndpoints, expectedUrl, render, resolveAuth, type Auth } from './helpers.js';

type Resource = { _id: string; _type: string; parentId: string | null; name: string; authentication?: Auth } & Record<string, unknown>;

function generate(model: ApiModel = fixtureModel()): string {
  const files = insomniaV4(model, DEFAULT_CTX);
  expect(files.map((f) => f.path)).toEqual([`${model.info.id}.insomnia.json`]);
  return files[0]!.content;
}

async function imported(model: ApiModel = fixtureModel()) {
  const result = await convert(generate(model));
  const resources = result.data.resources as unknown as Resource[];
  const byId = new Map(resources.map((r) => [r._id, r]));
  const chainOf = (r: Resource): Resource[] => (r.parentId && byId.has(r.parentId) ? [r, ...chainOf(byId.get(r.parentId)!)] : [r]);
  const ofType = (type: string) => resources.filter((r) => r._type === type);
  const workspace = ofType('workspace')[0]!;
  const root = ofType('request_group').find((g) => g.parentId === workspace._id)!;
  const token = ofType('request').find((r) => r.name === 'Get access token')!;
  const contract = ofType('request_group').find((g) => g.name === CONTRACT_FOLDER);
  const endpointRequests = ofType('request').filter((r) => r !== token && r.parentId !== contract?._id);
  return { result, resources, byId, chainOf, ofType, workspace, root, token, endpointRequests };
}

describe.each(FIXTURE_AND_WITH_SITES)('insomnia v4 export of %s', (_, makeModel) => {
  it('is detected by insomnia-importers as an Insomnia v4 export', async () => {
    const { result } = await imported(makeModel());
    expect(result.type.id).toBe('insomnia-4');
  });

  it('has the export header, without a clock', () => {
    const file = JSON.parse(generate(makeModel()));
    expect(file).toMatchObject({ _type: 'export', __export_format: 4, __export_date: EXPORT_DATE, __export_source: 'securithings-kit:v0.0.0-test' });
  });

  it('resolves every parentId within the file and gives every resource a unique, well-prefixed id', async () => {
    const { resources, byId } = await imported(makeModel());
    const prefix: Record<string, string> = { workspace: 'wrk_', environment: 'env_', cookie_jar: 'jar_', request_group: 'fld_', request: 'req_' };
    expect(new Set(resources.map((r) => r._id)).size).toBe(resources.length);
    for (const r of resources) {
      expect(r._id.startsWith(prefix[r._type]!), `${r._type} ${r._id}`).toBe(true);
      if (r._type === 'workspace') expect(r.parentId).toBeNull();
      else expect(byId.has(r.parentId!), `parent of ${r.name}`).toBe(true);
    }
  });

  it('puts the oauth2 client-credentials block, credentials in a Basic header, on the root folder', async () => {
    const { root, workspace } = await imported(makeModel());
    expect(workspace).toMatchObject({ scope: 'collection' });
    expect(root.name).toBe(workspace.name);
    expect(root.authentication).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      accessTokenUrl: '{{ _.baseUrl }}/token/{{ _.organization }}',
      clientId: '{{ _.clientId }}',
      clientSecret: '{{ _.clientSecret }}',
      credentialsInBody: false,
      scope: '',
      audience: '',
      resource: '',
      tokenPrefix: 'Bearer',
      disabled: false,
    });
  });

  it('makes every endpoint request inherit the root folder oauth2 block', async () => {
    const { root, endpointRequests, chainOf } = await imported(makeModel());
    expect(endpointRequests.length).toBeGreaterThan(0);
    for (const request of endpointRequests) {
      expect(request.authentication, request.name).toEqual({});
      expect(resolveAuth(chainOf(request)), request.name).toBe(root.authentication);
    }
  });

  it('sends the raw token call with HTTP Basic', async () => {
    const { token, chainOf } = await imported(makeModel());
    expect(token).toMatchObject({ method: 'POST', url: '{{ _.baseUrl }}/token/{{ _.organization }}' });
    expect(resolveAuth(chainOf(token))).toEqual({
      type: 'basic',
      useISO88591: false,
      username: '{{ _.clientId }}',
      password: '{{ _.clientSecret }}',
      disabled: false,
    });
  });

  it('has one request per endpoint, in a folder per resource, with every documented query parameter', async () => {
    const model = makeModel();
    const { endpointRequests, byId } = await imported(model);
    expect(endpointRequests).toHaveLength(allEndpoints(model).length);
    for (const { resource, endpoint } of allEndpoints(model)) {
      const request = endpointRequests.find((r) => r.name === endpoint.name)!;
      expect(request, endpoint.id).toBeDefined();
      expect(request.method).toBe(endpoint.method);
      expect(byId.get(request.parentId!)!.name).toBe(resource.name);
      expect(request.headers).toContainEqual({ name: 'Accept', value: 'application/json' });
      const params = request.parameters as { name: string; disabled: boolean }[];
      expect(params.map((p) => p.name)).toEqual(endpoint.query.map((q) => q.name));
      expect(params.map((p) => p.disabled)).toEqual(endpoint.query.map((q) => !q.required));
    }
  });

  it('gives every sub-environment its base URL, resource paths and an empty client secret', async () => {
    const model = makeModel();
    const { ofType, workspace } = await imported(model);
    const [base, ...subs] = ofType('environment') as (Resource & { data: Record<string, string> })[];
    expect(base!.parentId).toBe(workspace._id);
    expect(subs.map((s) => s.name)).toEqual(model.environments.map((e) => e.name));
    for (const [i, env] of model.environments.entries()) {
      const sub = subs[i]!;
      expect(sub.parentId).toBe(base!._id);
      expect(sub.data).toMatchObject({ baseUrl: env.baseUrl, organization: env.values.organization, clientId: env.values.clientId, clientSecret: '' });
    }
  });

  it('renders every request URL to the documented URL on every environment', async () => {
    const model = makeModel();
    const { ofType, endpointRequests } = await imported(model);
    const [base, ...subs] = ofType('environment') as unknown as { data: Record<string, string> }[];
    for (const [i, env] of model.environments.entries()) {
      for (const { resource, endpoint } of allEndpoints(model)) {
        const values = Object.fromEntries(endpoint.pathParams.map((p) => [p.name, `<${p.name}>`]));
        const data = { ...base!.data, ...subs[i]!.data, deviceId: '<id>', siteId: '<siteId>' };
        const url = endpointRequests.find((r) => r.name === endpoint.name)!.url as string;
        expect(render(url, data), `${endpoint.id} on ${env.id}`).toBe(expectedUrl(env, resource, endpoint, values));
      }
    }
  });

  it('has a cookie jar in the workspace', async () => {
    const { ofType, workspace } = await imported(makeModel());
    expect(ofType('cookie_jar')).toEqual([expect.objectContaining({ parentId: workspace._id, cookies: [] })]);
  });
});

describe('insomnia v4 export content', () => {
  const urls: [string, string][] = [
    ['Get Devices', '{{ _.baseUrl }}/{{ _.devicesPath }}'],
    ['Get Device By ID', '{{ _.baseUrl }}/{{ _.devicesPath }}/{{ _.deviceId }}'],
    ['Get Sites', '{{ _.baseUrl }}/{{ _.sitesPath }}'],
    ['Get Site', '{{ _.baseUrl }}/{{ _.sitesPath }}/{{ _.siteId }}'],
  ];
  it.each(urls)('%s has the URL %s', async (name, url) => {
    const { endpointRequests } = await imported(modelWith(withSites));
    expect(endpointRequests.find((r) => r.name === name)?.url).toBe(url);
  });

  it('declares each path-parameter variable in the base environment', async () => {
    const { ofType } = await imported(modelWith(withSites));
    expect(ofType('environment')[0]!.data).toEqual({ devicesPath: 'v1/devices', sitesPath: 'v1/sites', deviceId: '', siteId: '' });
  });

  const environments: [string, string, string][] = [
    ['production', 'https://api.securithings.com', '/v1/devices'],
    ['staging', 'https://api.staging.securithings.com', '/v1/assets/devices'],
    ['local', 'http://127.0.0.1:4010', '/v1/devices'],
  ];
  it.each(environments)('the %s environment sends Get Devices to %s%s', async (id, baseUrl, devicesPath) => {
    const model = fixtureModel();
    const { ofType, endpointRequests } = await imported(model);
    const name = model.environments.find((e) => e.id === id)!.name;
    const [base] = ofType('environment') as unknown as { data: Record<string, string> }[];
    const env = ofType('environment').find((e) => e.name === name) as unknown as { data: Record<string, string> };
    const url = endpointRequests.find((r) => r.name === 'Get Devices')!.url as string;
    expect(render(url, { ...base!.data, ...env.data })).toBe(`${baseUrl}${devicesPath}`);
  });

  it.each([
    ['limit', { value: '100', disabled: true }, /1 to 1000\. Default 100\./],
    ['status', { value: 'online', disabled: true }, /One of: online, offline, partial, unknown\./],
    ['isFirmwareLatest', { value: '1', disabled: true }, /1 = yes, 0 = no\./],
    ['probe.agent', { value: 'up', disabled: true }, /One of: up, down, unknown, unmonitored\./],
  ])('Get Devices documents the %s parameter', async (name, want, description) => {
    const { endpointRequests } = await imported();
    const params = endpointRequests.find((r) => r.name === 'Get Devices')!.parameters as { name: string; description: string }[];
    const param = params.find((p) => p.name === name)!;
    expect(param).toMatchObject(want);
    expect(param.description).toMatch(description);
  });

  it('explains auth and rate limits in markdown on the workspace, folders and requests', async () => {
    const { workspace, root, endpointRequests, ofType } = await imported();
    expect(workspace.description).toContain('OAuth 2.0 client credentials');
    expect(root.description).toMatch(/## Authentication[\s\S]*## Rate limits[\s\S]*5 requests per minute per IP/);
    expect(ofType('request_group').find((g) => g.name === 'Devices')!.description).toContain('1 request per second per IP and per user');
    for (const r of endpointRequests)
      expect(r.description, r.name).toMatch(/\*\*Authentication:\*\* inherited[\s\S]*\*\*Rate limit:\*\*[\s\S]*\*\*Responses:\*\*/);
  });

  it('orders items as the spec lists them', async () => {
    const { endpointRequests } = await imported();
    const keys = endpointRequests.map((r) => r.metaSortKey as number);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(endpointRequests.map((r) => r.name)).toEqual(['Get Devices', 'Get Device By ID']);
  });
});

describe('insomnia v4 determinism', () => {
  afterEach(() => vi.useRealTimers());

  it('is byte-identical across runs and clocks', () => {
    vi.useFakeTimers({ now: new Date('2020-02-02T00:00:00Z') });
    const first = generate();
    vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
    expect(generate()).toBe(first);
  });

  it('keeps every id when only descriptions change', () => {
    const ids = (model: ApiModel) => (JSON.parse(generate(model)).resources as Resource[]).map((r) => r._id);
    const edited = modelWith((model) => {
      model.info.description = 'changed';
      for (const { endpoint } of allEndpoints(model)) endpoint.description = 'changed';
    });
    expect(ids(edited)).toEqual(ids(fixtureModel()));
  });
});
