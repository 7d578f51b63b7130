// An OpenAPI schema (Swagger 2.0, 3.0 or 3.1) rewritten into the draft-07 subset the format
// accepts. Nothing is lost silently: every keyword changed or dropped is noted with where it was.
// A `$ref` becomes a reference to a named schema, so recursive schemas stay recursive.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { slowPattern } from '../loader/pattern-safety.js';
import { CLIENT_FORMATS } from '../model/client-formats.js';
import { isObject, isRef, type At, type Documents } from './documents.js';

export interface SchemaRewrite {
  /** `file#/json/pointer` of the keyword in the source. */
  at: string;
  change: string;
}

export interface SchemaContext {
  docs: Documents;
  /** The named schema a reference target becomes (queued for conversion when new). */
  nameOf(target: At): string;
  note(at: At, change: string): void;
  /** A discriminator's mapping: the schema at `target` is the one whose `property` is `value`. */
  mapped?(target: At, property: string, value: string): void;
}

type Schema = Record<string, unknown>;

/** The formats kept (model/client-formats.ts says why only these). */
const KNOWN_FORMATS = Object.keys(fullFormats).filter((f) => CLIENT_FORMATS.has(f));
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const KEEP = new Set([
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'enum',
  'const',
  'contentMediaType',
  'contentEncoding',
  '$comment',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']);
const DROPPED = new Set([
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  'unevaluatedProperties',
  'unevaluatedItems',
  'minContains',
  'maxContains',
  'contentSchema',
  'dependentSchemas',
  '$vocabulary',
]);

export function rewriteSchema(node: unknown, at: At, ctx: SchemaContext): unknown {
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) {
    ctx.note(at, 'a schema that is not a mapping became `{}` (anything)');
    return {};
  }
  if (isRef(node)) return rewriteRef(node, at, ctx);
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) rewriteKeyword(key, value, { file: at.file, path: [...at.path, key] }, out, ctx);
  if (Array.isArray(out.required)) dropPatternNames(node, out, at, ctx);
  lowerExclusive(node, out, at, ctx);
  return applyNullable(node, out, at, ctx);
}

function rewriteRef(node: { $ref: unknown } & Schema, at: At, ctx: SchemaContext): Schema {
  const target = ctx.docs.target(node.$ref, { file: at.file, path: [...at.path, '$ref'] });
  const siblings = Object.keys(node).filter((k) => k !== '$ref' && !k.startsWith('x-'));
  if (siblings.length > 0) ctx.note(at, `dropped ${siblings.map((k) => `\`${k}\``).join(', ')} beside \`$ref\` (draft-07 ignores them)`);
  return { $ref: `#/schemas/${ctx.nameOf(target)}` };
}

/**
 * `required: ["/^[a-z]{2}$/"]` beside `additionalProperties` or `patternProperties` means "some key
 * matching this pattern", which `required` cannot say: it names one literal key (and draft-07
 * compilers refuse a required key no property defines). Such names are dropped.
 */
function dropPatternNames(node: Schema, out: Schema, at: At, ctx: SchemaContext): void {
  const properties = isObject(node.properties) ? node.properties : {};
  const names = out.required as string[];
  const patterns = names.filter((name) => /^\/.*\/$/s.test(name) && !(name in properties));
  if (patterns.length === 0) return;
  const kept = names.filter((name) => !patterns.includes(name));
  if (kept.length) out.required = kept;
  else delete out.required;
  const list = patterns.map((p) => JSON.stringify(p)).join(', ');
  ctx.note(
    { file: at.file, path: [...at.path, 'required'] },
    `dropped ${list} from \`required\`: a pattern, not a property name (\`required\` names literal keys)`,
  );
}

/** A discriminator's explicit `mapping` (value -> `$ref`), handed on so each mapped schema can state its value as a `const`. */
function recordMapping(value: unknown, at: At, ctx: SchemaContext): void {
  if (!isObject(value) || typeof value.propertyName !== 'string' || !isObject(value.mapping) || !ctx.mapped) return;
  for (const [name, ref] of Object.entries(value.mapping))
    if (typeof ref === 'string' && ref.startsWith('#'))
      ctx.mapped(ctx.docs.target(ref, { file: at.file, path: [...at.path, 'mapping', name] }), value.propertyName, name);
}

