// Walks one JSON answer against its documented schema and notes, by path, what the schema does
// not say: fields it does not list, fields inside values it leaves open, values outside an enum.
// Names and JSON types only; a value is kept only when it breaks an enum, cut short.
import type { JsonSchema } from '../../model/model.js';
import { joinKey, shapeOf } from './schema-shape.js';

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** What one answer held: every path seen, with its types, by kind. */
export interface Observation {
  seen: Set<string>;
  undocumented: Map<string, Set<JsonType>>;
  open: Map<string, Set<JsonType>>;
  outOfEnum: Map<string, Set<string>>;
}

/** Field paths a filter parameter names (`probe.agent`), relative to a list's item or the root, with the parameter's enum. */
export type Described = ReadonlyMap<string, readonly string[] | undefined>;

const MAX_KEY = 100;
const MAX_VALUE = 64;
const MAX_PATHS = 500;
const MAX_DEPTH = 24;

export const jsonType = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : (typeof value as JsonType);

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function observe(root: JsonSchema, body: unknown, described: Described): Observation {
  const o: Observation = { seen: new Set(), undocumented: new Map(), open: new Map(), outOfEnum: new Map() };
  walk(o, root, [root], body, '', '', described, 0);
  return o;
}

function note(map: Map<string, Set<JsonType>>, o: Observation, path: string, value: unknown): void {
  if (!map.has(path) && o.seen.size >= MAX_PATHS) return;
  map.set(path, (map.get(path) ?? new Set()).add(jsonType(value)));
}

/** `rel` is the path below the nearest list item (or the root), which is how filter parameters name fields. */
function walk(o: Observation, root: JsonSchema, nodes: JsonSchema[] | undefined, value: unknown, path: string, rel: string, described: Described, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const shape = nodes ? shapeOf(root, nodes) : undefined;
  if (shape?.enum && !shape.enum.some((v) => v === value) && value !== null && typeof value !== 'object') {
    o.outOfEnum.set(path, (o.outOfEnum.get(path) ?? new Set()).add(cut(String(value), MAX_VALUE)));
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(o, root, shape?.items, item, `${path}[]`, '', described, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const [rawKey, child] of Object.entries(value as Record<string, unknown>)) {
      const key = cut(rawKey, MAX_KEY);
      const childPath = joinKey(path, key);
      const childRel = rel === '' ? key : `${rel}.${key}`;
      if (o.seen.size < MAX_PATHS) o.seen.add(childPath);
      visitField(o, root, { shape, nodes, key, childPath, childRel, child, described, depth });
    }
  }
}

interface Field {
  shape: ReturnType<typeof shapeOf> | undefined;
  nodes: JsonSchema[] | undefined;
  key: string;
  childPath: string;
  childRel: string;
  child: unknown;
  described: Described;
  depth: number;
}

function visitField(o: Observation, root: JsonSchema, f: Field): void {
  const documented = f.shape?.properties?.get(f.key);
  if (documented) return walk(o, root, documented, f.child, f.childPath, f.childRel, f.described, f.depth + 1);
  if (isDescribed(f.described, f.childRel)) {
    const values = f.described.get(f.childRel);
    return walk(o, root, values ? [{ enum: [...values] }] : undefined, f.child, f.childPath, f.childRel, f.described, f.depth + 1);
  }
  // a schema that lists no properties (or no schema at all, below an open value) leaves the fields open
  const openHere = f.nodes === undefined || f.shape?.properties === undefined;
  note(openHere ? o.open : o.undocumented, o, f.childPath, f.child);
  walk(o, root, undefined, f.child, f.childPath, f.childRel, f.described, f.depth + 1);
}

function isDescribed(described: Described, rel: string): boolean {
  if (described.has(rel)) return true;
  for (const name of described.keys()) if (name.startsWith(`${rel}.`)) return true;
  return false;
}
