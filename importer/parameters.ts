// An operation's parameters -> the format's path and query parameters and request headers, each as
// the document spells and sends it; what the format cannot send is left out with a warning, or
// the operation skipped when it is required.
import type { RawParameter } from '../loader/raw.js';
import type { ImportContext } from './context.js';
import { type At, isObject } from './documents.js';
import { FLAG_NOTE, parameterExample } from './kit-facts.js';
import { parameterName } from './names.js';
import { exampleOf, isScalar } from './parameter-examples.js';
import { type RequestHeaders, requestHeader } from './request-headers.js';
import { opLabel, Skip } from './skip.js';

/** The format's query parameter name: what vendors write (`$top`, `page[size]`, `for-subadmin`), at most 128 characters. */
const QUERY_NAME = /^[A-Za-z$_][A-Za-z0-9_.$[\]-]*$/;
const MAX_QUERY_NAME = 128;

type Node = Record<string, unknown>;

export interface Parameters {
  path: Array<{ original: string; param: RawParameter }>;
  query: RawParameter[];
  headers: RequestHeaders;
}

export function parametersOf(ctx: ImportContext, item: Node, itemAt: At, op: Node, opAt: At): Parameters {
  const byKey = new Map<string, { node: Node; at: At }>();
  for (const [list, at] of [
    [item.parameters, itemAt],
    [op.parameters, opAt],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const { node, at: here } = ctx.docs.resolve({ file: at.file, path: [...at.path, 'parameters', i] });
      if (isObject(node)) byKey.set(`${String(node.in)}:${String(node.name)}`, { node, at: here });
    });
  }
  const out: Parameters = { path: [], query: [], headers: { values: {}, variables: {} } };
  for (const { node, at } of byKey.values()) {
    const name = String(node.name);
    const where = String(node.in);
    if (where === 'body' || where === 'formData') throw new Skip('has a request body, which the format cannot express yet');
    if (where === 'cookie') {
      if (node.required === true) throw new Skip(`needs the cookie \`${name}\`, which the format cannot send yet`);
      ctx.report.warnings.push(`${opLabel(opAt)}: optional cookie \`${name}\` left out (the format cannot send cookies yet)`);
    } else if (where === 'header') requestHeader(ctx, node, schemaOf(ctx, node, at), name, opAt, out.headers);
    else if (where === 'path') out.path.push({ original: name, param: pathParam(ctx, node, at, name) });
    else if (where === 'query') {
      const param = queryParam(ctx, node, at, name, opAt);
      if (param) out.query.push(param);
    }
  }
  return out;
}

/** The parameter's schema, its `$ref` followed; Swagger 2.0 writes the type on the parameter itself. */
function schemaOf(ctx: ImportContext, node: Node, at: At): Node {
  return schemaAt(ctx, node, at).schema;
}

function schemaAt(ctx: ImportContext, node: Node, at: At): { schema: Node; at: At } {
  if (!isObject(node.schema)) return { schema: node, at };
  const resolved = ctx.docs.resolve({ file: at.file, path: [...at.path, 'schema'] });
  return { schema: isObject(resolved.node) ? resolved.node : {}, at: resolved.at };
}

function pathParam(ctx: ImportContext, node: Node, at: At, original: string): RawParameter {
  const name = parameterName(original);
  if (name !== original) ctx.report.renamed.push({ kind: 'path parameter', from: original, to: name });
  const schema = schemaOf(ctx, node, at);
  const type = schema.type === 'integer' ? 'integer' : 'string';
  const param: RawParameter = { name, type, ...describe(node) };
  const stated = parameterExample(node);
  const example = stated ? stated.example : exampleOf(node, schema, type);
  if (example !== undefined) param.example = example;
  else if (!stated) {
    param.example = type === 'integer' ? 1 : 'example';
    ctx.report.guesses.push(`${opLabel(at)}: path parameter \`${original}\` has no example; requests send \`${String(param.example)}\``);
  }
  return param;
}

function queryParam(ctx: ImportContext, node: Node, at: At, name: string, opAt: At): RawParameter | undefined {
  const required = node.required === true;
  const drop = (why: string) => {
    if (required) throw new Skip(`its required query parameter \`${name}\` ${why}`);
    ctx.report.warnings.push(`${opLabel(opAt)}: optional query parameter \`${name}\` left out: it ${why}`);
    return undefined;
  };
  if (!QUERY_NAME.test(name) || name.length > MAX_QUERY_NAME) return drop('has a name the format cannot send yet');
  const { schema, at: schemaPlace } = schemaAt(ctx, node, at);
  const type = typeOf(schema);
  if (type === 'object') return drop('is an object, which the format cannot send yet');
  if (type === 'array') {
    const style = arrayStyle(ctx, node);
    if (typeof style === 'object') return drop(style.why);
    return arrayParam(ctx, node, { schema, at: schemaPlace }, name, required, style, opAt);
  }
  if (node['x-type'] === 'flag' && type === 'integer') return flagParam(node, schema, name, required);
  const kind = type === 'integer' ? 'integer' : type === 'boolean' ? 'boolean' : 'string';
  const param: RawParameter = { name, type: kind, ...(required ? { required } : {}), ...describe(node) };
  if (kind === 'integer') integerBounds(schema, param);
  else if (kind === 'string' && Array.isArray(schema.enum)) {
    const values = [...new Set(schema.enum.filter((v) => v !== null).map(String))];
    if (values.length) param.enum = values;
  }
  if (type === 'number')
    ctx.report.warnings.push(`${opLabel(opAt)}: query parameter \`${name}\` is a number, written as a string (the format has no number parameters)`);
  const fallback = defaultOf(schema.default, kind);
  if (fallback !== undefined) param.default = fallback;
  if (typeof node['x-field'] === 'string') param.field = node['x-field'];
  const stated = parameterExample(node);
  const example = stated ? stated.example : exampleOf(node, schema, kind);
  if (example !== undefined && (!param.enum || param.enum.includes(String(example)))) param.example = example;
  else if (required && param.default === undefined && !param.enum) {
    param.example = kind === 'integer' ? (param.minimum ?? 1) : kind === 'boolean' ? true : 'example';
    ctx.report.guesses.push(`${opLabel(at)}: required query parameter \`${name}\` has no example; requests send \`${String(param.example)}\``);
  }
  return param;
}

