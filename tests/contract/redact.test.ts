import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, REDACTED, Redactor, TooDeep } from '../../contract/redact.js';
import { decodedRuns } from '../support/decoded-runs.js';

describe('Redactor', () => {
  it.each([
    ['the client secret, however short', (r: Redactor) => r.addSecret('k9'), 'secret k9 here', `secret ${REDACTED} here`],
    [
      'a token learned from a token answer',
      (r: Redactor) => r.addFromTokenBody('{"access_token":"opaque-token-123"}'),
      'got opaque-token-123.',
      `got ${REDACTED}.`,
    ],
    ['a value seen on the wire', (r: Redactor) => r.add('wire-value-42'), '[wire-value-42]', `[${REDACTED}]`],
    ['anything shaped like a JWT', () => undefined, 'x eyJhbGciOi.eyJzdWIiOiJ4In0.c2ln y', `x ${REDACTED} y`],
    ['Authorization values', () => undefined, 'Authorization: Bearer abc.def', `Authorization: Bearer ${REDACTED}`],
  ])('hides %s', (_, teach, text, want) => {
    const redactor = new Redactor();
    teach(redactor);
    expect(redactor.text(text)).toBe(want);
  });

  it('does not learn short wire values, which would hide ordinary words', () => {
    const redactor = new Redactor();
    redactor.add('the');
    expect(redactor.text('the end')).toBe('the end');
  });

  it('hides whole sensitive headers', () => {
    const redactor = new Redactor();
    expect(redactor.header('Authorization', 'Basic Zm9vOmJhcg==')).toBe(REDACTED);
    expect(redactor.header('Cookie', 'session=1')).toBe(REDACTED);
    expect(redactor.header('Accept', 'application/json')).toBe('application/json');
  });
});

