// toYaml lays out mappings and lists itself and writes each distinct scalar once: the text must be
// exactly js-yaml's own dump, whatever the nesting, the scalars or the keys.
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../../generators/index.js';
import { toYaml } from '../../../generators/shared/yaml.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { loadSpec } from '../../../loader/index.js';

const plain = (value: unknown) => jsYaml.dump(value, { noRefs: true, lineWidth: -1, quotingType: '"' });

const LONG = 'x'.repeat(300);
const SCRIPT = `line one\n  indented\n\nafter a blank\n${LONG}\n`;
/** Only a long multi-line value that occurs more than once is written once: each case holds its text twice. */
const twice = (text: string) => ({ a: text, b: [{ c: { d: text } }] });

describe('toYaml', () => {
  it.each([
    ['a block in a mapping in a mapping', { a: { b: { script: SCRIPT } }, c: SCRIPT }],
    ['the same block at several depths', { a: SCRIPT, b: { c: SCRIPT, d: [{ e: SCRIPT, f: { g: SCRIPT } }] } }],
    ['a mapping in a list in a list', { a: [[{ b: SCRIPT, c: `x\n${LONG}` }], [[{ d: SCRIPT, e: `x\n${LONG}` }]]] }],
    ['multi-line list items (left as they are)', { a: [SCRIPT, SCRIPT, { b: [SCRIPT] }], c: SCRIPT }],
    ['leading spaces', twice(` x\n${LONG}`)],
    ['a leading newline', twice(`\n${LONG}`)],
    ['kept trailing newlines', twice(`${LONG}\n\n\n`)],
    ['only newlines', twice('\n'.repeat(300))],
    ['CR LF and tabs', twice(`x\r\n${LONG}\tthen\nline`)],
    ['non-printable characters (double-quoted)', twice(`bell\u0007\n${LONG}`)],
    ['a key longer than 1,024 characters (explicit pair)', { ['k'.repeat(1100)]: SCRIPT, b: { ['k'.repeat(1100)]: SCRIPT } }],
    ['a __proto__ key', JSON.parse(`{"__proto__": ${JSON.stringify(SCRIPT)}, "a": {"__proto__": ${JSON.stringify(SCRIPT)}}}`)],
    ['no multi-line string', { a: 1, b: ['x', { c: null }] }],
    ['undefined: a pair left out, a list item written as null', { a: undefined, b: [undefined, 1], c: { d: undefined } }],
    ['only undefined values (an empty mapping)', { a: { b: undefined } }],
    ['0 and -0, NaN and the infinities', { a: -0, b: 0, c: [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5e300] }],
    ['strings YAML 1.1 would read as something else', { a: 'yes', b: 'No', c: '1.0', d: '2024-12-31T23:59:59Z', e: '~', f: '0x1F', g: '1:20' }],
    ['the same string as a key and as a value', { 'a\nb': 'a\nb', yes: 'yes', '': '' }],
    ['empty lists and mappings at every depth', { a: [], b: {}, c: [[], {}, [[]]], d: { e: {} } }],
    ['lists in lists', [[['a', SCRIPT]], [[1, [2]]]]],
    ['a top-level string', 'text'],
    ['a top-level number', 1.5],
    ['a top-level null', null],
  ])('%s: exactly js-yaml dump', (_name, value) => {
    expect(toYaml(value)).toBe(plain(value));
  });

  it('any nesting of mappings, lists and strings: exactly js-yaml dump', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(SCRIPT, '\n', ' a\nb', 'a\n\n', 'x\u0085\ny', '- a\n- b', '|\n>').map((text) => (text === SCRIPT ? text : text + LONG + text)),
    );
    const scalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', '1.0', '', '~', 'null'));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, scalar, tie('list'), tie('map')),
      list: fc.array(fc.oneof(tie('node'), fc.constant(undefined)), { maxLength: 4 }),
      map: fc.dictionary(
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('yes', 'a\nb', '- x', 'k'.repeat(1100))),
        fc.oneof(tie('node'), fc.constant(undefined)),
        {
          maxKeys: 4,
        },
      ),
    })).map;
    fc.assert(
      fc.property(tree, (value) => toYaml(value) === plain(value)),
      { numRuns: 500 },
    );
  });

  it.each(['spec/securithings.yaml', 'examples/tenant-graph.yaml', 'examples/warehouse-orders.yaml', 'examples/parcel-tracker.yaml'])(
    'the Insomnia v5 and OpenAPI documents of %s: exactly js-yaml dump',
    async (file) => {
      const model = loadSpec(readFileSync(file), file);
      const { insomniaV5Document } = await import('../../../generators/insomnia/v5.js');
      const { openapiDocument } = await import('../../../generators/openapi/document.js');
      for (const document of [insomniaV5Document(model), openapiDocument(model)]) expect(toYaml(document)).toBe(plain(document));
      expect(GENERATORS['insomnia-v5']!(model, DEFAULT_CTX)[0]!.content).toBe(plain(insomniaV5Document(model)));
    },
  );
});
