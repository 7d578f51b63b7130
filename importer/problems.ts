// What stops an import: a located problem (file, line, column, the node's path in that file), thrown
// together as one ImportError. The CLI prints them one per line and exits 2 without writing.
import { formatPath, type NodePath } from '../loader/diagnostics.js';

export type ImportProblemCode =
  | 'file-unreadable'
  | 'file-too-large'
  | 'yaml-syntax'
  | 'yaml-alias-bomb'
  | 'too-deep'
  | 'not-openapi'
  | 'broken-ref'
  | 'remote-ref'
  | 'ref-outside-folder'
  | 'ref-cycle'
  | 'no-client-credentials'
  | 'ambiguous-scheme'
  | 'unknown-scheme'
  | 'not-client-credentials'
  | 'bad-token-url'
  | 'nothing-to-import'
  | 'invalid-result';

export interface ImportProblem {
  file: string;
  line: number;
  col: number;
  path: NodePath;
  code: ImportProblemCode;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ImportError';
  }
}

export function formatProblem(p: ImportProblem): string {
  const where = p.path.length > 0 ? `${formatPath(p.path)}: ` : '';
  return `${p.file}:${p.line}:${p.col}: ${where}${p.message} [${p.code}]`.replace(/\r\n|\r|\n/g, '\\n');
}
