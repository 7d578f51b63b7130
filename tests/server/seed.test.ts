// The demo tenants and the devices the server makes for them from the fixture description.
import { describe, expect, it } from 'vitest';
import { DEMO, demoTenants, seedData, type Item } from '../../server/index.js';
import { model, schemaValidator } from './helpers.js';

const DOCUMENTED = ['id', 'name', 'vendor', 'model', 'firmwareVersion', 'deviceType', 'compliance', 'network', 'status', 'lastSeen', 'deviceSources', 'sites'];
const FILTERED = ['lifeCycleStatus', 'isFirmwareVulnerable', 'isFirmwareLatest', 'isFirmwareUpgradeAvailable', 'probe', 'availableTask'];

const tenants = demoTenants();
const devicesOf = (additiveFields = false) => tenants.map((t) => seedData(model, tenants, additiveFields).get(t)!.get('devices')! as Item[]);

describe('demo tenants', () => {
  const [demo] = devicesOf();

  it('are deterministic', () => {
    expect(devicesOf()).toEqual(devicesOf());
  });

  it("start with DEMO, whose organization and client id are the spec's local environment values", () => {
    const local = model.environments.find((e) => e.id === 'local')!;
    expect(tenants[0]).toMatchObject(DEMO);
    expect(local.values).toEqual({ organization: DEMO.organization, clientId: DEMO.clientId });
    expect(tenants.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tenants.map((t) => t.clientId)).size).toBe(tenants.length);
  });

  it('give the demo tenant 25 devices with every status and at least two offline', () => {
    expect(demo).toHaveLength(25);
    const statuses = demo!.map((d) => d.status);
    expect(new Set(statuses)).toEqual(new Set(['online', 'offline', 'partial', 'unknown']));
    expect(statuses.filter((s) => s === 'offline').length).toBeGreaterThanOrEqual(2);
  });

  it('use device ids that are unique across tenants', () => {
    const ids = devicesOf()
      .flat()
      .map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carry exactly the documented and filtered fields, and match the Device schema', () => {
    const valid = schemaValidator('Device');
    for (const device of devicesOf().flat()) {
      expect(Object.keys(device).sort()).toEqual([...DOCUMENTED, ...FILTERED].sort());
      expect(device.lastSeen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(valid(device)).toBe(true);
    }
  });

  it('carry one undocumented field only with the additiveFields option', () => {
    for (const device of devicesOf(true).flat()) expect(device.serialNumber).toMatch(/^ST[0-9A-F]{10}$/);
  });

  it('cover every value of every enum filter and both values of every flag', () => {
    const list = model.resources[0]!.endpoints.find((e) => e.id === 'listDevices')!;
    for (const param of list.query.filter((p) => p.type !== 'integer')) {
      const values = new Set(demo!.map((d) => param.name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], d)));
      const expected = param.type === 'flag' ? [true, false] : param.enum!;
      expect([...values].sort(), param.name).toEqual([...expected].sort());
    }
  });
});
