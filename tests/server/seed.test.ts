import { describe, expect, it } from 'vitest';
import { DEMO, demoTenants, seedDevices } from '../../server/index.js';
import { model, schemaValidator } from './helpers.js';

const DOCUMENTED = ['id', 'name', 'vendor', 'model', 'firmwareVersion', 'deviceType', 'compliance', 'network', 'status', 'lastSeen', 'deviceSources', 'sites'];
const FILTERABLE = ['lifeCycleStatus', 'isFirmwareVulnerable', 'isFirmwareLatest', 'isFirmwareUpgradeAvailable', 'probe', 'availableTask'];

describe('demo tenants', () => {
  const tenants = demoTenants(true);
  const [demo] = tenants;

  it('are deterministic', () => {
    expect(demoTenants(true)).toEqual(tenants);
    expect(demoTenants()[0]!.devices.some((d) => 'serialNumber' in d)).toBe(false); // the additive field only on request
    expect(seedDevices('x', 3)).toEqual(seedDevices('x', 3));
  });

  it("start with DEMO, whose organization and client id are the spec's local environment values", () => {
    const local = model.environments.find((e) => e.id === 'local')!;
    expect(demo).toMatchObject(DEMO);
    expect(local.values).toEqual({ organization: DEMO.organization, clientId: DEMO.clientId });
    expect(tenants.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tenants.map((t) => t.clientId)).size).toBe(tenants.length);
  });

  it('give the demo tenant about 25 devices with every status and at least two offline', () => {
    expect(demo!.devices.length).toBeGreaterThanOrEqual(20);
    const statuses = demo!.devices.map((d) => d.status);
    expect(new Set(statuses)).toEqual(new Set(['online', 'offline', 'partial', 'unknown']));
    expect(statuses.filter((s) => s === 'offline').length).toBeGreaterThanOrEqual(2);
  });

  it('use device ids that are unique across tenants', () => {
    const ids = tenants.flatMap((t) => t.devices.map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry every documented and filterable field, one additive field, and match the Device schema', () => {
    const valid = schemaValidator('Device');
    for (const device of tenants.flatMap((t) => t.devices)) {
      for (const field of [...DOCUMENTED, ...FILTERABLE, 'serialNumber']) expect(device, field).toHaveProperty(field);
      expect(device.lastSeen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(valid(device)).toBe(true);
    }
  });

  it('cover every value of every enum filter and both values of every flag', () => {
    const devices = demo!.devices as unknown as Array<Record<string, unknown>>;
    const list = model.resources[0]!.endpoints.find((e) => e.id === 'listDevices')!;
    for (const param of list.query.filter((p) => p.type !== 'integer')) {
      const values = new Set(devices.map((d) => param.name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], d)));
      const expected = param.type === 'flag' ? [true, false] : param.enum!;
      expect([...values].sort(), param.name).toEqual([...expected].sort());
    }
  });
});
