// The settings a run reads are named by the description: its envPrefix and its token path's variables.
import { describe, expect, it } from 'vitest';
import { embeddedEnvironment, settingNames, settleTarget, settleTokenTarget, TargetError, upperSnake } from '../../contract/target.js';
import { modelWith, fixtureModel } from '../support/model.js';

const tenantModel = modelWith((m) => {
  m.info.envPrefix = 'ACME_API';
  m.auth.path = '/tenants/{tenantId}/regions/{region}/token';
  m.auth.pathVariables = ['tenantId', 'region'];
});

describe('settingNames', () => {
  it('names the SecuriThings settings as before: SECURITHINGS_BASE_URL, _ORGANIZATION, _CLIENT_ID, _CLIENT_SECRET, _ENVIRONMENT', () => {
    expect(settingNames(fixtureModel())).toEqual({
      baseUrl: 'SECURITHINGS_BASE_URL',
      clientId: 'SECURITHINGS_CLIENT_ID',
      clientSecret: 'SECURITHINGS_CLIENT_SECRET',
      environment: 'SECURITHINGS_ENVIRONMENT',
      pathVariables: { organization: 'SECURITHINGS_ORGANIZATION' },
    });
  });

  it("uses the description's prefix and one setting per token-path variable, in UPPER_SNAKE", () => {
    expect(settingNames(tenantModel).pathVariables).toEqual({ tenantId: 'ACME_API_TENANT_ID', region: 'ACME_API_REGION' });
    expect(upperSnake('baseUrl')).toBe('BASE_URL');
  });
});

/** Settings as the CLI reads them, every value from the environment. */
const fromEnv = (vars: Record<string, string>) => ({
  vars: Object.fromEntries(Object.entries(vars).map(([k, value]) => [k, { value, from: 'the environment' }])),
  file: '.env',
});

describe('settleTarget', () => {
  const vars = {
    ACME_API_BASE_URL: 'https://api.acme.example',
    ACME_API_CLIENT_ID: 'c',
    ACME_API_CLIENT_SECRET: 's',
    ACME_API_TENANT_ID: 't1',
    ACME_API_REGION: 'eu',
  };

  it('carries every token-path variable by its name', () => {
    const target = settleTarget(tenantModel, fromEnv(vars));
    expect(target).toMatchObject({
      kind: 'remote',
      credentials: { baseUrl: 'https://api.acme.example', clientId: 'c', clientSecret: 's', tenantId: 't1', region: 'eu' },
    });
    expect(settleTokenTarget(tenantModel, fromEnv(vars))).toEqual({ baseUrl: 'https://api.acme.example', clientId: 'c', tenantId: 't1', region: 'eu' });
  });

  it("names the missing settings with the description's prefix", () => {
    const { ACME_API_REGION: _region, ...rest } = vars;
    expect(() => settleTarget(tenantModel, fromEnv(rest))).toThrow(
      new TargetError('ACME_API_BASE_URL (from the environment) is set, so ACME_API_REGION must be set too (in the environment or .env)'),
    );
    expect(() => settleTarget(tenantModel, fromEnv({ ...vars, SECURITHINGS_BASE_URL: 'x', ACME_API_BASE_URL: 'ftp://x' }))).toThrow(
      /^ACME_API_BASE_URL \(from the environment\) must be an http\(s\) URL such as https:\/\/api\.securithings\.com$/,
    );
  });

  it('labels the environment by its id when named or matched by base URL, else says none matched and what to set', () => {
    const label = (more: Record<string, string>) =>
      settleTarget(fixtureModel(), fromEnv({ SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c', SECURITHINGS_CLIENT_SECRET: 's', ...more }))
        .environmentLabel;
    expect(label({ SECURITHINGS_BASE_URL: 'https://api.staging.securithings.com' })).toBe('staging');
    expect(label({ SECURITHINGS_BASE_URL: 'http://127.0.0.1:4311', SECURITHINGS_ENVIRONMENT: 'staging' })).toBe('staging');
    expect(label({ SECURITHINGS_BASE_URL: 'http://127.0.0.1:4311' })).toBe(
      "none has this base URL (production's resource paths used; set SECURITHINGS_ENVIRONMENT to choose)",
    );
  });

  it("ignores other descriptions' settings: without its own base URL the run goes to the embedded server", () => {
    expect(settleTarget(tenantModel, fromEnv({ SECURITHINGS_BASE_URL: 'https://api.securithings.com' })).kind).toBe('embedded');
  });

  it('refuses credentials without a base URL, naming the missing setting: a misnamed SECURITHINGS_BASE_URL must not turn a run against the API into a green run against the embedded server', () => {
    const credentials = { SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c', SECURITHINGS_CLIENT_SECRET: 's' };
    expect(() => settleTarget(fixtureModel(), fromEnv({ ...credentials, SECURITHINGS_BASEURL: 'https://api.securithings.com' }))).toThrow(
      new TargetError(
        'SECURITHINGS_BASE_URL is not set, but SECURITHINGS_ORGANIZATION (from the environment), SECURITHINGS_CLIENT_ID (from the environment), SECURITHINGS_CLIENT_SECRET (from the environment) are: ' +
          'set SECURITHINGS_BASE_URL (in the environment or .env) to test the API, or unset them to run against the embedded reference server',
      ),
    );
    // any one of them is enough, and a base URL left empty in the file is named as such
    const blankInFile = {
      vars: { SECURITHINGS_BASE_URL: { value: ' ', from: '.env' }, SECURITHINGS_CLIENT_SECRET: { value: 's', from: '.env' } },
      file: '.env',
    };
    expect(() => settleTarget(fixtureModel(), blankInFile)).toThrow(
      /^SECURITHINGS_BASE_URL is not set \(empty in \.env\), but SECURITHINGS_CLIENT_SECRET \(from \.env\) is: /,
    );
    expect(() => settleTarget(tenantModel, fromEnv({ ACME_API_TENANT_ID: 't1' }))).toThrow(
      /^ACME_API_BASE_URL is not set, but ACME_API_TENANT_ID \(from the environment\) is: /,
    );
  });
});

describe('embeddedEnvironment: no environment id is special', () => {
  const envs = (...list: [id: string, baseUrl: string][]) =>
    modelWith((m) => {
      m.environments = list.map(([id, baseUrl]) => ({ id, name: id, baseUrl, tokenBaseUrl: baseUrl, resourcePaths: {}, values: {} }));
    });

  it('picks the environment whose base URL is loopback, whatever its id', () => {
    expect(embeddedEnvironment(envs(['prod', 'https://api.example'], ['dev', 'http://localhost:8080'], ['qa', 'https://qa.example'])).id).toBe('dev');
  });

  it('else the last one (the first is production)', () => {
    const model = envs(['prod', 'https://api.example'], ['sandbox', 'https://sandbox.example']);
    expect(embeddedEnvironment(model).id).toBe('sandbox');
    expect(settleTarget(model, fromEnv({}))).toMatchObject({ kind: 'embedded', environment: { id: 'sandbox' }, environmentLabel: 'sandbox' });
  });
});
