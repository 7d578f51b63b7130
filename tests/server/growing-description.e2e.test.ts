// The description grows: two resources (Sites and Device Sources, each a list and a fetch-one, see
// scripts/more-resources.ts) added to a copy of the fixture description are generated into clients
// and pass the contract run against the embedded server, with no code change, and with no drift.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMoreResources } from '../../scripts/more-resources.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

describe('a description with two more resources', () => {
  it('generates and passes its contract run against the embedded server, calling the new endpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'growing-'));
    const specFile = join(dir, 'api.yaml');
    const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
    const grown = withMoreResources(fixture);
    expect(grown.split('\n').filter((line) => line.startsWith('#'))).toEqual(fixture.split('\n').filter((line) => line.startsWith('#')));
    writeFileSync(specFile, grown);
    const collections = join(dir, 'collections');

    const generated = await runCli(['generate', '--spec', specFile, '--out', collections]);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const result = await runCli(['contract', '--spec', specFile, '--collections', collections, '--reports', join(dir, 'reports')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('PASSED');
    expect(result.code).toBe(0);
    // The server serves the description exactly: drift finds nothing, also on `location.zone`, a field only a filter names.
    const drift = JSON.parse(readFileSync(join(dir, 'reports', 'contract-drift.json'), 'utf8'));
    for (const id of ['listSites', 'getSite', 'listDeviceSources', 'getDeviceSource']) expect(drift[id], id).toMatchObject({ undocumentedFields: [] });
    for (const [name, path] of [
      ['Sites / Get Sites', '/v1/sites'],
      ['Sites / Get Site By ID', '/v1/sites/site'],
      ['Device Sources / Get Device Sources', '/v1/device-sources'],
      ['Device Sources / Get DeviceSource By ID', '/v1/device-sources/device'],
    ]) {
      expect(result.stdout, name).toMatch(new RegExp(`${name}\\n +GET http://[^/]+${path}\\S* -> 200 OK`));
    }
  });
});
