// The schema a client's check validates with: only the formats every client's validator knows
// (model/client-formats.ts). Another one, valid for the description (`int64`, `password`...), would
// make Postman's Ajv 6 refuse the schema and fail a correct answer; it moves into the description
// text, so a reader of the collection still sees it. The OpenAPI output keeps every format.
import { CLIENT_FORMATS } from '../../model/client-formats.js';
import { mapSchema } from './schema-map.js';

export function clientSchema<T>(schema: T): T {
  return mapSchema(schema, (node) => {
    if (typeof node.format !== 'string' || CLIENT_FORMATS.has(node.format)) return node;
    const { format, ...rest } = node;
    const note = `Format: ${format} (not checked: not every client's schema validator knows it).`;
    return { ...rest, description: typeof rest.description === 'string' ? `${rest.description}\n\n${note}` : note };
  });
}
