// Drift: what the answers held that the description does not say, per endpoint, in the drift
// files, the HTML report and the summary line; --fail-on-drift makes it a failing run.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerJson } from '../../contract/drift/answer-json.js';
import { driftCount, driftGate, driftOf, type DriftReport } from '../../contract/drift/drift.js';
import { driftHtml, driftLine, driftMarkdown } from '../../contract/drift/render.js';
import { Redactor, REDACTED } from '../../contract/redact.js';
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
    // the documented list, the paging case's two pages and the filter case
    expect(tolerant.drift.listDevices!.undocumentedFields).toEqual([
      { path: 'devices[].serialNumber', types: ['string'], answers: 4 },
      { path: 'devices[].tags', types: ['array'], answers: 4 },
      { path: 'devices[].warranty', types: ['object'], answers: 4 },
    ]);
    expect(tolerant.drift.getDevice!.undocumentedFields.map((f) => f.path)).toEqual(['serialNumber', 'tags', 'warranty']);
    expect(tolerant.drift.getDevice!.openFields).toContainEqual({ path: 'warranty.until', types: ['string'], answers: 1 });
    expect(tolerant.stdout).toMatch(/^Drift: 6 undocumented fields on 2 endpoints \(see .*contract-drift\.md\)$/m);
    expect(tolerant.markdown).toContain('| `devices[].serialNumber` | string | 4 |');
    expect(tolerant.html).toContain('<code>devices[].serialNumber</code> (string, 4)');
    // names and types only: no value of an undocumented field reaches a report
    for (const text of [
      tolerant.markdown,
      tolerant.html.slice(tolerant.html.indexOf('id="drift"'), tolerant.html.indexOf('id="coverage"')),
      JSON.stringify(tolerant.drift),
    ]) {
      expect(text).not.toContain(added.serialNumber);
      expect(text).not.toContain('2030-01-01');
    }

    const strict = await contractRun(['--fail-on-drift'], demoSettings(server.url));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('FAILED --fail-on-drift: the answers drifted from the description');
  });

  it("reads answers nested past the redactor's depth and over the report limit, as received, and says which lists it cut", async () => {
    // 300 levels deep and 70 KiB per item: the report keeps a cut text copy; drift reads the whole answer
    let deep: Record<string, unknown> = { secretive: 'leaf' };
    for (let i = 0; i < 300; i++) deep = { a: deep };
    const server = await startReferenceServer(model, { tenants: [{ ...DEMO, items: 2 }], additiveFields: { deep, padding: 'x'.repeat(70 * 1024) } });
    servers.push(server);
    const run = await contractRun(['--fail-on-drift'], demoSettings(server.url));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAILED --fail-on-drift: the answers drifted from the description');
    const list = run.drift.listDevices!;
    expect(list.answers).toBeGreaterThan(0);
    expect(list.undocumentedFields.map((f) => f.path)).toEqual(['devices[].deep', 'devices[].padding']);
    expect(list.openFields).toHaveLength(200);
    expect(list.cut).toEqual({ openFields: { shown: 200, total: 301 } });
    expect(run.markdown).toContain('Fields inside values the description leaves open (200 of 301 shown):');
    expect(run.stdout).toMatch(
      /^Drift: 4 undocumented fields on 2 endpoints; lists cut: getDevice: fields inside open values: 200 of 301 shown; listDevices: fields inside open values: 200 of 301 shown \(see .*\)$/m,
    );
    expect(run.html).toContain('<b class="cut">fields inside open values: 200 of 301 shown</b>');
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
    record({
      url: 'https://api.example.com/v1/devices',
      status: 200,
      responseJson: { devices: [device], total: 1 },
      responseHeaders: [
        ['content-type', 'application/json'],
        ['X-RateLimit-Remaining', '0'],
        ['Retry-After', '1'],
      ],
    }),
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
    expect(driftCount(report)).toEqual({ fields: 2, endpoints: 2, findings: 8, unread: 0 });
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

describe('drift says what it could not read or show', () => {
  const listRecord = (part: Partial<RequestRecord>) => record({ url: 'https://api.example.com/v1/devices', status: 200, ...part });

  it('names an answer it could not read in the line, the Markdown, the HTML and the JSON, and --fail-on-drift fails on it', () => {
    const report = driftOf(model, [
      listRecord({
        responseHeaders: [['Content-Type', 'application/json']],
        responseBody: '{"devices": [',
        responseBodyCut: { shownBytes: 13, totalBytes: 900_000 },
      }),
    ]);
    expect(report.listDevices!.unread).toEqual([{ status: 200, reason: 'its body is not JSON', answers: 1 }]);
    expect(report.listDevices!.answers).toBe(0);
    expect(driftCount(report)).toMatchObject({ unread: 1, endpoints: 1 });
    expect(driftLine(report, 'reports/contract-drift.md')).toBe(
      'Drift: could not read 1 answer (listDevices: 1 answer with status 200: its body is not JSON), so their drift is unknown; 0 undocumented fields on 1 endpoint (see reports/contract-drift.md)',
    );
    const markdown = driftMarkdown(report);
    expect(markdown).toContain('**Could not read 1 answer**: their drift is unknown');
    expect(markdown).toContain('**Could not read** 1 answer with status 200: its body is not JSON.');
    expect(markdown).not.toContain('No drift.');
    expect(driftHtml(report).html).toContain('<b class="fail">could not read 1 answer with status 200: its body is not JSON</b>');
    expect(driftHtml(report).html).toContain('Could not read 1 answer: their drift is unknown.');
    expect(driftGate(report)).toEqual(['--fail-on-drift: drift could not read 1 answer, so they may have drifted unseen']);
  });

  it('says when a list was cut and by how much: "200 of 250 shown", and counts them all', () => {
    const extra = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`extra${String(i).padStart(3, '0')}`, i]));
    const report = driftOf(model, [listRecord({ responseJson: { devices: [], total: 0, ...extra } })]);
    const list = report.listDevices!;
    expect(list.undocumentedFields).toHaveLength(200);
    expect(list.cut).toEqual({ undocumentedFields: { shown: 200, total: 250 } });
    expect(driftCount(report).fields).toBe(250);
    expect(driftLine(report, 'r.md')).toBe(
      'Drift: 250 undocumented fields on 1 endpoint; lists cut: listDevices: undocumented fields: 200 of 250 shown (see r.md)',
    );
    expect(driftMarkdown(report)).toContain('Undocumented fields (200 of 250 shown):');
    expect(driftHtml(report).html).toContain('<b class="cut">undocumented fields: 200 of 250 shown</b>');
  });

  it('keeps at most 10,000 distinct paths per list and then says there were more than that', () => {
    const extra = Object.fromEntries(Array.from({ length: 10_050 }, (_, i) => [`f${i}`, i]));
    const report = driftOf(model, [listRecord({ responseJson: { devices: [], total: 0, ...extra } })]);
    expect(report.listDevices!.cut).toEqual({ undocumentedFields: { shown: 200, total: 10_000, atLeast: true } });
    expect(driftMarkdown(report)).toContain('Undocumented fields (200 of more than 10,000 shown):');
  });

  it("walks an answer of any depth to its end, and the answer's JSON is redacted at any depth", () => {
    const depth = 100_000;
    const text = `{"devices":[],"total":0,"nest":${'{"a":'.repeat(depth)}"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"${'}'.repeat(depth)}}`;
    const json = answerJson(text, new Redactor()) as Record<string, unknown>;
    let at: unknown = json.nest;
    for (let i = 0; i < depth; i++) at = (at as Record<string, unknown>).a;
    expect(at).toBe(REDACTED);
    const report = driftOf(model, [listRecord({ responseJson: json })]);
    expect(report.listDevices!.undocumentedFields.map((f) => f.path)).toEqual(['nest']);
    // every level is walked: 498 paths up to MAX_PATH (1,000) characters, and one cut path (`nest.a.a…`) for all below them
    expect(report.listDevices!.cut?.openFields).toEqual({ shown: 200, total: 499 });
  });
});
