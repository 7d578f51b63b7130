// The description grows: two resources added to a copy of the fixture description (Sites and Device
// Sources, each a list and a fetch-one) are generated into clients and pass the contract run against
// the embedded server, with no code change, and with no drift.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

type Spec = Record<string, any>;

/** A resource with a list (paged, one enum filter on a nested field) and a fetch-one whose id the list captures. */
function resource(id: string, name: string, singular: string, item: string): Spec {
  const variable = `${singular}Id`;
  return {
    id,
    name,
    basePath: `/v1/${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    rateLimit: { requests: 1, perSeconds: 1, per: ['ip', 'user'] },
    endpoints: [
      {
        id: `list${name.replace(/ /g, '')}`,
        name: `Get ${name}`,
        method: 'GET',
        path: '',
        list: { items: id, total: 'total', limit: 'limit', offset: 'offset' },
        query: [
          { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          { name: 'offset', type: 'integer', minimum: 0, default: 0 },
          { name: 'health', type: 'string', enum: ['ok', 'degraded'], field: 'state.health' },
          { name: 'zone', type: 'string', enum: ['north', 'south'], field: 'location.zone' },
        ],
        responses: [{ status: 200, description: `A page of ${name.toLowerCase()}.`, schema: { $ref: `#/schemas/${item}List` } }],
        capture: { [variable]: `${id}[0].id` },
      },
      {
        id: `get${item}`,
        name: `Get ${item} By ID`,
        method: 'GET',
        path: '/{id}',
        item: { key: 'id' },
        pathParams: [{ name: 'id', type: 'string', example: `{{${variable}}}` }],
        requires: [variable],
        responses: [
          { status: 200, description: `The ${singular}.`, schema: { $ref: `#/schemas/${item}` } },
          { status: 404, description: 'No such item.' },
        ],
      },
    ],
  };
}

function schemas(id: string, item: string): Spec {
  return {
    [item]: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, state: { type: 'object', properties: { health: { type: 'string' } } } },
    },
    [`${item}List`]: { type: 'object', properties: { [id]: { type: 'array', items: { $ref: `#/schemas/${item}` } }, total: { type: 'integer', minimum: 0 } } },
  };
}

describe('a description with two more resources', () => {
  it('generates and passes its contract run against the embedded server, calling the new endpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'growing-'));
    const spec = load(readFileSync(FIXTURE_SPEC, 'utf8')) as Spec;
    spec.resources.push(resource('sites', 'Sites', 'site', 'Site'), resource('deviceSources', 'Device Sources', 'deviceSource', 'DeviceSource'));
    Object.assign(spec.schemas, schemas('sites', 'Site'), schemas('deviceSources', 'DeviceSource'));
    const specFile = join(dir, 'api.yaml');
    writeFileSync(specFile, dump(spec, { lineWidth: -1, noRefs: true }));
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
    for (const [name, path] of [['Sites / Get Sites', '/v1/sites'], ['Sites / Get Site By ID', '/v1/sites/site'], ['Device Sources / Get Device Sources', '/v1/device-sources'], ['Device Sources / Get DeviceSource By ID', '/v1/device-sources/device']]) {
      expect(result.stdout, name).toMatch(new RegExp(`${name}\\n +GET http://[^/]+${path}\\S* -> 200 OK`));
    }
  });
});
