// Draft-07 schemas -> components: refs rewritten, local definitions hoisted, nothing else touched.
import { describe, expect, it } from 'vitest';
import { componentSchemas, explicitItems, rewriteRefs } from '../../../generators/openapi/schemas.js';
import { modelWith, fixtureModel } from '../../support/model.js';

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
    const schemas = componentSchemas(fixtureModel());
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

describe('explicitItems', () => {
  it.each([
    ['an array without items', { type: 'array' }, { type: 'array', items: {} }],
    ['a nullable array without items', { type: ['array', 'null'] }, { type: ['array', 'null'], items: {} }],
    ['a nested array', { properties: { sites: { type: 'array' } } }, { properties: { sites: { type: 'array', items: {} } } }],
    ['an array with items, unchanged', { type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'string' } }],
    ['a property named type, unchanged', { properties: { type: { type: 'string' } } }, { properties: { type: { type: 'string' } } }],
  ])('writes out %s', (_, given, want) => {
    expect(explicitItems(given)).toEqual(want);
  });

  it('is applied to the components', () => {
    const device = componentSchemas(fixtureModel())['Device'] as { properties: Record<string, unknown> };
    expect(device.properties['sites']).toEqual({ type: 'array', items: {} });
  });
});
