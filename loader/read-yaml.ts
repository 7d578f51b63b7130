// Bytes -> the description's data, and a way to say where any path in it came from.
import type { Diagnostic, DiagnosticCode, NodePath, Position } from './diagnostics.js';
import { MAX_BYTES } from './limits.js';
import { offsetOf, parsePositioned, positionedProblem, type PositionedDocument } from './positioned-yaml.js';
import { readData, type Flag } from './read-data.js';

/** Turns a path in the description into a line and column, for diagnostics. */
export interface Locator {
  file: string;
  /** Where a path points in the source; the nearest existing ancestor when the path is absent. */
  locate(path: NodePath, at?: 'key' | 'value'): Position;
}

export interface SourceDocument extends Locator {
  /** The document as plain data, aliases expanded. */
  data: unknown;
  /**
   * What the stricter positioned reader finds wrong with the YAML, if anything. js-yaml forgives a
   * few things (a quote left open that a later quote closes): when a description fails, this is
   * the likelier cause.
   */
  strictProblem(): Diagnostic | undefined;
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

  const read = readData(text);
  const source = positionedSource(text, file);
  if ('data' in read) return { ...source, data: read.data };
  return source.strictProblem() ?? flagged(read.flag, source);
}

/** Positions come from a second, positioned read, made only when a diagnostic needs one. */
function positionedSource(text: string, file: string): Omit<SourceDocument, 'data'> {
  let read: PositionedDocument | undefined;
  const positioned = (): PositionedDocument => (read ??= parsePositioned(text));
  return {
    file,
    locate: (path, at = 'value') => positioned().toPosition(offsetOf(positioned().doc, path, at)),
    strictProblem: () => positionedProblem(positioned(), text, file),
  };
}

// The positioned reader found nothing wrong where js-yaml did: js-yaml's word stands.
function flagged(flag: Flag, source: Locator): Diagnostic {
  const path = flag.path ?? [];
  return { file: source.file, code: flag.code, path, message: flag.message, ...(flag.position ?? source.locate(path)) };
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
