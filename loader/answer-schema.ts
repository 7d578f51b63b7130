// Reading a described answer's schema: the success answer of an endpoint, a property of an object
// schema (following `#/schemas/X` references), and a dotted answer path such as `meta.next`.
import type { RawEndpoint, RawSpec } from './raw.js';

export type Schema = Record<string, unknown>;
type Schemas = RawSpec['schemas'];

const REF = /^#\/schemas\/([A-Za-z][A-Za-z0-9_]*)$/;

/** The success answer's schema reference and the schema it names (undefined when there is none). */
export function answerSchema(endpoint: RawEndpoint, schemas: Schemas): { ref: string | undefined; schema: Schema | undefined } {
  const ref = endpoint.responses.find((r) => r.status >= 200 && r.status < 300)?.schema?.$ref;
  return { ref, schema: ref === undefined ? undefined : deref({ $ref: ref }, schemas) };
}

export function property(schema: Schema, name: string, schemas: Schemas): Schema | undefined {
  const properties = schema.properties;
  if (!isObject(properties) || !Object.hasOwn(properties, name) || !isObject(properties[name])) return undefined;
  return deref(properties[name], schemas);
}

/**
 * The property path a dotted name reads in the schema, and the schema found there: a name the
 * schema holds whole (`@odata.nextLink`) is one step, else the name is split on its dots, each
 * step again taking the longest run of parts the schema holds whole. Undefined when it reads nothing.
 */
export function resolvePath(schema: Schema, name: string, schemas: Schemas): { path: string[]; schema: Schema } | undefined {
  const parts = name.split('.');
  for (let take = parts.length; take >= 1; take--) {
    const head = parts.slice(0, take).join('.');
    const found = property(schema, head, schemas);
    if (found === undefined) continue;
    if (take === parts.length) return { path: [head], schema: found };
    const rest = resolvePath(found, parts.slice(take).join('.'), schemas);
    if (rest) return { path: [head, ...rest.path], schema: rest.schema };
  }
  return undefined;
}

/** Follows `#/schemas/X` references (a bounded number of hops; cycles end there). */
export function deref(schema: Schema, schemas: Schemas): Schema | undefined {
  let node: unknown = schema;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string'; hops++) {
    const name = REF.exec(node.$ref)?.[1];
    node = name === undefined ? undefined : schemas[name];
  }
  return isObject(node) && node.$ref === undefined ? node : undefined;
}

export function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
