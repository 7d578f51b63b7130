// Credentials never cross origins: a token endpoint and a data endpoint that answer 307 to another
// loopback port. The run does not follow either; the listener there gets nothing, and the run
// names where the redirect pointed (origin only).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { hostileServer, json } from './hostile-server.js';
import { planFor, recordedRun } from './plan.js';
import { demoSettings } from '../support/settings.js';

const TOKEN = JSON.stringify({ access_token: 'opaque-redirect-token-0123456789', token_type: 'Bearer', expires_in: 3600 });
const env = (url: string) => demoSettings(url, 'redirect-test-secret');
const reports = () => mkdtempSync(join(tmpdir(), 'redirect-reports-'));

describe('a redirect to another origin', () => {
  it('from the token endpoint is not followed: the listener gets nothing, and the run stops naming where it pointed', async () => {
    const listener = await hostileServer((_req, res) => json(res, 200, TOKEN));
    const server = await hostileServer((req, res) => {
      res.writeHead(307, { location: `${listener.url}/steal?from=${encodeURIComponent(req.url ?? '')}` });
      res.end();
    });
    const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports()], { env: env(server.url) });
    expect(listener.seen).toEqual([]);
    expect(result.code).toBe(2);
    expect(server.seen).toHaveLength(1); // the token request, and nothing after it
    expect(result.stdout).toContain(`redirected to ${listener.url}; not followed: credentials stay on their origin`);
    expect(result.stdout).not.toContain('/steal');
  });

  it('from a data endpoint is not followed: no bearer reaches the listener', async () => {
    const listener = await hostileServer((_req, res) => json(res, 200, '{}'));
    const server = await hostileServer((req, res) => {
      if (req.url?.startsWith('/token/')) return json(res, 200, TOKEN);
      res.writeHead(307, { location: `${listener.url}${req.url ?? '/'}` });
      res.end();
    });
    const { summary, requests } = await recordedRun(planFor(server.url));
    expect(listener.seen).toEqual([]);
    expect(server.seen.some((s) => s.headers.authorization?.startsWith('Bearer '))).toBe(true);
    expect(requests.find((r) => r.item === 'Devices / Get Devices')).toMatchObject({ status: 307, endpoint: 'listDevices' });
    expect(summary.notes).toContain(`Devices / Get Devices: redirected to ${listener.url}; not followed: credentials stay on their origin`);
    expect(summary.failures.map((f) => `${f.item} > ${f.name}`)).toContain('Devices / Get Devices > status is 200');
  });
});
