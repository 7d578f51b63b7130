// What the reference server needs to serve an endpoint without guessing: a list's items and total
// exist in its answer's schema, a fetch-one's key exists in the item schema, and every filter reads
// a field the item can hold with the filter's values.
import { filterField, isFilter, isYesNo } from '../model/model.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawEndpoint, RawParameter, RawSpec } from './raw.js';

type Schema = Record<string, unknown>;
type Schemas = RawSpec['schemas'];

const REF = /^#\/schemas\/([A-Za-z][A-Za-z0-9_]*)$/;

export function checkServed(spec: RawSpec, report: Report): void {
  spec.resources.forEach((resource, i) => {
    const itemSchemas: Array<{ ref: string | undefined; path: NodePath }> = [];
    resource.endpoints.forEach((endpoint, j) => {
      const path: NodePath = ['resources', i, 'endpoints', j];
      const item = checkEndpoint(endpoint, path, spec.schemas, report);
      if (item) itemSchemas.push(item);
    });
    checkOneItemSchema(itemSchemas, report);
  });
}

/** The item schema's reference (and where it was named) when the endpoint lists or fetches one. */
function checkEndpoint(endpoint: RawEndpoint, path: NodePath, schemas: Schemas, report: Report): { ref: string | undefined; path: NodePath } | undefined {
  (endpoint.pathParams ?? []).forEach((p, k) => {
    if (p.field !== undefined)
      report('invalid-value', [...path, 'pathParams', k, 'field'], '`field` applies to filters (enum and flag query parameters of a list endpoint)', 'key');
  });
  if (endpoint.list && endpoint.item) {
    report('invalid-value', [...path, 'item'], 'an endpoint either lists (`list`) or fetches one (`item`), not both', 'key');
    return undefined;
  }
  const answer = answerSchema(endpoint, schemas);
  if (endpoint.list) return checkList(endpoint, answer, [...path, 'list'], schemas, report);
  checkNoFilterFields(endpoint, path, report);
  if (endpoint.item) return checkItem(endpoint, answer, [...path, 'item'], schemas, report);
  return undefined;
}

function answerSchema(endpoint: RawEndpoint, schemas: Schemas): { ref: string | undefined; schema: Schema | undefined } {
  const ref = endpoint.responses.find((r) => r.status >= 200 && r.status < 300)?.schema?.$ref;
  return { ref, schema: ref === undefined ? undefined : deref({ $ref: ref }, schemas) };
}

function checkList(endpoint: RawEndpoint, answer: ReturnType<typeof answerSchema>, path: NodePath, schemas: Schemas, report: Report) {
  const list = endpoint.list!;
  if (!answer.schema) {
    report('invalid-value', path, 'a list endpoint needs a success response with a schema holding its items and total', 'key');
    return undefined;
  }
  const items = property(answer.schema, list.items, schemas);
  const total = property(answer.schema, list.total, schemas);
  if (items?.type !== 'array' || !isObject(items.items)) {
    report('invalid-value', [...path, 'items'], `the answer's schema has no array property \`${list.items}\` with an \`items\` schema`);
  }
  if (total?.type !== 'integer') report('invalid-value', [...path, 'total'], `the answer's schema has no integer property \`${list.total}\``);
  for (const key of ['limit', 'offset'] as const) {
    const name = list[key];
    if (name !== undefined && !(endpoint.query ?? []).some((p) => p.name === name && p.type === 'integer')) {
      report('invalid-value', [...path, key], `no integer query parameter \`${name}\``);
    }
  }
  const item = isObject(items?.items) ? items.items : undefined;
  (endpoint.query ?? []).forEach((param, k) => {
    if (isFilter(param)) checkFilter(param, item === undefined ? undefined : deref(item, schemas), [...path.slice(0, -1), 'query', k], schemas, report);
    else if (param.field !== undefined)
      report('invalid-value', [...path.slice(0, -1), 'query', k, 'field'], '`field` applies to filters (enum and flag query parameters)', 'key');
  });
  return item === undefined ? undefined : { ref: refOf(item), path: [...path, 'items'] };
}

