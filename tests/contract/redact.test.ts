import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../contract/redact.js';

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
