// The second description (examples/parcel-tracker.yaml, a plain RFC 6749 API): it loads, every
// client is generated and read back by its tool's own reader, and its contract run, its token
// command and the token requests they send are checked against a strict RFC 6749 server.
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'insomnia-importers';
import { load } from 'js-yaml';
import sdk from 'postman-collection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';
import { bru } from '../support/bru.js';
import { runCli } from '../support/cli.js';
import { startStrictServer, STRICT_AUDIENCE, STRICT_CLIENT, STRICT_SCOPE, type StrictServer } from '../support/strict-oauth-server.js';

const SPEC = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');
const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const model: ApiModel = loadSpec(readFileSync(SPEC), SPEC);
const lang = createRequire(import.meta.url)('@usebruno/lang') as {
  collectionBruToJson(text: string): {
    auth: { mode: string; oauth2: Record<string, unknown> };
    oauth2_additional_parameters_access_token_req_bodyvalues?: unknown;
  };
};

const settings = (server: StrictServer) => ({
  PARCELS_BASE_URL: server.url,
  PARCELS_CLIENT_ID: STRICT_CLIENT.clientId,
  PARCELS_CLIENT_SECRET: STRICT_CLIENT.clientSecret,
});
const described: [string, string][] = [
  ['grant_type', 'client_credentials'],
  ['scope', STRICT_SCOPE],
  ['audience', STRICT_AUDIENCE],
];

let dir: string;
let strict: StrictServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parcel-tracker-'));
  const generated = await runCli(['generate', '--spec', SPEC, '--out', dir]);
  expect(generated.code, generated.stderr).toBe(0);
  strict = await startStrictServer();
});
afterAll(async () => {
  await strict?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const read = (name: string) => readFile(join(dir, name), 'utf8');

describe('the example description', () => {
  it('loads: its own settings prefix, a token path without variables, client_secret_post with a form body, scope and audience', () => {
    expect(model.info.envPrefix).toBe('PARCELS');
    expect(model.auth).toMatchObject({
      path: '/oauth2/token',
      pathVariables: [],
      clientAuthentication: 'post',
      body: 'form',
      scope: STRICT_SCOPE,
      audience: STRICT_AUDIENCE,
    });
    expect(model.environments.map((e) => e.values)).toEqual([{ clientId: '' }, { clientId: 'demo-client' }]);
    expect(model.resources.map((r) => r.endpoints.map((e) => e.id))).toEqual([
      ['listParcels', 'getParcel'],
      ['listDepots', 'getDepot'],
    ]);
  });
});

describe('its generated files', () => {
  it("name SecuriThings nowhere: the kit's own name appears once, as Insomnia v4's exporter stamp", async () => {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    const mentions: string[] = [];
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      for (const line of text.split('\n')) if (/securithings/i.test(line)) mentions.push(`${file.name}: ${line.trim()}`);
    }
    expect(mentions).toEqual([`parcel-tracker.insomnia.json: "__export_source": "securithings-kit:v${packageVersion}",`]);
  });
});

describe('its contract run against a strict RFC 6749 server', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    result = await runCli(['contract', '--spec', SPEC, '--collections', dir, '--reports', join(dir, 'reports')], { env: settings(strict) });
  }, 120_000);

  it('passes with the PARCELS_* settings (exit 0), every endpoint answered', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    const paths = strict.dataRequests.filter((r) => r.status === 200).map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(['/v2/parcels', '/v2/parcels/PT-000001', '/v2/depots', '/v2/depots/dep-001']));
    expect(`${result.stdout}${result.stderr}`).not.toContain(STRICT_CLIENT.clientSecret);
  });

  it('sends the token request exactly as described: a form with grant_type, scope, audience, client_id and client_secret, no Authorization header', () => {
    const issued = strict.tokenRequests.filter((r) => r.status === 200);
    expect(issued.length).toBeGreaterThanOrEqual(1);
    for (const request of issued) {
      expect(request.authorization).toBeUndefined();
      expect(request.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request.fields).toEqual([...described, ['client_id', STRICT_CLIENT.clientId], ['client_secret', STRICT_CLIENT.clientSecret]]);
    }
  });

  it('makes its refusal cases the same way: a wrong secret in the form, and a form without the client', () => {
    const refused = strict.tokenRequests.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, r.authorization, r.fields])).toEqual([
      [401, undefined, [...described, ['client_id', STRICT_CLIENT.clientId], ['client_secret', 'contract-check-wrong-secret']]],
      [401, undefined, described],
    ]);
  });
});

