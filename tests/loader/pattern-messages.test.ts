// A value refused by a pattern of the format says what the format can take instead, in words and
// examples, never as the bare regular expression.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecError } from '../../loader/index.js';
import { PATTERN_RULES } from '../../loader/validate-format.js';

const ROOT = join(import.meta.dirname, '../..');
const PARCELS = readFileSync(join(ROOT, 'examples/parcel-tracker.yaml'), 'utf8');

function messageFor(replace: string, by: string): string {
  const text = PARCELS.replace(replace, by);
  expect(text).not.toBe(PARCELS);
  try {
    loadSpec(Buffer.from(text), 'parcels.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  throw new Error('the description loaded');
}

/** Every `pattern` in the format schema, with where it is. */
function patterns(node: unknown, at: string, found: [string, string][] = []): [string, string][] {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.push([at, value]);
      else patterns(value, `${at}/${key}`, found);
    }
  }
  return found;
}

describe('pattern errors teach the format', () => {
  it('a query parameter named as the vendor spells it (filter[status]) loads, and as a filter it is told to name its field', () => {
    const message = messageFor('{ name: status, type: string', '{ name: "filter[status]", type: string');
    expect(message).toContain(
      'query[2].name: the filter `filter[status]` is not a field path; name the item field it reads with `field`, e.g. `field: status`',
    );
    expect(message).not.toMatch(/is not valid here/);
  });

  it('a path parameter name keeps the strict spelling and says so', () => {
    const message = messageFor('          - name: trackingNumber', '          - name: tracking-number');
    expect(message).toContain('pathParams[0].name: "tracking-number" is not valid here: a path parameter name is a letter, then letters, digits, `_` or `.`');
  });

  it('a query parameter name with a space says which spellings the docs may use', () => {
    const message = messageFor('{ name: status, type: string', '{ name: "page size", type: string');
    expect(message).toContain('"page size" is not valid here: a query parameter name as the docs spell it: a letter, `$` or `_`');
  });

  it.each([
    ['basePath: /v2/parcels', 'basePath: v2/parcels', 'a path that starts with `/`, e.g. `/v1/devices/{id}`'],
    ['envPrefix: PARCELS', 'envPrefix: parcels', 'upper-case letters, digits and `_`, starting with a letter, e.g. `PARCELS`'],
    ['scope: parcels:read depots:read', 'scope: "parcels:read  depots:read"', 'scope tokens separated by one space'],
    [
      'trackingNumber: parcels[0].trackingNumber',
      'trackingNumber: "parcels[first].trackingNumber"',
      'a path into the success answer: a field name, then `.field` or `[index]` steps',
    ],
    [
      '  id: parcel-tracker',
      '  id: Parcel_Tracker',
      'a lower-case id: a letter, then lower-case letters, digits or `-`, e.g. `production` or `parcel-tracker`',
    ],
  ])('%s -> %s says what to write', (replace, by, rule) => {
    const message = messageFor(replace, by);
    expect(message).toContain(`is not valid here: ${rule}`);
    expect(message).not.toMatch(/must match pattern/);
  });

  it("keeps the token answer's own hints, once", () => {
    const message = messageFor('  tokenPrefix: Bearer', '  tokenPrefix: Bearer\n  token: { field: "2token" }');
    expect(message).toContain('"2token" is not valid here: write the name of the token answer\'s member that holds the token, e.g. `access_token`');
  });

  it("has a rule for every pattern of the format (except the token answer's, which have their own hints, and $ref)", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'spec/format.schema.json'), 'utf8')) as unknown;
    const own = [
      '/definitions/auth/properties/token/properties/type',
      '/definitions/auth/properties/token/properties/field',
      '/definitions/schemaRef/properties/$ref',
    ];
    const missing = patterns(schema, '').filter(([at, pattern]) => !own.includes(at) && !PATTERN_RULES[pattern]);
    expect(missing).toEqual([]);
  });
});
