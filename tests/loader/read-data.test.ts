// js-yaml reads the data; the positioned reader only explains. They must mean the same thing on
// every description the project ships or benchmarks, and js-yaml's shared alias objects and
// stringified collection keys must never reach the loader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syntheticSpecYaml } from '../../bench/synthetic-spec.js';
import { loadSpec, SpecError, formatDiagnostic } from '../../loader/index.js';
import { MAX_ALIASES, MAX_DEPTH } from '../../loader/limits.js';
import { parsePositioned, positionedProblem } from '../../loader/positioned-yaml.js';
import { readData, type DataRead } from '../../loader/read-data.js';
import { FIXTURE_SPEC } from '../support/model.js';

function dataOf(read: DataRead): unknown {
  if ('flag' in read) throw new Error(`flagged: ${read.flag.message}`);
  return read.data;
}

function flagOf(read: DataRead): { code: string; message: string } {
  if (!('flag' in read)) throw new Error(`read without a flag: ${JSON.stringify(read.data)}`);
  return read.flag;
}

describe('readData agrees with the positioned reader', () => {
  it.each([
    ['the fixture description', readFileSync(FIXTURE_SPEC, 'utf8')],
    ['the synthetic 1,000-endpoint description', syntheticSpecYaml(100)],
    [
      'anchors, aliases, block scalars and odd keys',
      'a: &x {k: [1, 2.5, true, null, ~, "s"]}\nb: *x\nc: |\n  two\n  lines\n"__proto__": 1\n"1": one\n<<: merge-is-a-plain-key\n',
    ],
  ])('%s', (_name, text) => {
    expect(dataOf(readData(text))).toStrictEqual(parse(text));
  });
});

describe('readData', () => {
  it('copies each alias out: changing one copy leaves the anchor alone', () => {
    const data = dataOf(readData('a: &x {k: [1]}\nb: *x\n')) as { a: { k: number[] }; b: { k: number[] } };
    data.b.k.push(2);
    expect(data.a.k).toEqual([1]);
  });

  it('keeps `__proto__` as an own key, never the prototype', () => {
    const data = dataOf(readData('__proto__: {polluted: true}\n')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an explicit list key', '? [info, extra]\n: true\n'],
    ['a flow list key', '[info, extra]: true\n'],
    ['a mapping key inside a flow mapping', 'x: {{a: 1}: 2}\n'],
  ])('flags %s', (_name, text) => {
    expect(flagOf(readData(text)).message).toBe('a key must be a plain value, not a list or a mapping');
  });

  it('flags an alias bomb without expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(flagOf(readData(bomb)).code).toBe('yaml-alias-bomb');
    const fine = ['a: &a {k: v}', ...Array.from({ length: MAX_ALIASES }, (_, i) => `b${i}: *a`)].join('\n');
    expect(Object.keys(dataOf(readData(fine)) as object)).toHaveLength(MAX_ALIASES + 1);
  });

  it('flags nesting past the limit, also when aliases build it', () => {
    expect(flagOf(readData(`x: ${'['.repeat(100_000)}${']'.repeat(100_000)}`)).code).toBe('too-deep');
    const half = MAX_DEPTH / 2 + 1;
    const deep = `a: &a ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}\n`;
    expect(flagOf(readData(deep)).code).toBe('too-deep');
  });

  it.each([62, 63, 64, 65])('judges %i nested lists as the positioned reader does', (levels) => {
    for (const inner of ['1', '']) {
      const text = `x: ${'['.repeat(levels)}${inner}${']'.repeat(levels)}\n`;
      const read = readData(text);
      const strict = positionedProblem(parsePositioned(text), text, 'f.yaml');
      expect('flag' in read ? read.flag.code : 'read').toBe(strict?.code ?? 'read');
    }
  });

  it('flags syntax errors, a second document and an empty one', () => {
    expect(flagOf(readData('a: [1\nb: 2\n')).code).toBe('yaml-syntax');
    expect(flagOf(readData('a: 1\n---\nb: 2\n')).code).toBe('yaml-syntax');
    expect(flagOf(readData('# only a comment\n')).code).toBe('empty-file');
  });
});

describe('where the readers differ', () => {
  const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
  const load = (text: string) => loadSpec(new TextEncoder().encode(text), 'f.yaml');

  // A double-quoted name continued on a line indented less than its key: the YAML spec (and the
  // positioned reader) reject it, js-yaml folds it. js-yaml is the parser of record.
  it('a file js-yaml reads and the description schema accepts loads as js-yaml reads it', () => {
    const text = fixture.replace(/^ {2}name: .*$/m, '  name: "SecuriThings\nAPI"');
    expect(() => parse(text)).toThrow();
    expect(load(text).info.name).toBe('SecuriThings API');
  });

  // The same slip swallowing the keys after it: the description fails, and the quote is the cause named.
  it('when such a file fails, the positioned reader names the YAML mistake', () => {
    const text = fixture.replace(/^( {8}path: )""$/m, '$1"');
    expect(text).not.toBe(fixture);
    try {
      load(text);
      expect.unreachable('loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/double-quoted string is never closed.*\[yaml-syntax\]$/)]);
    }
  });
});
