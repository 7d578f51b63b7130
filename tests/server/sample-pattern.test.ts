// A string with a `pattern` and no example is generated from the pattern (fast-check, from a seed
// made of the tenant, path and index), so a required one matches the documented schema instead of
// being null; the same inputs give the same string on every run.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../model/model.js';
import { sample } from '../../server/sample.js';

/** PayPal's `money` (paypal-rest-api-specifications, billing_subscriptions_v1.json), and harder patterns. */
const money = {
  type: 'object',
  required: ['currency_code', 'value', 'code', 'ref', 'day'],
  properties: {
    currency_code: { type: 'string', minLength: 3, maxLength: 3 },
    value: { type: 'string', maxLength: 32, pattern: '^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$' },
    code: { type: 'string', pattern: '^[A-Z]{2}-[0-9]{4}$' },
    ref: { type: 'string', minLength: 12, maxLength: 16, pattern: '^[a-z0-9]+$' },
    day: { type: 'string', format: 'date', pattern: '^20[0-9]{2}-' },
    note: { type: 'string', pattern: '^N[0-9]+$' },
  },
} as unknown as JsonSchema;

/** `money.value` of the first three items, as every run gives them (fast-check 4.11.0). */
const VALUES_SEEN = ['8', '-54', '-7'];

const values = (salt: string) => Array.from({ length: 20 }, (_, index) => sample(money, '', { root: money, seeds: new Map(), index, salt }));

describe('sampling a string with a pattern', () => {
  it('matches the pattern, the length bounds and the format, required or not', () => {
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(money);
    for (const value of values('demo:plans')) {
      expect(validate(value), `${JSON.stringify(value)} ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(value).toHaveProperty('note');
    }
  });

  it('is the same on every run and differs between items', () => {
    expect(values('demo:plans')).toEqual(values('demo:plans'));
    // Literal, so a change of generator or seed (a different answer in another process) shows here.
    expect(
      values('demo:plans')
        .slice(0, 3)
        .map((v) => (v as { value: string }).value),
    ).toEqual(VALUES_SEEN);
    expect(new Set(values('demo:plans').map((v) => (v as { code: string }).code)).size).toBeGreaterThan(1);
  });

  it('keeps a made-up string that already matches', () => {
    const schema = { type: 'string', pattern: '^name-' } as unknown as JsonSchema;
    expect(sample(schema, 'name', { root: schema, seeds: new Map(), index: 0, salt: 's' })).toBe('name-0001');
  });
});

describe('sampling an allOf whose required list is written beside it', () => {
  it('fills the required fields the parts define, however deep (PayPal `last_payment_details`)', () => {
    const root = {
      type: 'object',
      properties: { a: { properties: { b: { properties: { c: { properties: { last: { $ref: '#/definitions/Last' } } } } } } } },
      definitions: {
        Last: { type: 'object', allOf: [{ properties: { amount: { $ref: '#/definitions/Money' }, time: { type: 'string' } } }], required: ['amount', 'time'] },
        Money: money,
      },
    } as unknown as JsonSchema;
    const value = sample(root, '', { root, seeds: new Map(), index: 0, salt: 's' });
    const validate = new Ajv({ strict: false }).compile(root);
    expect(validate(value), `${JSON.stringify(value)} ${JSON.stringify(validate.errors)}`).toBe(true);
  });
});
