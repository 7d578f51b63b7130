// What a draft-07 schema documents about the shape of a value: its properties, its items, its
// enum, through $ref (into the schema's own `definitions`), allOf, anyOf and oneOf.
import type { JsonSchema } from '../../model/model.js';

export interface Shape {
  /** Documented properties, each with the schemas it may match; absent when the object's fields are left open. */
  properties?: Map<string, JsonSchema[]>;
  /** Schemas an array's elements match; absent when they are left open. */
  items?: JsonSchema[];
  /** Allowed values, from every branch that lists them. */
  enum?: unknown[];
}

const MAX_REF_HOPS = 32;

function deref(root: JsonSchema, node: JsonSchema, hops = 0): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || hops > MAX_REF_HOPS) return node;
  const target = ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), root);
  return target && typeof target === 'object' ? deref(root, target as JsonSchema, hops + 1) : {};
}

/** The schema itself and every allOf / anyOf / oneOf branch, references followed. */
function branches(root: JsonSchema, node: JsonSchema, depth = 0): JsonSchema[] {
  const self = deref(root, node);
  if (depth > MAX_REF_HOPS) return [self];
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(self[k]) ? (self[k] as JsonSchema[]) : []));
  return [self, ...nested.flatMap((n) => branches(root, n, depth + 1))];
}

export function shapeOf(root: JsonSchema, nodes: readonly JsonSchema[]): Shape {
  const all = nodes.flatMap((n) => branches(root, n));
  const shape: Shape = {};
  for (const node of all) {
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    if (properties && typeof properties === 'object') {
      shape.properties ??= new Map();
      for (const [name, schema] of Object.entries(properties)) shape.properties.set(name, [...(shape.properties.get(name) ?? []), schema]);
    }
    const items = node.items;
    if (items && typeof items === 'object') shape.items = [...(shape.items ?? []), ...(Array.isArray(items) ? (items as JsonSchema[]) : [items as JsonSchema])];
  }
  const enums = all.filter((n) => Array.isArray(n.enum)).map((n) => n.enum as unknown[]);
  if (enums.length > 0) shape.enum = enums.flat();
  return shape;
}

/** Every field path the schema documents (`devices[].id`), to a bounded depth (schemas may recurse). */
export function documentedPaths(root: JsonSchema, nodes: readonly JsonSchema[], path = '', depth = 0, into = new Set<string>()): Set<string> {
  if (depth > 8) return into;
  const shape = shapeOf(root, nodes);
  for (const [name, schemas] of shape.properties ?? []) {
    const child = joinKey(path, name);
    into.add(child);
    documentedPaths(root, schemas, child, depth + 1, into);
  }
  if (shape.items) documentedPaths(root, shape.items, `${path}[]`, depth + 1, into);
  return into;
}

/** `devices[]` + `id` -> `devices[].id`; a key that is not a plain name is written `["a key"]`. */
export function joinKey(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}
