// Operations -> endpoint drafts: kept when the client-credentials scheme secures them and the format
// can express them, else skipped with the reason. Parameters and responses come from the document.
import type { RawEndpoint, RawParameter } from '../loader/raw.js';
import type { ImportContext } from './context.js';
import { isObject, type At } from './documents.js';
import { camelIdentifier, type NameBook, parameterName, text } from './names.js';
import { endpointFacts, FLAG_NOTE, parameterExample } from './kit-facts.js';
import { requirementFor } from './security.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A query name as the format spells it (spec/format.schema.json, `query[].name`): `limit`, `$top`, `page[size]`, `for-subadmin`. */
const QUERY_NAME = /^[A-Za-z$_][A-Za-z0-9_.$[\]-]{0,127}$/;

export interface ResponseDraft {
  status: number;
  description: string;
  /** Where the body's schema is, when the document gives a JSON one. */
  schemaAt?: At;
  examples: Array<{ name: string; body: unknown }>;
  /** The response headers the document names. */
  headers: string[];
}

export interface EndpointDraft {
  endpoint: Omit<RawEndpoint, 'responses'>;
  /** The path as the document writes it, below the server. */
  rawPath: string;
  responses: ResponseDraft[];
  scopes: string[];
  /** The operation's first tag, which may state its resource (`x-resource`). */
  tag?: string;
  /** The operation object, for facts read later (its `x-rate-limit`). */
  operation: Record<string, unknown>;
  /** Captures, requirements, list shape and whole examples the operation states. */
  facts: ReturnType<typeof endpointFacts>;
}

export class Skip extends Error {}

export function operationsOf(ctx: ImportContext, schemeName: string, ids: NameBook): EndpointDraft[] {
  const root = ctx.docs.root as Record<string, unknown>;
  const paths = isObject(root.paths) ? root.paths : {};
  const drafts: EndpointDraft[] = [];
  for (const rawPath of Object.keys(paths)) {
    const { node: item, at: itemAt } = ctx.docs.resolve({ file: ctx.docs.main, path: ['paths', rawPath] });
    if (!isObject(item)) continue;
    for (const method of METHODS.filter((m) => isObject(item[m]))) {
      const op = { method: method.toUpperCase(), path: rawPath };
      try {
        drafts.push(operation(ctx, schemeName, ids, rawPath, method, item, itemAt));
        ctx.report.kept.push({ ...op, id: drafts[drafts.length - 1]!.endpoint.id });
      } catch (error) {
        if (!(error instanceof Skip)) throw error;
        ctx.report.skipped.push({ ...op, reason: error.message });
      }
    }
  }
  return drafts;
}

function operation(
  ctx: ImportContext,
  schemeName: string,
  ids: NameBook,
  rawPath: string,
  method: string,
  item: Record<string, unknown>,
  itemAt: At,
): EndpointDraft {
  const op = item[method] as Record<string, unknown>;
  const opAt = { file: itemAt.file, path: [...itemAt.path, method] };
  const security = op.security ?? (ctx.docs.root as Record<string, unknown>).security;
  const requirement = requirementFor(security, schemeName);
  if (!requirement.allowed)
    throw new Skip(requirement.others.length ? `needs ${requirement.others.join(' or ')}, not ${schemeName} alone` : 'declares no security requirement');
  if (isObject(op.requestBody)) throw new Skip('has a request body, which the format cannot express yet');
  if (method !== 'get')
    throw new Skip(
      `${method.toUpperCase()} is not imported yet: only GET operations are (a contract run calls every endpoint, and the format cannot mark one as not to be run)`,
    );
  const params = parameters(ctx, item, itemAt, op, opAt);
  let path = rawPath;
  for (const p of params.path) if (p.original !== p.param.name) path = path.split(`{${p.original}}`).join(`{${p.param.name}}`);
  const operationId = typeof op.operationId === 'string' ? op.operationId : `${method} ${rawPath}`;
  const id = ids.claim(operationId, camelIdentifier(operationId, 'op'));
  const endpoint: EndpointDraft['endpoint'] = {
    id,
    name: text(op.summary, text(op.operationId, `${method.toUpperCase()} ${rawPath}`)),
    method: method.toUpperCase(),
    path,
    ...(typeof op.description === 'string' && op.description.trim() ? { description: op.description } : {}),
    ...(params.path.length ? { pathParams: params.path.map((p) => p.param) } : {}),
    ...(params.query.length ? { query: params.query } : {}),
  };
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? { tag: op.tags[0] } : {};
  return { endpoint, rawPath: path, responses: responses(ctx, op, opAt, id), scopes: requirement.scopes, ...tag, operation: op, facts: endpointFacts(op) };
}

