// Draft-07 schemas -> components: refs rewritten, local definitions hoisted, nothing else touched.
import { describe, expect, it } from 'vitest';
import { componentSchemas, rewriteRefs } from '../../../generators/openapi/schemas.js';
import { modelWith, shippedModel } from '../../support/model.js';

describe('rewriteRefs', () => {
  it.each([
    ['a local definition ref', { $ref: '#/definitions/Device' }, { $ref: '#/components/schemas/Device' }],
    ['a nested ref in items', { type: 'array', items: { $ref: '#/definitions/A' } }, { type: 'array', items: { $ref: '#/components/schemas/A' } }],
    ['refs inside arrays', { anyOf: [{ $ref: '#/definitions/A' }, { type: 'null' }] }, { anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] }],
    ['the definitions keyword', { type: 'object', definitions: { A: { type: 'string' } } }, { type: 'object' }],
    ['an external ref, unchanged', { $ref: 'https://example.com/s.json' }, { $ref: 'https://example.com/s.json' }],
    ['a property named $ref-like, unchanged', { properties: { ref: { type: 'string' } } }, { properties: { ref: { type: 'string' } } }],
  ])('rewrites %s', (_, given, want) => {
    expect(rewriteRefs(given)).toEqual(want);
  });

  it('does not modify its input', () => {
    const given = { items: { $ref: '#/definitions/A' }, definitions: { A: {} } };
    const copy = structuredClone(given);
    rewriteRefs(given);
    expect(given).toEqual(copy);
  });
});

describe('componentSchemas', () => {
  it('holds every named schema, sorted, with component refs', () => {
    const schemas = componentSchemas(shippedModel());
    expect(Object.keys(schemas)).toEqual(['Device', 'DeviceList', 'TokenResponse']);
    expect(schemas['DeviceList']).toEqual({
      type: 'object',
      properties: { devices: { type: 'array', items: { $ref: '#/components/schemas/Device' } }, total: { type: 'integer', minimum: 0 } },
    });
  });

  it('hoists a definition that is not itself a named schema', () => {
    const outerOnly = modelWith((model) => {
      model.schemas = { Outer: { type: 'object', properties: { inner: { $ref: '#/definitions/Inner' } }, definitions: { Inner: { type: 'string' } } } };
    });
    expect(componentSchemas(outerOnly)).toEqual({
      Inner: { type: 'string' },
      Outer: { type: 'object', properties: { inner: { $ref: '#/components/schemas/Inner' } } },
    });
  });
});
