// The .bru text helpers, checked by parsing what they write with Bruno's own parser.
import { describe, expect, it } from 'vitest';
import { bruFile, bruKey, bruValue, dictBlock, listBlock, textBlock } from '../../../generators/bruno/bru.js';
import { lang } from './helpers.js';

describe('bruKey', () => {
  it.each([
    ['limit', 'limit'],
    ['probe.agent', 'probe.agent'],
    ['a:b', '"a:b"'],
    ['with space', '"with space"'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('%s -> %s', (given, want) => expect(bruKey(given)).toBe(want));
});

describe('bruValue', () => {
  it.each([
    ['plain', 'plain'],
    [100, '100'],
    [false, 'false'],
    ['two\nlines', 'two lines'],
    ['crlf \r\n  line', 'crlf line'],
  ] as const)('%j -> %j', (given, want) => expect(bruValue(given)).toBe(want));
});

describe('blocks parse back with @usebruno/lang', () => {
  it('keeps query keys, values and the disabled marker', () => {
    const text = bruFile([
      dictBlock('get', [{ key: 'url', value: 'http://x/{{p}}' }]),
      dictBlock('params:query', [
        { key: 'probe.agent', value: 'up', enabled: false },
        { key: 'a:b', value: '1' },
        { key: 'empty', value: '' },
      ]),
    ]);
    expect(lang.bruToJsonV2(text).params).toEqual([
      { name: 'probe.agent', value: 'up', enabled: false, type: 'query' },
      { name: 'a:b', value: '1', enabled: true, type: 'query' },
      { name: 'empty', value: '', enabled: true, type: 'query' },
    ]);
  });

  it.each([
    ['a closing brace at the start of a line', 'if (x) {\n  y();\n}\nz();'],
    ['blank lines and Markdown', '# Title\n\n| a | b |\n| --- | --- |\n\n- item'],
    ['trailing blank lines', 'text\n\n\n'],
  ])('keeps a text block with %s', (_, text) => {
    const parsed = lang.bruToJsonV2(bruFile([textBlock('docs', text)]));
    expect(parsed.docs).toBe(text.replace(/\s+$/, ''));
  });

  it('leaves out a blank text block, which the parser refuses (an imported description with no auth docs)', () => {
    const meta = dictBlock('meta', [{ key: 'name', value: 'Auth' }]);
    expect(textBlock('docs', ' \n')).toBeUndefined();
    expect(lang.collectionBruToJson(bruFile([meta, textBlock('docs', '')])).meta).toMatchObject({ name: 'Auth' });
    expect(lang.bruToJsonV2(bruFile([meta, textBlock('tests', '\n\n')])).meta).toMatchObject({ name: 'Auth' });
  });

  it('writes a secret list the environment parser reads', () => {
    const env = lang.bruToEnvJsonV2(bruFile([dictBlock('vars', [{ key: 'a', value: '1' }]), listBlock('vars:secret', ['s1', 's2'])]));
    expect(env.variables).toEqual([
      { name: 'a', value: '1', enabled: true, secret: false },
      { name: 's1', value: '', enabled: true, secret: true },
      { name: 's2', value: '', enabled: true, secret: true },
    ]);
  });
});
