// Drift: what the answers held that the description does not say, per endpoint, in the drift
// files, the HTML report and the summary line; --fail-on-drift makes it a failing run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { driftCount, driftOf, type DriftReport } from '../../contract/drift/drift.js';
import { driftHtml, driftMarkdown } from '../../contract/drift/render.js';
import type { RequestRecord } from '../../contract/events.js';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

const model = fixtureModel();
const servers: RunningServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function contractRun(args: string[], env: NodeJS.ProcessEnv = {}) {
  const reports = mkdtempSync(join(tmpdir(), 'drift-'));
  const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports, ...args], { env });
  const file = (name: string) => readFileSync(join(reports, name), 'utf8');
  return { ...result, drift: JSON.parse(file('contract-drift.json')) as DriftReport, markdown: file('contract-drift.md'), html: file('contract-report.html') };
}

describe('drift in a contract run', () => {
  it('is empty against the embedded server, which serves the description exactly', async () => {
    const run = await contractRun(['--fail-on-drift']);
    expect(run.code).toBe(0);
    expect(Object.keys(run.drift).sort()).toEqual(['getDevice', 'listDevices', 'token']);
    for (const endpoint of Object.values(run.drift)) {
      expect(endpoint.answers).toBeGreaterThan(0);
      expect([endpoint.undocumentedFields, endpoint.outOfEnum, endpoint.undocumentedStatuses, endpoint.undocumentedContentTypes]).toEqual([[], [], [], []]);
    }
    expect(run.stdout).toMatch(/^Drift: 0 undocumented fields on 0 endpoints \(see .*contract-drift\.md\)$/m);
    expect(run.html).toContain('No drift: every answer held only what the description says.');
  });

  it('lists the fields a server adds, per endpoint, in the files, the HTML and the summary; --fail-on-drift fails the run', async () => {
    const added = { serialNumber: 'ST-9F3A0C71E2', tags: ['lobby'], warranty: { until: '2030-01-01' } };
    const server = await startReferenceServer(model, { tenants: [{ ...DEMO, items: 5 }], additiveFields: added });
    servers.push(server);
    const tolerant = await contractRun([], demoSettings(server.url));
    expect(tolerant.code).toBe(0); // additive fields never fail the contract itself
    expect(tolerant.drift.listDevices!.undocumentedFields).toEqual([
      { path: 'devices[].serialNumber', types: ['string'], answers: 3 },
      { path: 'devices[].tags', types: ['array'], answers: 3 },
      { path: 'devices[].warranty', types: ['object'], answers: 3 },
    ]);
    expect(tolerant.drift.getDevice!.undocumentedFields.map((f) => f.path)).toEqual(['serialNumber', 'tags', 'warranty']);
    expect(tolerant.drift.getDevice!.openFields).toContainEqual({ path: 'warranty.until', types: ['string'], answers: 1 });
    expect(tolerant.stdout).toMatch(/^Drift: 6 undocumented fields on 2 endpoints \(see .*contract-drift\.md\)$/m);
    expect(tolerant.markdown).toContain('| `devices[].serialNumber` | string | 3 |');
    expect(tolerant.html).toContain('<code>devices[].serialNumber</code> (string, 3)');
    // names and types only: no value of an undocumented field reaches a report
    for (const text of [tolerant.markdown, tolerant.html.slice(tolerant.html.indexOf('id="drift"'), tolerant.html.indexOf('id="coverage"')), JSON.stringify(tolerant.drift)]) {
      expect(text).not.toContain(added.serialNumber);
      expect(text).not.toContain('2030-01-01');
    }

    const strict = await contractRun(['--fail-on-drift'], demoSettings(server.url));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('FAILED --fail-on-drift: the answers drifted from the description');
  });
});

const record = (part: Partial<RequestRecord> & Pick<RequestRecord, 'url' | 'status'>): RequestRecord => ({
  item: 'Devices / Get Devices',
  method: 'GET',
  requestHeaders: [],
  responseHeaders: [['Content-Type', 'application/json']],
  tokenRequest: false,
  at: 0,
  ...part,
});

describe('driftOf', () => {
  const device = { id: 'd1', status: 'maintenance', probe: { agent: 'sleeping', extra: 1 }, isFirmwareLatest: true, lifeCycleStatus: 'eol' };
  const report = driftOf(model, [
    record({ url: 'https://api.example.com/v1/devices', status: 200, responseJson: { devices: [device], total: 1 }, responseHeaders: [['content-type', 'application/json'], ['X-RateLimit-Remaining', '0'], ['Retry-After', '1']] }),
    record({ url: 'https://api.example.com/v1/assets/devices/d1', status: 418, contentType: 'text/html', responseBody: '<p>teapot</p>' }),
    record({ url: 'https://api.example.com/v1/devices/d1', status: 200, responseBody: JSON.stringify({ ...device, '<b>`key`|\n': 1, ['k'.repeat(500)]: 2 }) }),
  ]);

  it('reads enum values only for enum fields, names fields the filter parameters describe as described, and keeps header names only', () => {
    const list = report.listDevices!;
    expect(list.outOfEnum).toEqual([
      { path: 'devices[].probe.agent', values: ['sleeping'] }, // probe.agent's enum comes from its filter parameter
      { path: 'devices[].status', values: ['maintenance'] },
    ]);
    expect(list.undocumentedFields).toEqual([]); // probe, isFirmwareLatest, lifeCycleStatus: filter parameters name them
    expect(list.openFields).toEqual([{ path: 'devices[].probe.extra', types: ['integer'], answers: 1 }]); // probe's sub-fields are open
    expect(list.headers).toEqual(['Retry-After', 'X-Ratelimit-Remaining']);
    expect(JSON.stringify(list)).not.toContain('"0"');
    expect(list.neverSeen).toContain('devices[].lastSeen');
  });

  it('names undocumented statuses and content types, on any environment path', () => {
    expect(report.getDevice!.undocumentedStatuses).toEqual([{ status: 418, answers: 1 }]);
    expect(report.getDevice!.undocumentedContentTypes).toEqual([{ contentType: 'text/html', answers: 1 }]);
    expect(driftCount(report)).toEqual({ fields: 2, endpoints: 2, findings: 8 });
  });

  it('cuts and escapes names from the network in Markdown and HTML', () => {
    const paths = report.getDevice!.undocumentedFields.map((f) => f.path);
    expect(paths).toEqual(['["<b>`key`|\\n"]', `["${'k'.repeat(100)}…"]`]);
    const markdown = driftMarkdown(report);
    expect(markdown).toContain('| `[\\"<b>\\u0060key\\u0060\\|\\\\n\\"]` | integer | 1 |');
    expect(markdown).not.toContain('k'.repeat(101));
    const html = driftHtml(report).html;
    expect(html).toContain('<code>[&quot;&lt;b&gt;`key`|\\n&quot;]</code>');
    expect(html).not.toContain('<b>');
  });
});