function typeOf(schema: Node): unknown {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function defaultOf(value: unknown, kind: 'string' | 'integer' | 'boolean'): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (kind === 'integer') return Number.isInteger(value) ? (value as number) : undefined;
  if (kind === 'boolean') return typeof value === 'boolean' ? value : undefined;
  return typeof value === 'object' ? undefined : String(value);
}

/**
 * How an array query parameter is sent: OpenAPI 3's `form` style, exploded (`tag=a&tag=b`, the
 * default) or not (`tag=a,b`); Swagger 2.0's `collectionFormat` `multi` or `csv` (the default).
 * Any other way is one the format cannot send, with why.
 */
function arrayStyle(ctx: ImportContext, node: Node): 'repeated' | 'comma' | { why: string } {
  if (ctx.version === '2.0') {
    const format = node.collectionFormat ?? 'csv';
    if (format === 'multi') return 'repeated';
    if (format === 'csv') return 'comma';
    return { why: `is an array sent as \`collectionFormat: ${String(format)}\`, which the format cannot send yet` };
  }
  const style = node.style ?? 'form';
  if (style !== 'form') return { why: `is an array sent in style \`${String(style)}\`, which the format cannot send yet` };
  return node.explode === false ? 'comma' : 'repeated';
}

function arrayParam(
  ctx: ImportContext,
  node: Node,
  { schema, at: schemaPlace }: { schema: Node; at: At },
  name: string,
  required: boolean,
  style: 'repeated' | 'comma',
  at: At,
): RawParameter | undefined {
  const resolved = isObject(schema.items) ? ctx.docs.resolve({ file: schemaPlace.file, path: [...schemaPlace.path, 'items'] }).node : undefined;
  const items: Node = isObject(resolved) ? resolved : {};
  const itemType = isObject(items) ? typeOf(items) : undefined;
  if (itemType === 'object' || itemType === 'array') {
    if (required) throw new Skip(`its required query parameter \`${name}\` is an array of ${String(itemType)}s, which the format cannot send yet`);
    ctx.report.warnings.push(
      `${opLabel(at)}: optional query parameter \`${name}\` left out: it is an array of ${String(itemType)}s, which the format cannot send yet`,
    );
    return undefined;
  }
  const param: RawParameter = { name, type: 'array', style, ...(required ? { required } : {}), ...describe(node) };
  const values = isObject(items) && Array.isArray(items.enum) ? [...new Set(items.enum.filter((v) => v !== null).map(String))] : [];
  if (values.length) param.enum = values;
  if (typeof node['x-field'] === 'string') param.field = node['x-field'];
  const stated = parameterExample(node);
  const example = stated ? stated.example : listExample(node, schema, items);
  if (Array.isArray(example) && example.every((v) => !param.enum || param.enum.includes(v))) param.example = example;
  else if (required) {
    param.example = [param.enum?.[0] ?? 'example'];
    ctx.report.guesses.push(`${opLabel(at)}: required query parameter \`${name}\` has no example; requests send \`${param.example.join(',')}\``);
  }
  return param;
}

/** The first stated example of an array parameter, as strings: the parameter's, the schema's, else one item's. */
function listExample(node: Node, schema: Node, items: Node): string[] | undefined {
  const firstExample = isObject(node.examples) ? Object.values(node.examples).find(isObject)?.value : undefined;
  const schemaExamples = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  for (const candidate of [node.example, firstExample, schema.example, schemaExamples, node['x-example']]) {
    if (Array.isArray(candidate) && candidate.length && candidate.every(isScalar)) return candidate.map(String);
  }
  const item = exampleOf({}, items, 'string');
  return item === undefined ? undefined : [String(item)];
}

/** A parameter the document marks `x-type: flag`: 1 yes, 0 no, its description without the note the export adds. */
function flagParam(node: Node, schema: Node, name: string, required: boolean): RawParameter {
  const description = describe(node).description?.replace(FLAG_NOTE.trim(), '').trim();
  const param: RawParameter = { name, type: 'flag', ...(required ? { required } : {}), ...(description ? { description } : {}) };
  if (schema.default === 0 || schema.default === 1) param.default = schema.default;
  const example = parameterExample(node)?.example;
  if (example !== undefined) param.example = example;
  if (typeof node['x-field'] === 'string') param.field = node['x-field'];
  return param;
}

function integerBounds(schema: Node, param: RawParameter): void {
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : schema.minimum;
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : schema.maximum;
  if (Number.isInteger(min) && (min as number) >= -2147483648) param.minimum = (min as number) + (schema.exclusiveMinimum === true ? 1 : 0);
  if (Number.isInteger(max) && (max as number) <= 2147483647) param.maximum = (max as number) - (schema.exclusiveMaximum === true ? 1 : 0);
}

export function describe(node: Node): { description?: string } {
  const d = typeof node.description === 'string' ? node.description.replace(/\s+/g, ' ').trim() : '';
  return d ? { description: d } : {};
}
