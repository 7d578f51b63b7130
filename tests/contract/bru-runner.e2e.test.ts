// `contract --runner bru`: the committed Bruno collection under Bruno's own CLI, through the same
// reports, redaction and exit codes as newman's run.
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type RunningServer, type Violation } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs, fixtureCollections } from '../support/collections.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

const execute = promisify(execFile);
const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** The temp folders the bru runner makes for its environment file. */
const envFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('contract-bru-'));
const reportsDir = () => mkdtempSync(join(tmpdir(), 'bru-reports-'));

async function tenantServer(violations: Violation[]) {
  const tenant = { organization: 'bru-org', clientId: 'bru-client', clientSecret: `bru-${randomBytes(18).toString('base64url')}`, items: 5 };
  const server = await startReferenceServer(fixtureModel(), { tenants: [tenant], violations });
  servers.push(server);
  const env = {
    SECURITHINGS_BASE_URL: server.url,
    SECURITHINGS_ORGANIZATION: tenant.organization,
    SECURITHINGS_CLIENT_ID: tenant.clientId,
    SECURITHINGS_CLIENT_SECRET: tenant.clientSecret,
  };
  return { server, env, secret: tenant.clientSecret };
}

/** Every process's command line (what `ps` shows any user), polled until stopped. */
function watchCommandLines(): { stop(): Promise<string[]> } {
  const lines = new Set<string>();
  let running = true;
  const poll = (async () => {
    while (running) {
      const { stdout } = await execute('ps', ['-eo', 'args', '-ww']);
      for (const line of stdout.split('\n')) lines.add(line);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await poll;
      return [...lines];
    },
  };
}

/** `item > check` of each failed check in a run's JUnit report. */
const failedChecks = (reports: string) =>
  [...readFileSync(join(reports, 'contract-junit.xml'), 'utf8').matchAll(/<testcase name="([^"]*)" classname="([^"]*)"[^>]*><failure/g)]
    .map(([, name, item]) => `${item} > ${name}`)
    .sort();

const failLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('  FAIL '));

describe('contract --runner bru', () => {
  it('passes against the embedded reference server, with the kit’s reports', async () => {
    const reports = reportsDir();
    const before = envFolders();
    const result = await runCli(['contract', ...fixtureArgs(), '--runner', 'bru', '--reports', reports]);
    expect(envFolders().filter((f) => !before.includes(f))).toEqual([]); // the env file's folder is gone
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Contract run (bru) against');
    expect(result.stdout).toMatch(/\n[1-9]\d* passed, 0 failed/);
    expect(result.code).toBe(0);
    expect(readdirSync(reports).sort()).toEqual(
      expect.arrayContaining(['contract-junit.xml', 'contract-report.html', 'contract-coverage.json', 'contract-drift.json']),
    );
  }, 60_000);

  it.each([
    ['token-lifetime', 'Auth / Get access token > the token lives the documented 3600 s (expires_in and exp - iat, where given)'],
    ['no-auth-required', 'Contract checks / Get Devices refused without a bearer token > status is 401'],
    // opaque tokens are hidden only because they are known: the harder case for redaction
    ['opaque-token', 'Auth / Get access token > access_token is a JWT: three base64url parts, JSON header and claims'],
  ] as const)(
    'fails (exit 1) on the checks newman names against a server with the violation %s; no secret or token anywhere',
    async (violation, named) => {
      const { server, env, secret } = await tenantServer([violation]);
      const newmanReports = reportsDir();
      const newmanRun = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', newmanReports], { env });
      const reports = reportsDir();
      const seen = watchCommandLines();
      const bruRun = await runCli(['contract', ...fixtureArgs(), '--runner', 'bru', '--no-pacing', '--reports', reports], { env });
      const commandLines = await seen.stop();
      expect(commandLines.some((line) => line.includes('--env-file'))).toBe(true); // bru was seen running
      expect(commandLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(newmanRun.code).toBe(1);
      expect(bruRun.code).toBe(1);
      expect(failLines(bruRun.stdout).some((line) => line.startsWith(`  FAIL ${named}`))).toBe(true);
      expect(failedChecks(reports)).toContain(named);
      expect(failedChecks(reports)).toEqual(failedChecks(newmanReports));

      const needles = [secret, ...server.issuedTokens];
      expect(server.issuedTokens.length).toBeGreaterThan(0);
      const texts = [bruRun.stdout, bruRun.stderr, ...readdirSync(reports).map((f) => readFileSync(join(reports, f), 'latin1'))];
      expect(needles.filter((n) => texts.some((t) => t.includes(n))).map((n) => n.slice(0, 6))).toEqual([]);
    },
    90_000,
  );

  it('kills bru past the run deadline and exits 2 with one message', async () => {
    const result = await runCli(['contract', ...fixtureArgs(), '--runner', 'bru', '--run-timeout', '0.5', '--reports', reportsDir()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('The run took longer than 0.5 s (--run-timeout)');
  }, 30_000);

  it('stops (exit 2) with the message newman gives when the host cannot be reached', async () => {
    const env = demoSettings('http://127.0.0.1:9');
    const result = await runCli(['contract', ...fixtureArgs(), '--runner', 'bru', '--no-pacing', '--reports', reportsDir()], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Cannot reach http://127.0.0.1:9: ECONNREFUSED');
  }, 30_000);

  it('refuses a stale Bruno collection with exit 2, before anything runs', async () => {
    const collections = mkdtempSync(join(tmpdir(), 'bru-stale-'));
    cpSync(fixtureCollections(), collections, { recursive: true });
    appendFileSync(join(collections, 'bruno', 'Devices', 'Get Devices.bru'), '\n');
    const result = await runCli(['contract', '--spec', FIXTURE_SPEC, '--collections', collections, '--runner', 'bru']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join('bruno', 'Devices', 'Get Devices.bru')} is missing, stale or edited by hand: run \`npm run generate\``);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown runner with exit 2', async () => {
    const result = await runCli(['contract', ...fixtureArgs(), '--runner', 'inso']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--runner must be newman or bru, got "inso"');
  });
});
