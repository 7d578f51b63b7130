// Operations -> endpoint drafts: kept when the client-credentials scheme secures them and the format
// can express them, else skipped with the reason. Parameters and responses come from the document.
import type { RawEndpoint } from '../loader/raw.js';
import type { ImportContext } from './context.js';
import { isObject, type At } from './documents.js';
import { camelIdentifier, type NameBook, text } from './names.js';
import { endpointFacts } from './kit-facts.js';
import { parametersOf } from './parameters.js';
import { requirementFor } from './security.js';
import { opLabel, Skip } from './skip.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A contract run sends only GET and HEAD (and a write only for a case that names it), so writes can be imported. */
const IMPORTED_METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

export interface ResponseDraft {
  status: number;
  description: string;
  /** Where the body's schema is, when the document gives a JSON one. */
  schemaAt?: At;
  examples: Array<{ name: string; body: unknown }>;
  /** The response headers the document names. */
  headers: string[];
}

/** A JSON request body as the document gives it: where its schema is, and its example. */
export interface RequestBodyDraft {
  required: boolean;
  schemaAt: At;
  example?: unknown;
  description?: string;
}

export interface EndpointDraft {
  endpoint: Omit<RawEndpoint, 'responses' | 'requestBody'>;
  requestBody?: RequestBodyDraft;
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
  /** The variables its headers are sent from, with their values on the local reference server. */
  variables: Record<string, string>;
}

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
  if (!IMPORTED_METHODS.includes(method))
    throw new Skip(`${method.toUpperCase()} is not imported yet: only GET, HEAD, POST, PUT, PATCH and DELETE operations are`);
  const inSegment = /(?:[^/]\{|\}[^/])[^/]*/.exec(rawPath);
  // Postman fills a path variable only as a whole segment (`/:key`): `key=:key` would be sent as written.
  if (inSegment)
    throw new Skip(`has a path parameter inside a path segment (\`${segmentOf(rawPath, inSegment.index)}\`), which Postman fills only as a whole segment`);
  const body = requestBodyOf(ctx, op, opAt);
  if (body && method === 'get') throw new Skip('has a request body on GET, which the format does not allow');
  const params = parametersOf(ctx, item, itemAt, op, opAt);
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
    ...(Object.keys(params.headers.values).length ? { headers: params.headers.values } : {}),
  };
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? { tag: op.tags[0] } : {};
  return {
    endpoint,
    ...(body ? { requestBody: body } : {}),
    rawPath: path,
    responses: responses(ctx, op, opAt, id),
    scopes: requirement.scopes,
    ...tag,
    operation: op,
    facts: endpointFacts(op),
    variables: params.headers.variables,
  };
}

function segmentOf(path: string, at: number): string {
  const start = path.lastIndexOf('/', at) + 1;
  const end = path.indexOf('/', at + 1);
  return path.slice(start, end < 0 ? undefined : end);
}

/** The operation's JSON request body; an operation whose body is not JSON, or has no schema, is skipped. */
function requestBodyOf(ctx: ImportContext, op: Record<string, unknown>, opAt: At): RequestBodyDraft | undefined {
  if (op.requestBody === undefined) return undefined;
  const { node, at } = ctx.docs.resolve({ file: opAt.file, path: [...opAt.path, 'requestBody'] });
  if (!isObject(node)) return undefined;
  const content = isObject(node.content) ? node.content : {};
  const type = Object.keys(content).find((t) => /^application\/json\s*(;|$)/i.test(t));
  if (type === undefined) throw new Skip(`has a request body of type ${Object.keys(content).join(', ') || 'none'}; the format sends JSON bodies only`);
  const media = content[type];
  if (!isObject(media) || !(isObject(media.schema) || typeof media.schema === 'boolean')) throw new Skip('has a JSON request body without a schema');
  return {
    required: node.required === true,
    schemaAt: { file: at.file, path: [...at.path, 'content', type, 'schema'] },
    ...(media.example !== undefined ? { example: media.example } : {}),
    ...(typeof node.description === 'string' && node.description.trim() ? { description: node.description } : {}),
  };
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
