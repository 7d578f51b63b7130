// The schema the clients' checks validate with carries only the formats every client knows; the
// others move into the description text, and a property merely named `format` is left alone.
import { describe, expect, it } from 'vitest';
import { clientSchema } from '../../../generators/shared/client-schema.js';

describe('clientSchema', () => {
  it('moves an OpenAPI format into the description and keeps the ones every client knows', () => {
    const schema = {
      type: 'object',
      properties: {
        total: { type: 'integer', format: 'int64', description: 'How many.' },
        ratio: { type: 'number', format: 'double' },
        at: { type: 'string', format: 'date-time' },
        format: { type: 'string', format: 'password' },
      },
      definitions: { Blob: { type: 'array', items: [{ type: 'string', format: 'byte' }] } },
    };
    expect(clientSchema(schema)).toEqual({
      type: 'object',
      properties: {
        total: { type: 'integer', description: "How many.\n\nFormat: int64 (not checked: not every client's schema validator knows it)." },
        ratio: { type: 'number', description: "Format: double (not checked: not every client's schema validator knows it)." },
        at: { type: 'string', format: 'date-time' },
        format: { type: 'string', description: "Format: password (not checked: not every client's schema validator knows it)." },
      },
      definitions: {
        Blob: { type: 'array', items: [{ type: 'string', description: "Format: byte (not checked: not every client's schema validator knows it)." }] },
      },
    });
    expect(schema.properties.total.format).toBe('int64');
  });
});
