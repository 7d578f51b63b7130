import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGER_MAXIMUM, INTEGER_MINIMUM } from '../../model/integer-bounds.js';
import { DEMO, OTHER, demoTenants, seedData, startReferenceServer, type Item, type RunningServer, type Tenant } from '../../server/index.js';
import { modelWith } from '../support/model.js';
import { getWith, isErrorBody, model, start, tokenFor } from './helpers.js';

// The fixture description's devices, as the server makes them from it (with the additive field, as the server below serves them).
type Device = Item & { [field: string]: any };
const tenants = demoTenants() as [Tenant, Tenant, ...Tenant[]];
const data = seedData(model, tenants, true);
const [demo, other] = tenants.map((t) => ({ devices: data.get(t)!.get('devices') as Device[] })) as [{ devices: Device[] }, { devices: Device[] }];
const PRODUCTION = '/v1/devices';
const STAGING = '/v1/assets/devices';

let server: RunningServer;
let token: string;
let otherToken: string;
beforeAll(async () => {
  server = await start({ additiveFields: true });
  token = await tokenFor(server, DEMO);
  otherToken = await tokenFor(server, OTHER);
});
afterAll(() => server.close());

const list = (query = '', path = PRODUCTION, jwt = token) => getWith(server, `${path}${query}`, jwt);
const ids = (devices: Device[]) => devices.map((d) => d.id);

describe('Get Devices', () => {
  it('returns every device of the caller, with only `devices` and `total`', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(answer.body).sort()).toEqual(['devices', 'total']);
    expect(answer.body.total).toBe(demo.devices.length);
    expect(answer.body.devices).toEqual(demo.devices);
  });

  it('serves the staging path too', async () => {
    const answer = await list('?limit=3', STAGING);
    expect(answer.status).toBe(200);
    expect(ids(answer.body.devices)).toEqual(ids(demo.devices.slice(0, 3)));
  });

  it('pages with limit and offset while total counts every match', async () => {
    const answer = await list('?limit=5&offset=10');
    expect(ids(answer.body.devices)).toEqual(ids(demo.devices.slice(10, 15)));
    expect(answer.body.total).toBe(demo.devices.length);
    const tail = await list(`?limit=1000&offset=${demo.devices.length - 2}`);
    expect(tail.body.devices).toHaveLength(2);
    const past = await list(`?offset=${demo.devices.length}`);
    expect(past.body).toEqual({ devices: [], total: demo.devices.length });
  });

  const filters: Array<[query: string, match: (d: Device) => boolean]> = [
    ['status=offline', (d) => d.status === 'offline'],
    ['lifeCycleStatus=eol', (d) => d.lifeCycleStatus === 'eol'],
    ['isFirmwareVulnerable=1', (d) => d.isFirmwareVulnerable],
    ['isFirmwareLatest=0', (d) => !d.isFirmwareLatest],
    ['probe.agent=down', (d) => d.probe.agent === 'down'],
    ['probe.edge=unmonitored', (d) => d.probe.edge === 'unmonitored'],
    ['availableTask.rotatePassword=1', (d) => d.availableTask.rotatePassword],
    ['availableTask.restartDevice=0', (d) => !d.availableTask.restartDevice],
  ];
  it.each(filters)('filters with %s (dotted names map to nested fields)', async (query, match) => {
    const expected = demo.devices.filter(match);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(demo.devices.length);
    const answer = await list(`?${query}`);
    expect(answer.status).toBe(200);
    expect(ids(answer.body.devices)).toEqual(ids(expected));
    expect(answer.body.total).toBe(expected.length);
  });

  it.each([3, 11])('ANDs filters (values taken from device %i, so something matches)', async (index) => {
    const device = demo.devices[index]!;
    const query = `status=${device.status}&isFirmwareVulnerable=${device.isFirmwareVulnerable ? 1 : 0}&lifeCycleStatus=${device.lifeCycleStatus}&probe.deviceSource=${device.probe.deviceSource}&availableTask.hardenDevice=${device.availableTask.hardenDevice ? 1 : 0}`;
    const expected = demo.devices.filter(
      (d) =>
        d.status === device.status &&
        d.isFirmwareVulnerable === device.isFirmwareVulnerable &&
        d.lifeCycleStatus === device.lifeCycleStatus &&
        d.probe.deviceSource === device.probe.deviceSource &&
        d.availableTask.hardenDevice === device.availableTask.hardenDevice,
    );
    const answer = await list(`?${query}`);
    expect(ids(answer.body.devices)).toEqual(ids(expected));
    expect(answer.body.total).toBe(expected.length);
    expect(expected.length).toBeLessThan(demo.devices.filter((d) => d.status === device.status).length);
  });

  it('pages filtered results with total counting all matches', async () => {
    const online = demo.devices.filter((d) => d.status === 'online');
    const answer = await list('?status=online&limit=2&offset=1');
    expect(ids(answer.body.devices)).toEqual(ids(online.slice(1, 3)));
    expect(answer.body.total).toBe(online.length);
  });

  it('answers 200 with an empty list when nothing matches', async () => {
    const answer = await list('?status=partial&lifeCycleStatus=eos&isFirmwareLatest=1&probe.app=down');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ devices: [], total: 0 });
  });

  it('ignores unknown query parameters', async () => {
    const answer = await list('?sort=name&limit=2');
    expect(answer.status).toBe(200);
    expect(answer.body.devices).toHaveLength(2);
  });

  const malformed: Array<[query: string, parameter: string]> = [
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['offset=-1', 'offset'],
    ['status=broken', 'status'],
    ['lifeCycleStatus=EOL', 'lifeCycleStatus'],
    ['isFirmwareVulnerable=true', 'isFirmwareVulnerable'],
    ['availableTask.upgradeFirmware=yes', 'availableTask.upgradeFirmware'],
    ['probe.agent=sideways', 'probe.agent'],
    ['status=online&status=offline', 'status'],
  ];
  it.each(malformed)('answers 400 naming the parameter for %s', async (query, parameter) => {
    const answer = await list(`?${query}`);
    expect(answer.status).toBe(400);
    expect(isErrorBody(answer.body)).toBe(true);
    expect(answer.body.error_description).toContain(`\`${parameter}\``);
  });

  it.each([
    ['limit=0', 'query parameter `limit` must be an integer from 1 to 1000'],
    ['limit=1001', 'query parameter `limit` must be an integer from 1 to 1000'],
    ['offset=-1', `query parameter \`offset\` must be an integer from 0 to ${INTEGER_MAXIMUM}`],
    ['offset=1234567890123456', `query parameter \`offset\` must be an integer from 0 to ${INTEGER_MAXIMUM}`],
    [`offset=${INTEGER_MAXIMUM + 1}`, `query parameter \`offset\` must be an integer from 0 to ${INTEGER_MAXIMUM}`],
    [`offset=${'9'.repeat(400)}`, `query parameter \`offset\` must be an integer from 0 to ${INTEGER_MAXIMUM}`],
  ])('states the real rule for %s', async (query, description) => {
    const answer = await list(`?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: description });
  });

  it('accepts offset up to the bound, where the page is empty', async () => {
    const answer = await list(`?offset=${INTEGER_MAXIMUM}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ devices: [], total: demo.devices.length });
  });

  it('bounds an integer parameter the description leaves open at 32 bits both ways', async () => {
    const open = modelWith((m) => {
      const offset = m.resources[0]!.endpoints[0]!.query.find((p) => p.name === 'offset')!;
      delete offset.minimum;
      delete offset.maximum;
    });
    const loose = await startReferenceServer(open);
    try {
      const jwt = await tokenFor(loose, DEMO);
      const answer = await getWith(loose, `${PRODUCTION}?offset=${INTEGER_MINIMUM - 1}`, jwt);
      expect(answer.body.error_description).toBe(`query parameter \`offset\` must be an integer from ${INTEGER_MINIMUM} to ${INTEGER_MAXIMUM}`);
    } finally {
      await loose.close();
    }
  });

  it("shows only the caller's own devices", async () => {
    const answer = await list('?limit=1000', PRODUCTION, otherToken);
    expect(ids(answer.body.devices)).toEqual(ids(other.devices));
  });
});

