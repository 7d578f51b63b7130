// What the loader says about `auth` beyond the format schema, and the defaults it settles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SPEC, loadText as load, problemsOf as problems } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');

describe('auth', () => {
  it('settles the defaults of the fixture description: envPrefix from the id, body none, no scope or audience, organization the only token-path variable', () => {
    const model = load(FIXTURE);
    expect(model.info.envPrefix).toBe('SECURITHINGS');
    expect(model.auth).toMatchObject({ clientAuthentication: 'basic', body: 'none', pathVariables: ['organization'] });
    expect(model.auth).not.toHaveProperty('scope');
    expect(model.environments.find((e) => e.id === 'local')!.values).toEqual({ organization: 'demo', clientId: 'demo-client' });
  });

  it('writes a dashed id as an UPPER_SNAKE prefix', () => {
    expect(load(FIXTURE.replace('id: securithings', 'id: parcel-api')).info.envPrefix).toBe('PARCEL_API');
  });

  it('takes a token path with no variables; an environment value for a variable it lacks is then unknown', () => {
    const plain = FIXTURE.replace('path: /token/{organization}', 'path: /oauth2/token');
    expect(problems(plain)).toEqual([
      expect.stringMatching(
        /unknown-key: `organization` is neither clientId nor a variable of the token path, a host, the audience or the scope; known: clientId$/,
      ),
    ]);
    expect(load(plain.replace('      organization: demo\n', '')).auth.pathVariables).toEqual([]);
  });

  it('says scope and audience travel in the form body', () => {
    const scoped = FIXTURE.replace('  body: none\n', '  body: none\n  scope: read\n  audience: api\n');
    expect(problems(scoped)).toEqual([
      expect.stringMatching(/invalid-value: `scope` travels in the form body: set `body: form`$/),
      expect.stringMatching(/invalid-value: `audience` travels in the form body: set `body: form`$/),
    ]);
    const form = scoped.replace('body: none', 'body: form');
    expect(problems(form)).toEqual([
      expect.stringMatching(/invalid-value: a form body is sent as application\/x-www-form-urlencoded: drop this header or set it to that$/),
    ]);
    expect(load(form.replace('Content-Type: application/json', 'Content-Type: application/x-www-form-urlencoded')).auth).toMatchObject({
      body: 'form',
      scope: 'read',
      audience: 'api',
    });
  });

  it('refuses a scope that is not space-separated scope tokens, and an envPrefix that is not UPPER_SNAKE', () => {
    expect(problems(FIXTURE.replace('  body: none\n', '  body: none\n  scope: "read  write"\n'))).toHaveLength(1);
    expect(problems(FIXTURE.replace('  version: v1\n', '  version: v1\n  envPrefix: st-api\n'))).toHaveLength(1);
  });

  it.each([
    ['a line break in a value', 'X-Trace: "a\\r\\nX-Injected: 1"', 14, 'a header value may not hold a line break or NUL (HTTP forbids them)'],
    ['a NUL in a value', 'X-Trace: "a\\0b"', 14, 'a header value may not hold a line break or NUL (HTTP forbids them)'],
    ['a space in a name', '"X Trace": a', 5, "header name `X Trace` is not an HTTP field name (letters, digits and !#$%&'*+.^_`|~-)"],
  ])('refuses a token request header HTTP cannot carry: %s', (_, header, col, message) => {
    const after = '    Content-Type: application/json\n';
    const line = FIXTURE.split('\n').indexOf(after.trimEnd()) + 2;
    expect(problems(FIXTURE.replace(after, `${after}    ${header}\n`))).toEqual([`${line}:${col} invalid-value: ${message}`]);
  });
});
