// Insomnia's `insomnia.response.to.have.jsonSchema(schema)` validates with a default `new Ajv()`: it
// throws on a `format` it does not know (date-time among them: Insomnia ships no ajv-formats,
// client-runners.md), which would fail a correct answer. So the schema it gets has no `format`, and
// the formats the schema uses are checked by a statement of their own with ajv-formats' "fast"
// patterns (looser than its full mode, so never stricter than the other clients). A format not in
// FORMAT_PATTERNS is not checked (draft-07 lets a validator ignore unknown formats), and neither is
// one under anyOf/oneOf/if/patternProperties, where which branch applies is not known: no false failure.
import type { JsonSchema } from '../../model/model.js';
import { jsLiteral } from '../shared/js-literal.js';
import { isSchemaNode as isObject, mapSchema, SCHEMA_MAPS, SUBSCHEMAS } from '../shared/schema-map.js';

/** ajv-formats 3 "fast" patterns (case-insensitive). */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  'date-time': '^\\d\\d\\d\\d-[0-1]\\d-[0-3]\\d(?:t|\\s)(?:[0-2]\\d:[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?(?:z|[+-]\\d\\d(?::?\\d\\d)?)$',
  date: '^\\d\\d\\d\\d-[0-1]\\d-[0-3]\\d$',
  time: '^(?:[0-2]\\d:[0-5]\\d:[0-5]\\d|23:59:60)(?:\\.\\d+)?(?:z|[+-]\\d\\d(?::?\\d\\d)?)$',
  email: "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
  uri: '^(?:[a-z][a-z0-9+\\-.]*:)(?:\\/?\\/)?[^\\s]*$',
  uuid: '^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$',
  ipv4: '^(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$',
};

function mapSchemas(node: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => mapSchemas(item, visit));
  else if (isObject(node)) visit(node);
}

/** Every subschema of `schema` (itself included), keyword-aware: a property named `format` is not the keyword. */
function eachSchema(schema: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (!isObject(schema)) return;
  visit(schema);
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) Object.values(value).forEach((sub) => mapSchemas(sub, (s) => eachSchema(s, visit)));
    else if (SUBSCHEMAS.has(key)) mapSchemas(value, (s) => eachSchema(s, visit));
  }
}

/** The checked formats the schema names, sorted. */
export function usedFormats(schema: JsonSchema): string[] {
  const found = new Set<string>();
  eachSchema(schema, (s) => {
    if (typeof s.format === 'string' && Object.hasOwn(FORMAT_PATTERNS, s.format)) found.add(s.format);
  });
  return [...found].sort();
}

/** The schema with every `format` keyword removed (and nothing else changed). */
export function schemaWithoutFormats<T>(schema: T): T {
  return mapSchema(schema, (node) => {
    if (typeof node.format === 'string') delete node.format;
    return node;
  });
}

/**
 * `formatErrors(root, schema, value, at)`: where a value misses its documented format (the path only,
 * never the value). Follows local `$ref`s, properties, additionalProperties, items and allOf.
 */
export function formatPrelude(formats: readonly string[]): string[] {
  const patterns = formats.map((f) => `${jsLiteral(f)}: new RegExp(${jsLiteral(FORMAT_PATTERNS[f])}, 'i')`);
  return [
    `const FORMATS = { ${patterns.join(', ')} };`,
    [
      'const formatErrors = (root, s, v, at) => {',
      "  if (s && typeof s.$ref === 'string' && s.$ref.startsWith('#')) s = s.$ref.slice(1).split('/').filter(Boolean).reduce((n, k) => (n == null ? n : n[k.replace(/~1/g, '/').replace(/~0/g, '~')]), root);",
      "  if (s == null || typeof s !== 'object') return [];",
      "  const has = (o, k) => o != null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);",
      '  const errors = [];',
      "  if (typeof s.format === 'string' && has(FORMATS, s.format) && typeof v === 'string' && !FORMATS[s.format].test(v)) errors.push(at + ' is not a ' + s.format);",
      '  (Array.isArray(s.allOf) ? s.allOf : []).forEach((sub) => errors.push(...formatErrors(root, sub, v, at)));',
      "  if (v != null && typeof v === 'object' && !Array.isArray(v)) {",
      "    Object.keys(v).forEach((k) => { const sub = has(s.properties, k) ? s.properties[k] : s.additionalProperties; errors.push(...formatErrors(root, sub, v[k], at + '.' + k)); });",
      '  }',
      "  if (Array.isArray(v)) v.forEach((item, i) => errors.push(...formatErrors(root, Array.isArray(s.items) ? s.items[i] : s.items, item, at + '[' + i + ']')));",
      '  return errors;',
      '};',
    ].join('\n'),
  ];
}
