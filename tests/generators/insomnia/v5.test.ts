// The v5 YAML, parsed with `yaml` and checked against the shape rules of Insomnia's own v5 parser
// (formats.md C4; packages/insomnia/src/common/import-v5-parser.ts), then against the v4 export.
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiModel } from '../../../model/model.js';
import { insomniaV4 } from '../../../generators/insomnia/v4.js';
import { insomniaV5 } from '../../../generators/insomnia/v5.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { CONTRACT_FOLDER } from '../../../generators/insomnia/contract.js';
import { contractItemNames, fixtureModel, FIXTURE_AND_WITH_SITES } from '../../support/model.js';
import { allEndpoints, normalizeUrl, resolveAuth, type Auth } from './helpers.js';

type Meta = { id: string; sortKey?: number; description?: string };
type Item = { name: string; meta: Meta; authentication?: Auth; children?: Item[]; method?: string; url?: string } & Record<string, unknown>;
type Env = { name: string; meta: Meta; data: Record<string, string> };
type V5File = {
  type: string;
  schema_version: unknown;
  name: string;
  meta: Meta;
  collection: Item[];
  cookieJar: { name: string; meta: Meta };
  environments: Env & { subEnvironments: Env[] };
};

const GRANT_TYPES = ['authorization_code', 'client_credentials', 'implicit', 'password', 'refresh_token', 'mcp_auth_flow'];
/** OAuth2AuthenticationSchema's keys; the parser strips any other key. */
const OAUTH2_STRINGS = [
  'accessTokenUrl',
  'authorizationUrl',
  'clientId',
  'clientSecret',
  'audience',
  'scope',
  'resource',
  'username',
  'password',
  'redirectUrl',
  'state',
  'code',
  'accessToken',
  'refreshToken',
  'tokenPrefix',
  'pkceMethod',
  'origin',
];
const OAUTH2_BOOLEANS = ['disabled', 'credentialsInBody', 'usePkce', 'useDefaultBrowser'];

function generate(model: ApiModel = fixtureModel()): string {
  const files = insomniaV5(model, DEFAULT_CTX);
  expect(files.map((f) => f.path)).toEqual([`${model.info.id}.insomnia.yaml`]);
  return files[0]!.content;
}

function parsed(model?: ApiModel): V5File {
  return parse(generate(model)) as V5File;
}

/** Every item with its ancestors, nearest first. */
function walk(items: Item[], ancestors: Item[] = []): { item: Item; ancestors: Item[] }[] {
  return items.flatMap((item) => [{ item, ancestors }, ...walk(item.children ?? [], [item, ...ancestors])]);
}

function requests(file: V5File) {
  return walk(file.collection).filter(({ item }) => item.method !== undefined);
}

function oauth2Problems(auth: Auth): string[] {
  const problems: string[] = [];
  if (!GRANT_TYPES.includes(auth.grantType as string)) problems.push(`grantType ${String(auth.grantType)}`);
  for (const [key, value] of Object.entries(auth)) {
    if (key === 'type' || key === 'grantType') continue;
    if (OAUTH2_STRINGS.includes(key) && typeof value !== 'string') problems.push(`${key} is not a string`);
    else if (OAUTH2_BOOLEANS.includes(key) && typeof value !== 'boolean') problems.push(`${key} is not a boolean`);
    else if (!OAUTH2_STRINGS.includes(key) && !OAUTH2_BOOLEANS.includes(key)) problems.push(`${key} would be stripped`);
  }
  return problems;
}

