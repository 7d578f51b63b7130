import { describe, expect, it } from 'vitest';
import { printable } from '../../contract/printable.js';

describe('printable', () => {
  it.each([
    ['an ESC sequence', 'a\x1b[31mred', 'a\\x1b[31mred'],
    ['a window title (OSC) with its bell', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['DEL and C1 (CSI)', 'x\x7f\u009b2J', 'x\\x7f\\x9b2J'],
    ['a carriage return and a tab', 'a\rb\tc', 'a\\x0db\\x09c'],
    ['the bidi overrides and isolates', '\u202eevil\u202c \u2066x\u2069', '\\u{202e}evil\\u{202c} \\u{2066}x\\u{2069}'],
    ['a line break, when lines are not meant', 'a\nb', 'a\\x0ab'],
  ])('escapes %s', (_, text, want) => {
    expect(printable(text)).toBe(want);
  });

  it('keeps line breaks where lines are meant, and leaves printable text alone', () => {
    expect(printable('one\ntwo \u00e9 \u2014 [ok]\x1b', { lines: true })).toBe('one\ntwo \u00e9 \u2014 [ok]\\x1b');
    expect(printable(printable('\x1b'))).toBe('\\x1b');
  });
});
