// The Bruno collection, read back through @usebruno/lang: the parser the app and `bru` use.
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../model/model.js';
import { DEMO } from '../../../server/index.js';
import { contractItemNames, modelWith, fixtureModel, FIXTURE_AND_WITH_SITES, withSites } from '../../support/model.js';
import { fileAt } from '../equivalence/canonical.js';
import { WRONG_SECRET } from '../../../generators/shared/contract-values.js';
import { bruTests, generate, lang, type KeyValue } from './helpers.js';

const byName = (items: KeyValue[] | undefined, name: string) => items?.find((item) => item.name === name);

describe('bruno collection layout', () => {
  it('writes bruno.json, collection.bru, the token request, a folder per resource, a request per endpoint and per contract case, and an environment per environment', () => {
    expect(generate().map((f) => f.path)).toEqual([
      'bruno/bruno.json',
      'bruno/collection.bru',
      'bruno/Auth/folder.bru',
      'bruno/Auth/Get access token.bru',
      'bruno/Devices/folder.bru',
      'bruno/Devices/Get Devices.bru',
      'bruno/Devices/Get Device By ID.bru',
      'bruno/Contract checks/folder.bru',
      ...contractItemNames(fixtureModel()).map((name) => `bruno/Contract checks/${name}.bru`),
      'bruno/environments/production.bru',
      'bruno/environments/staging.bru',
      'bruno/environments/local.bru',
    ]);
  });

  it('names the collection in bruno.json', () => {
    expect(JSON.parse(fileAt(generate(), 'bruno/bruno.json'))).toEqual({
      version: '1',
      name: 'SecuriThings API',
      type: 'collection',
      ignore: ['node_modules', '.git'],
    });
  });

  it.each(FIXTURE_AND_WITH_SITES)('parses every .bru file of %s with the parser Bruno uses for it', (_, makeModel) => {
    const bruFiles = generate(makeModel()).filter((f) => f.path.endsWith('.bru'));
    expect(bruFiles.length).toBeGreaterThan(0);
    for (const { path, content } of bruFiles) {
      const parse = path.includes('/environments/')
        ? lang.bruToEnvJsonV2
        : /\/(collection|folder)\.bru$/.test(path)
          ? lang.collectionBruToJson
          : lang.bruToJsonV2;
      expect(() => parse(content), path).not.toThrow();
    }
  });

  it('is byte-identical across generations', () => {
    expect(generate(fixtureModel())).toEqual(generate(fixtureModel()));
  });
});

describe('collection.bru', () => {
  const parsed = () => lang.collectionBruToJson(fileAt(generate(), 'bruno/collection.bru'));

  it('sets OAuth 2.0 client credentials with the credentials in a Basic header', () => {
    expect(parsed().auth).toEqual({
      mode: 'oauth2',
      oauth2: {
        grantType: 'client_credentials',
        accessTokenUrl: '{{baseUrl}}/token/{{organization}}',
        refreshTokenUrl: '',
        clientId: '{{clientId}}',
        clientSecret: '{{clientSecret}}',
        scope: '',
        credentialsPlacement: 'basic_auth_header',
        credentialsId: 'securithings',
        tokenSource: 'access_token',
        tokenPlacement: 'header',
        tokenHeaderPrefix: 'Bearer',
        tokenQueryKey: 'access_token',
        autoFetchToken: true,
        autoRefreshToken: false,
      },
    });
  });

  it('writes credentials_placement exactly (a missing one means body to the parser)', () => {
    expect(fileAt(generate(), 'bruno/collection.bru')).toMatch(/^ {2}credentials_placement: basic_auth_header$/m);
  });

  it.each([
    ['the token URL', '`{{baseUrl}}/token/{{organization}}`'],
    ['the Basic header', 'basic_auth_header'],
    ['the token lifetime', '3600 seconds'],
    ['the missing refresh token', 'no refresh token is issued'],
    ['the token rate limit', '5 requests per minute per IP'],
    ['the devices rate limit', 'Devices: 1 request per second per IP and per user'],
    ['how to pass the secret to the CLI', '--env-var clientSecret='],
  ])('documents %s', (_, text) => {
    expect(parsed().docs).toContain(text);
  });
});

