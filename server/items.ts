// A resource's items, made from the description: the item schema its list or fetch-one endpoint
// names, the examples as seeds, the fields its filters read, and a unique key per tenant.
import { createHash } from 'node:crypto';
import type { ApiModel, Endpoint, JsonSchema, Resource } from '../model/model.js';
import { filterField, isFilter, isYesNo, successResponse } from '../model/model.js';
import { isObject, join, pick, resolve, sample, uuidFrom, type Sampling } from './sample.js';

export type Item = Record<string, unknown>;

/** The field `additiveFields: true` adds to every item, when the item schema does not name it. */
export const EXTRA_FIELD = 'serialNumber';

/** `true`: a `serialNumber` of each item's own; an object: these fields, on every item. */
export type AdditiveFields = boolean | Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ItemSchema {
  /** The self-contained schema the item schema lives in (its `definitions` resolve references). */
  root: JsonSchema;
  /** The item schema itself (may be a `$ref` into `root.definitions`). */
  node: unknown;
}

export interface SeedOptions {
  organization: string;
  /** Position of the tenant, so integer keys differ between tenants. */
  tenantIndex: number;
  count: number;
  additiveFields: AdditiveFields;
}

/** The schema of one item of a resource: a list's `items` schema, else a fetch-one's answer. Undefined when the resource has neither. */
export function itemSchema(model: ApiModel, resource: Resource): ItemSchema | undefined {
  for (const endpoint of resource.endpoints) {
    const name = successResponse(endpoint)?.schema;
    const root = name === undefined ? undefined : model.schemas[name];
    if (root === undefined) continue;
    if (endpoint.list) {
      const answer = resolve(root, root);
      if (endpoint.list.items === undefined) return { root, node: answer?.items };
      const properties = answer?.properties as Record<string, unknown> | undefined;
      return { root, node: resolve(properties?.[endpoint.list.items], root)?.items };
    }
    if (endpoint.item) return { root, node: root };
  }
  return undefined;
}

export function seedItems(model: ApiModel, resource: Resource, options: SeedOptions): Item[] {
  const schema = itemSchema(model, resource);
  if (!schema) return [];
  const seeds = exampleSeeds(resource);
  const key = resource.endpoints.find((e) => e.item)?.item?.key;
  const fields = filterFields(resource, schema);
  return Array.from({ length: options.count }, (_, index) => {
    const sampling: Sampling = { root: schema.root, seeds, index, salt: `${options.organization}:${resource.id}` };
    const item = (sample(schema.node, '', sampling) ?? {}) as Item;
    for (const { field, values } of fields) setField(item, field, values[pick(values.length, sampling, field)]);
    if (key !== undefined) item[key] = keyValue(item[key], keyPrefix(seeds.get(key), resource), options, index);
    if (options.additiveFields === true && !(EXTRA_FIELD in item)) item[EXTRA_FIELD] = `ST${digest(`${sampling.salt}:${index}`).slice(0, 10).toUpperCase()}`;
    if (typeof options.additiveFields === 'object') Object.assign(item, structuredClone(options.additiveFields));
    return item;
  });
}

/**
 * Every filter of the resource's lists: the field it reads and the values items get there. Where the
 * item schema has an enum for the field, only the values both allow: a filter value the schema never
 * gives matches nothing.
 */
export function filterFields(resource: Resource, schema?: ItemSchema): Array<{ field: string; values: readonly unknown[] }> {
  return resource.endpoints.flatMap((e) =>
    e.list
      ? e.query.filter(isFilter).map((p) => {
          const field = filterField(p);
          const values: unknown[] = isYesNo(p) ? [true, false] : p.enum!;
          const allowed = schema ? schemaAt(schema, field)?.enum : undefined;
          const both = Array.isArray(allowed) ? values.filter((v) => allowed.includes(v)) : values;
          return { field, values: both.length > 0 ? both : values };
        })
      : [],
  );
}

/** The item schema's subschema for a dotted field, through references; undefined where the schema does not name it. */
function schemaAt(schema: ItemSchema, field: string): Record<string, unknown> | undefined {
  let node = resolve(schema.node, schema.root);
  for (const step of field.split('.')) {
    const properties = node?.properties;
    node = isObject(properties) ? resolve(properties[step], schema.root) : undefined;
  }
  return node;
}

/**
 * A string key `<prefix>-<organization>-0001` (a uuid when the sampled one is), or an integer unique
 * across tenants. Keys are unique across tenants, so another tenant's key is a 404, never someone else's item.
 */
function keyValue(sampled: unknown, prefix: string, options: SeedOptions, index: number): string | number {
  if (typeof sampled === 'number') return options.tenantIndex * 1_000_000 + index + 1;
  if (typeof sampled === 'string' && UUID.test(sampled)) return uuidFrom(`${options.organization}:${prefix}:${index}`);
  return `${prefix}-${options.organization}-${String(index + 1).padStart(4, '0')}`;
}

/** The example key's prefix (`dev` of `dev-0001`), else the resource id. */
function keyPrefix(examples: readonly unknown[] | undefined, resource: Resource): string {
  const example = examples?.find((v): v is string => typeof v === 'string');
  return (example === undefined ? undefined : /^([A-Za-z][A-Za-z0-9]*)[-_]/.exec(example)?.[1]) ?? resource.id;
}

/** Sets a dotted field, making the objects on the way when the item has none there. */
function setField(item: Item, field: string, value: unknown): void {
  const steps = field.split('.');
  let node = item;
  for (const step of steps.slice(0, -1)) {
    if (!isObject(node[step])) node[step] = {};
    node = node[step] as Item;
  }
  node[steps[steps.length - 1]!] = value;
}

/** Leaf values of the documented example items, by field path (`[]` for array elements). */
function exampleSeeds(resource: Resource): Map<string, unknown[]> {
  const seeds = new Map<string, unknown[]>();
  for (const endpoint of resource.endpoints) for (const item of exampleItems(endpoint)) collect(item, '', seeds);
  return seeds;
}

function exampleItems(endpoint: Endpoint): unknown[] {
  const bodies = endpoint.examples.filter((x) => x.status >= 200 && x.status < 300).map((x) => x.body);
  const list = endpoint.list;
  if (list) return bodies.flatMap((body) => listed(body, list.items));
  return endpoint.item ? bodies : [];
}

/** The items of a list answer: the bare array, or its array property. */
function listed(body: unknown, items: string | undefined): unknown[] {
  if (items === undefined) return Array.isArray(body) ? body : [];
  return isObject(body) && Array.isArray(body[items]) ? (body[items] as unknown[]) : [];
}

function collect(value: unknown, path: string, seeds: Map<string, unknown[]>): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, `${path}[]`, seeds));
  if (isObject(value)) return Object.entries(value).forEach(([k, v]) => collect(v, join(path, k), seeds));
  if (value !== null) seeds.set(path, [...(seeds.get(path) ?? []), value]);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
