// jsLiteral: whatever the value, the output is one JavaScript expression that evaluates to exactly
// that value, and holds no `<`, U+2028 or U+2029 that could end a script or a line.
import { parseExpressionAt } from 'acorn';
import fc from 'fast-check';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { jsLiteral } from '../../../generators/shared/js-literal.js';

const evaluate = (source: string): unknown => runInThisContext(`(${source})`);

/** The expression is the whole source: acorn stops where it ends. */
function isOneExpression(source: string): boolean {
  return parseExpressionAt(source, 0, { ecmaVersion: 'latest' }).end === source.length;
}

const RAW_DANGER = /[<\u2028\u2029]/;

describe('jsLiteral', () => {
  it.each([
    ['quotes of each kind and a backslash', `it's "x" \`y\` \\`],
    ['a template placeholder', '${process.exit(1)}'],
    ['a closing script tag and an HTML comment', '</script><script>alert(1)</script><!--'],
    ['line breaks of every kind', 'a\nb\rc\u2028d\u2029e'],
    ['code that closes a call', "x'); require('child_process').exec('id'); ('"],
    ['a lone surrogate', '\ud800'],
  ])('embeds %s as exactly that string', (_, value) => {
    const source = jsLiteral(value);
    expect(isOneExpression(source)).toBe(true);
    expect(evaluate(source)).toBe(value);
    expect(source).not.toMatch(RAW_DANGER);
  });

  it.each([
    ['undefined', undefined],
    ['-0', -0],
    ['NaN', NaN],
    ['Infinity', -Infinity],
    ['null', null],
    ['a schema', { type: 'object', description: '</script>', enum: ['a\u2028', 1, true, null] }],
    ['an object with a __proto__ key (an object literal would set the prototype instead)', JSON.parse('{"properties":{"__proto__":{"type":"string"}}}')],
  ])('embeds %s as exactly that value', (_, value) => {
    expect(evaluate(jsLiteral(value))).toStrictEqual(value);
    expect(jsLiteral(value)).not.toMatch(RAW_DANGER);
  });

  it('keeps the layout it is asked for', () => {
    expect(jsLiteral({ a: ['<'] }, 2)).toBe('{\n  "a": [\n    "\\u003c"\n  ]\n}');
  });

  it('round-trips any JSON value, with any characters, as one expression without a raw <, U+2028 or U+2029', () => {
    const text = fc.string({ unit: fc.constantFrom(...'<>/\'"`${}\\\n\r\u2028\u2029 a-!'.split('')), maxLength: 30 });
    const value = fc.oneof(
      text,
      fc.jsonValue(),
      fc.dictionary(fc.oneof(text, fc.constant('__proto__')), fc.oneof(text, fc.integer())),
      fc.array(fc.string({ unit: 'binary' })),
    );
    fc.assert(
      fc.property(value, (v) => {
        const source = jsLiteral(v);
        expect(isOneExpression(source)).toBe(true);
        expect(source).not.toMatch(RAW_DANGER);
        // fast-check builds objects without a prototype: compare as JSON, where a lost `__proto__` key shows
        expect(JSON.stringify(evaluate(source))).toBe(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });
});
