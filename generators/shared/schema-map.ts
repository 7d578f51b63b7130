// A JSON Schema copied with an edit applied to every subschema (itself included), keyword-aware: a
// property named `format` or `items` is a name, not the keyword.

export const isSchemaNode = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose value is a map of subschemas, and those whose value is a subschema or a list of them. */
export const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
export const SUBSCHEMAS: ReadonlySet<string> = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
]);

type Edit = (node: Record<string, unknown>) => Record<string, unknown>;

/** `schema` with `edit` applied to a fresh copy of each subschema, deepest first (`edit` may change the copy it gets). */
export function mapSchema<T>(schema: T, edit: Edit): T {
  if (!isSchemaNode(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isSchemaNode(value)) copy[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapEach(v, edit)]));
    else copy[key] = SUBSCHEMAS.has(key) ? mapEach(value, edit) : value;
  }
  return edit(copy) as T;
}

const mapEach = (value: unknown, edit: Edit): unknown => (Array.isArray(value) ? value.map((v) => mapSchema(v, edit)) : mapSchema(value, edit));
