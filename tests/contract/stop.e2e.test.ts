// A run that cannot be made stops at once with one message and exit 2: credentials refused by the
// token endpoint (no further token request, no data request), or a host that cannot be reached
// (no pacing waits).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';
import { planFor, recordedRun } from './plan.js';
import { demoSettings } from '../support/settings.js';

const servers: RunningServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));
const reports = () => mkdtempSync(join(tmpdir(), 'stop-reports-'));

describe('a run that cannot be made', () => {
  it('with a wrong client secret: exit 2 after one token request and no data request', async () => {
    const server = await startReferenceServer(fixtureModel());
    servers.push(server);
    const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports()], { env: demoSettings(server.url, 'not-the-secret') });
    expect(result.code).toBe(2);
    expect(server.stats.tokenRequests).toBe(1);
    expect(server.stats.dataRequests).toBe(0);
    expect(result.stdout).not.toContain('not-the-secret');
    expect(
      result.stdout.match(
        /No token: the token endpoint .* answered 401 Unauthorized, error "invalid_client"\. Check SECURITHINGS_CLIENT_ID, SECURITHINGS_CLIENT_SECRET and SECURITHINGS_ORGANIZATION/g,
      ),
    ).toHaveLength(1);
    expect(result.stdout).not.toMatch(/FAIL /);
  });

  it('says only its stop: no drift or coverage line, file or section, and the reports line names what was written', async () => {
    const server = await startReferenceServer(fixtureModel());
    servers.push(server);
    const dir = reports();
    const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', dir, '--fail-on-drift', '--min-coverage', '90'], {
      env: demoSettings(server.url, 'not-the-secret'),
    });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toMatch(/^(Drift|Coverage|FAILED --)/m);
    expect(result.stdout).toMatch(/^Reports: \S*contract-junit\.xml, \S*contract-report\.html\n$/m);
    expect(readdirSync(dir).sort()).toEqual(['contract-junit.xml', 'contract-report.html']);
    const html = readFileSync(join(dir, 'contract-report.html'), 'utf8');
    expect(html).toContain('The run stopped early');
    expect(html).not.toMatch(/id="(drift|coverage|folders)"/); // no check ran: no folder table either
  });

  it('names the token answer (status, OAuth error) and the settings to check, once', async () => {
    const server = await startReferenceServer(fixtureModel());
    servers.push(server);
    const { summary, requests } = await recordedRun(planFor(server.url, { clientSecret: 'not-the-secret' }));
    expect(summary.stop).toEqual({
      exitCode: 2,
      message: `No token: the token endpoint (POST ${server.url}/token/${DEMO.organization}) answered 401 Unauthorized, error "invalid_client". Check SECURITHINGS_CLIENT_ID, SECURITHINGS_CLIENT_SECRET and SECURITHINGS_ORGANIZATION; the run stopped before any data request.`,
    });
    expect(requests.map((r) => [r.item, r.endpoint, r.tokenRequest])).toEqual([['Auth / Get access token', 'token', true]]);
    expect([summary.failures, summary.errors]).toEqual([[], []]);
  });

  it('with a host that refuses connections: exit 2 at once, naming the host and the code', async () => {
    const started = Date.now();
    const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports()], {
      env: demoSettings('http://127.0.0.1:9', 'any-secret'),
    });
    expect(result.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5000);
    const { summary, requests } = await recordedRun(planFor('http://127.0.0.1:9'));
    expect(requests).toEqual([expect.objectContaining({ errorCode: 'ECONNREFUSED', endpoint: 'token' })]);
    expect(summary.stop?.message).toBe(
      'Cannot reach http://127.0.0.1:9: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9). Check SECURITHINGS_BASE_URL and the network; the run stopped there.',
    );
  });

  it('with a host name that does not resolve: exit 2, naming the DNS failure', async () => {
    const { summary, requests } = await recordedRun(planFor('http://no-such-host.invalid'));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.errorCode).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(summary.stop?.exitCode).toBe(2);
    expect(summary.stop?.message).toMatch(/^Cannot reach http:\/\/no-such-host\.invalid: (ENOTFOUND|EAI_AGAIN) /);
  });
});
