// Items made from a fixture description: valid against its schemas, deterministic, per tenant, with
// the fields the filters read and the examples as seeds, and nothing else.
import { describe, expect, it } from 'vitest';
import { schemaCompiler } from '../../loader/schemas.js';
import type { ApiModel } from '../../model/model.js';
import { demoTenants, seedData, type Item, type Tenant } from '../../server/index.js';
import { fixtureModel } from './fixture.js';

const model = fixtureModel();
const tenants = demoTenants() as [Tenant, Tenant];
const itemsOf = (m: ApiModel, resource: string, additiveFields = false) =>
  tenants.map((t) => seedData(m, tenants, additiveFields).get(t)!.get(resource)! as Item[]);

function validator(name: string): (value: unknown) => boolean {
  const validate = schemaCompiler()(model.schemas[name]!);
  if (typeof validate === 'string') throw new Error(validate);
  return (value) => validate(value) as boolean;
}

describe('items made from the description', () => {
  it('exist for every resource that lists or fetches one, as many as each tenant holds', () => {
    for (const resource of ['cameras', 'sites']) expect(itemsOf(model, resource).map((items) => items.length)).toEqual([25, 12]);
    expect(itemsOf(model, 'health')).toEqual([[], []]);
  });

  it('match the item schemas and, as a page, the list schemas', () => {
    const [site, siteList, camera, cameraList] = ['Site', 'SiteList', 'Camera', 'CameraList'].map(validator) as [
      (v: unknown) => boolean,
      (v: unknown) => boolean,
      (v: unknown) => boolean,
      (v: unknown) => boolean,
    ];
    for (const items of itemsOf(model, 'sites')) {
      for (const item of items) expect(site(item), JSON.stringify(item)).toBe(true);
      expect(siteList({ sites: items, total: items.length })).toBe(true);
    }
    for (const items of itemsOf(model, 'cameras')) {
      for (const item of items) expect(camera(item), JSON.stringify(item)).toBe(true);
      expect(cameraList({ cameras: items, count: items.length })).toBe(true);
    }
  });

  it('honour formats, enums, nested objects, arrays and bounds', () => {
    for (const item of itemsOf(model, 'sites').flat()) {
      expect(item.openedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(['office', 'warehouse', 'store', 'other']).toContain(item.kind);
      expect(item.address).toEqual(expect.objectContaining({ city: expect.any(String) }));
      expect((item.floors as Array<{ level: number }>)[0]!.level).toBeGreaterThanOrEqual(-3);
      expect(item.tags).toEqual(expect.arrayContaining([expect.any(String)]));
    }
    for (const item of itemsOf(model, 'cameras').flat()) {
      expect(item.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(item.contact).toMatch(/^user\d+@example\.com$/);
    }
  });

  it('use the example values as seeds', () => {
    const [demo] = itemsOf(model, 'sites');
    expect(demo![0]).toMatchObject({ name: 'Head office', address: { city: 'Lyon' }, tags: ['hq'] });
    expect(demo!.every((s) => Date.parse(s.openedAt as string) <= Date.parse('2023-05-01T08:00:00Z'))).toBe(true);
  });

  it('fill a field with a pattern and no example with a string generated from the pattern', () => {
    for (const item of itemsOf(model, 'sites').flat()) expect((item.address as Item).postcode).toMatch(/^[0-9]{5}$/);
  });

  it('hold exactly the schema fields plus the fields the filters read', () => {
    const [site] = itemsOf(model, 'sites')[0]!;
    expect(Object.keys(site!).sort()).toEqual(['address', 'alarm', 'floors', 'id', 'isOpen', 'kind', 'name', 'openedAt', 'tags']);
    expect(Object.keys(site!.alarm as object)).toEqual(['armed']);
    const [camera] = itemsOf(model, 'cameras')[0]!;
    expect(Object.keys(camera!).sort()).toEqual(['contact', 'mode', 'serial', 'uuid', 'zoom']);
  });

  it('add one undocumented field only with additiveFields', () => {
    for (const item of itemsOf(model, 'sites', true).flat()) expect(item.serialNumber).toMatch(/^ST[0-9A-F]{10}$/);
  });

  it('cover every value of every filter', () => {
    const [demo] = itemsOf(model, 'sites');
    const values = (read: (s: Item) => unknown) => new Set(demo!.map(read));
    expect(values((s) => s.kind)).toEqual(new Set(['office', 'warehouse', 'store']));
    expect(values((s) => (s.address as Item).region)).toEqual(new Set(['eu', 'us', 'apac']));
    expect(values((s) => (s.alarm as Item).armed)).toEqual(new Set([true, false]));
    expect(values((s) => s.isOpen)).toEqual(new Set([true, false]));
  });

  it('give a filtered field only values its schema enum allows too', () => {
    const wider = fixtureModel((s) => s.resources[1].endpoints[0].query[2].enum.push('castle'));
    const kinds = new Set(
      itemsOf(wider, 'sites')
        .flat()
        .map((s) => s.kind),
    );
    expect(kinds).toEqual(new Set(['office', 'warehouse', 'store']));
  });

  it('are deterministic: the same description and tenants give the same items', () => {
    expect(itemsOf(fixtureModel(), 'sites')).toEqual(itemsOf(model, 'sites'));
    expect(itemsOf(fixtureModel(), 'cameras')).toEqual(itemsOf(model, 'cameras'));
  });

  it('differ per tenant, with keys unique across tenants', () => {
    const [demo, other] = itemsOf(model, 'sites');
    expect(demo!.slice(0, 12).map((s) => s.kind)).not.toEqual(other!.map((s) => s.kind));
    for (const resource of ['sites', 'cameras']) {
      const keys = itemsOf(model, resource)
        .flat()
        .map((i) => i.id ?? i.serial);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(demo!.map((s) => s.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(itemsOf(model, 'cameras')[1]![0]!.serial).toBe('cameras-acme-0001');
  });
});
