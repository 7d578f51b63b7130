// Bytes -> YAML document that remembers where every node came from.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, NodePath, Position } from './diagnostics.js';
import { yamlProblem } from './yaml-errors.js';

export const MAX_BYTES = 4 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 100;

/** Turns a path in the description into a line and column, for diagnostics. */
export interface Locator {
  file: string;
  /** Where a path points in the source; the nearest existing ancestor when the path is absent. */
  locate(path: NodePath, at?: 'key' | 'value'): Position;
}

export interface SourceDocument extends Locator {
  doc: Document.Parsed;
  /** The document as plain data, aliases expanded. */
  data: unknown;
}

type Fail = (code: DiagnosticCode, message: string, position?: Position) => Diagnostic;

export function readYaml(bytes: Uint8Array, file: string): SourceDocument | Diagnostic {
  const fail: Fail = (code, message, position = { line: 1, col: 1 }) => ({ file, code, path: [], message, ...position });
  if (bytes.byteLength > MAX_BYTES) {
    return fail('file-too-large', `file is ${bytes.byteLength} bytes, more than the ${MAX_BYTES} a description may have`);
  }
  const text = decodeUtf8(bytes, fail);
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return fail('empty-file', 'the file is empty; expected a YAML mapping with `format: 1`');

  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print its warnings to the process's stderr.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  const toPosition = (offset: number): Position => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    const problem = yamlProblem(doc.errors, text, doc);
    return fail(problem.code, problem.message, toPosition(problem.offset));
  }
  if (doc.contents === null) return fail('empty-file', 'the file holds only comments; expected a YAML mapping with `format: 1`');

  const complexKey = findCollectionKey(doc);
  if (complexKey) return fail('yaml-syntax', 'a key must be a plain value, not a list or a mapping', toPosition(complexKey.range?.[0] ?? 0));

  const deep = findTooDeep(doc.contents, 0);
  if (deep) return fail('too-deep', `nesting is deeper than ${MAX_DEPTH} levels`, toPosition(deep.range?.[0] ?? 0));

  const converted = toJs(doc);
  if ('problem' in converted) {
    const { code, message, alias } = converted.problem;
    return fail(code, message, toPosition(alias?.range?.[0] ?? 0));
  }
  return { file, doc, data: converted.data, locate: (path, at = 'value') => toPosition(offsetOf(doc, path, at)) };
}

interface AliasProblem {
  code: DiagnosticCode;
  message: string;
  alias: Alias | undefined;
}

function toJs(doc: Document.Parsed): { data: unknown } | { problem: AliasProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (error) {
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_key, node) => void aliases.push(node) });
    const unresolved = aliases.find((a) => a.resolve(doc) === undefined);
    const problem: AliasProblem = unresolved
      ? { code: 'yaml-syntax', message: `alias \`*${unresolved.source}\` has no anchor \`&${unresolved.source}\` before it`, alias: unresolved }
      : /Excessive alias/.test((error as Error).message)
        ? { code: 'yaml-alias-bomb', message: `aliases expand to more than ${MAX_ALIASES} copies (an alias bomb?); write the values out`, alias: aliases[0] }
        : { code: 'yaml-syntax', message: (error as Error).message.split('\n')[0]!, alias: aliases[0] };
    return { problem };
  }
}

function decodeUtf8(bytes: Uint8Array, fail: Fail): string | Diagnostic {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder().decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    return fail('invalid-encoding', `byte ${offset} is not valid UTF-8; save the file as UTF-8`, {
      line: lines.length,
      col: lines[lines.length - 1]!.length + 1,
    });
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.byteLength;
  // The longest valid prefix, found by bisection (a prefix may end inside a character, hence the slack).
  while (high - low > 4) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  for (let end = low; end <= high; end++) {
    try {
      decoder.decode(bytes.subarray(0, end));
    } catch {
      return Math.max(0, end - 1);
    }
  }
  return low;
}

function findCollectionKey(doc: Document.Parsed): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Pair: (_key, pair) => {
      if (isMap(pair.key) || isSeq(pair.key)) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function findTooDeep(node: unknown, depth: number): Node | undefined {
  if (depth > MAX_DEPTH) return node as Node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const child = isPair(item) ? item.value : item;
      const found = findTooDeep(child, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function offsetOf(doc: Document.Parsed, path: NodePath, at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, part] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const last = i === path.length - 1;
      offset = last && at === 'key' ? (key.range?.[0] ?? offset) : (value?.range?.[0] ?? key.range?.[0] ?? offset);
      node = value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
