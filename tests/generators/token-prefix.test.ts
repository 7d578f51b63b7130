// `auth.tokenPrefix` other than Bearer (`Token`): every client sends the documented scheme on every data
// request, each through its own auth settings (Postman oauth2 `headerPrefix`, Bruno `token_header_prefix`,
// Insomnia `tokenPrefix`), and the contract case that sends an altered token sends it under that scheme too:
// Postman's and Bruno's Bearer Token auth always write `Bearer`. tests/examples/token-scheme.e2e.test.ts runs them.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { fixtureModel, modelWith } from '../support/model.js';

const files = (prefix: string) => {
  const all = generateAll(
    modelWith((m) => void (m.auth.tokenPrefix = prefix)),
    DEFAULT_CTX,
  );
  return (path: string) => all.find((f) => f.path === path)!.content;
};
const TAMPERED = fixtureModel().contract.cases.find((c) => c.target.kind === 'endpoint' && c.target.auth === 'tampered')!.name;
const attrs = (auth: { type: string } & Record<string, { key: string; value: unknown }[]>) => Object.fromEntries(auth[auth.type]!.map((a) => [a.key, a.value]));

describe('a description whose tokenPrefix is Token', () => {
  const file = files('Token');

  it('Postman: the collection oauth2 auth and the altered-token case both write `Token`', () => {
    const collection = JSON.parse(file('securithings.postman_collection.json'));
    expect(attrs(collection.auth)).toMatchObject({ headerPrefix: 'Token', addTokenTo: 'header' });
    const tampered = collection.item.flatMap((i: { item?: unknown[] }) => i.item ?? []).find((i: { name: string }) => i.name === TAMPERED);
    expect(tampered.request.auth.type).toBe('oauth2');
    expect(attrs(tampered.request.auth)).toEqual({ accessToken: '{{tamperedToken}}', addTokenTo: 'header', headerPrefix: 'Token', tokenType: 'token' });
  });

  it('Bruno: the collection writes token_header_prefix Token; the altered-token case sends `Authorization: Token ...` and no Bearer auth', () => {
    expect(file('bruno/collection.bru')).toMatch(/^\s*token_header_prefix: Token$/m);
    const tampered = file(`bruno/Contract checks/${TAMPERED}.bru`);
    expect(tampered).toMatch(/^\s*Authorization: Token \{\{tamperedToken\}\}$/m);
    expect(tampered).not.toContain('auth:bearer');
    expect(tampered).toMatch(/^\s*auth: none$/m);
  });

  it('Insomnia v4 and v5: the oauth2 tokenPrefix and the altered-token prefix are Token', () => {
    const v4 = JSON.stringify(JSON.parse(file('securithings.insomnia.json')));
    const v5 = JSON.stringify(parse(file('securithings.insomnia.yaml')));
    for (const text of [v4, v5]) {
      expect(text).toContain('"tokenPrefix":"Token"');
      expect(text).not.toMatch(/"(tokenPrefix|prefix)":"Bearer"/);
    }
  });
});

describe('a description whose tokenPrefix is Bearer keeps the Bearer Token auth of each tool', () => {
  it('Postman and Bruno send the altered token with their own Bearer auth', () => {
    const file = files('Bearer');
    const collection = JSON.parse(file('securithings.postman_collection.json'));
    const tampered = collection.item.flatMap((i: { item?: unknown[] }) => i.item ?? []).find((i: { name: string }) => i.name === TAMPERED);
    expect(tampered.request.auth.type).toBe('bearer');
    expect(file(`bruno/Contract checks/${TAMPERED}.bru`)).toContain('auth:bearer');
  });
});
