// The fixture description with query parameters spelled as vendors spell them (`$top`,
// `page[size]`, `for-subadmin`), a `boolean` and two arrays (`comma`, `repeated`), on Get Devices, and a contract case that sends
// them all: what the clients must send, byte for byte, is VENDOR_QUERY_STRING; and headers on
// data requests, one from a variable (a setting of the contract run).
import { readFileSync } from 'node:fs';
import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadSpec, SpecError } from '../../loader/index.js';
import type { ApiModel } from '../../model/model.js';
import { FIXTURE_SPEC } from './model.js';

export const VENDOR_PARAMS = [
  { name: '$top', type: 'integer', minimum: 1, maximum: 50, example: 5, description: 'At most this many.' },
  { name: 'page[size]', type: 'integer', minimum: 1, example: 2, description: 'Page size.' },
  { name: 'for-subadmin', type: 'string', example: 'ops', description: 'On behalf of this sub-admin.' },
  { name: 'includeRetired', type: 'boolean', example: false, field: 'retired', description: 'Whether retired devices are listed.' },
  { name: 'fields', type: 'array', style: 'comma', enum: ['id', 'name', 'status'], example: ['id', 'name'], description: 'The fields to answer.' },
  { name: 'tag', type: 'array', style: 'repeated', example: ['a', 'b'], description: 'Tags, any of them.' },
];

export const VENDOR_CASE_QUERY = { $top: 5, 'page[size]': 2, 'for-subadmin': 'ops', includeRetired: true, fields: ['id', 'status'], tag: ['x', 'y z'] };
/** The case's query string as every client must send it. */
export const VENDOR_QUERY_STRING = '%24top=5&page%5Bsize%5D=2&for-subadmin=ops&includeRetired=true&fields=id,status&tag=x&tag=y%20z';
export const VENDOR_CASE_NAME = 'Get Devices with vendor-spelled parameters';

/** Headers every Devices request sends (one from a variable, `marketplaceId`), and one of Get Devices' own. */
export const VENDOR_HEADERS = { resource: { 'X-EBAY-C-MARKETPLACE-ID': '{marketplaceId}' }, endpoint: { 'X-Api-Version': '2' } };
export const MARKETPLACE = 'EBAY_US';

export function vendorDescription(): string {
  const doc = parseDocument(readFileSync(FIXTURE_SPEC, 'utf8'));
  doc.setIn(['resources', 0, 'headers'], doc.createNode(VENDOR_HEADERS.resource));
  doc.setIn(['resources', 0, 'endpoints', 0, 'headers'], doc.createNode(VENDOR_HEADERS.endpoint));
  const local = (doc.get('environments') as YAMLSeq<YAMLMap>).items.find((e) => e.get('id') === 'local')!;
  (local.get('values') as YAMLMap).set('marketplaceId', MARKETPLACE);
  const query = doc.getIn(['resources', 0, 'endpoints', 0, 'query']) as YAMLSeq;
  for (const param of VENDOR_PARAMS) query.add(doc.createNode(param));
  (doc.getIn(['contract', 'cases']) as YAMLSeq).add(
    doc.createNode({
      id: 'listVendorSpelled',
      name: VENDOR_CASE_NAME,
      endpoint: 'listDevices',
      query: VENDOR_CASE_QUERY,
      expect: { status: 200, schema: true },
    }),
  );
  return doc.toString();
}

export function vendorModel(): ApiModel {
  return loadSpec(Buffer.from(vendorDescription()), 'vendor.yaml');
}

/** The loader's message for the vendor description with `replace` replaced by `by` (the text must be there). */
export function vendorMessage(replace: string, by: string): string {
  const text = vendorDescription();
  if (!text.includes(replace)) throw new Error(`the vendor description holds no ${JSON.stringify(replace)}`);
  try {
    loadSpec(Buffer.from(text.replace(replace, by)), 'vendor.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  throw new Error('the description loaded');
}