describe('Get Device By ID', () => {
  it('returns the device, including the field the docs do not list (additiveFields)', async () => {
    const device = demo.devices[7]!;
    for (const path of [PRODUCTION, STAGING]) {
      const answer = await getWith(server, `${path}/${device.id}`, token);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(device);
      expect(answer.body.serialNumber).toEqual(expect.any(String));
    }
  });

  it('answers 404 for an unknown id', async () => {
    const answer = await getWith(server, `${PRODUCTION}/st-contract-no-such-device`, token);
    expect(answer.status).toBe(404);
    expect(isErrorBody(answer.body)).toBe(true);
  });

  it("answers 404 for another tenant's device, both ways", async () => {
    expect((await getWith(server, `${PRODUCTION}/${other.devices[0]!.id}`, token)).status).toBe(404);
    expect((await getWith(server, `${STAGING}/${demo.devices[0]!.id}`, otherToken)).status).toBe(404);
    expect((await getWith(server, `${PRODUCTION}/${other.devices[0]!.id}`, otherToken)).status).toBe(200);
  });

  it('requires a bearer token', async () => {
    expect((await getWith(server, `${PRODUCTION}/${demo.devices[0]!.id}`)).status).toBe(401);
  });
});

describe('other methods on data paths', () => {
  it.each([
    ['POST', PRODUCTION],
    ['DELETE', `${PRODUCTION}/${demo.devices[0]!.id}`],
    ['PUT', `${STAGING}/${demo.devices[0]!.id}`],
  ])('answer 405 to %s %s with Allow: GET', async (method, path) => {
    const response = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(isErrorBody(await response.json())).toBe(true);
  });

  it('counts data requests', async () => {
    const before = server.stats.dataRequests;
    await list();
    await getWith(server, PRODUCTION);
    expect(server.stats.dataRequests).toBe(before + 2);
  });
});
