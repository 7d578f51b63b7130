// A value for a JSON Schema, derived only from the schema, the examples and an index: the same
// inputs give the same value. Every property a schema names is filled, nothing else.
import { createHash } from 'node:crypto';
import type { JsonSchema } from '../model/model.js';
import { stringMatching } from './pattern-string.js';

type Schema = Record<string, unknown>;

export interface Sampling {
  /** The self-contained schema whose `definitions` the `$ref`s point into. */
  root: JsonSchema;
  /** Example values by field path (`network.ipAddress`, `sites[].name`): used before made-up ones. */
  seeds: ReadonlyMap<string, readonly unknown[]>;
  /** Which item this is: values vary with it. */
  index: number;
  /** Mixed into the variation, so tenants differ (e.g. the organization). */
  salt: string;
}

/** The epoch date-times count back from when no example gives one. */
const EPOCH_MS = Date.UTC(2024, 11, 31, 23, 59, 59);
const MAX_DEPTH = 8;
/** `allOf`/`anyOf`/`oneOf` parts followed within one value: ends a schema whose parts only name each other. */
const MAX_PARTS = 16;
/** Past this depth optional nesting (lists, objects) is left out, so a recursive schema's value ends in time. */
const NESTING_DEPTH = MAX_DEPTH / 2;

/** A value for `schema`; undefined only for a string no made-up value fits. */
export function sample(schema: unknown, path: string, s: Sampling, depth = 0, parts = 0): unknown {
  const node = resolve(schema, s.root);
  if (node === undefined || depth > MAX_DEPTH || parts > MAX_PARTS) return null;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[pick(node.enum.length, s, path)];
  // A part of an `allOf` or an option is the same value, not a nested one: it does not count towards the depth.
  if (Array.isArray(node.allOf)) return merge(allOfParts(node, s.root).map((part) => sample(part, path, s, depth, parts + 1)));
  const option = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(option) && option.length > 0) return sample(option[0], path, s, depth, parts + 1);
  switch (typeOf(node)) {
    case 'object':
      return sampleObject(node, path, s, depth);
    case 'array':
      return sampleArray(node, path, s, depth);
    case 'string':
      return seeded(path, s, 'string') ?? fitsPattern(sampleString(node, path, s), node, hash(`${s.salt}:${path}:${s.index}`));
    case 'integer':
    case 'number':
      return seeded(path, s, 'number') ?? sampleNumber(node, s);
    case 'boolean':
      return seeded(path, s, 'boolean') ?? pick(2, s, path) === 0;
    default:
      return null;
  }
}

/**
 * The parts an `allOf` node's value merges: each part, with the `required` written beside the
 * `allOf` added (PayPal's `last_payment_details` lists its required fields there), and the node's
 * own properties as one more part.
 */
function allOfParts(node: Schema, root: JsonSchema): unknown[] {
  const { allOf, ...own } = node;
  const required = Array.isArray(node.required) ? node.required : [];
  const parts = (allOf as unknown[]).map((part) => {
    const resolved = resolve(part, root);
    if (required.length === 0 || resolved === undefined) return part;
    return { ...resolved, required: [...(Array.isArray(resolved.required) ? resolved.required : []), ...required] };
  });
  return isObject(own.properties) ? [...parts, own] : parts;
}

/** Whether the schema's value is an object or a list, also when it says so only through its `allOf`/`anyOf`/`oneOf` parts. */
function nests(schema: unknown, root: JsonSchema, hops = 0): boolean {
  const node = resolve(schema, root);
  if (node === undefined) return false;
  if (['object', 'array'].includes(typeOf(node) ?? '')) return true;
  const parts = [node.allOf, node.anyOf, node.oneOf].flatMap((list) => (Array.isArray(list) ? list : []));
  return hops < MAX_DEPTH && parts.some((part) => nests(part, root, hops + 1));
}

/** The schema a `$ref` into `root.definitions` points at (`true` as `{}`); undefined for anything else. */
export function resolve(schema: unknown, root: JsonSchema): Schema | undefined {
  let node = schema;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string'; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    node = name === undefined ? undefined : (root.definitions as Record<string, unknown> | undefined)?.[name];
  }
  if (node === true) return {};
  return isObject(node) ? node : undefined;
}

function typeOf(node: Schema): string | undefined {
  const type = Array.isArray(node.type) ? (node.type.find((t) => t !== 'null') ?? node.type[0]) : node.type;
  if (type !== undefined) return String(type);
  return isObject(node.properties) ? 'object' : undefined;
}

