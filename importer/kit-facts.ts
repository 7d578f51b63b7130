// Facts a document states in `x-` extensions (the kit's own OpenAPI export writes them: see
// generators/openapi/kit-facts.ts and security.ts). Each one read here is taken as stated, so it is
// never a guess; a value of the wrong shape is ignored and the import falls back to what it does
// without it.
import type { RawSpec } from '../loader/raw.js';
import type { RateLimit } from '../model/model.js';
import { isObject } from './documents.js';

type Node = Record<string, unknown>;
type Auth = RawSpec['auth'];

const isRecordOf = (value: unknown, ok: (v: unknown) => boolean): value is Record<string, never> => isObject(value) && Object.values(value).every(ok);
const isText = (v: unknown): v is string => typeof v === 'string';
const isValue = (v: unknown) => typeof v === 'string' || typeof v === 'number';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function rateLimitFact(node: Node, key = 'x-rate-limit'): RateLimit | undefined {
  const limit = node[key];
  if (!isObject(limit) || !isCount(limit.requests) || !isCount(limit.perSeconds)) return undefined;
  const per = Array.isArray(limit.per) ? limit.per.filter((p): p is 'ip' | 'user' => p === 'ip' || p === 'user') : [];
  return { requests: limit.requests, perSeconds: limit.perSeconds, per: per.length ? per : ['ip'] };
}

/** What the client-credentials scheme states beyond its flow. */
export interface SchemeFacts {
  path?: string;
  clientAuthentication?: Auth['clientAuthentication'];
  lifetimeSeconds?: Auth['lifetimeSeconds'];
  refreshToken?: boolean;
  rateLimit?: RateLimit;
  rest: Partial<Pick<Auth, 'token' | 'audience' | 'body' | 'headers' | 'tokenPrefix' | 'expirySkewSeconds'>>;
}

export function schemeFacts(scheme: Node): SchemeFacts {
  const clientAuth = { client_secret_basic: 'basic', client_secret_post: 'post' }[String(scheme['x-client-authentication'])] as
    | Auth['clientAuthentication']
    | undefined;
  const lifetime = scheme['x-token-lifetime-seconds'];
  const lifetimeSeconds = isCount(lifetime)
    ? lifetime
    : isObject(lifetime) && isCount(lifetime.min)
      ? { min: lifetime.min, ...(isCount(lifetime.max) ? { max: lifetime.max } : {}) }
      : undefined;
  const path = scheme['x-token-path'];
  const format = scheme['x-token-format'];
  const token = {
    ...(format === 'jwt' || format === 'opaque' ? { format: format as 'jwt' | 'opaque' } : {}),
    ...(isText(scheme['x-token-type']) ? { type: scheme['x-token-type'] } : {}),
    ...(isText(scheme['x-token-field']) ? { field: scheme['x-token-field'] } : {}),
  };
  const body = scheme['x-token-body'];
  const rest: SchemeFacts['rest'] = {
    ...(Object.keys(token).length ? { token } : {}),
    ...(isText(scheme['x-audience']) ? { audience: scheme['x-audience'] } : {}),
    ...(body === 'none' || body === 'form' ? { body } : {}),
    ...(isRecordOf(scheme['x-token-headers'], isText) ? { headers: scheme['x-token-headers'] } : {}),
    ...(isText(scheme['x-token-prefix']) ? { tokenPrefix: scheme['x-token-prefix'] } : {}),
    ...(isCount(scheme['x-token-expiry-skew-seconds']) ? { expirySkewSeconds: scheme['x-token-expiry-skew-seconds'] } : {}),
  };
  return {
    ...(isText(path) && path.startsWith('/') ? { path } : {}),
    ...(clientAuth ? { clientAuthentication: clientAuth } : {}),
    ...(lifetimeSeconds !== undefined ? { lifetimeSeconds } : {}),
    ...(typeof scheme['x-refresh-token'] === 'boolean' ? { refreshToken: scheme['x-refresh-token'] } : {}),
    ...(rateLimitFact(scheme) ? { rateLimit: rateLimitFact(scheme)! } : {}),
    rest,
  };
}