describe('folders', () => {
  it('inherit the collection auth and carry name and order', () => {
    const folder = lang.collectionBruToJson(fileAt(generate(), 'bruno/Devices/folder.bru'));
    expect(folder.meta).toMatchObject({ name: 'Devices', seq: '2' });
    expect(folder.auth).toEqual({ mode: 'inherit' });
    expect(folder.docs).toContain('1 request per second per IP and per user');
  });
});

describe('Get Devices.bru', () => {
  const parsed = () => lang.bruToJsonV2(fileAt(generate(), 'bruno/Devices/Get Devices.bru'));

  it('is an http GET on the environment path with inherited auth', () => {
    expect(parsed().meta).toEqual({ name: 'Get Devices', type: 'http', seq: '1' });
    expect(parsed().http).toEqual({ method: 'get', url: '{{baseUrl}}/{{devicesPath}}', body: 'none', auth: 'inherit' });
  });

  it('lists every documented query parameter, disabled because each is optional', () => {
    const model = fixtureModel();
    const query = parsed().params!.filter((p) => p.type === 'query');
    expect(query.map((p) => p.name)).toEqual(model.resources[0]!.endpoints[0]!.query.map((p) => p.name));
    expect(query.every((p) => !p.enabled)).toBe(true);
  });

  it.each([
    ['limit', '100'],
    ['offset', '0'],
    ['status', 'online'],
    ['isFirmwareVulnerable', '1'],
    ['probe.agent', 'up'],
    ['availableTask.rotate8021xCertificate', '1'],
  ])('lists %s with a valid value %s', (name, value) => {
    expect(byName(parsed().params, name)).toEqual({ name, value, enabled: false, type: 'query' });
  });

  it('captures deviceId from the list without failing on an empty one', () => {
    expect(parsed().vars?.res).toEqual([{ name: 'deviceId', value: 'res.body.devices?.[0]?.id', enabled: true, local: false }]);
  });

  it("carries the Postman collection's checks as tests of the same names; those that need status 200 wait for it", () => {
    expect(parsed().assertions).toBeUndefined();
    expect(bruTests(parsed().tests)).toEqual([
      { name: 'status is 200', dependent: false },
      { name: 'body is JSON', dependent: true },
      { name: 'Content-Type is JSON', dependent: true },
      { name: 'body matches the DeviceList schema', dependent: true },
      { name: 'answers within 5000 ms', dependent: false },
    ]);
    expect(parsed().tests).toContain('const answered = res.getStatus() === 200;');
  });

  it("names the checks a wrong status leaves out in the status check's failure message", () => {
    expect(parsed().tests).toContain(
      'const NOT_CHECKED = "the status the other checks need (not checked: body is JSON; Content-Type is JSON; body matches the DeviceList schema)";',
    );
    expect(parsed().tests).toContain('expect(res.getStatus(), NOT_CHECKED).to.equal(200);');
  });

  it('validates the body against the DeviceList schema in a test', () => {
    const tests = parsed().tests!;
    expect(tests).toContain('expect(body).to.have.jsonSchema(schema, { ownProperties: true });');
    const schema = JSON.parse(/const schema = (\{[\s\S]*?\n\});/.exec(tests)![1]!) as unknown;
    expect(schema).toEqual(fixtureModel().schemas['DeviceList']);
  });

  it('carries the description and parameter docs', () => {
    expect(parsed().docs).toContain('No match\nis not an error');
    expect(parsed().docs).toContain('| `probe.agent` | string | no | Agent probe status. One of: up, down, unknown, unmonitored. |');
  });
});

