import sdk from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { postman } from '../../../generators/postman/index.js';
import { cacheKeyJs } from '../../../generators/postman/scripts/cache.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { contractItemNames, modelWith, fixtureModel } from '../../support/model.js';
import { postmanSchemaValidator } from '../../support/postman-schema.js';

const model = fixtureModel();
const files = postman(model, DEFAULT_CTX);
const collectionFile = files.find((f) => f.path === 'securithings.postman_collection.json')!;
const collection = JSON.parse(collectionFile.content);

type Item = { id: string; name: string; item?: Item[]; request?: any; event?: any[]; response?: any[] };
const leaves = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? leaves(i.item) : [i]));
const folder = (name: string) => (collection.item as Item[]).find((i) => i.name === name)!;
const oauth2 = Object.fromEntries(collection.auth.oauth2.map((a: { key: string; value: unknown }) => [a.key, a.value]));

describe('Postman collection', () => {
  it('validates against the official v2.1.0 JSON Schema', () => {
    const validate = postmanSchemaValidator();
    expect(validate(collection), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('is what the postman-collection SDK writes back, apart from its known normalizations', () => {
    const { _: internal, ...roundTrip } = new sdk.Collection(collection).toJSON() as unknown as Record<string, unknown>;
    expect(internal).toEqual({ postman_id: collection.info._postman_id });
    expect(sdkCanonical(roundTrip)).toEqual(sdkCanonical(collection));
  });

  it('declares the exact v2.1.0 schema URL and a stable id', () => {
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.info._postman_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is byte-identical across generations and has unique ids everywhere', () => {
    expect(postman(fixtureModel(), DEFAULT_CTX)).toEqual(files);
    const ids = [...collectionFile.content.matchAll(/"(?:id|_postman_id)": "([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('loads back through the postman-collection SDK with every request intact', () => {
    const loaded = new sdk.Collection(collection);
    const requests: { name: string; method: string; url: string }[] = [];
    loaded.forEachItem((item) => requests.push({ name: item.name, method: item.request.method, url: item.request.url.toString() }));
    expect(requests.map((r) => r.name)).toEqual(leaves(collection.item).map((i) => i.name));
    expect(requests.find((r) => r.name === 'Get Device By ID')).toMatchObject({ method: 'GET', url: '{{baseUrl}}/{{devicesPath}}/{{deviceId}}' });
    expect(loaded.auth?.type).toBe('oauth2');
  });

  it.each([
    ['grant_type', 'client_credentials'],
    ['accessTokenUrl', '{{baseUrl}}/token/{{organization}}'],
    ['clientId', '{{clientId}}'],
    ['clientSecret', '{{clientSecret}}'],
    ['client_authentication', 'header'],
    ['addTokenTo', 'header'],
    ['headerPrefix', 'Bearer'],
    ['tokenName', 'SecuriThings API token'],
    ['accessToken', '{{accessToken}}'],
  ])('writes the oauth2 key %s = %s explicitly', (key, value) => {
    expect(oauth2[key]).toBe(value);
  });

  it('lets every documented request inherit the collection auth', () => {
    for (const item of folder('Devices').item!) expect(item.request.auth).toBeUndefined();
  });

  it('carries every documented query parameter, optional ones disabled, with allowed values described', () => {
    const list = folder('Devices').item!.find((i) => i.name === 'Get Devices')!;
    const endpoint = model.resources[0]!.endpoints.find((e) => e.id === 'listDevices')!;
    const query = list.request.url.query as { key: string; value: string; disabled?: boolean; description: { content: string } }[];
    expect(query.map((q) => q.key)).toEqual(endpoint.query.map((p) => p.name));
    expect(query.every((q) => q.disabled === true)).toBe(true);
    expect(query.find((q) => q.key === 'status')!.description.content).toContain('One of: online, offline, partial, unknown.');
    expect(query.find((q) => q.key === 'limit')!.description.content).toMatch(/1 to 1000.*Default 100/);
    expect(query.find((q) => q.key === 'availableTask.hardenDevice')).toMatchObject({ value: '1' });
  });

  it('keeps the contract cases in a folder of their own, after the documented requests', () => {
    expect((collection.item as Item[]).map((i) => i.name)).toEqual(['Auth', 'Devices', 'Contract checks']);
    expect(folder('Contract checks').item!.map((i) => i.name)).toEqual(contractItemNames(model));
  });

  it('saves example responses and explains auth and rate limits in Markdown', () => {
    const list = folder('Devices').item!.find((i) => i.name === 'Get Devices')!;
    expect(list.response!.map((r) => r.name)).toEqual(['A page of devices', 'No device matches the filters']);
    expect(JSON.parse(list.response![1].body)).toEqual({ devices: [], total: 0 });
    expect(collection.info.description.type).toBe('text/markdown');
    expect(collection.info.description.content).toContain('5 requests per minute per IP');
    expect(list.request.description ?? list).toBeDefined();
  });

  it('caches the token per base URL, organization and client id, and never logs it', () => {
    const script = collection.event.find((e: { listen: string }) => e.listen === 'prerequest').script.exec.join('\n');
    expect(script).toContain(`const key = ${cacheKeyJs(fixtureModel().auth)};`);
    expect(cacheKeyJs(fixtureModel().auth)).toBe('[pm.variables.get("baseUrl"), pm.variables.get("organization"), pm.variables.get("clientId")].join(\' \')');
    expect(script).toContain("'Basic ' + basic");
    const logged = script.split('\n').filter((line: string) => /console\./.test(line));
    expect(logged).toHaveLength(4);
    for (const line of logged) expect(line).not.toMatch(/\+\s*(token|basic|body|vars\.|request\b|pm\.)/);
  });

  it('derives the token URL from the description', () => {
    const changed = modelWith((m) => {
      m.auth.path = '/oauth/{organization}/token';
    });
    const json = JSON.parse(postman(changed, DEFAULT_CTX)[0]!.content);
    const auth = Object.fromEntries(json.auth.oauth2.map((a: { key: string; value: unknown }) => [a.key, a.value]));
    expect(auth.accessTokenUrl).toBe('{{baseUrl}}/oauth/{{organization}}/token');
  });
});

/**
 * What the SDK changes on a round trip, each a normalization, not a loss: it adds empty lists
 * (`event`, `response`, `query`, `variable`, `cookie`, `noauth`), drops `url.raw` (it rebuilds it
 * from the parts; our raw is checked in 'Postman URLs'), types URL variables `any`, and moves
 * `_postman_previewlanguage` under `_`.
 */
function sdkCanonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => sdkCanonical(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .filter(([k]) => !(key === 'url' && k === 'raw'))
    .filter(([k, v]) => !(key === 'variable-entry' && k === 'type' && v === 'any'))
    .flatMap(([k, v]): [string, unknown][] => (k === '_' ? Object.entries(v as object).map(([inner, x]) => [`_${inner}`, x]) : [[k, v]]))
    .map(([k, v]): [string, unknown] => [
      k,
      k === 'variable' && key === 'url' ? (v as unknown[]).map((x) => sdkCanonical(x, 'variable-entry')) : sdkCanonical(v, k),
    ]);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('Postman environments', () => {
  const environments = files.filter((f) => f.path.endsWith('.postman_environment.json')).map((f) => ({ path: f.path, json: JSON.parse(f.content) }));

  it('writes one file per environment', () => {
    expect(environments.map((e) => e.path).sort()).toEqual([
      'securithings-local.postman_environment.json',
      'securithings-production.postman_environment.json',
      'securithings-staging.postman_environment.json',
    ]);
  });

  it.each(['production', 'staging', 'local'])('%s declares the shared variables, the secret empty and typed secret', (id) => {
    const env = environments.find((e) => e.path.includes(`-${id}.`))!.json;
    const values = Object.fromEntries(env.values.map((v: { key: string }) => [v.key, v]));
    expect(Object.keys(values)).toEqual(['baseUrl', 'organization', 'clientId', 'clientSecret', 'devicesPath']);
    expect(values.clientSecret).toEqual({ key: 'clientSecret', value: '', type: 'secret', enabled: true });
    expect(env.values.every((v: { enabled: boolean }) => v.enabled === true)).toBe(true);
    expect(env._postman_variable_scope).toBe('environment');
  });

  it('gives staging its own device path', () => {
    const staging = environments.find((e) => e.path.includes('-staging.'))!.json;
    expect(staging.values.find((v: { key: string }) => v.key === 'devicesPath').value).toBe('v1/assets/devices');
  });
});

describe('Postman URLs', () => {
  it.each([
    ['Auth', 'Get access token', '{{baseUrl}}/token/{{organization}}'],
    ['Devices', 'Get Devices', '{{baseUrl}}/{{devicesPath}}'],
    ['Devices', 'Get Device By ID', '{{baseUrl}}/{{devicesPath}}/:id'],
    ['Contract checks', 'Get Devices with limit=1 returns at most one device and a consistent total', '{{baseUrl}}/{{devicesPath}}?limit=1'],
  ])('%s / %s has raw URL %s, as the Postman app writes it', (folderName, name, raw) => {
    const item = leaves(folder(folderName).item!).find((i) => i.name === name)!;
    expect(item.request.url.raw).toBe(raw);
  });
});