/** `x-environment` on every server: the environments as stated (a token host of their own included), or undefined when any server lacks it. */
export function environmentFacts(servers: unknown): RawSpec['environments'] | undefined {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  const out: RawSpec['environments'] = [];
  for (const server of servers) {
    const env = isObject(server) ? server['x-environment'] : undefined;
    if (!isObject(server) || !isText(server.url) || !isObject(env) || !isText(env.id)) return undefined;
    out.push({
      id: env.id,
      name: isText(server.description) && server.description.trim() ? server.description : env.id,
      baseUrl: server.url,
      ...(isText(env.tokenBaseUrl) ? { tokenBaseUrl: env.tokenBaseUrl } : {}),
      ...(isRecordOf(env.resourcePaths, isText) ? { resourcePaths: env.resourcePaths } : {}),
      ...(isRecordOf(env.values, isText) ? { values: env.values } : {}),
    });
  }
  return out;
}

export interface ResourceFacts {
  id: string;
  basePath: string;
  pathPrefix: string;
  name: string;
  description?: string;
}

/** `x-resource` on the document's tags, by tag name. */
export function resourceFacts(root: Node): Map<string, ResourceFacts> {
  const out = new Map<string, ResourceFacts>();
  for (const tag of Array.isArray(root.tags) ? root.tags : []) {
    const facts = isObject(tag) ? tag['x-resource'] : undefined;
    if (!isObject(tag) || !isText(tag.name) || !isObject(facts) || !isText(facts.id) || !isText(facts.basePath) || !isText(facts.pathPrefix)) continue;
    const description = isText(tag.description) && tag.description.trim() ? { description: tag.description } : {};
    out.set(tag.name, { id: facts.id, basePath: facts.basePath, pathPrefix: facts.pathPrefix, name: tag.name, ...description });
  }
  return out;
}

type Endpoint = RawSpec['resources'][number]['endpoints'][number];

/** An operation's captures, requirements, list or fetch-one shape and whole examples. */
export function endpointFacts(op: Node): Partial<Pick<Endpoint, 'capture' | 'requires' | 'list' | 'item' | 'examples'>> {
  const list = op['x-list'];
  const item = op['x-item'];
  const examples = Array.isArray(op['x-examples'])
    ? op['x-examples'].filter((e) => isObject(e) && isText(e.name) && Number.isInteger(e.status) && 'body' in e)
    : undefined;
  return {
    ...(isRecordOf(op['x-capture'], isText) ? { capture: op['x-capture'] } : {}),
    ...(Array.isArray(op['x-requires']) && op['x-requires'].every(isText) ? { requires: op['x-requires'] as string[] } : {}),
    ...(isListFact(list) ? { list } : {}),
    ...(isObject(item) && isText(item.key) ? { item: { key: item.key } } : {}),
    ...(examples?.length ? { examples: examples as Endpoint['examples'] } : {}),
  };
}

/** The format's list keys (spec/format.schema.json), each of its type; the loader checks the rest. */
const LIST_KEYS: Record<string, (v: unknown) => boolean> = {
  items: isText,
  total: isText,
  totalHeader: isText,
  limit: isText,
  offset: isText,
  page: isText,
  firstPage: (v) => v === 0 || v === 1,
  cursor: isText,
  nextCursor: isText,
  nextLink: isText,
  linkHeader: (v) => typeof v === 'boolean',
};

function isListFact(value: unknown): value is NonNullable<Endpoint['list']> {
  return isObject(value) && Object.entries(value).every(([key, v]) => Object.hasOwn(LIST_KEYS, key) && LIST_KEYS[key]!(v));
}

/** The parameter's own example as stated (`null`: none), when `x-example` is there. */
export function parameterExample(node: Node): { example?: string | number | boolean | string[] } | undefined {
  if (!('x-example' in node)) return undefined;
  const value = node['x-example'];
  if (Array.isArray(value)) return value.every(isText) ? { example: value } : {};
  return isValue(value) || typeof value === 'boolean' ? { example: value as string | number | boolean } : {};
}

/** `x-contract` at the root. */
export function contractFacts(root: Node): RawSpec['contract'] | undefined {
  const contract = root['x-contract'];
  if (!isObject(contract) || !isCount(contract.responseTimeMs) || !Array.isArray(contract.cases)) return undefined;
  return { responseTimeMs: contract.responseTimeMs, cases: contract.cases.filter(isObject) as unknown as RawSpec['contract']['cases'] };
}

export const FLAG_NOTE = ' `1` yes, `0` no.';
