// The named JSON Schemas of a description: references checked, each made self-contained
// (`#/schemas/X` -> `#/definitions/X`), and compiled as draft-07, the dialect newman's sandbox speaks.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import compiledDraft07 from './validators/draft-07.generated.js';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { JsonSchema } from '../model/model.js';
import { shown, type DiagnosticCode, type NodePath } from './diagnostics.js';
import type { Locator } from './read-yaml.js';
import { closest } from './closest.js';
import { PROBE_LENGTH, slowPattern, slowPatternMessage } from './pattern-safety.js';

/** The draft-07 meta-schema, compiled ahead of time (see scripts/validator-sources.ts). */
const validateDraft07 = compiledDraft07 as unknown as ValidateFunction;

const REF = /^#\/schemas\/([A-Za-z][A-Za-z0-9_]*)$/;

const DRAFT_07_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'examples',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'additionalItems',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
  'definitions',
  'properties',
  'patternProperties',
  'dependencies',
  'propertyNames',
  'const',
  'enum',
  'type',
  'format',
  'contentMediaType',
  'contentEncoding',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);
const LATER_KEYWORDS = new Set([
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  '$vocabulary',
  'prefixItems',
  'unevaluatedItems',
  'unevaluatedProperties',
  'dependentRequired',
  'dependentSchemas',
  'minContains',
  'maxContains',
  'contentSchema',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);

export interface SchemaContext {
  source: Locator;
  names: ReadonlySet<string>;
  report(code: DiagnosticCode, path: NodePath, message: string, at?: 'key' | 'value'): void;
}

/** The schema name a `{$ref}` points at, or undefined (reported) when it is not one of ours. */
export function resolveRef(ref: string, path: NodePath, ctx: SchemaContext): string | undefined {
  const name = REF.exec(ref)?.[1];
  if (name === undefined) {
    ctx.report('unsupported-ref', path, `\`${ref}\` is not supported; refer to a named schema as #/schemas/<Name>`);
    return undefined;
  }
  if (!ctx.names.has(name)) {
    ctx.report('dangling-ref', path, `\`${ref}\` points at no schema; known schemas: ${[...ctx.names].join(', ')}`);
    return undefined;
  }
  return name;
}

/** Checks every keyword and reference below a schema, returning the names it refers to. */
export function checkSchema(schema: unknown, path: NodePath, ctx: SchemaContext, refs = new Set<string>()): Set<string> {
  if (typeof schema === 'boolean') return refs;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    ctx.report('invalid-schema', path, 'a schema must be a mapping or a boolean');
    return refs;
  }
  for (const [key, value] of Object.entries(schema)) {
    const here = [...path, key];
    if (LATER_KEYWORDS.has(key)) {
      ctx.report('not-draft-07', here, `\`${key}\` is not a draft-07 keyword (newman validates with Ajv 6, draft-07)`, 'key');
    } else if (!DRAFT_07_KEYWORDS.has(key)) {
      ctx.report('invalid-schema', here, `unknown schema keyword \`${key}\``, 'key');
    } else if (key === '$schema' && !isDraft07Uri(value)) {
      ctx.report('not-draft-07', here, `\`$schema\` names another dialect; descriptions use draft-07 (omit \`$schema\` or set ${DRAFT_07_URI})`);
    } else if (key === 'pattern' && typeof value === 'string' && regExpProblem(value)) {
      ctx.report('invalid-schema', here, `\`${value}\` is not a valid regular expression: ${regExpProblem(value)}`);
    } else if (key === 'pattern' && typeof value === 'string' && slowPattern(value)) {
      ctx.report('invalid-schema', here, slowPatternMessage(value, PROBE_LENGTH));
    } else if (key === 'patternProperties' && isObject(value) && Object.keys(value).some(regExpProblem)) {
      const bad = Object.keys(value).find(regExpProblem)!;
      ctx.report('invalid-schema', [...here, bad], `\`${bad}\` is not a valid regular expression: ${regExpProblem(bad)}`, 'key');
    } else if (key === 'patternProperties' && isObject(value) && Object.keys(value).some(slowPattern)) {
      const slow = Object.keys(value).find(slowPattern)!;
      ctx.report('invalid-schema', [...here, slow], slowPatternMessage(slow, PROBE_LENGTH), 'key');
    } else if (key === 'format' && typeof value === 'string' && !knownFormats().includes(value)) {
      const hint = closest(value, knownFormats());
      ctx.report('invalid-schema', here, `unknown format \`${value}\`${hint ? ` (did you mean \`${hint}\`?)` : `; known: ${knownFormats().join(', ')}`}`);
    } else if (key === '$ref') {
      const name = typeof value === 'string' ? resolveRef(value, here, ctx) : undefined;
      if (name) refs.add(name);
    } else if (key === 'items' && Array.isArray(value)) {
      value.forEach((item, i) => checkSchema(item, [...here, i], ctx, refs));
    } else if (key === 'items' || SCHEMA_VALUES.has(key)) {
      checkSchema(value, here, ctx, refs);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((item, i) => checkSchema(item, [...here, i], ctx, refs));
    } else if ((SCHEMA_MAPS.has(key) || key === 'dependencies') && isObject(value)) {
      for (const [name, child] of Object.entries(value)) {
        if (key !== 'dependencies' || !Array.isArray(child)) checkSchema(child, [...here, name], ctx, refs);
      }
    }
  }
  return refs;
}

/** Each named schema with every schema it reaches under `definitions`. */
export function selfContained(schemas: Record<string, JsonSchema>, refsOf: Map<string, Set<string>>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const name of Object.keys(schemas).sort()) {
    const reached = reach(name, refsOf);
    const root = rewriteRefs(schemas[name]) as JsonSchema;
    if (reached.length > 0) {
      root.definitions = Object.fromEntries(reached.map((n) => [n, rewriteRefs(schemas[n])]));
    }
    out[name] = root;
  }
  return out;
}

function reach(start: string, refsOf: Map<string, Set<string>>): string[] {
  const seen = new Set<string>();
  const queue = [...(refsOf.get(start) ?? [])];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(refsOf.get(name) ?? []));
  }
  return [...seen].sort();
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(REF, '#/definitions/$1') : rewriteRefs(v)]),
  );
}

/** The `format` names the draft-07 validator knows (ajv-formats). */
const KNOWN_FORMATS = Object.keys(fullFormats).sort();
const knownFormats = (): string[] => KNOWN_FORMATS;

export const DRAFT_07_URI = 'http://json-schema.org/draft-07/schema#';

function isDraft07Uri(value: unknown): boolean {
  return value === DRAFT_07_URI || value === DRAFT_07_URI.slice(0, -1);
}

function regExpProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/u: /s, '');
  }
}

function draft07(validateSchema = true): Ajv {
  // ownProperties: a field named `toString` or `constructor` is present only when the object holds it.
  const ajv = new Ajv({ ownProperties: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true, logger: false, validateSchema });
  addFormats.default(ajv);
  return ajv;
}

/** Where a schema breaks the draft-07 meta-schema (e.g. `type: strng`), relative to the schema. */
export function metaProblems(schema: unknown): { path: NodePath; message: string }[] {
  // Another dialect's `$schema` is reported by checkSchema; Ajv would throw on it.
  if (isObject(schema) && schema.$schema !== undefined && !isDraft07Uri(schema.$schema)) return [];
  if (validateDraft07(schema)) return [];
  return (validateDraft07.errors ?? []).slice(0, 1).map((e: ErrorObject) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = valueAt(schema, path);
    const found = shown(value);
    const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues.map(String) : undefined;
    const hint = allowed && typeof value === 'string' ? closest(value, allowed) : undefined;
    const message = allowed
      ? `${found} is not one of ${allowed.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`
      : `${e.message ?? 'is invalid'}, not ${found}`;
    return { path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message };
  });
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

export type SchemaCompiler = (schema: JsonSchema) => ValidateFunction | string;

/**
 * Compiles self-contained schemas as draft-07: each one's validator, or the problem in words.
 * One ajv instance serves one description (its schemas have no `$id`, so nothing clashes).
 */
export function schemaCompiler(): SchemaCompiler {
  const ajv = draft07(false);
  return (schema) => {
    try {
      if (!validateDraft07(schema)) return ajv.errorsText(validateDraft07.errors, { dataVar: 'schema' });
      return ajv.compile(schema);
    } catch (error) {
      return (error as Error).message.replace(/^strict mode: /, '');
    }
  };
}

const SHARED = 'kit:schemas';

/**
 * A named schema's validator; the problem in words when it does not compile as draft-07 (as
 * `schemaCompiler` words it for the self-contained form); undefined when its own body compiles but
 * it reaches a schema that does not (that one's problem).
 */
export type NamedValidator = ValidateFunction | string | undefined;

/**
 * The validator of each named schema, by name, compiled on first ask. Every schema is compiled
 * once, from one shared document, and the schemas it reaches before it: each reference is then
 * found compiled, where compiling each schema with all it reaches compiled a schema again for
 * every schema reaching it (a document of a thousand schemas took seconds) and nested one compile
 * in another down a chain of references.
 */
export function namedValidators(schemas: Record<string, JsonSchema>): (name: string) => NamedValidator {
  const ajv = draft07(false);
  const rewritten = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, rewriteRefs(schema)]));
  const refs = new Map(Object.entries(schemas).map(([name, schema]) => [name, [...refNames(schema, new Set())]]));
  ajv.addSchema({ definitions: rewritten }, SHARED);
  const compiled = new Map<string, NamedValidator>();
  const compileOne = (name: string) => compiled.set(name, compileNamed(ajv, name, rewritten[name]));
  return (name) => {
    if (!compiled.has(name)) leavesFirst(name, refs, (n) => Object.hasOwn(rewritten, n) && !compiled.has(n)).forEach(compileOne);
    return compiled.get(name);
  };
}

/** `start` and every name it reaches that `wanted` accepts, each after the names it refers to (but for cycles). */
function leavesFirst(start: string, refs: Map<string, string[]>, wanted: (name: string) => boolean): string[] {
  const order: string[] = [];
  const seen = new Set<string>([start]);
  const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const ref = refs.get(top.name)?.[top.next++];
    if (ref === undefined) {
      stack.pop();
      if (wanted(top.name)) order.push(top.name);
    } else if (!seen.has(ref) && wanted(ref)) {
      seen.add(ref);
      stack.push({ name: ref, next: 0 });
    }
  }
  return order;
}

function compileNamed(ajv: Ajv, name: string, schema: unknown): NamedValidator {
  if (!validateDraft07(schema)) return ajv.errorsText(validateDraft07.errors, { dataVar: 'schema' });
  try {
    return ajv.getSchema(`${SHARED}#/definitions/${name}`) as ValidateFunction;
  } catch (error) {
    // Where it failed, Ajv names by the shared document: the schema alone, its references left
    // out, tells whether its own body is at fault, and where within it. Ajv's complaints are about
    // one schema's own keywords, so when the body compiles alone, a schema it reaches has the
    // problem (and reports it); anything else (a stack overflow) is this schema's.
    const alone = schemaCompiler()(withoutRefs(schema) as JsonSchema);
    if (typeof alone === 'string') return alone;
    return error instanceof RangeError ? error.message : undefined;
  }
}

function refNames(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refNames(v, into));
  else if (isObject(value))
    for (const [key, v] of Object.entries(value)) {
      const name = key === '$ref' && typeof v === 'string' ? REF.exec(v)?.[1] : undefined;
      if (name !== undefined) into.add(name);
      else if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') refNames(v, into);
    }
  return into;
}

function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k === '$ref' ? [] : [[k, withoutRefs(v)]])));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
