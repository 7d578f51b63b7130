// The description's data, read with js-yaml: the parser of record, about eight times faster than
// the positioned one. It decides what a file means and whether it is accepted; it only flags what
// is wrong, and positioned-yaml.ts explains the flag with a line and column.
import { CORE_SCHEMA, load, YAMLException, type LoadOptions } from 'js-yaml';
import type { DiagnosticCode, NodePath, Position } from './diagnostics.js';
import { EXPANDED_TOO_LARGE, MAX_ALIASES, MAX_DEPTH, MAX_EXPANDED } from './limits.js';

export interface Flag {
  code: DiagnosticCode;
  message: string;
  /** Where js-yaml stopped, when it did. */
  position?: Position;
  /** The node at fault in the data, when the parse succeeded. */
  path?: NodePath;
}

export type DataRead = { data: unknown } | { flag: Flag };

export function readData(text: string): DataRead {
  const collections = new Set<object>();
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, listener: collectCollections(collections), maxDepth: MAX_DEPTH + 2 } as LoadOptions);
  } catch (error) {
    return { flag: parseFlag(error) };
  }
  if (data === undefined || data === null)
    return { flag: { code: 'empty-file', message: 'the document is empty; expected a YAML mapping with `format: 1`', path: [] } };
  try {
    const walk: Walk = { reached: new Set(), aliases: 0, size: 0 };
    const copy = typeof data === 'object' ? expand(data, [], new Set(), walk) : data;
    if ([...collections].some((c) => !walk.reached.has(c))) {
      return { flag: { code: 'yaml-syntax', message: 'a key must be a plain value, not a list or a mapping', path: [] } };
    }
    return { data: copy };
  } catch (error) {
    if (error instanceof FlagError) return { flag: error.flag };
    throw error;
  }
}

// Every list and mapping js-yaml builds: one that the data never reaches was used as a key
// (js-yaml turns such a key into a string).
function collectCollections(into: Set<object>): LoadOptions['listener'] {
  return (event, state) => {
    if (event === 'close' && (state.kind === 'mapping' || state.kind === 'sequence')) into.add(state.result as object);
  };
}

function parseFlag(error: unknown): Flag {
  if (!(error instanceof YAMLException))
    return { code: 'yaml-syntax', message: `the YAML could not be read: ${String((error as Error)?.message ?? error)}`, position: { line: 1, col: 1 } };
  const position = error.mark ? { line: error.mark.line + 1, col: error.mark.column + 1 } : { line: 1, col: 1 };
  if (/maxDepth/.test(error.reason)) return { code: 'too-deep', message: `nesting is deeper than ${MAX_DEPTH} levels`, position };
  return { code: 'yaml-syntax', message: error.reason, position };
}

interface Walk {
  reached: Set<object>;
  aliases: number;
  /** The copy's size so far (see MAX_EXPANDED): strings count, shared or not. */
  size: number;
}

class FlagError extends Error {
  constructor(readonly flag: Flag) {
    super(flag.message);
  }
}

// js-yaml shares one object between an anchor and its aliases. The loader gets a tree of its own:
// each alias copied out, within the limits the positioned reader keeps (depth, alias copies, size, no cycles).
// `path` is one stack for the whole walk, copied only into a flag: a copy per node cost a quarter of the walk.
function expand(value: object, path: Array<string | number>, ancestors: Set<object>, walk: Walk): object {
  grow(walk, 1, path);
  if (ancestors.has(value)) throw new FlagError({ code: 'yaml-syntax', message: 'an alias refers to a collection that contains it', path: [...path] });
  if (walk.reached.has(value) && ++walk.aliases > MAX_ALIASES) {
    throw new FlagError({
      code: 'yaml-alias-bomb',
      message: `aliases expand to more than ${MAX_ALIASES} copies (an alias bomb?); write the values out`,
      path: [...path],
    });
  }
  walk.reached.add(value);
  ancestors.add(value);
  const child = (item: unknown, key: string | number): unknown => {
    if (path.length >= MAX_DEPTH) throw new FlagError({ code: 'too-deep', message: `nesting is deeper than ${MAX_DEPTH} levels`, path: [...path, key] });
    path.push(key);
    grow(walk, String(key).length + (typeof item === 'string' ? item.length : 1), path);
    const copy = item !== null && typeof item === 'object' ? expand(item, path, ancestors, walk) : item;
    path.pop();
    return copy;
  };
  let copy: object;
  if (Array.isArray(value)) {
    copy = value.map((item, index) => child(item, index));
  } else {
    const mapping: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // `__proto__` is an ordinary key in a description, never the prototype.
      if (key === '__proto__') Object.defineProperty(mapping, key, { value: child(item, key), enumerable: true, writable: true, configurable: true });
      else mapping[key] = child(item, key);
    }
    copy = mapping;
  }
  ancestors.delete(value);
  return copy;
}

// js-yaml hands every alias of a string the one string: free here, but each copy is written out in full later.
function grow(walk: Walk, by: number, path: NodePath): void {
  walk.size += by;
  if (walk.size > MAX_EXPANDED) throw new FlagError({ code: 'yaml-alias-bomb', message: EXPANDED_TOO_LARGE, path: [...path] });
}
