// A recursive schema (a tree whose nodes hold optional child lists, as real APIs publish) is
// sampled into a value that matches it: the optional recursion stops before the depth limit
// instead of leaving a null where an object or string must be.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sample } from '../../server/sample.js';
import type { JsonSchema } from '../../model/model.js';

const tree = {
  type: 'object',
  properties: { root: { $ref: '#/definitions/Node' } },
  definitions: {
    Node: {
      type: 'object',
      properties: {
        label: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        children: { type: 'array', items: { $ref: '#/definitions/Node' } },
        parent: { $ref: '#/definitions/Node' },
      },
    },
  },
} as unknown as JsonSchema;

describe('sampling a recursive schema', () => {
  it('gives a value that matches the schema', () => {
    const value = sample(tree, '', { root: tree, seeds: new Map(), index: 0, salt: 't' });
    const validate = new Ajv({ strict: false }).compile(tree);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  // commercetools: Customer.lastModifiedBy -> LastModifiedBy (an `allOf`, no `type`) -> customer
  // -> CustomerReference (an `allOf`) -> obj -> Customer: every part an object, said only in `allOf`.
  it('gives a value that matches a recursion through `allOf` schemas without a `type`', () => {
    const schema = {
      $ref: '#/definitions/Customer',
      definitions: {
        Customer: {
          allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' }, lastModifiedBy: { $ref: '#/definitions/LastModifiedBy' } } }],
        },
        LastModifiedBy: { allOf: [{ type: 'object', properties: { customer: { $ref: '#/definitions/CustomerReference' } } }] },
        CustomerReference: { allOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' }, obj: { $ref: '#/definitions/Customer' } } }] },
      },
    } as unknown as JsonSchema;
    const value = sample(schema, '', { root: schema, seeds: new Map(), index: 0, salt: 't' });
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  // commercetools: ProductTailoring.product.obj.masterData.current.masterVariant.id, each level an
  // `allOf` of one object: seven required levels, which counting every `allOf` as a level cut off.
  it('fills a chain of required levels, each written as an `allOf`, as deep as the depth allows', () => {
    const level = (n: number) => ({ allOf: [{ type: 'object', required: ['next'], properties: { next: { $ref: `#/definitions/L${n + 1}` } } }] });
    const definitions = Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`L${n}`, level(n)]));
    const schema = {
      $ref: '#/definitions/L1',
      definitions: { ...definitions, L7: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
    } as unknown as JsonSchema;
    const value = sample(schema, '', { root: schema, seeds: new Map(), index: 0, salt: 't' });
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('ends a schema whose `allOf` names only itself', () => {
    const schema = { $ref: '#/definitions/Self', definitions: { Self: { allOf: [{ $ref: '#/definitions/Self' }] } } } as unknown as JsonSchema;
    expect(() => sample(schema, '', { root: schema, seeds: new Map(), index: 0, salt: 't' })).not.toThrow();
  });
});
