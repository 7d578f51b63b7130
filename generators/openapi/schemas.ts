// Draft-07 model schemas -> OpenAPI 3.1 `components/schemas`: `#/definitions/X` becomes
// `#/components/schemas/X`, and each schema's local `definitions` move up into components.
import type { ApiModel, JsonSchema } from '../../model/model.js';

const DEFINITIONS = '#/definitions/';
export const COMPONENT_SCHEMAS = '#/components/schemas/';

export function schemaRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_SCHEMAS}${name}` };
}

/** A deep copy with every local `$ref` pointed at components and `definitions` left out. */
export function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'definitions') continue;
    if (key === '$ref' && typeof child === 'string' && child.startsWith(DEFINITIONS)) {
      out[key] = `${COMPONENT_SCHEMAS}${child.slice(DEFINITIONS.length)}`;
    } else {
      out[key] = rewriteRefs(child);
    }
  }
  return out;
}

/**
 * A deep copy in which every array schema without `items` says `items: {}` (any element): the same meaning,
 * written out, because OpenAPI linters (Spectral's `array-items`) refuse an array schema without it.
 */
export function explicitItems(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(explicitItems);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, explicitItems(child)]));
  const types = [out['type']].flat();
  if (types.includes('array') && !('items' in out) && !('prefixItems' in out)) out['items'] = {};
  return out;
}

function definitionsOf(schema: JsonSchema): Record<string, JsonSchema> {
  const defs = schema['definitions'];
  return defs && typeof defs === 'object' ? (defs as Record<string, JsonSchema>) : {};
}

/** Every named schema, plus any definition that is not itself named, sorted by name. */
export function componentSchemas(model: ApiModel): Record<string, unknown> {
  const all = new Map<string, JsonSchema>(Object.entries(model.schemas));
  for (const schema of Object.values(model.schemas)) {
    for (const [name, def] of Object.entries(definitionsOf(schema))) {
      if (!all.has(name)) all.set(name, def);
    }
  }
  const names = [...all.keys()].sort();
  return Object.fromEntries(names.map((name) => [name, explicitItems(rewriteRefs(all.get(name)))]));
}
