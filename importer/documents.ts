// The OpenAPI document and the local files its `$ref`s reach, read through the one `read` function
// the caller hands in (the CLI reads files; tests hand in strings). Remote references are refused:
// an import never fetches anything.
import type { NodePath } from '../loader/diagnostics.js';
import type { SourceDocument } from '../loader/read-yaml.js';
import { ImportError, type ImportProblemCode } from './problems.js';

/** Reads one document by its (resolved) file name: its data and locator, or a problem. */
export type ReadDocument = (file: string) => SourceDocument | ImportError;

/** Where a node is: the file and the path inside it. */
export interface At {
  file: string;
  path: NodePath;
}

const MAX_HOPS = 32;

export class Documents {
  private readonly cache = new Map<string, SourceDocument>();

  constructor(
    readonly main: string,
    private readonly read: ReadDocument,
    /** Joins a relative file reference to the file it is written in; undefined when it leaves the document's folder. */
    private readonly join: (from: string, relative: string) => string | undefined,
  ) {}

  document(file: string, from?: At): SourceDocument {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const read = this.read(file);
    if (read instanceof ImportError) {
      if (!from) throw read;
      throw this.problem(from, 'broken-ref', `cannot read the referenced file: ${read.problems[0]?.message ?? 'unreadable'}`);
    }
    this.cache.set(file, read);
    return read;
  }

  get root(): unknown {
    return this.document(this.main).data;
  }

  /** The value at a path, or undefined. */
  valueAt(at: At): unknown {
    let node: unknown = this.document(at.file).data;
    for (const key of at.path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
      node = (node as Record<string | number, unknown>)[key];
    }
    return node;
  }

  /** Where a `$ref` written at `at` points; throws a located problem for a remote or malformed one. */
  target(ref: unknown, at: At): At {
    if (typeof ref !== 'string') throw this.problem(at, 'broken-ref', '`$ref` must be a string');
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
      throw this.problem(
        at,
        'remote-ref',
        `\`${ref}\` is a remote reference; import reads local files only and fetches nothing (download it and refer to the copy)`,
      );
    }
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    let file = at.file;
    if (filePart !== '') {
      const joined = this.join(at.file, decodeURIComponent(filePart));
      if (joined === undefined) throw this.problem(at, 'ref-outside-folder', `\`${ref}\` leaves the document's folder; keep referenced files beside it`);
      file = joined;
    }
    if (pointer !== '' && !pointer.startsWith('/')) throw this.problem(at, 'broken-ref', `\`${ref}\` is not a JSON pointer (anchors are not supported)`);
    const path =
      pointer === ''
        ? []
        : pointer
            .slice(1)
            .split('/')
            .map((s) => decodeURIComponent(s.replace(/~1/g, '/').replace(/~0/g, '~')));
    this.document(file, at);
    const target = { file, path };
    if (this.valueAt(target) === undefined) throw this.problem(at, 'broken-ref', `\`${ref}\` points at nothing`);
    return target;
  }

  /** Follows `$ref`s from a node until a node without one: the node and where it is. */
  resolve(at: At): { node: unknown; at: At } {
    let here = at;
    let node = this.valueAt(here);
    const seen = new Set<string>();
    for (let hops = 0; isRef(node); hops++) {
      const key = `${here.file}#${here.path.join('/')}`;
      if (seen.has(key) || hops > MAX_HOPS) throw this.problem(at, 'ref-cycle', 'the `$ref` chain loops or is longer than 32 hops');
      seen.add(key);
      here = this.target(node.$ref, { file: here.file, path: [...here.path, '$ref'] });
      node = this.valueAt(here);
    }
    return { node, at: here };
  }

  problem(at: At, code: ImportProblemCode, message: string): ImportError {
    const doc = this.cache.get(at.file);
    const position = doc ? doc.locate(at.path) : { line: 1, col: 1 };
    return new ImportError([{ file: at.file, ...position, path: at.path, code, message }]);
  }
}

export function isRef(node: unknown): node is { $ref: unknown } {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && '$ref' in node;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