describe('Get Device By ID.bru', () => {
  const parsed = () => lang.bruToJsonV2(fileAt(generate(), 'bruno/Devices/Get Device By ID.bru'));

  it('marks the id as a Bruno path parameter filled from the captured deviceId', () => {
    expect(parsed().http.url).toBe('{{baseUrl}}/{{devicesPath}}/:id');
    expect(parsed().params).toEqual([{ name: 'id', value: '{{deviceId}}', enabled: true, type: 'path' }]);
  });

  it('skips itself when deviceId is not set', () => {
    expect(parsed().script?.req).toContain('bru.runner.skipRequest()');
    expect(parsed().script?.req).toContain('bru.getVar("deviceId")');
  });

  it('checks status, JSON, content type, the Device schema and time', () => {
    expect(bruTests(parsed().tests).map((t) => t.name)).toEqual([
      'status is 200',
      'body is JSON',
      'Content-Type is JSON',
      'body matches the Device schema',
      'answers within 5000 ms',
    ]);
  });
});

describe('Auth/Get access token.bru', () => {
  const parsed = () => lang.bruToJsonV2(fileAt(generate(), 'bruno/Auth/Get access token.bru'));

  it("asks for a token with the client in a Basic header, not through the collection's OAuth 2.0", () => {
    expect(parsed().http).toEqual({ method: 'post', url: '{{baseUrl}}/token/{{organization}}', body: 'none', auth: 'basic' });
    expect((parsed() as unknown as { auth: { basic: unknown } }).auth.basic).toEqual({ username: '{{clientId}}', password: '{{clientSecret}}' });
  });

  it("checks the token answer with the Postman collection's names, each but status and time waiting for 200", () => {
    expect(bruTests(parsed().tests)).toEqual([
      { name: 'status is 200', dependent: false },
      { name: 'body is JSON', dependent: true },
      { name: 'Content-Type is JSON', dependent: true },
      { name: 'body matches the TokenResponse schema', dependent: true },
      { name: 'token_type is Bearer (any case)', dependent: true },
      { name: 'access_token is a JWT: three base64url parts, JSON header and claims', dependent: true },
      { name: 'access_token is signed (alg is not none)', dependent: true },
      { name: 'the token lives the documented 3600 s (expires_in and exp - iat, where given)', dependent: true },
      { name: 'answers within 5000 ms', dependent: false },
    ]);
  });

  it("keeps the token out of bru's reports: the answer is replaced once checked", () => {
    expect(parsed().tests).toMatch(/res\.setBody\(Object\.assign\(\{\}, body, \{ \["access_token"\]: '\[hidden\]' \}\)\);\s*$/);
  });
});

describe('Contract checks', () => {
  const files = generate();
  const request = (name: string) =>
    lang.bruToJsonV2(fileAt(files, `bruno/Contract checks/${name}.bru`)) as ReturnType<typeof lang.bruToJsonV2> & { auth?: Record<string, unknown> };

  it('has a request per contract case, and page 2 after the paging case, in order', () => {
    const names = contractItemNames(fixtureModel());
    expect(names.map((name) => request(name).meta)).toEqual(names.map((name, i) => ({ name, type: 'http', seq: String(i + 1) })));
  });

  it('sends a wrong secret, and no credentials, to the token endpoint', () => {
    expect(request('Token refused for a wrong client secret').auth?.['basic']).toEqual({ username: '{{clientId}}', password: WRONG_SECRET });
    expect(request('Token refused without client credentials').http.auth).toBe('none');
  });

  it("sends no bearer, and Bruno's own token with its signature altered", () => {
    expect(request('Get Devices refused without a bearer token').http.auth).toBe('none');
    const tampered = request('Get Devices refused with a tampered bearer token');
    expect(tampered.auth?.['bearer']).toEqual({ token: '{{tamperedToken}}' });
    expect(tampered.script?.req).toContain('bru.getOauth2CredentialVar("$oauth2.securithings.access_token")');
    expect(tampered.script?.req).toContain('bru.setVar("tamperedToken", ');
  });

  it("sends the case's query and path values", () => {
    const limit = request('Get Devices with limit=1 returns at most one device and a consistent total');
    expect(limit.http.url).toBe('{{baseUrl}}/{{devicesPath}}?limit=1');
    expect(limit.params).toEqual([{ name: 'limit', value: '1', enabled: true, type: 'query' }]);
    expect(request('Get Device By ID answers 404 for an unknown id').params).toEqual([
      { name: 'id', value: 'st-contract-no-such-device', enabled: true, type: 'path' },
    ]);
  });

  it("checks paging and the filter with the Postman collection's names", () => {
    expect(bruTests(request('Get Devices with limit=1 returns at most one device and a consistent total').tests).map((t) => t.name)).toEqual([
      'status is 200',
      'body matches the DeviceList schema',
      'devices holds at most 1',
      'total counts every match (an integer, at least the page size; a full page when there are matches)',
      'answers within 5000 ms',
    ]);
    expect(bruTests(request('Get Devices filtered by status returns only matching devices').tests).map((t) => t.name)).toContain(
      'every devices entry that reports status has status = offline',
    );
  });
});