describe('the token command', () => {
  it('prints a token the strict server issued, having sent the described form', async () => {
    const before = strict.tokenRequests.length;
    const result = await runCli(['token', '--spec', SPEC], { env: settings(strict) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const [request] = strict.tokenRequests.slice(before);
    expect(request).toMatchObject({
      status: 200,
      authorization: undefined,
      fields: [...described, ['client_id', STRICT_CLIENT.clientId], ['client_secret', STRICT_CLIENT.clientSecret]],
    });
  });

  it("names the description's own settings when one is missing", async () => {
    const result = await runCli(['token', '--spec', SPEC], { env: { PARCELS_BASE_URL: strict.url, SECURITHINGS_CLIENT_ID: 'x' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PARCELS_CLIENT_ID');
    expect(result.stderr).not.toContain('SECURITHINGS');
  });
});

describe('the generated clients, read by their own tools', () => {
  it('Postman (postman-collection SDK): oauth2 with client_authentication body, the scope and the audience as a token request body parameter', async () => {
    const collection = new sdk.Collection(JSON.parse(await read('parcel-tracker.postman_collection.json')));
    const auth = collection.auth!.parameters().toObject() as Record<string, unknown>;
    expect(auth).toMatchObject({
      grant_type: 'client_credentials',
      accessTokenUrl: '{{baseUrl}}/oauth2/token',
      client_authentication: 'body',
      scope: STRICT_SCOPE,
      addTokenTo: 'header',
    });
    expect(auth['tokenRequestParams']).toEqual([{ key: 'audience', value: STRICT_AUDIENCE, enabled: true, send_as: 'request_body' }]);
    const token = ((collection.items.idx(0) as sdk.ItemGroup<sdk.Item>).items.idx(0) as sdk.Item).request;
    expect(token.auth?.type).toBe('noauth');
    expect(token.body?.mode).toBe('urlencoded');
    expect(token.body?.urlencoded?.all().map((p: sdk.QueryParam) => [p.key, p.value])).toEqual([
      ...described,
      ['client_id', '{{clientId}}'],
      ['client_secret', '{{clientSecret}}'],
    ]);
    expect(JSON.stringify(collection.toJSON())).not.toMatch(/securithings/i);
  });

  it('Insomnia v4 (insomnia-importers): the root folder sends the credentials in the body (a JSON boolean) with the scope and audience', async () => {
    const result = await convert(await read('parcel-tracker.insomnia.json'));
    expect(result.type.id).toBe('insomnia-4');
    const resources = result.data.resources as unknown as {
      _type: string;
      name: string;
      authentication?: Record<string, unknown>;
      body?: { mimeType: string; params: { name: string; value: string }[] };
    }[];
    const root = resources.find((r) => r._type === 'request_group' && r.authentication?.type === 'oauth2')!;
    expect(root.authentication).toMatchObject({ grantType: 'client_credentials', credentialsInBody: true, scope: STRICT_SCOPE, audience: STRICT_AUDIENCE });
    const token = resources.find((r) => r._type === 'request' && r.name === 'Get access token')!;
    expect(token.authentication).toEqual({ type: 'none' });
    expect(token.body!.params.map((p) => [p.name, p.value])).toEqual([
      ...described,
      ['client_id', '{{ _.clientId }}'],
      ['client_secret', '{{ _.clientSecret }}'],
    ]);
  });

  it('Insomnia v5: the same oauth2 block', async () => {
    const v5 = load(await read('parcel-tracker.insomnia.yaml')) as { collection: { authentication: Record<string, unknown> }[] };
    expect(v5.collection[0]!.authentication).toMatchObject({ type: 'oauth2', credentialsInBody: true, scope: STRICT_SCOPE, audience: STRICT_AUDIENCE });
  });

  it('Bruno (@usebruno/lang): credentials_placement body, the scope, and the audience as an access-token-request body parameter', async () => {
    const collection = lang.collectionBruToJson(await read('bruno/collection.bru'));
    expect(collection.auth.mode).toBe('oauth2');
    expect(collection.auth.oauth2).toMatchObject({
      grantType: 'client_credentials',
      accessTokenUrl: '{{baseUrl}}/oauth2/token',
      credentialsPlacement: 'body',
      scope: STRICT_SCOPE,
    });
    expect(collection.oauth2_additional_parameters_access_token_req_bodyvalues).toEqual([{ name: 'audience', value: STRICT_AUDIENCE, enabled: true }]);
  });

  // Under heavy load bru has been seen to judge the first request's assertions on an empty answer
  // (`res.status` undefined) while its tests on the same answer pass: a race in bru's own token
  // fetch. A retry runs bru again from scratch; every expectation below still has to hold.
  it('Bruno (`bru run`): every request and contract case passes against the strict server; each token request carries the described form', {
    retry: 2,
    timeout: 60_000,
  }, async () => {
    const before = strict.tokenRequests.length;
    const args = [
      'run',
      '-r',
      '--env',
      'production',
      '--env-var',
      `baseUrl=${strict.url}`,
      '--env-var',
      `clientId=${STRICT_CLIENT.clientId}`,
      '--env-var',
      `clientSecret=${STRICT_CLIENT.clientSecret}`,
    ];
    const results = join(dir, 'bru-results.json');
    const { code, output } = await bru([...args, '--reporter-json', results], join(dir, 'bruno'));
    if (code !== 0) console.error(output);
    expect(code).toBe(0);
    const [iteration] = JSON.parse(await readFile(results, 'utf8')) as { summary: Record<string, number> }[];
    // every request of the collection, its contract cases included (10 checks of theirs are the refusals' and paging's), and page 2 of the paging case
    expect(iteration!.summary).toMatchObject({ totalRequests: 14, passedRequests: 14, failedRequests: 0, failedAssertions: 0, failedTests: 0 });
    // the described form, never Basic: the collection's token request and Bruno's own fetch, then the two refusal cases
    const sent = strict.tokenRequests.slice(before);
    expect(sent.every((r) => r.authorization === undefined)).toBe(true);
    const form = (r: (typeof sent)[number]) => Object.fromEntries(r.fields);
    const valid = { ...Object.fromEntries(described), client_id: STRICT_CLIENT.clientId, client_secret: STRICT_CLIENT.clientSecret };
    expect(sent.map(form).filter((f) => f.client_secret === STRICT_CLIENT.clientSecret)).toEqual([valid, valid]);
    expect(sent.map(form).filter((f) => f.client_secret !== STRICT_CLIENT.clientSecret)).toEqual([
      { ...Object.fromEntries(described), client_id: STRICT_CLIENT.clientId, client_secret: 'contract-check-wrong-secret' },
      Object.fromEntries(described),
    ]);
  });

  it('OpenAPI: client_secret_post, the scopes, and the form body of the token operation', async () => {
    const doc = load(await read('parcel-tracker.openapi.yaml')) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { securitySchemes: Record<string, Record<string, unknown>> };
      security: unknown;
    };
    const scheme = doc.components.securitySchemes['oauth2']!;
    expect(scheme['x-client-authentication']).toBe('client_secret_post');
    expect(scheme['x-audience']).toBe(STRICT_AUDIENCE);
    expect(Object.keys((scheme['flows'] as { clientCredentials: { scopes: object } }).clientCredentials.scopes)).toEqual(['parcels:read', 'depots:read']);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['oauth2']);
    expect(doc.security).toEqual([{ oauth2: ['parcels:read', 'depots:read'] }]);
    const token = doc.paths['/oauth2/token']!['post']!;
    expect(token['security']).toEqual([]);
    const schema = (token['requestBody'] as { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> }).content[
      'application/x-www-form-urlencoded'
    ]!.schema;
    expect(schema.required).toEqual(['grant_type', 'scope', 'audience', 'client_id', 'client_secret']);
    expect(schema.properties['grant_type']).toEqual({ type: 'string', const: 'client_credentials' });
  });
});
