// Problems with a description are values with a code and a position, printed one per line as
// `file:line:col: path: message`. The loader throws them together as one SpecError.

export type DiagnosticCode =
  | 'file-unreadable'
  | 'file-too-large'
  | 'invalid-encoding'
  | 'empty-file'
  | 'yaml-syntax'
  | 'json-syntax'
  | 'yaml-alias-bomb'
  | 'too-deep'
  | 'unknown-key'
  | 'missing-key'
  | 'wrong-type'
  | 'invalid-value'
  | 'duplicate-id'
  | 'dangling-ref'
  | 'unsupported-ref'
  | 'undefined-path-param'
  | 'unused-path-param'
  | 'unknown-variable'
  | 'unknown-endpoint'
  | 'unknown-parameter'
  | 'invalid-case'
  | 'invalid-schema'
  | 'not-draft-07'
  | 'invalid-example'
  | 'template-tag'
  | 'credential-variable'
  | 'reserved-variable'
  | 'file-name-clash'
  | 'reserved-file-name';

/** A path into the description, e.g. ['resources', 0, 'endpoints', 1, 'method']. */
export type NodePath = ReadonlyArray<string | number>;

/** How a check reports a problem: its code, where (the value, or its key) and what is wrong. */
export type Report = (code: DiagnosticCode, path: NodePath, message: string, at?: 'key' | 'value') => void;

export interface Position {
  line: number;
  col: number;
}

export interface Diagnostic extends Position {
  file: string;
  code: DiagnosticCode;
  path: NodePath;
  message: string;
}

export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
  }
}

/** `resources[0].endpoints[1].method`, or `(root)` for the document itself. */
export function formatPath(path: NodePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(root)';
}

/** A value as JSON, cut short: it is quoted in a one-line message. */
export function shown(value: unknown): string {
  const json = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? 'nothing');
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path.length > 0 ? `${formatPath(d.path)}: ` : '';
  // One diagnostic, one line: a key or value quoted in a message may hold a line break.
  return `${d.file}:${d.line}:${d.col}: ${where}${d.message} [${d.code}]`.replace(/\r\n|\r|\n/g, '\\n');
}