/** Every property; an optional one without a value that fits (a `pattern` nothing can be generated from, and no example) is left out. */
function sampleObject(node: Schema, path: string, s: Sampling, depth: number): Record<string, unknown> {
  const properties = isObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required : [];
  const wanted = Object.entries(properties).filter(([name, child]) => depth < NESTING_DEPTH || required.includes(name) || !nests(child, s.root));
  const entries = wanted.map(([name, child]) => [name, sample(child, join(path, name), s, depth + 1)] as const);
  return Object.fromEntries(entries.flatMap(([name, value]) => (value === undefined ? (required.includes(name) ? [[name, null]] : []) : [[name, value]])));
}

function sampleArray(node: Schema, path: string, s: Sampling, depth: number): unknown[] {
  if (!isObject(node.items)) return [];
  const min = typeof node.minItems === 'number' ? node.minItems : 0;
  const max = typeof node.maxItems === 'number' ? node.maxItems : Infinity;
  const count = depth >= NESTING_DEPTH ? min : Math.min(Math.max(min, 1), max);
  return Array.from({ length: count }, (_, k) => sample(node.items, `${path}[]`, { ...s, index: s.index + k }, depth + 1));
}

function sampleString(node: Schema, path: string, s: Sampling): string {
  const n = s.index;
  switch (node.format) {
    case 'date-time':
      return isoSeconds(EPOCH_MS - n * 7 * 60_000);
    case 'date':
      return isoSeconds(EPOCH_MS - n * 86_400_000).slice(0, 10);
    case 'time':
      return isoSeconds(EPOCH_MS - n * 60_000).slice(11);
    case 'email':
      return `user${n + 1}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${encodeURIComponent(path || 'item')}/${n + 1}`;
    case 'uuid':
      return uuidFrom(`${s.salt}:${path}:${n}`);
    case 'ipv4':
      return `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    case 'ipv6':
      return `fd00::${(n + 1).toString(16)}`;
    case 'hostname':
      return `host-${n + 1}.example.com`;
    default:
      return fit(`${path.split('.').pop()?.replace('[]', '') || 'value'}-${String(n + 1).padStart(4, '0')}`, node);
  }
}

/** The made-up string, or when it breaks the schema's `pattern` one generated from the pattern; undefined when neither fits. */
function fitsPattern(text: string, node: Schema, seed: number): string | undefined {
  if (typeof node.pattern !== 'string') return text;
  try {
    if (new RegExp(node.pattern, 'u').test(text)) return text;
  } catch {
    return undefined;
  }
  return stringMatching(node.pattern, node, seed);
}

/** Pads or cuts to `minLength`/`maxLength`. */
function fit(text: string, node: Schema): string {
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  return text.padEnd(min, 'x').slice(0, max);
}

function sampleNumber(node: Schema, s: Sampling): number {
  const low = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? Math.floor(node.exclusiveMinimum) + 1 : 0;
  const high = typeof node.maximum === 'number' ? node.maximum : typeof node.exclusiveMaximum === 'number' ? Math.ceil(node.exclusiveMaximum) - 1 : low + 1000;
  const span = Math.max(0, Math.floor(high - Math.ceil(low))) + 1;
  return Math.ceil(low) + ((s.index * 7) % span);
}

/** An example value of the right JSON type for this path, varying with the index. */
function seeded(path: string, s: Sampling, type: 'string' | 'number' | 'boolean'): unknown {
  const values = (s.seeds.get(path) ?? []).filter((v) => typeof v === type);
  if (values.length === 0) return undefined;
  const value = values[s.index % values.length];
  if (type === 'string' && isDateTime(value)) return isoSeconds(Date.parse(value as string) - s.index * 7 * 60_000);
  return value;
}

function isDateTime(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value);
}

/** Which of `n` choices item `index` gets: every choice among the first `n` items, then a hash. */
export function pick(n: number, s: Pick<Sampling, 'index' | 'salt'>, key: string): number {
  const offset = hash(`${s.salt}:${key}`);
  return s.index < n ? (s.index + offset) % n : hash(`${s.salt}:${key}:${s.index}`) % n;
}

/** FNV-1a with murmur3's final mix (FNV's low bits alone hardly vary): cheap, and the same on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function merge(parts: unknown[]): unknown {
  return parts.every(isObject) ? Object.assign({}, ...parts) : parts[0];
}

export function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
