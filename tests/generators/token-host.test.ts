// A token endpoint on another host than the API, with a tenant variable in that host and in the
// audience (tests/fixtures/descriptions/token-host.yaml, issue 17): every client sends the token
// request to the token host, never to the API's, and each host variable is a variable of every client.
import { convert } from 'insomnia-importers';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingNames, settleTarget, type Settings } from '../../contract/target.js';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';

const SPEC = fileURLToPath(new URL('../fixtures/descriptions/token-host.yaml', import.meta.url));
const model = loadSpec(readFileSync(SPEC), SPEC);
const files = Object.fromEntries(generateAll(model, DEFAULT_CTX).map((f) => [f.path, f.content]));
const text = (path: string) => String(files[path]);
const json = (path: string) => JSON.parse(text(path));
const TOKEN_PATH = '/oauth2/v2.0/token';
const AUDIENCE = 'https://{{tenant}}.login.example.com/api/v2/';

type Pair = { key: string; value: unknown };
type Item = { name: string; item?: Item[]; request?: { url: { raw: string } } };
const leaves = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? leaves(i.item) : [i]));
const valuesOf = (env: { values: Pair[] }) => Object.fromEntries(env.values.map((v) => [v.key, v.value]));

describe('the token URL on the token host, in every client', () => {
  it('Postman: the collection auth, the token request and every environment file', () => {
    const collection = json('tenant-graph.postman_collection.json');
    const oauth2 = Object.fromEntries((collection.auth.oauth2 as Pair[]).map((a) => [a.key, a.value]));
    expect(oauth2.accessTokenUrl).toBe(`{{tokenBaseUrl}}${TOKEN_PATH}`);
    expect(oauth2.tokenRequestParams).toEqual([expect.objectContaining({ key: 'audience', value: AUDIENCE })]);
    const tokenItems = leaves(collection.item).filter((i) => i.request?.url.raw.endsWith(TOKEN_PATH));
    expect(tokenItems.length).toBeGreaterThanOrEqual(2);
    for (const item of tokenItems) expect(item.request!.url.raw, item.name).toBe(`{{tokenBaseUrl}}${TOKEN_PATH}`);
    const script = JSON.stringify(collection.event);
    expect(script).toContain('url: vars.tokenBaseUrl + ');
    expect(script).toContain(`pm.variables.replaceIn(\\"${AUDIENCE}\\")`);
    expect(valuesOf(json('tenant-graph-production.postman_environment.json'))).toMatchObject({
      baseUrl: 'https://graph.example.com',
      tokenBaseUrl: 'https://{{tenant}}.login.example.com',
      tenant: '',
    });
    expect(valuesOf(json('tenant-graph-staging.postman_environment.json'))).toMatchObject({
      baseUrl: 'https://{{tenant}}.staging.example.com',
      tokenBaseUrl: 'https://{{tenant}}.staging.example.com',
    });
    expect(valuesOf(json('tenant-graph-local.postman_environment.json'))).toMatchObject({
      baseUrl: 'http://localhost:4010',
      tokenBaseUrl: 'http://localhost:4010',
      tenant: 'demo',
    });
  });

  it('Insomnia v4 and v5: the oauth2 auth, the token request and every sub-environment', () => {
    const v4 = json('tenant-graph.insomnia.json').resources as {
      _id: string;
      _type: string;
      parentId: string | null;
      name: string;
      url?: string;
      authentication?: Record<string, unknown>;
      data?: Record<string, string>;
    }[];
    const v5 = text('tenant-graph.insomnia.yaml');
    expect(v4.some((r) => r.authentication?.type === 'oauth2')).toBe(true);
    for (const auth of v4.flatMap((r) => (r.authentication?.type === 'oauth2' ? [r.authentication] : []))) {
      expect(auth).toMatchObject({ accessTokenUrl: `{{ _.tokenBaseUrl }}${TOKEN_PATH}`, audience: 'https://{{ _.tenant }}.login.example.com/api/v2/' });
    }
    const contract = v4.find((r) => r._type === 'request_group' && r.name === 'Contract checks')?._id;
    expect(v4.filter((r) => r.parentId !== contract && r.url?.endsWith(TOKEN_PATH)).map((r) => r.url)).toEqual([`{{ _.tokenBaseUrl }}${TOKEN_PATH}`]);
    expect(v4.filter((r) => r.parentId === contract && r.url?.includes(TOKEN_PATH)).every((r) => r.url === `{{ _.tokenBaseUrl }}${TOKEN_PATH}`)).toBe(true);
    const production = v4.find((r) => r._type === 'environment' && r.name === 'Production')!.data!;
    expect(production).toMatchObject({ baseUrl: 'https://graph.example.com', tokenBaseUrl: 'https://{{ _.tenant }}.login.example.com', tenant: '' });
    expect(v5).toContain(`accessTokenUrl: "{{ _.tokenBaseUrl }}${TOKEN_PATH}"`);
    expect(JSON.stringify(parse(v5))).not.toContain(`{{ _.baseUrl }}${TOKEN_PATH}`);
  });

  it('Bruno: the collection oauth2, its own token request and every environment', () => {
    const bru = text('bruno/collection.bru');
    expect(bru).toContain(`  access_token_url: {{tokenBaseUrl}}${TOKEN_PATH}\n`);
    expect(text('bruno/Auth/Get access token.bru')).toContain(`  url: {{tokenBaseUrl}}${TOKEN_PATH}\n`);
    expect(bru).toContain(`  audience: ${AUDIENCE}\n`);
    expect(text('bruno/environments/production.bru')).toContain('  tokenBaseUrl: https://{{tenant}}.login.example.com\n');
    expect(text('bruno/environments/staging.bru')).toContain('  baseUrl: https://{{tenant}}.staging.example.com\n');
  });

  it('OpenAPI: the tokenUrl on the token host, the host variables as server variables', () => {
    const doc = parse(text('tenant-graph.openapi.yaml'));
    const scheme = doc.components.securitySchemes.oauth2;
    expect(scheme.flows.clientCredentials.tokenUrl).toBe(`https://%7Btenant%7D.login.example.com${TOKEN_PATH}`);
    expect(scheme['x-token-url-template']).toBe(`https://{tenant}.login.example.com${TOKEN_PATH}`);
    expect(scheme['x-token-url-variables']).toHaveProperty('tenant');
    expect(doc.servers[0]).toMatchObject({ url: 'https://graph.example.com', description: 'Production' });
    expect(doc.servers[0]).not.toHaveProperty('variables');
    expect(doc.servers[1]).toMatchObject({ url: 'https://{tenant}.staging.example.com', variables: { tenant: { default: 'tenant' } } });
  });

  it("imports through insomnia-importers' Postman importer with the token request on the token host", async () => {
    const result = await convert(text('tenant-graph.postman_collection.json'));
    const requests = result.data.resources as unknown as { _type: string; url?: string }[];
    expect(requests.filter((r) => r._type === 'request' && r.url?.endsWith(TOKEN_PATH)).map((r) => r.url)).toEqual(
      expect.arrayContaining([`{{tokenBaseUrl}}${TOKEN_PATH}`]),
    );
    expect(requests.some((r) => r.url === `{{baseUrl}}${TOKEN_PATH}`)).toBe(false);
    const env = await convert(text('tenant-graph-production.postman_environment.json'));
    expect((env.data.resources as unknown as { data: Record<string, string> }[])[0]!.data).toMatchObject({
      tokenBaseUrl: 'https://{{tenant}}.login.example.com',
    });
  });
});

