// The token answer as documented (issue 17): format, token_type, field and lifetime, their
// defaults (nothing asserted that the docs do not say), and located errors that teach the format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheFallbackSeconds, issuedLifetime, lifetimeText, violatedLifetime } from '../../model/token-answer.js';
import { FIXTURE_SPEC, loadText as load, problemsOf as problems } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');
const TOKEN_LINES = '  token: { format: jwt }\n  lifetimeSeconds: 3600\n';
/** The fixture with its token lines replaced by `lines`. */
const withToken = (lines: string) => {
  expect(FIXTURE).toContain(TOKEN_LINES);
  return FIXTURE.replace(TOKEN_LINES, lines);
};

describe('auth.token and auth.lifetimeSeconds', () => {
  it('reads the fixture as before: a JWT, token_type Bearer, in access_token, living exactly 3600 s', () => {
    expect(load(FIXTURE).auth).toMatchObject({
      tokenPrefix: 'Bearer',
      token: { format: 'jwt', type: 'Bearer', field: 'access_token' },
      lifetime: { min: 3600, max: 3600 },
    });
  });

  it('asserts nothing undocumented by default: an opaque token, token_type the Authorization scheme, access_token, no lifetime', () => {
    const auth = load(withToken('')).auth;
    expect(auth.token).toEqual({ format: 'opaque', type: 'Bearer', field: 'access_token' });
    expect(auth).not.toHaveProperty('lifetime');
  });

  it('reads an eBay-like answer: opaque, token_type "Application Access Token" sent as Bearer, a custom field, a range', () => {
    const text = withToken(
      '  token:\n    format: opaque\n    type: Application Access Token\n    field: app_token\n  lifetimeSeconds: { min: 3000, max: 7200 }\n',
    );
    const auth = load(
      text.replace('required: [access_token, token_type]', 'required: [app_token, token_type]').replace('      access_token: {', '      app_token: {'),
    ).auth;
    expect(auth.tokenPrefix).toBe('Bearer');
    expect(auth.token).toEqual({ format: 'opaque', type: 'Application Access Token', field: 'app_token' });
    expect(auth.lifetime).toEqual({ min: 3000, max: 7200 });
  });

  it('reads a range with one end: min defaults to 1, max to no bound', () => {
    expect(load(withToken('  lifetimeSeconds: { max: 32400 }\n')).auth.lifetime).toEqual({ min: 1, max: 32400 });
    expect(load(withToken('  lifetimeSeconds: { min: 300 }\n')).auth.lifetime).toEqual({ min: 300 });
  });

  it('refuses a token field the answer schema contradicts: it still requires access_token', () => {
    expect(problems(withToken('  token: { field: app_token }\n'))).toEqual([
      expect.stringMatching(
        /^53:19 invalid-value: the token is documented in `app_token`, but schema `TokenResponse` requires `access_token`: require `app_token` there instead$/,
      ),
    ]);
  });

  it.each([
    [
      'a lifetime in words',
      '  lifetimeSeconds: 1h\n',
      /^53:20 wrong-type: must be an integer or a mapping, not a string: write a number of seconds \(`3600`\), a range \(`\{ min: 3000, max: 3600 \}`\), or no `lifetimeSeconds` when the docs do not say$/,
    ],
    ['a zero lifetime', '  lifetimeSeconds: 0\n', /^53:20 invalid-value: must be >= 1: write a number of seconds/],
    [
      'an empty range',
      '  lifetimeSeconds: {}\n',
      /^53:20 invalid-value: an empty range says nothing: write `\{ min: 3000, max: 3600 \}` \(either end may be left out\), a fixed `3600`, or leave `lifetimeSeconds` out when the docs do not say$/,
    ],
    [
      'a range upside down',
      '  lifetimeSeconds: { min: 3600, max: 3000 }\n',
      /^53:\d+ invalid-value: `max` \(3000\) is below `min` \(3600\): the longest documented lifetime comes second$/,
    ],
    ['a misspelt end', '  lifetimeSeconds: { min: 3000, maximum: 3600 }\n', /^53:33 unknown-key: unknown key `maximum`; expected one of min, max$/],
    ['a token format beyond jwt and opaque', '  token: { format: JWS }\n', /^53:20 invalid-value: must be one of jwt, opaque$/],
    [
      'a token_type with a line break',
      '  token: { type: "Bearer\\n" }\n',
      /^53:18 invalid-value: .*: write the `token_type` as documented, e.g. `Bearer` or `Application Access Token`/,
    ],
    [
      'a nested token field',
      '  token: { field: data.token }\n',
      /^53:19 invalid-value: .*: write the name of the token answer's member that holds the token, e.g. `access_token`: a letter, then letters, digits, `_` or `-`$/,
    ],
    ['a misspelt token key', '  token: { fromat: jwt }\n', /^53:\d+ unknown-key: unknown key `fromat` \(did you mean `format`\?\)$/],
  ])('refuses %s, at its place, saying what to write instead', (_, lines, message) => {
    expect(problems(withToken(lines))).toEqual([expect.stringMatching(message)]);
  });
});

describe('the documented lifetime, as clients and the reference server use it', () => {
  it.each([
    ['fixed', { min: 3600, max: 3600 }, '3600 s', 3600, 3600, 1800],
    ['a range', { min: 3000, max: 3600 }, 'between 3000 and 3600 s', 3000, 3300, 1500],
    ['at most', { min: 1, max: 32400 }, 'at most 32400 s', 300, 16200, 64800],
    ['at least', { min: 600 }, 'at least 600 s', 600, 600, 300],
    ['not stated', undefined, undefined, 300, 3600, undefined],
  ])('%s: reads, is cached without expires_in, is issued and violated as expected', (_, lifetime, text, cached, issued, violated) => {
    if (lifetime) expect(lifetimeText(lifetime)).toBe(text);
    expect(cacheFallbackSeconds(lifetime)).toBe(cached);
    expect(issuedLifetime(lifetime)).toBe(issued);
    expect(violatedLifetime(lifetime)).toBe(violated);
  });
});
