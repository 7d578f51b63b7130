// Query parameters named as vendors spell them (`$top`, `page[size]`, `for-subadmin`) and a
// `boolean` reach every client as documented: percent-encoded names, `true`/`false` values.
import { convert } from 'insomnia-importers';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { VENDOR_CASE_NAME, VENDOR_QUERY_STRING, vendorModel } from '../support/vendor-query.js';

const files = Object.fromEntries(generateAll(vendorModel(), DEFAULT_CTX).map((f) => [f.path, f.content]));
const ENCODED = ['%24top', 'page%5Bsize%5D', 'for-subadmin', 'includeRetired'];

describe('vendor-spelled query parameters in every client', () => {
  it('Postman: the contract case sends the exact query; the saved request lists each name encoded, optional ones disabled', () => {
    const collection = JSON.parse(files['securithings.postman_collection.json']!);
    const raws: string[] = JSON.stringify(collection).match(/"raw":"[^"]*"/g) ?? [];
    expect(raws).toContain(`"raw":"{{baseUrl}}/{{devicesPath}}?${VENDOR_QUERY_STRING}"`);
    const saved = collection.item.find((i: any) => i.name === 'Devices').item.find((i: any) => i.name === 'Get Devices');
    const query = saved.request.url.query as { key: string; value: string; disabled?: boolean }[];
    expect(query.slice(-7, -3)).toMatchObject(ENCODED.map((key) => ({ key, disabled: true })));
    expect(query.slice(-4).map((q) => [q.key, q.value])).toEqual([
      ['includeRetired', 'false'],
      ['fields', 'id,name'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
  });

  it('Insomnia v4 and v5: each name encoded as a parameter of Get Devices', () => {
    const v4 = JSON.parse(files['securithings.insomnia.json']!);
    const request = v4.resources.find((r: any) => r._type === 'request' && r.name === 'Get Devices');
    expect(request.parameters.slice(-7).map((p: any) => [p.name, p.value])).toEqual([
      ['%24top', '5'],
      ['page%5Bsize%5D', '2'],
      ['for-subadmin', 'ops'],
      ['includeRetired', 'false'],
      ['fields', 'id,name'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
    const v5 = files['securithings.insomnia.yaml']!;
    for (const name of ENCODED) expect(v5).toMatch(new RegExp(`- name: "?${name}"?\\n`));
  });

  it('Bruno: the contract case sends the exact query; the saved request holds each name encoded, disabled', () => {
    expect(files[`bruno/Contract checks/${VENDOR_CASE_NAME}.bru`]).toContain(`url: {{baseUrl}}/{{devicesPath}}?${VENDOR_QUERY_STRING}\n`);
    const saved = files['bruno/Devices/Get Devices.bru']!;
    for (const line of ['~%24top: 5', '~page%5Bsize%5D: 2', '~for-subadmin: ops', '~includeRetired: false', '~fields: id,name', '~tag: a', '~tag: b'])
      expect(saved).toContain(`  ${line}\n`);
  });

  it('OpenAPI: the names as the docs spell them, the boolean as a boolean', () => {
    const doc = parse(files['securithings.openapi.yaml']!);
    const params = Object.values(doc.paths as Record<string, any>).find((p) => p.get?.operationId === 'listDevices').get.parameters as any[];
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName['$top'].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 50 });
    expect(byName['page[size]'].in).toBe('query');
    expect(byName['for-subadmin'].schema.type).toBe('string');
    expect(byName['includeRetired']).toMatchObject({ schema: { type: 'boolean' }, example: false });
    expect(byName['fields']).toMatchObject({
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { type: 'string', enum: ['id', 'name', 'status'] } },
    });
    expect(byName['tag']).toMatchObject({ style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } }, example: ['a', 'b'] });
  });

  it("Postman through Insomnia's own importer: the case keeps its exact query", async () => {
    const result = await convert(files['securithings.postman_collection.json']!);
    const requests = (result.data.resources as unknown as { _type: string; name: string; url: string }[]).filter((r) => r._type === 'request');
    expect(requests.find((r) => r.name === VENDOR_CASE_NAME)?.url).toBe(`{{baseUrl}}/{{devicesPath}}?${VENDOR_QUERY_STRING}`);
  });
});

describe('headers on data requests in every client', () => {
  it('Postman, Insomnia v4/v5 and Bruno send the fixed value and the variable as each reads one', () => {
    const postman = files['securithings.postman_collection.json']!;
    expect(postman).toContain('"key": "X-EBAY-C-MARKETPLACE-ID",\n');
    expect(postman).toContain('"value": "{{marketplaceId}}"');
    expect(postman).toContain('"key": "X-Api-Version",');
    const v4 = JSON.parse(files['securithings.insomnia.json']!);
    const request = v4.resources.find((r: any) => r._type === 'request' && r.name === 'Get Devices');
    expect(request.headers).toEqual(
      expect.arrayContaining([
        { name: 'X-EBAY-C-MARKETPLACE-ID', value: '{{ _.marketplaceId }}' },
        { name: 'X-Api-Version', value: '2' },
      ]),
    );
    expect(v4.resources.find((r: any) => r._type === 'environment' && r.data?.marketplaceId !== undefined)).toBeDefined();
    expect(files['securithings.insomnia.yaml']).toContain('X-EBAY-C-MARKETPLACE-ID');
    for (const file of ['bruno/Devices/Get Devices.bru', `bruno/Contract checks/${VENDOR_CASE_NAME}.bru`]) {
      expect(files[file]).toContain('headers {\n  X-EBAY-C-MARKETPLACE-ID: {{marketplaceId}}\n  X-Api-Version: 2\n}');
    }
    expect(files['bruno/environments/local.bru']).toContain('marketplaceId: EBAY_US');
  });

  it('OpenAPI: each header a required header parameter, the fixed one with its value', () => {
    const doc = parse(files['securithings.openapi.yaml']!);
    const params = Object.values(doc.paths as Record<string, any>).find((p) => p.get?.operationId === 'listDevices').get.parameters as any[];
    expect(params.filter((p) => p.in === 'header')).toEqual([
      expect.objectContaining({ name: 'X-EBAY-C-MARKETPLACE-ID', required: true, schema: { type: 'string' } }),
      { name: 'X-Api-Version', in: 'header', required: true, schema: { type: 'string', enum: ['2'] } },
    ]);
  });
});
