// The schema Insomnia's jsonSchema gets loses only the `format` keyword (a property named `format`
// stays), and the format patterns never reject what ajv-formats, which Bruno and the reference
// server use, accepts.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FORMAT_PATTERNS, schemaWithoutFormats, usedFormats } from '../../../generators/insomnia/schema-formats.js';

const SCHEMA = {
  type: 'object',
  properties: {
    format: { type: 'string', format: 'email' },
    at: { type: 'string', format: 'date-time' },
    list: { type: 'array', items: { $ref: '#/definitions/Item' } },
  },
  definitions: { Item: { properties: { site: { type: 'string', format: 'uri' }, code: { format: 'serial-number' } } } },
};

describe('schema formats for Insomnia', () => {
  it('strips every format keyword and nothing else; a property named format stays', () => {
    expect(schemaWithoutFormats(SCHEMA)).toEqual({
      type: 'object',
      properties: { format: { type: 'string' }, at: { type: 'string' }, list: { type: 'array', items: { $ref: '#/definitions/Item' } } },
      definitions: { Item: { properties: { site: { type: 'string' }, code: {} } } },
    });
  });

  it('lists the checked formats the schema uses, not the unknown ones', () => {
    expect(usedFormats(SCHEMA)).toEqual(['date-time', 'email', 'uri']);
  });

  const VALID: Record<string, string[]> = {
    'date-time': ['2024-12-31T23:59:59Z', '2024-01-01t00:00:00.123+02:00', '2016-12-31T23:59:60Z'],
    date: ['2024-02-29'],
    time: ['23:59:59Z', '10:00:00.5+01:00'],
    email: ['a.b+c@example.co.uk'],
    uri: ['https://example.com/a?b=c#d', 'urn:isbn:0451450523', 'mailto:a@b.c'],
    uuid: ['3f2a1b4c-1234-4abc-8def-0123456789ab'],
    ipv4: ['192.168.0.1'],
  };

  it.each(Object.keys(FORMAT_PATTERNS))('%s: accepts what ajv-formats accepts', (format) => {
    const ajv = new Ajv();
    addFormats.default(ajv);
    for (const value of VALID[format]!) {
      expect(ajv.validate({ type: 'string', format }, value), value).toBe(true);
      expect(new RegExp(FORMAT_PATTERNS[format]!, 'i').test(value), value).toBe(true);
    }
  });
});