function checkItem(endpoint: RawEndpoint, answer: ReturnType<typeof answerSchema>, path: NodePath, schemas: Schemas, report: Report) {
  if ((endpoint.pathParams ?? []).length !== 1) report('invalid-value', path, 'a fetch-one endpoint needs exactly one path parameter, the key', 'key');
  if (!answer.schema) {
    report('invalid-value', path, 'a fetch-one endpoint needs a success response with the item schema', 'key');
    return undefined;
  }
  const key = endpoint.item!.key;
  const type = property(answer.schema, key, schemas)?.type;
  if (type !== 'string' && type !== 'integer') report('invalid-value', [...path, 'key'], `the item schema has no string or integer property \`${key}\``);
  return { ref: answer.ref, path: [...path, 'key'] };
}

function checkNoFilterFields(endpoint: RawEndpoint, path: NodePath, report: Report): void {
  (endpoint.query ?? []).forEach((p, k) => {
    if (p.field !== undefined)
      report('invalid-value', [...path, 'query', k, 'field'], '`field` applies to filters of a list endpoint (one with `list`)', 'key');
  });
}

/** What `field` may be (spec/format.schema.json); a filter whose name is spelled otherwise (`filter[status]`) must give one. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Walks the dotted field into the item schema: where the schema names it, its type must fit the filter; where it stops, the field must be addable. */
function checkFilter(param: RawParameter, item: Schema | undefined, path: NodePath, schemas: Schemas, report: Report): void {
  const field = filterField(param);
  const at: NodePath = param.field === undefined ? [...path, 'name'] : [...path, 'field'];
  if (!FIELD_PATH.test(field))
    return void report('invalid-value', at, `the filter \`${field}\` is not a field path; name the item field it reads with \`field\`, e.g. \`field: status\``);
  let node = item;
  const steps = field.split('.');
  for (const [n, step] of steps.entries()) {
    if (node === undefined) return;
    if (node.type !== undefined && node.type !== 'object')
      return void report('invalid-value', at, `\`${steps.slice(0, n).join('.')}\` is not an object in the item schema, so \`${field}\` cannot be read`);
    const next = property(node, step, schemas);
    if (next === undefined && node.additionalProperties === false)
      return void report('invalid-value', at, `the item schema closes \`${steps.slice(0, n).join('.') || 'the item'}\`, so it cannot hold \`${field}\``);
    node = next;
  }
  if (node !== undefined) checkLeaf(param, field, node, at, report);
}

/** A filter value outside the field's schema enum is allowed: it matches nothing. */
function checkLeaf(param: RawParameter, field: string, leaf: Schema, at: NodePath, report: Report): void {
  const wanted = isYesNo(param) ? 'boolean' : 'string';
  if (leaf.type !== undefined && leaf.type !== wanted)
    report('invalid-value', at, `\`${field}\` is ${String(leaf.type)} in the item schema; a ${param.type} filter reads a ${wanted}`);
}

/** A resource's lists and fetch-ones serve one set of items, so they must name one item schema. */
function checkOneItemSchema(items: Array<{ ref: string | undefined; path: NodePath }>, report: Report): void {
  const first = items[0];
  for (const other of items.slice(1)) {
    if (other.ref === undefined || other.ref !== first!.ref) {
      report(
        'invalid-value',
        other.path,
        `the resource's endpoints serve one set of items: refer to the same item schema (${first!.ref ?? 'an inline schema'}) as the others`,
      );
    }
  }
}

function property(schema: Schema, name: string, schemas: Schemas): Schema | undefined {
  const properties = schema.properties;
  if (!isObject(properties) || !Object.hasOwn(properties, name) || !isObject(properties[name])) return undefined;
  return deref(properties[name], schemas);
}

/** Follows `#/schemas/X` references (a bounded number of hops; cycles end there). */
function deref(schema: Schema, schemas: Schemas): Schema | undefined {
  let node: unknown = schema;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string'; hops++) {
    const name = REF.exec(node.$ref)?.[1];
    node = name === undefined ? undefined : schemas[name];
  }
  return isObject(node) && node.$ref === undefined ? node : undefined;
}

function refOf(schema: Schema): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref : undefined;
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