function rewriteKeyword(key: string, value: unknown, at: At, out: Schema, ctx: SchemaContext): void {
  const child = (v: unknown, path: At['path']) => rewriteSchema(v, { file: at.file, path }, ctx);
  if (key.startsWith('x-')) {
    ctx.note(at, `dropped extension \`${key}\``);
  } else if (key === 'type') {
    const type = rewriteType(value, at, ctx);
    if (type !== undefined) out.type = type;
  } else if (key === 'format') {
    rewriteFormat(value, at, out, ctx);
  } else if (key === 'pattern') {
    if (typeof value === 'string' && usablePattern(value)) out.pattern = value;
    else ctx.note(at, `dropped \`pattern\` ${JSON.stringify(value)}: not a safe JavaScript regular expression`);
  } else if (key === 'example') {
    out.examples = [...((out.examples as unknown[]) ?? []), value];
    ctx.note(at, '`example` became `examples: [...]`');
  } else if (key === 'examples') {
    if (Array.isArray(value)) out.examples = [...value, ...((out.examples as unknown[]) ?? [])];
    else ctx.note(at, 'dropped `examples` that is not a list');
  } else if (key === 'nullable' || key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
    if (typeof value === 'number') out[key] = value; // 3.1 numeric bounds; the boolean forms are lowered after
  } else if (key === 'required') {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out.required = [...new Set(value)];
    else ctx.note(at, 'dropped `required` that is not a list of names');
  } else if (KEEP.has(key)) {
    out[key] = value;
  } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
    out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, child(s, [...at.path, name])]));
  } else if (key === 'items' && isObject(value) && Object.keys(value).length === 0) {
    // `items: {}` (any element) means what leaving it out means; OpenAPI linters want it written, draft-07 does not.
  } else if (key === 'items') {
    out.items = Array.isArray(value) ? value.map((s, i) => child(s, [...at.path, i])) : child(value, at.path);
  } else if (key === 'prefixItems' && Array.isArray(value)) {
    out.items = value.map((s, i) => child(s, [...at.path, i]));
    ctx.note(at, '`prefixItems` became a draft-07 `items` list');
  } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
    out[key] = value.map((s, i) => child(s, [...at.path, i]));
  } else if (SCHEMA_VALUES.has(key)) {
    out[key] = child(value, at.path);
  } else if (key === 'dependentRequired' && isObject(value)) {
    out.dependencies = value;
    ctx.note(at, '`dependentRequired` became draft-07 `dependencies`');
  } else if (key === '$defs' || key === 'definitions') {
    ctx.note(at, `dropped \`${key}\`: the schemas a \`$ref\` reaches in it become named schemas`);
  } else if (DROPPED.has(key)) {
    if (key === 'discriminator') recordMapping(value, at, ctx);
    ctx.note(at, `dropped \`${key}\` (not draft-07 validation)`);
  } else {
    ctx.note(at, `dropped unknown keyword \`${key}\``);
  }
}

function rewriteType(value: unknown, at: At, ctx: SchemaContext): unknown {
  const list = Array.isArray(value) ? value : [value];
  const kept = list.filter((t): t is string => typeof t === 'string' && TYPES.has(t));
  if (kept.length !== list.length) ctx.note(at, `dropped type ${JSON.stringify(list.filter((t) => !kept.includes(t as string)))} (not a JSON Schema type)`);
  if (kept.length === 0) return undefined;
  return Array.isArray(value) ? [...new Set(kept)] : kept[0];
}

function rewriteFormat(value: unknown, at: At, out: Schema, ctx: SchemaContext): void {
  if (typeof value !== 'string') return void ctx.note(at, 'dropped `format` that is not a string');
  if (KNOWN_FORMATS.includes(value)) return void (out.format = value);
  const known = KNOWN_FORMATS.find((f) => f.toLowerCase() === value.toLowerCase());
  if (known) {
    out.format = known;
    return void ctx.note(at, `format \`${value}\` became \`${known}\``);
  }
  if (Object.hasOwn(fullFormats, value)) return void ctx.note(at, `dropped format \`${value}\` (Postman's validator refuses it as unknown)`);
  ctx.note(at, `dropped unknown format \`${value}\` (draft-07 validators know ${'`date-time`, `uuid`, ...'})`);
}

function usablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  return !slowPattern(pattern);
}

// Swagger 2.0 and OpenAPI 3.0 write `exclusiveMinimum: true` beside `minimum`; draft-07 wants the bound itself.
function lowerExclusive(node: Schema, out: Schema, at: At, ctx: SchemaContext): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[flag] !== 'boolean') continue;
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
      ctx.note({ file: at.file, path: [...at.path, flag] }, `\`${flag}: true\` with \`${bound}\` became \`${flag}: ${String(node[bound])}\``);
    } else {
      ctx.note({ file: at.file, path: [...at.path, flag] }, `dropped \`${flag}: ${String(node[flag])}\``);
    }
  }
}

function applyNullable(node: Schema, out: Schema, at: At, ctx: SchemaContext): Schema {
  const nullable = node.nullable === true || node['x-nullable'] === true;
  if (!nullable) {
    if (node.nullable === false) ctx.note({ file: at.file, path: [...at.path, 'nullable'] }, 'dropped `nullable: false`');
    return out;
  }
  const where = { file: at.file, path: [...at.path, 'nullable' in node ? 'nullable' : 'x-nullable'] };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    ctx.note(where, `\`nullable: true\` became \`type: [${(out.type as string[]).join(', ')}]\``);
    return out;
  }
  if (Array.isArray(out.type)) {
    if (!out.type.includes('null')) out.type = [...out.type, 'null'];
    ctx.note(where, '`nullable: true` added `null` to `type`');
    return out;
  }
  if (Object.keys(out).some((k) => SCHEMA_LISTS.has(k))) {
    ctx.note(where, '`nullable: true` became `anyOf: [{type: null}, ...]`');
    return { anyOf: [{ type: 'null' }, out] };
  }
  ctx.note(where, 'dropped `nullable: true` (the schema has no type, so it already allows null)');
  return out;
}