describe('the contract settings', () => {
  const settings = (vars: Record<string, string>): Settings => ({
    vars: Object.fromEntries(Object.entries(vars).map(([k, value]) => [k, { value, from: 'the environment' }])),
    file: '.env',
  });
  const client = { TENANT_GRAPH_TENANT: 'acme', TENANT_GRAPH_CLIENT_ID: 'c', TENANT_GRAPH_CLIENT_SECRET: 's' };

  it('name the token host and the tenant', () => {
    expect(settingNames(model)).toMatchObject({ tokenBaseUrl: 'TENANT_GRAPH_TOKEN_BASE_URL', pathVariables: { tenant: 'TENANT_GRAPH_TENANT' } });
  });

  it("default the token host to the matching environment's, its tenant filled in, else to the base URL", () => {
    const production = settleTarget(model, settings({ ...client, TENANT_GRAPH_BASE_URL: 'https://graph.example.com' }));
    expect(production).toMatchObject({
      environment: { id: 'production' },
      credentials: { baseUrl: 'https://graph.example.com', tokenBaseUrl: 'https://acme.login.example.com', tenant: 'acme' },
    });
    const staging = settleTarget(model, settings({ ...client, TENANT_GRAPH_BASE_URL: 'https://acme.staging.example.com' }));
    expect(staging).toMatchObject({ environment: { id: 'staging' }, credentials: { tokenBaseUrl: 'https://acme.staging.example.com' } });
    const other = settleTarget(model, settings({ ...client, TENANT_GRAPH_BASE_URL: 'https://graph.test.example' }));
    expect(other).toMatchObject({ credentials: { tokenBaseUrl: 'https://graph.test.example' } });
    const given = settleTarget(
      model,
      settings({ ...client, TENANT_GRAPH_BASE_URL: 'https://graph.example.com', TENANT_GRAPH_TOKEN_BASE_URL: 'https://login.test.example/' }),
    );
    expect(given).toMatchObject({ credentials: { tokenBaseUrl: 'https://login.test.example' } });
  });

  it('refuse a token host that would carry the secret in clear', () => {
    expect(() =>
      settleTarget(
        model,
        settings({ ...client, TENANT_GRAPH_BASE_URL: 'https://graph.example.com', TENANT_GRAPH_TOKEN_BASE_URL: 'http://login.test.example' }),
      ),
    ).toThrow(/TENANT_GRAPH_TOKEN_BASE_URL .*http:\/\/ to login\.test\.example/);
  });
});