describe.each(FIXTURE_AND_WITH_SITES)('insomnia v5 collection of %s', (_, makeModel) => {
  it('is a v5 collection at schema version 5.1', () => {
    const file = parsed(makeModel());
    expect(file.type).toBe('collection.insomnia.rest/5.0');
    expect(file.schema_version).toBe('5.1');
    expect(file.name).toBe('SecuriThings API');
  });

  it('tells folders from requests by shape: folders have children, requests a method', () => {
    for (const { item } of walk(parsed(makeModel()).collection)) {
      const folder = Array.isArray(item.children);
      expect(folder !== (typeof item.method === 'string'), item.name).toBe(true);
      if (folder) expect(item.url, item.name).toBeUndefined();
      else expect(typeof item.url, item.name).toBe('string');
    }
  });

  it('gives every item, environment and the cookie jar a unique meta.id', () => {
    const file = parsed(makeModel());
    const ids = [
      file.meta.id,
      ...walk(file.collection).map(({ item }) => item.meta.id),
      file.cookieJar.meta.id,
      file.environments.meta.id,
      ...file.environments.subEnvironments.map((e) => e.meta.id),
    ];
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts a valid oauth2 client-credentials block, credentials in a Basic header, on the root folder', () => {
    const [root] = parsed(makeModel()).collection;
    expect(root!.children).toBeDefined();
    const auth = root!.authentication!;
    expect(auth).toMatchObject({ type: 'oauth2', grantType: 'client_credentials', accessTokenUrl: '{{ _.baseUrl }}/token/{{ _.organization }}' });
    expect(auth.credentialsInBody).toBe(false);
    expect(oauth2Problems(auth)).toEqual([]);
  });

  it('makes every endpoint request inherit the root folder oauth2 block', () => {
    const file = parsed(makeModel());
    const root = file.collection[0]!;
    const inheriting = requests(file).filter(({ item, ancestors }) => item.name !== 'Get access token' && !ancestors.some((a) => a.name === CONTRACT_FOLDER));
    expect(inheriting.length).toBeGreaterThan(0);
    for (const { item, ancestors } of inheriting) {
      expect(item.authentication === undefined || Object.keys(item.authentication).length === 0, item.name).toBe(true);
      expect(resolveAuth([item, ...ancestors]), item.name).toBe(root.authentication);
    }
  });

  it('writes request settings, headers and parameters the 5.1 parser accepts', () => {
    for (const { item } of requests(parsed(makeModel()))) {
      const settings = item.settings as { cookies: { send: unknown; store: unknown }; followRedirects: unknown } | undefined;
      if (settings) {
        expect(typeof settings.cookies.send).toBe('boolean');
        expect(typeof settings.cookies.store).toBe('boolean');
        expect(['global', 'on', 'off']).toContain(settings.followRedirects);
      }
      for (const pair of [...((item.headers as object[]) ?? []), ...((item.parameters as object[]) ?? [])]) {
        expect(pair).not.toHaveProperty('id');
        expect(pair).toMatchObject({ name: expect.any(String), value: expect.any(String) });
      }
    }
  });

  it('holds one base environment with a sub-environment per spec environment and no secret value', () => {
    const model = makeModel();
    const { environments } = parsed(model);
    expect(Array.isArray(environments)).toBe(false);
    expect(environments.subEnvironments.map((e) => e.name)).toEqual(model.environments.map((e) => e.name));
    for (const env of environments.subEnvironments) expect(env.data.clientSecret).toBe('');
  });

  it('says the same as the v4 export: requests, methods, URLs, query parameters, environments', () => {
    const model = makeModel();
    const v4 = JSON.parse(insomniaV4(model, DEFAULT_CTX)[0]!.content).resources as Record<string, unknown>[];
    const v5 = parsed(model);
    const fromV4 = v4.filter((r) => r._type === 'request').map((r) => summary(r._id as string, r));
    const fromV5 = requests(v5).map(({ item }) => summary(item.meta.id, item));
    expect(fromV5).toEqual(fromV4);
    const cases = new Set(contractItemNames(model));
    expect(fromV5.filter((r) => r.name !== 'Get access token' && !cases.has(r.name as string)).map((r) => r.name)).toEqual(
      allEndpoints(model).map((e) => e.endpoint.name),
    );
    expect(fromV5.filter((r) => cases.has(r.name as string)).map((r) => r.name)).toEqual([...cases]);
    const envs = v4.filter((r) => r._type === 'environment').map((r) => [r._id, r.data]);
    expect([v5.environments, ...v5.environments.subEnvironments].map((e) => [e.meta.id, e.data])).toEqual(envs);
    const folders = v4.filter((r) => r._type === 'request_group').map((r) => [r._id, r.authentication]);
    expect(
      walk(v5.collection)
        .filter(({ item }) => item.children)
        .map(({ item }) => [item.meta.id, item.authentication ?? {}]),
    ).toEqual(folders);
  });
});

function summary(id: string, r: Record<string, unknown>) {
  const params = (r.parameters as { name: string; value: string; disabled: boolean }[] | undefined) ?? [];
  return {
    id,
    name: r.name,
    method: r.method,
    url: normalizeUrl(r.url as string),
    params: params.map((p) => `${p.name}=${p.value}${p.disabled ? ' (off)' : ''}`),
    headers: r.headers,
    afterResponse: r.afterResponseScript ?? (r.scripts as { afterResponse?: string } | undefined)?.afterResponse,
  };
}

describe('insomnia v5 determinism', () => {
  afterEach(() => vi.useRealTimers());

  it('is byte-identical across runs and clocks, and has no YAML anchors', () => {
    vi.useFakeTimers({ now: new Date('2020-02-02T00:00:00Z') });
    const first = generate();
    vi.setSystemTime(new Date('2031-12-31T23:59:59Z'));
    expect(generate()).toBe(first);
    expect(first).not.toMatch(/[&*]a\d+\b/);
  });
});