interface Parameters {
  path: Array<{ original: string; param: RawParameter }>;
  query: RawParameter[];
}

function parameters(ctx: ImportContext, item: Record<string, unknown>, itemAt: At, op: Record<string, unknown>, opAt: At): Parameters {
  const byKey = new Map<string, { node: Record<string, unknown>; at: At }>();
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
  const out: Parameters = { path: [], query: [] };
  for (const { node, at } of byKey.values()) {
    const name = String(node.name);
    const where = String(node.in);
    if (where === 'body' || where === 'formData') throw new Skip('has a request body, which the format cannot express yet');
    if (where === 'header' || where === 'cookie') {
      if (node.required === true) throw new Skip(`needs the ${where} \`${name}\`, which the format cannot send yet`);
      ctx.report.warnings.push(`${opLabel(opAt)}: optional ${where} \`${name}\` left out (the format cannot send ${where}s yet)`);
      continue;
    }
    if (where === 'path') out.path.push({ original: name, param: pathParam(ctx, node, at, name) });
    else if (where === 'query') {
      const param = queryParam(ctx, node, at, name, opAt);
      if (param) out.query.push(param);
    }
  }
  return out;
}

function schemaOf(node: Record<string, unknown>): Record<string, unknown> {
  return isObject(node.schema) ? node.schema : node; // Swagger 2.0 writes the type on the parameter itself
}

