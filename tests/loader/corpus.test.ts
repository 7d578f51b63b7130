// The bad-spec corpus: every malformed description and the one diagnostic it must give, exactly
// where the mistake is. `at` is the source text the position points at, so a wrong column shows
// as text, not as a number.
//
// How to add a case:
// - A mistake in an otherwise valid description: a row in PATCHED (tests/support/bad-specs.ts),
//   an edit of tests/fixtures/descriptions/corpus-base.yaml, for example
//     { file: 'bad-method.yaml', mistake: 'an HTTP method that does not exist.',
//       edit: { after: 'id: getDevice', replace: 'method: GET', with: 'method: FETCH' },
//       code: 'invalid-value', at: 'FETCH', message: 'must be one of GET, POST' },
//   Edits: `replace`/`with` (optionally the first after `after`), `insert` lines `after` the line
//   holding a unique text, or `remove` whole lines. The diagnostic must point at the first `at`
//   in the text the edit put in (or in `within`, a unique text of the result); line and column
//   are found there, not written down. To turn a full copy of the base into a row:
//   diff <(tail -n +2 tests/fixtures/descriptions/corpus-base.yaml) <(tail -n +2 the-copy.yaml)
// - Input that is no variation of the base (not a description at all): a file of its own in
//   tests/fixtures/bad-specs/ and a row in CORPUS below, with its literal line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec, SpecError, formatDiagnostic, type Diagnostic } from '../../loader/index.js';
import type { DiagnosticCode } from '../../loader/diagnostics.js';
import { MAX_BYTES } from '../../loader/limits.js';
import { BAD_SPECS_DIR, CORPUS_BASE, PATCHED, badSpecFiles, buildCase } from '../support/bad-specs.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';

type Row = [file: string, code: DiagnosticCode, line: number, col: number, at: string, message: string];

/** The cases that are files of their own under tests/fixtures/bad-specs/. */
// biome-ignore format: a table, aligned by hand
const CORPUS: Row[] = [
  ['empty.yaml',                          'empty-file',           1, 1, '',                           'the file is empty'],
  ['only-comment.yaml',                   'empty-file',           1, 1, '# Nothing but a comment.',   'only comments'],
  ['scalar-document.yaml',                'wrong-type',           2, 1, 'just some text',             'must be a YAML mapping that starts with `format: 1`, not a string'],
  ['top-level-list.yaml',                 'wrong-type',           2, 1, '- format',                   'must be a YAML mapping that starts with `format: 1`, not a list'],
  ['yaml-alias-bomb.yaml',                'yaml-alias-bomb',      6, 8, '*c',                         'alias bomb'],
];

/** The diagnostics loading `bytes` gives; fails the test if it loads or throws anything else. */
function diagnosticsOf(bytes: Uint8Array, file: string): readonly Diagnostic[] {
  try {
    loadSpec(bytes, file);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics;
    throw error;
  }
  throw new Error(`${file} loaded without a diagnostic`);
}

function textAt(bytes: Uint8Array, line: number, col: number): string {
  const lines = new TextDecoder().decode(bytes).split('\n');
  return (lines[line - 1] ?? '').slice(col - 1);
}

describe('the fixture description', () => {
  it('loads without a diagnostic', () => {
    expect(fixtureModel).not.toThrow();
  });
});

/** `file` gives exactly one diagnostic, with this code, position and message, pointing at `at`. */
function expectOneDiagnostic(bytes: Uint8Array, file: string, [code, line, col, at, message]: [DiagnosticCode, number, number, string, string]): void {
  const diagnostics = diagnosticsOf(bytes, file);
  expect(diagnostics.map(formatDiagnostic)).toHaveLength(1);
  const [d] = diagnostics as [Diagnostic];
  expect({ file: d.file, code: d.code, line: d.line, col: d.col }).toEqual({ file, code, line, col });
  expect(d.message).toContain(message);
  expect(textAt(bytes, line, col).slice(0, at.length)).toBe(at);
  expect(formatDiagnostic(d)).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:${line}:${col}: .*\\[${code}\\]$`));
}

describe('bad-spec corpus', () => {
  it('has a row for every file, a file for every row, and one name per case', () => {
    const files = badSpecFiles();
    expect(CORPUS.map(([file]) => file).sort()).toEqual(files);
    const names = [...files, ...PATCHED.map((c) => c.file)];
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(62);
  });

  it('patches a base that loads without a diagnostic', () => {
    expect(() => loadSpec(readFileSync(CORPUS_BASE), CORPUS_BASE)).not.toThrow();
  });

  it.each(CORPUS)('%s: %s at %i:%i', (file, code, line, col, at, message) => {
    expectOneDiagnostic(readFileSync(join(BAD_SPECS_DIR, file)), file, [code, line, col, at, message]);
  });

  it.each(PATCHED.map((c) => [c.file, c.code, JSON.stringify(c.at), c] as const))('%s: %s at %s', (_file, _code, _at, c) => {
    const { bytes, line, col } = buildCase(c);
    expectOneDiagnostic(bytes, c.file, [c.code, line, col, c.at, c.message]);
  });
});

// Inputs too big or too odd to commit, built here.
describe('generated inputs', () => {
  const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
  const encode = (text: string) => new TextEncoder().encode(text);
  /** The line a key inserted after `format: 1` lands on, whatever comments the fixture starts with. */
  const afterFormat = fixture.split('\n').indexOf('format: 1') + 2;

  it.each<[name: string, bytes: () => Uint8Array, code: DiagnosticCode, line: number, col: number, message: string]>([
    [
      'a file over 4 MiB',
      () => encode(`format: 1\nunknowns:\n${'  - padding padding padding padding padding padding\n'.repeat(90_000)}`),
      'file-too-large',
      1,
      1,
      `more than the ${MAX_BYTES}`,
    ],
    [
      'nesting that exhausts the parser stack',
      () => encode(`format: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
      'too-deep',
      2,
      -1,
      'deeper than 64 levels',
    ],
    ['non-UTF-8 on the first line', () => Uint8Array.from([...encode('format: 1 # caf'), 0xe9, 0x0a]), 'invalid-encoding', 1, 16, 'not valid UTF-8'],
    ['a lone UTF-8 continuation byte', () => Uint8Array.from([...encode('format: 1\ninfo: '), 0x80, 0x0a]), 'invalid-encoding', 2, 7, 'not valid UTF-8'],
    [
      'a byte-order mark, then an unknown key',
      () => encode(`\uFEFF${fixture.replace('format: 1\n', 'format: 1\nformats: 2\n')}`),
      'unknown-key',
      afterFormat,
      1,
      'unknown key `formats` (did you mean `format`?)',
    ],
    [
      'CRLF line ends, then an unknown key',
      () => encode(fixture.replace('format: 1\n', 'format: 1\nformats: 2\n').replace(/\n/g, '\r\n')),
      'unknown-key',
      afterFormat,
      1,
      'unknown key `formats`',
    ],
    [
      'a key with a line break in it',
      () => encode(fixture.replace('format: 1\n', 'format: 1\n"a\\nb": 2\n')),
      'unknown-key',
      afterFormat,
      1,
      'unknown key `a\nb`',
    ],
  ])('%s', (name, bytes, code, line, col, message) => {
    const diagnostics = diagnosticsOf(bytes(), `${name}.yaml`);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics as [Diagnostic];
    expect(d.code).toBe(code);
    expect(d.line).toBe(line);
    if (col > 0) expect(d.col).toBe(col);
    else expect(d.col).toBeGreaterThan(1);
    expect(d.message).toContain(message);
    expect(formatDiagnostic(d).split('\n')).toHaveLength(1);
  });
});
