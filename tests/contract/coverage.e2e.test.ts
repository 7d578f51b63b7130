// Coverage: per endpoint, what the run exercised of what the description documents; one
// percentage in the summary line and the JSON file, a picture in the HTML, --min-coverage for CI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageOf, type CoverageReport } from '../../contract/coverage/coverage.js';
import type { RequestRecord } from '../../contract/events.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';

const model = fixtureModel();

async function contractRun(args: string[]) {
  const reports = mkdtempSync(join(tmpdir(), 'coverage-'));
  const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports, ...args]);
  const file = (name: string) => readFileSync(join(reports, name), 'utf8');
  return { ...result, coverage: JSON.parse(file('contract-coverage.json')) as CoverageReport, html: file('contract-report.html') };
}

const record = (part: Partial<RequestRecord> & Pick<RequestRecord, 'url' | 'status'>): RequestRecord => ({
  item: 'Devices / Get Devices',
  method: 'GET',
  requestHeaders: [],
  responseHeaders: [],
  tokenRequest: false,
  at: 0,
  ...part,
});

describe('coverage of a contract run', () => {
  it('names every endpoint with its statuses, query parameters and cases; the summary line and the HTML show one percentage', async () => {
    const run = await contractRun(['--min-coverage', '30']);
    expect(run.code).toBe(0);
    const { endpoints, percent } = run.coverage;
    expect(Object.keys(endpoints)).toEqual(['token', 'listDevices', 'getDevice']);
    // the paging case's page 2 is a request of its own, and sends `offset`
    expect(endpoints.listDevices).toMatchObject({ called: true, requests: 6, statuses: { documented: [200, 401, 429], seen: [200, 401] } });
    expect(endpoints.listDevices!.query.exercised.sort()).toEqual(['limit', 'offset', 'status']); // the documented request leaves the optional parameters off
    expect(endpoints.listDevices!.query.documented).toHaveLength(18);
    expect(endpoints.listDevices!.cases).toEqual(['listFilterOffline', 'listLimitOne', 'listWithTamperedBearer', 'listWithoutBearer']);
    expect(endpoints.getDevice).toMatchObject({ statuses: { documented: [200, 404, 429], seen: [200, 404] }, cases: ['getUnknownDevice'] });
    expect(endpoints.token).toMatchObject({
      requests: 3,
      statuses: { documented: [200, 401], seen: [200, 401] },
      cases: ['tokenNoCredentials', 'tokenWrongSecret'],
    });
    // points: token 1 + 2 statuses of 3; listDevices 1 + 2 + 3 of 1 + 2 + 18; getDevice 1 + 2 of 3: 12 of 27
    expect(percent).toBe(44.4);
    expect(run.stdout).toMatch(/^Coverage: 44\.4% \(3 of 3 endpoints called; see .*contract-coverage\.json\)$/m);
    expect(run.html).toContain('<h2>Coverage: 44.4%</h2>');
    expect(run.html).toContain('<span class="chip">probe.agent</span>'); // documented, not sent
    expect(run.html).toContain('<span class="chip hit">limit</span>');
    expect(run.html).not.toMatch(/<script|style="/i); // the page's CSP allows only its own style: widths come from classes
    expect(run.html.slice(run.html.indexOf('<style>'), run.html.indexOf('</style>'))).toContain('#coverage .w44 span{width:44%}');
  });

  it('--min-coverage fails a run below it, and refuses a value that is not a percentage', async () => {
    const below = await contractRun(['--min-coverage', '90']);
    expect(below.code).toBe(1);
    expect(below.stdout).toContain('FAILED --min-coverage 90: coverage is 44.4%');
    const bad = await runCli(['contract', ...fixtureArgs(), '--min-coverage', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-coverage must be a number from 0 to 100, got "lots"');
  });

  it('shows an endpoint the run never called, and counts a status the description does not list apart', () => {
    const report = coverageOf(model, [record({ url: 'https://api.example.com/v1/devices?limit=1&status=online', status: 500, caseId: 'listLimitOne' })]);
    expect(report.endpoints.getDevice).toMatchObject({ called: false, requests: 0, points: { covered: 0, total: 3 } });
    expect(report.endpoints.token!.called).toBe(false);
    expect(report.endpoints.listDevices).toMatchObject({
      called: true,
      statuses: { seen: [500] },
      query: { exercised: ['limit', 'status'] },
      cases: ['listLimitOne'],
      points: { covered: 3, total: 21 },
    });
    expect(report.percent).toBe(Math.floor((3 / 27) * 1000) / 10);
  });
});