function pathParam(ctx: ImportContext, node: Record<string, unknown>, at: At, original: string): RawParameter {
  const name = parameterName(original);
  if (name !== original) ctx.report.renamed.push({ kind: 'path parameter', from: original, to: name });
  const schema = schemaOf(node);
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

function queryParam(ctx: ImportContext, node: Record<string, unknown>, at: At, name: string, opAt: At): RawParameter | undefined {
  const required = node.required === true;
  const drop = (why: string) => {
    if (required) throw new Skip(`its required query parameter \`${name}\` ${why}`);
    ctx.report.warnings.push(`${opLabel(opAt)}: optional query parameter \`${name}\` left out: it ${why}`);
    return undefined;
  };
  if (!QUERY_NAME.test(name)) return drop('has a name the format cannot send yet');
  const schema = schemaOf(node);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array' || type === 'object') return drop(`is ${type === 'array' ? 'an array' : 'an object'}, which the format cannot send yet`);
  if (node['x-type'] === 'flag' && type === 'integer') return flagParam(node, schema, name, required);
  const param: RawParameter = { name, type: type === 'integer' ? 'integer' : 'string', ...(required ? { required } : {}), ...describe(node) };
  if (type === 'integer') integerBounds(schema, param);
  if (type === 'boolean') param.enum = ['true', 'false'];
  else if (Array.isArray(schema.enum) && type !== 'integer') {
    const values = [...new Set(schema.enum.filter((v) => v !== null).map(String))];
    if (values.length) param.enum = values;
  }
  if (type === 'number')
    ctx.report.warnings.push(`${opLabel(opAt)}: query parameter \`${name}\` is a number, written as a string (the format has no number parameters)`);
  if (schema.default !== undefined && (param.type === 'string' ? typeof schema.default !== 'object' : Number.isInteger(schema.default))) {
    param.default = param.type === 'string' ? String(schema.default) : (schema.default as number);
  }
  if (typeof node['x-field'] === 'string') param.field = node['x-field'];
  const stated = parameterExample(node);
  const example = stated ? stated.example : exampleOf(node, schema, param.type);
  if (example !== undefined && (!param.enum || param.enum.includes(String(example)))) param.example = example;
  else if (required && param.default === undefined && !param.enum) {
    param.example = param.type === 'integer' ? (param.minimum ?? 1) : 'example';
    ctx.report.guesses.push(`${opLabel(at)}: required query parameter \`${name}\` has no example; requests send \`${String(param.example)}\``);
  }
  return param;
}

/** A parameter the document marks `x-type: flag`: 1 yes, 0 no, its description without the note the export adds. */
function flagParam(node: Record<string, unknown>, schema: Record<string, unknown>, name: string, required: boolean): RawParameter {
  const description = describe(node).description?.replace(FLAG_NOTE.trim(), '').trim();
  const param: RawParameter = { name, type: 'flag', ...(required ? { required } : {}), ...(description ? { description } : {}) };
  if (schema.default === 0 || schema.default === 1) param.default = schema.default;
  const example = parameterExample(node)?.example;
  if (example !== undefined) param.example = example;
  if (typeof node['x-field'] === 'string') param.field = node['x-field'];
  return param;
}

function integerBounds(schema: Record<string, unknown>, param: RawParameter): void {
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : schema.minimum;
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : schema.maximum;
  if (Number.isInteger(min) && (min as number) >= -2147483648) param.minimum = (min as number) + (schema.exclusiveMinimum === true ? 1 : 0);
  if (Number.isInteger(max) && (max as number) <= 2147483647) param.maximum = (max as number) - (schema.exclusiveMaximum === true ? 1 : 0);
}

function exampleOf(node: Record<string, unknown>, schema: Record<string, unknown>, type: string): string | number | undefined {
  const firstExample = isObject(node.examples) ? Object.values(node.examples).find(isObject)?.value : undefined;
  const schemaExamples = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  for (const candidate of [node.example, firstExample, schema.example, schemaExamples, node['x-example']]) {
    if (type === 'integer' && Number.isInteger(candidate)) return candidate as number;
    if (type === 'string' && (typeof candidate === 'string' || typeof candidate === 'number' || typeof candidate === 'boolean')) return String(candidate);
  }
  return undefined;
}

function describe(node: Record<string, unknown>): { description?: string } {
  const d = typeof node.description === 'string' ? node.description.replace(/\s+/g, ' ').trim() : '';
  return d ? { description: d } : {};
}

function responses(ctx: ImportContext, op: Record<string, unknown>, opAt: At, id: string): ResponseDraft[] {
  const map = isObject(op.responses) ? op.responses : {};
  const out: ResponseDraft[] = [];
  for (const key of Object.keys(map)) {
    const status = /^[1-5]\d\d$/.test(key) ? Number(key) : undefined;
    if (status === undefined) {
      ctx.report.warnings.push(`${opLabel(opAt)}: response \`${key}\` left out (the format lists exact statuses)`);
      continue;
    }
    const { node, at } = ctx.docs.resolve({ file: opAt.file, path: [...opAt.path, 'responses', key] });
    if (!isObject(node) || node['x-shared-answer'] === true) continue;
    const headers = isObject(node.headers) ? Object.keys(node.headers) : [];
    out.push({ status, description: text(node.description, `HTTP ${status}`), headers, ...bodyOf(ctx, node, at, id, status) });
  }
  if (!out.some((r) => r.status >= 200 && r.status < 300)) throw new Skip('documents no success (2xx) answer');
  return out.sort((a, b) => a.status - b.status);
}

function bodyOf(
  ctx: ImportContext,
  response: Record<string, unknown>,
  at: At,
  id: string,
  status: number,
): { schemaAt?: At; examples: ResponseDraft['examples'] } {
  if (ctx.version === '2.0') {
    const examples =
      isObject(response.examples) && 'application/json' in response.examples
        ? [{ name: `Example ${status}`, body: response.examples['application/json'] }]
        : [];
    return isObject(response.schema) ? { schemaAt: { file: at.file, path: [...at.path, 'schema'] }, examples } : { examples };
  }
  const content = isObject(response.content) ? response.content : {};
  const type = Object.keys(content).find((t) => /^application\/json\b/i.test(t)) ?? Object.keys(content).find((t) => /[/+]json\b/i.test(t));
  if (type === undefined) {
    if (Object.keys(content).length > 0)
      ctx.report.warnings.push(`${id}: the ${status} answer is ${Object.keys(content).join(', ')}, not JSON; its body is not checked`);
    return { examples: [] };
  }
  const media = content[type] as Record<string, unknown>;
  const mediaAt = { file: at.file, path: [...at.path, 'content', type] };
  const examples: ResponseDraft['examples'] = [];
  if (media.example !== undefined) examples.push({ name: `Example ${status}`, body: media.example });
  if (isObject(media.examples)) {
    for (const name of Object.keys(media.examples)) {
      const { node } = ctx.docs.resolve({ file: mediaAt.file, path: [...mediaAt.path, 'examples', name] });
      if (isObject(node) && node.value !== undefined)
        examples.push({ name: text(isObject(node) && node.summary ? node.summary : name, name), body: node.value });
    }
  }
  return isObject(media.schema) || typeof media.schema === 'boolean'
    ? { schemaAt: { file: mediaAt.file, path: [...mediaAt.path, 'schema'] }, examples }
    : { examples };
}

function opLabel(at: At): string {
  const path = at.path;
  const i = path.indexOf('paths');
  return i >= 0 && path.length > i + 2 ? `${String(path[i + 2]).toUpperCase()} ${String(path[i + 1])}` : `${at.file}#/${path.join('/')}`;
}
