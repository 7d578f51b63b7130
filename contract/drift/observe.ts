// Walks one JSON answer against its documented schema and notes, by path, what the schema does
// not say: fields it does not list, fields inside values it leaves open, values outside an enum.
// Names and JSON types only; a value is kept only when it breaks an enum, cut short. The walk
// uses a stack, not recursion: an answer of any depth is read to its end.
import type { JsonSchema } from '../../model/model.js';
import { jsonType } from './json-type.js';
import { joinKey, shapeOf } from './schema-shape.js';
import type { EndpointTally } from './tally.js';

/** Field paths a filter parameter names (`probe.agent`), relative to a list's item or the root, with the parameter's enum. */
export type Described = ReadonlyMap<string, readonly string[] | undefined>;

const MAX_KEY = 100;
const MAX_VALUE = 64;
/** Longer paths are cut, and what lies below them is noted under the cut path. */
export const MAX_PATH = 1000;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** One value to visit. `rel` is the path below the nearest list item (or the root), which is how filter parameters name fields; undefined once the path was cut. */
interface Visit {
  nodes: JsonSchema[] | undefined;
  value: unknown;
  path: string;
  rel: string | undefined;
}

export interface Answer {
  root: JsonSchema;
  body: unknown;
  described: Described;
  /** Every path the schema documents, to note which ones the answer held. */
  documented: ReadonlySet<string>;
}

/** Adds one answer to the endpoint's tally. */
export function observe(tally: EndpointTally, answer: Answer): void {
  const index = tally.answers++;
  const stack: Visit[] = [{ nodes: [answer.root], value: answer.body, path: '', rel: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const shape = visit.nodes ? shapeOf(answer.root, visit.nodes) : undefined;
    const { value, path } = visit;
    if (shape?.enum && !shape.enum.some((v) => v === value) && value !== null && typeof value !== 'object')
      tally.outOfEnum.add(path, cut(String(value), MAX_VALUE));
    if (Array.isArray(value)) {
      const itemPath = longer(path, `${path}[]`);
      for (let i = value.length - 1; i >= 0; i--) stack.push({ nodes: shape?.items, value: value[i], path: itemPath, rel: itemPath === path ? undefined : '' });
    } else if (value !== null && typeof value === 'object') {
      const children = Object.entries(value as Record<string, unknown>).reverse();
      for (const [rawKey, child] of children) stack.push(field(tally, index, answer, visit, shape, cut(rawKey, MAX_KEY), child));
    }
  }
}

/** A path one step longer, or the cut path itself once it is past MAX_PATH. */
function longer(path: string, next: string): string {
  if (path.endsWith('…')) return path;
  return next.length > MAX_PATH ? `${next.slice(0, MAX_PATH)}…` : next;
}

function field(
  tally: EndpointTally,
  index: number,
  answer: Answer,
  parent: Visit,
  shape: ReturnType<typeof shapeOf> | undefined,
  key: string,
  child: unknown,
): Visit {
  const path = longer(parent.path, joinKey(parent.path, key));
  const rel = parent.rel === undefined || path === parent.path ? undefined : parent.rel === '' ? key : `${parent.rel}.${key}`;
  if (answer.documented.has(path)) tally.seen.add(path);
  const documented = shape?.properties?.get(key);
  if (documented) return { nodes: documented, value: child, path, rel };
  if (rel !== undefined && isDescribed(answer.described, rel)) {
    const values = answer.described.get(rel);
    return { nodes: values ? [{ enum: [...values] }] : undefined, value: child, path, rel };
  }
  // a schema that lists no properties (or no schema at all, below an open value) leaves the fields open
  const openHere = parent.nodes === undefined || shape?.properties === undefined;
  (openHere ? tally.open : tally.undocumented).add(path, jsonType(child), index);
  return { nodes: undefined, value: child, path, rel };
}

function isDescribed(described: Described, rel: string): boolean {
  if (described.has(rel)) return true;
  for (const name of described.keys()) if (name.startsWith(`${rel}.`)) return true;
  return false;
}