describe('Redactor, every form of a secret', () => {
  const secret = 'p\u00e9/ss+w rd';
  const forms = {
    'JSON, PHP style': 'p\\u00e9\\/ss+w rd',
    'JSON, Python style (upper hex)': 'p\\u00E9/ss+w rd',
    'URL-encoded': 'p%C3%A9%2Fss%2Bw%20rd',
    'URL-encoded, lower hex': 'p%c3%a9%2fss%2bw%20rd',
    'form-encoded': 'p%C3%A9%2Fss%2Bw+rd',
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
    'Basic base64(id:secret)': Buffer.from(`client:${secret}`).toString('base64'),
    'Basic, URL-encoded': encodeURIComponent(Buffer.from(`client:${secret}`).toString('base64')),
  };

  it.each(Object.entries(forms))('hides the client secret %s', (_, form) => {
    const redactor = new Redactor();
    redactor.addSecret(secret, 'client');
    expect(redactor.text(`<${form}>`)).toBe(`<${REDACTED}>`);
  });

  it.each([0, 1, 2].flatMap((offset) => (['base64', 'base64url'] as const).map((encoding) => [offset, encoding] as const)))(
    'hides the client secret inside a longer blob, %i bytes past a group start, %s: no part of what is left decodes to it',
    (offset, encoding) => {
      const redactor = new Redactor();
      redactor.addSecret(secret, 'client');
      const blob = Buffer.from(`${'x'.repeat(offset + 2)}{"debug":"${secret}","more":"data"}`).toString(encoding); // 12 + offset bytes before it
      const shown = redactor.text(`blob=${blob};`);
      expect(shown).toContain(REDACTED);
      expect(decodedRuns(shown).some((text) => text.includes(secret.slice(2, -2)))).toBe(false);
    },
  );

  it('learns the tokens of a form-encoded token answer', () => {
    const redactor = new Redactor();
    redactor.addFromTokenBody('access_token=opaque%2Ftoken%2B1&token_type=bearer&refresh_token=refresh-token-2');
    expect(redactor.text('opaque/token+1 refresh-token-2 opaque%2Ftoken%2B1')).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('learns the token from the field the description names (an opaque token in app_token)', () => {
    const token = 'v^1.1#i^1#p^1#t^opaque-app-token-42';
    const redactor = new Redactor('app_token');
    redactor.addFromTokenBody(JSON.stringify({ app_token: token, token_type: 'Application Access Token' }));
    expect(redactor.text(`got ${token} and ${encodeURIComponent(token)}`)).toBe(`got ${REDACTED} and ${REDACTED}`);
  });

  it('redacts every string of a parsed JSON value, keys too, and refuses to walk past its depth limit', () => {
    const redactor = new Redactor();
    redactor.addSecret(secret);
    expect(redactor.json({ [secret]: [secret, 1, null, { nested: `x${secret}` }] })).toEqual({ [REDACTED]: [REDACTED, 1, null, { nested: `x${REDACTED}` }] });
    const deep = JSON.parse(`${'['.repeat(MAX_JSON_DEPTH + 2)}${']'.repeat(MAX_JSON_DEPTH + 2)}`);
    expect(() => redactor.json(deep)).toThrow(TooDeep);
  });
});

describe('Redactor, escaped and partial forms', () => {
  const secret = 'p\u00e9/ss+w rd-0123';
  const token = 'A21AAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
  const redactor = () => {
    const r = new Redactor();
    r.addSecret(secret, 'client');
    r.add(token);
    return r;
  };
  const escaped = (c: string, upper = false) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`;

  it.each([
    ['every character \\uXXXX-escaped', [...secret].map((c) => escaped(c)).join('')],
    ['every other character escaped, upper hex', [...secret].map((c, i) => (i % 2 ? c : escaped(c, true))).join('')],
    ['escaped twice (\\\\u0070)', [...secret].map((c) => `\\${escaped(c)}`).join('')],
    [
      'JavaScript escapes (\\x70, \\/)',
      [...secret].map((c) => (c === '/' ? '\\/' : c.charCodeAt(0) < 0x80 ? `\\x${c.charCodeAt(0).toString(16)}` : c)).join(''),
    ],
    [
      'URL-encoded character by character, mixed with plain',
      [...secret].map((c, i) => (i % 3 ? c : encodeURIComponent(c).replace(/^[\w.~!*'()-]$/, (x) => `%${x.charCodeAt(0).toString(16)}`))).join(''),
    ],
  ])('hides the secret with %s, and nothing of it is left', (_, written) => {
    const shown = redactor().text(`<${written}>`);
    expect(shown).toBe(`<${REDACTED}>`);
  });

  it('hides a value whatever its case (a check may quote it lower-cased)', () => {
    expect(redactor().text(`expected '${token.toLowerCase()}' to equal 'bearer'`)).toBe(`expected '${REDACTED}' to equal 'bearer'`);
  });

  it.each([
    ['chai, cut at 40', `expected '${token.slice(0, 37)}\u2026' to match /x/`],
    ['V8 JSON.parse, start of the source', `Unexpected token 'A', "${token.slice(0, 10)}"... is not valid JSON`],
    ['V8 JSON.parse, end of the source', `Unexpected token ',', ..."${token.slice(-8)}",,1]" is not valid JSON`],
    ['a short prefix beside an ellipsis', `got ${token.slice(0, 5)}...`],
    ['a middle slice of 12 characters, anywhere', `echo ${token.slice(9, 21)} end`],
  ])('hides a part of a token: %s', (_, text) => {
    const shown = redactor().text(text).toLowerCase();
    for (let i = 0; i + 5 <= token.length; i += 1) expect(shown).not.toContain(token.slice(i, i + 5).toLowerCase());
    expect(shown).toContain(REDACTED.toLowerCase());
  });

  it('leaves ordinary text beside an ellipsis alone', () => {
    expect(redactor().text('loading... done, see the rest\u2026 later')).toBe('loading... done, see the rest\u2026 later');
  });

  it('hides the whole text when it holds too many ellipses beside parts of a value to look at each', () => {
    expect(redactor().text(`${token.slice(0, 6)}...`.repeat(3000))).toBe(REDACTED);
  });
});