describe('environments', () => {
  const env = (id: string, model: ApiModel = fixtureModel()) => lang.bruToEnvJsonV2(fileAt(generate(model), `bruno/environments/${id}.bru`)).variables;

  it.each([
    ['production', 'https://api.securithings.com', '', '', 'v1/devices'],
    ['staging', 'https://api.staging.securithings.com', '', '', 'v1/assets/devices'],
    ['local', 'http://127.0.0.1:4010', 'demo', 'demo-client', 'v1/devices'],
  ])('%s sets baseUrl, organization, clientId and devicesPath, and lists clientSecret as secret', (id, baseUrl, organization, clientId, devicesPath) => {
    expect(env(id)).toEqual([
      { name: 'baseUrl', value: baseUrl, enabled: true, secret: false },
      { name: 'organization', value: organization, enabled: true, secret: false },
      { name: 'clientId', value: clientId, enabled: true, secret: false },
      { name: 'devicesPath', value: devicesPath, enabled: true, secret: false },
      { name: 'clientSecret', value: '', enabled: true, secret: true },
    ]);
  });

  it('adds every resource path variable', () => {
    expect(byName(env('staging', modelWith(withSites)), 'sitesPath')?.value).toBe('v1/sites');
  });
});

describe('a resource with a required query parameter and a path parameter without example', () => {
  const files = generate(modelWith(withSites));

  it('enables the required parameter and puts it in the URL the CLI sends', () => {
    const request = lang.bruToJsonV2(fileAt(files, 'bruno/Sites/Get Sites.bru'));
    expect(request.http.url).toBe('{{baseUrl}}/{{sitesPath}}?region=eu');
    expect(request.params).toEqual([{ name: 'region', value: 'eu', enabled: true, type: 'query' }]);
    expect(bruTests(request.tests).map((t) => t.name)).toEqual(['status is 200', 'body is JSON', 'Content-Type is JSON', 'answers within 5000 ms']);
  });

  it('writes the path parameter with an empty value', () => {
    const request = lang.bruToJsonV2(fileAt(files, 'bruno/Sites/Get Site.bru'));
    expect(request.http.url).toBe('{{baseUrl}}/{{sitesPath}}/:siteId');
    expect(request.params).toEqual([{ name: 'siteId', value: '', enabled: true, type: 'path' }]);
    expect(request.tests).not.toContain('jsonSchema');
  });

  it('orders folders and requests by seq', () => {
    expect(lang.collectionBruToJson(fileAt(files, 'bruno/Sites/folder.bru')).meta?.seq).toBe('3');
    expect(lang.collectionBruToJson(fileAt(files, 'bruno/Contract checks/folder.bru')).meta?.seq).toBe('4');
    expect(lang.bruToJsonV2(fileAt(files, 'bruno/Sites/Get Site.bru')).meta.seq).toBe('2');
  });
});

describe('secrets', () => {
  it('never writes a secret value', () => {
    for (const file of generate()) {
      expect(file.content, file.path).not.toContain(DEMO.clientSecret);
      expect(file.content, file.path).not.toMatch(/clientSecret:\s*\S/);
    }
  });

  it('gives the oauth2 block the secret only as a variable', () => {
    const lines = generate().flatMap((f) => f.content.match(/^\s*client_secret:.*$/gm) ?? []);
    expect(lines).toEqual(['  client_secret: {{clientSecret}}']);
  });
});
