import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, REDACTED, Redactor, TooDeep } from '../../contract/redact.js';
import { decodedRuns } from '../support/decoded-runs.js';

describe('Redactor', () => {
  it.each([
    ['the client secret, however short', (r: Redactor) => r.addSecret('k9'), 'secret k9 here', `secret ${REDACTED} here`],
    ['a token learned from a token answer', (r: Redactor) => r.addFromTokenBody('{"access_token":"opaque-token-123"}'), 'got opaque-token-123.', `got ${REDACTED}.`],
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

