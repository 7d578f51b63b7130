// The fixture description, mutated thousands of ways: the loader either returns a model or
// throws a SpecError whose every diagnostic has a position. Any other outcome is a bug.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatDiagnostic, loadSpec, SpecError } from '../../loader/index.js';
import { FIXTURE_SPEC } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');
const LINES = FIXTURE.split('\n');
const DATA: unknown = parse(FIXTURE);

type Path = (string | number)[];

/** Runs per property; PROPERTY_RUNS=50000 for a long hunt. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1200);
const TIMEOUT = 60_000 + RUNS * 25;

/** Loads `text`; returns what went wrong in words, or undefined when the outcome is allowed. */
function violation(text: string): string | undefined {
  try {
    loadSpec(new TextEncoder().encode(text), 'mutant.yaml');
    return undefined;
  } catch (error) {
    if (!(error instanceof SpecError)) return `threw ${(error as Error)?.stack ?? String(error)}`;
    if (error.diagnostics.length === 0) return 'SpecError without diagnostics';
    for (const d of error.diagnostics) {
      if (!Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 1 || d.col < 1) return `no position: ${formatDiagnostic(d)}`;
      if (formatDiagnostic(d).includes('\n')) return `multi-line diagnostic: ${JSON.stringify(formatDiagnostic(d))}`;
      if (d.file !== 'mutant.yaml') return `wrong file: ${formatDiagnostic(d)}`;
    }
    return undefined;
  }
}

function assertLoads(text: string): void {
  const problem = violation(text);
  if (problem) throw new Error(`${problem}\n--- input ---\n${text.slice(0, 2000)}`);
}

// ---- mutations of the text ----------------------------------------------------------------

type LineEdit = (lines: string[]) => string[];

const lineIndex = fc.nat({ max: LINES.length - 1 });
/** Characters that mean something to YAML, plus a few that mean nothing. */
const yamlChar = fc.constantFrom(...':-{}[],"\'&*!|>#%@`?\t\n\r \\0é\u2028\uFEFF'.split(''), '~', '<<', '\u0000');
const junk = fc.oneof(fc.string({ unit: yamlChar, maxLength: 8 }), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  lineIndex.map(
    (i): LineEdit =>
      (lines) =>
        lines.filter((_, j) => j !== i % lines.length),
  ),
  lineIndex.map(
    (i): LineEdit =>
      (lines) =>
        lines.flatMap((line, j) => (j === i % lines.length ? [line, line] : [line])),
  ),
  fc.tuple(lineIndex, lineIndex).map(
    ([a, b]): LineEdit =>
      (lines) => {
        const out = [...lines];
        const [x, y] = [a % out.length, b % out.length];
        [out[x], out[y]] = [out[y]!, out[x]!];
        return out;
      },
  ),
  fc.tuple(lineIndex, fc.nat({ max: 80 }), junk).map(
    ([i, at, text]): LineEdit =>
      (lines) =>
        lines.map((line, j) => (j === i % lines.length ? line.slice(0, at) + text + line.slice(at) : line)),
  ),
  fc.tuple(lineIndex, fc.nat({ max: 6 })).map(
    ([i, n]): LineEdit =>
      (lines) =>
        lines.map((line, j) => (j === i % lines.length ? ' '.repeat(n) + line.trimStart() : line)),
  ),
);

const textMutant = fc.oneof(
  { weight: 4, arbitrary: fc.array(lineEdit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((lines, edit) => edit(lines), LINES).join('\n')) },
  { weight: 1, arbitrary: fc.nat({ max: FIXTURE.length }).map((n) => FIXTURE.slice(0, n)) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: FIXTURE.length }), junk).map(([at, text]) => FIXTURE.slice(0, at) + text + FIXTURE.slice(at)) },
);

// ---- mutations of the data ----------------------------------------------------------------

function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

const PATHS = allPaths(DATA);
const CONTAINERS = PATHS.filter((p) => {
  const v = get(DATA, p);
  return v !== null && typeof v === 'object';
});

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A deep copy with `edit` applied to the parent of `path` (or the root). */
function edited(path: Path, edit: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(DATA) as Record<string, unknown>;
  if (path.length === 0) return copy;
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  edit(parent, path[path.length - 1]!);
  return copy;
}

/** Values that have tripped loaders before: prototype names, templates, refs, odd numbers. */
const trickyValue = fc.constantFrom<unknown>(
  '__proto__',
  'constructor',
  'toString',
  '{x}',
  '/{id}/{id}',
  '{{deviceId}}',
  '#/schemas/Device',
  '#/schemas/Nope',
  'other.yaml#/x',
  '',
  ' ',
  '\n',
  'strng',
  'date-time',
  'datetime',
  '[',
  '(?<',
  -0,
  1e308,
  -1,
  0.5,
  2 ** 53,
  null,
  [],
  {},
  [[]],
  { $ref: '#/schemas/Device' },
  { $schema: 'https://json-schema.org/draft/2020-12/schema' },
  { type: 'strng' },
  { pattern: '[' },
  { required: ['x'] },
  { format: 'nope' },
);
const anyValue = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: trickyValue });

const keyName = fc.oneof(
  fc.constantFrom(
    'id',
    'name',
    'path',
    '$ref',
    '$schema',
    '$id',
    'pattern',
    'required',
    'type',
    'items',
    'format',
    'enum',
    'query',
    'token',
    'endpoint',
    'schema',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 10 }),
);

const dataMutant: fc.Arbitrary<unknown> = fc.oneof(
  // replace a node's value with any JSON value
  fc.tuple(fc.constantFrom(...PATHS), anyValue).map(([path, value]) => (path.length === 0 ? value : edited(path, (parent, key) => void (parent[key] = value)))),
  // delete a key or a list item
  fc.constantFrom(...PATHS.filter((p) => p.length > 0)).map((path) =>
    edited(path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    }),
  ),
  // add a key (or a list item) somewhere
  fc.tuple(fc.constantFrom(...CONTAINERS), keyName, anyValue).map(([path, key, value]) => {
    const copy = structuredClone(DATA);
    const target = get(copy, path) as Record<string, unknown> | unknown[];
    if (Array.isArray(target)) target.push(value);
    else Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  }),
  // copy one node over another (duplicate ids, refs, wrong shapes)
  fc
    .tuple(fc.constantFrom(...PATHS.filter((p) => p.length > 0)), fc.constantFrom(...PATHS))
    .map(([to, from]) => edited(to, (parent, key) => void (parent[key] = structuredClone(get(DATA, from))))),
);

describe('loader under mutation', () => {
  it('the unmutated description loads', () => {
    expect(violation(FIXTURE)).toBeUndefined();
    expect(violation(stringify(DATA))).toBeUndefined();
  });

  it(
    'text mutations: a model or a positioned SpecError',
    () => {
      fc.assert(fc.property(textMutant, assertLoads), { numRuns: RUNS });
    },
    TIMEOUT,
  );

  it(
    'data mutations: a model or a positioned SpecError',
    () => {
      fc.assert(
        fc.property(dataMutant, (data) => assertLoads(stringify(data))),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
