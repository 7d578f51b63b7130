// `npm run contract` end to end: against the embedded server, against a rate-limited server
// reached through the SECURITHINGS_* variables, and against servers that break the contract.
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, startReferenceServer, type RunningServer, type ServerOptions } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs, fixtureCollections } from '../support/collections.js';
import { fixtureModel, FIXTURE_SPEC } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

const model = fixtureModel();
const servers: RunningServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function server(options: ServerOptions): Promise<RunningServer> {
  const started = await startReferenceServer(model, options);
  servers.push(started);
  return started;
}

const reportsDir = () => mkdtempSync(join(tmpdir(), 'contract-reports-'));

describe('npm run contract', () => {
  it('passes against the embedded server with no configuration, with one token issued, and writes the reports', async () => {
    const reports = reportsDir();
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    // announced as embedded before anything else, and in both reports
    const announced = /^Contract run against (the embedded reference server \(no SECURITHINGS_BASE_URL set\) at http:\/\/127\.0\.0\.1:\d+)$/;
    const target = announced.exec(result.stdout.split('\n')[0]!)?.[1];
    expect(target).toBeDefined();
    expect(readFileSync(join(reports, 'contract-junit.xml'), 'utf8')).toContain(`<testsuites name="contract: ${target}"`);
    expect(readFileSync(join(reports, 'contract-report.html'), 'utf8')).toContain(`<dt>Target</dt><dd>${target}</dd>`);
    expect(result.stdout).toContain('(3 to the token endpoint, 1 answered with a token)');
    expect(result.stdout).toMatch(/^Reports: .*contract-junit\.xml, .*contract-report\.html$/m);
    const junit = readFileSync(join(reports, 'contract-junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="contract: [^"]*" tests="(\d+)" failures="0" errors="0"/);
    expect(readFileSync(join(reports, 'contract-report.html'), 'utf8')).toContain('PASSED');
  });

  it('passes against a server enforcing the documented rate limits, pacing itself: no 429, one token', async () => {
    const limited = await server({ rateLimits: true });
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reportsDir()], { env: demoSettings(limited.url) });
    expect(result.stdout).toContain('PASSED');
    expect(result.code).toBe(0);
    expect(limited.stats.rateLimited).toBe(0);
    expect(limited.stats.tokensIssued).toBe(1);
    expect(limited.stats.tokenRequests).toBeLessThanOrEqual(model.auth.rateLimit!.requests);
  });

  it('passes against a server that adds an undocumented field to every item: additive changes never fail the contract', async () => {
    const additive = await server({ additiveFields: true });
    const token = (await (
      await fetch(`${additive.url}/token/${DEMO.organization}`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}` },
      })
    ).json()) as { access_token: string };
    const devices = (await (await fetch(`${additive.url}/v1/devices`, { headers: { authorization: `Bearer ${token.access_token}` } })).json()) as {
      devices: Array<Record<string, unknown>>;
    };
    expect(devices.devices[0].serialNumber).toEqual(expect.any(String));
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reportsDir()], { env: demoSettings(additive.url) });
    expect(result.stdout).toContain('PASSED');
    expect(result.code).toBe(0);
  });

  it.concurrent.each([
    ['wrong-field-type', 'Devices / Get Devices > body matches the DeviceList schema'],
    ['token-lifetime', 'Auth / Get access token > the token lives the documented 3600 s'],
    ['no-auth-required', 'Contract checks / Get Devices refused without a bearer token > status is 401'],
  ] as const)('fails against a server with the violation %s and names the broken assertion', async (violation, named) => {
    const broken = await server({ violations: [violation] });
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reportsDir()], { env: demoSettings(broken.url) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAILED');
    expect(result.stdout).toContain(`FAIL ${named}`);
  });
});

describe('npm run contract refuses bad setups with exit 2', () => {
  it('names the missing variables when only the base URL is set', async () => {
    const result = await runCli(['contract', ...fixtureArgs()], { env: { SECURITHINGS_BASE_URL: 'http://127.0.0.1:9' } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'SECURITHINGS_BASE_URL (from the environment) is set, so SECURITHINGS_ORGANIZATION, SECURITHINGS_CLIENT_ID, SECURITHINGS_CLIENT_SECRET must be set too (in the environment or .env)',
    );
  });

  it.each([
    [
      'https://client:secret@api.example.com',
      'SECURITHINGS_BASE_URL (from the environment) must not hold credentials; use SECURITHINGS_CLIENT_ID and SECURITHINGS_CLIENT_SECRET',
    ],
    ['ftp://api.example.com', 'SECURITHINGS_BASE_URL (from the environment) must be an http(s) URL such as https://api.securithings.com'],
    [
      'https://api.example.com/?x=1',
      'SECURITHINGS_BASE_URL (from the environment) must be an http(s) URL such as https://api.securithings.com, without a query or fragment',
    ],
  ])('refuses SECURITHINGS_BASE_URL=%s', async (url, message) => {
    const env = { SECURITHINGS_BASE_URL: url, SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c', SECURITHINGS_CLIENT_SECRET: 's' };
    for (const args of [
      ['contract', ...fixtureArgs()],
      ['token', '--spec', FIXTURE_SPEC],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(message);
    }
  });

  it('reads the target from a .env file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'contract-env-'));
    writeFileSync(join(cwd, '.env'), 'SECURITHINGS_BASE_URL=http://127.0.0.1:9\nSECURITHINGS_ORGANIZATION=demo\n', { mode: 0o600 });
    const result = await runCli(['contract', ...fixtureArgs()], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'SECURITHINGS_BASE_URL (from .env) is set, so SECURITHINGS_CLIENT_ID, SECURITHINGS_CLIENT_SECRET must be set too (in the environment or .env)',
    );
  });

  it('refuses to run a collection that is stale against the spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-stale-'));
    cpSync(fixtureCollections(), dir, { recursive: true });
    const file = join(dir, 'securithings.postman_collection.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Get Devices"', '"Get All Devices"'));
    const result = await runCli(['contract', '--spec', FIXTURE_SPEC, '--collections', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/securithings\.postman_collection\.json is stale or edited by hand: run `npm run generate`/);
  });

  it('offers no way to pass credentials as arguments', async () => {
    const result = await runCli(['contract', ...fixtureArgs(), '--client-secret', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--client-secret'");
  });
});
