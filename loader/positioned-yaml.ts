// The description re-read with the `yaml` package, which remembers where every node came from:
// done only when something is wrong, to say where. It finds the same problems read-data.ts flags
// and words them for people (yaml-errors.ts).
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, NodePath, Position } from './diagnostics.js';
import { expansionProblem } from './alias-expansion.js';
import { MAX_DEPTH } from './limits.js';
import { yamlProblem } from './yaml-errors.js';

export interface PositionedDocument {
  doc: Document.Parsed;
  toPosition(offset: number): Position;
}

export function parsePositioned(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print its warnings to the process's stderr.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  return { doc, toPosition: (offset) => lineCounter.linePos(offset) };
}

/** The first problem the positioned reader finds in `text`, or undefined when it finds none. */
export function positionedProblem({ doc, toPosition }: PositionedDocument, text: string, file: string): Diagnostic | undefined {
  const fail = (code: DiagnosticCode, message: string, offset: number): Diagnostic => ({ file, code, path: [], message, ...toPosition(offset) });

  if (doc.errors.length > 0) {
    const problem = yamlProblem(doc.errors, text, doc);
    return fail(problem.code, problem.message, problem.offset);
  }
  if (doc.contents === null) return fail('empty-file', 'the file holds only comments; expected a YAML mapping with `format: 1`', 0);

  const complexKey = findCollectionKey(doc);
  if (complexKey) return fail('yaml-syntax', 'a key must be a plain value, not a list or a mapping', complexKey.range?.[0] ?? 0);

  const deep = findTooDeep(doc.contents, 0);
  if (deep) return fail('too-deep', `nesting is deeper than ${MAX_DEPTH} levels`, deep.range?.[0] ?? 0);

  const alias = aliasProblem(doc);
  if (alias) return fail(alias.code, alias.message, alias.alias?.range?.[0] ?? 0);
  const expansion = expansionProblem(doc);
  return expansion ? fail('yaml-alias-bomb', expansion.message, expansion.alias.range?.[0] ?? 0) : undefined;
}

interface AliasProblem {
  code: DiagnosticCode;
  message: string;
  alias: Alias | undefined;
}

function aliasProblem(doc: Document.Parsed): AliasProblem | undefined {
  try {
    // Aliases are left uncounted here (they share, not copy): alias-expansion.ts measures them.
    doc.toJS({ maxAliasCount: -1 });
    return undefined;
  } catch (error) {
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_key, node) => void aliases.push(node) });
    const unresolved = aliases.find((a) => a.resolve(doc) === undefined);
    return unresolved
      ? { code: 'yaml-syntax', message: `alias \`*${unresolved.source}\` has no anchor \`&${unresolved.source}\` before it`, alias: unresolved }
      : { code: 'yaml-syntax', message: (error as Error).message.split('\n')[0]!, alias: aliases[0] };
  }
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

/** Where `path` points in the document: the nearest existing ancestor when the path is absent. */
export function offsetOf(doc: Document.Parsed, path: NodePath, at: 'key' | 'value'): number {
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
