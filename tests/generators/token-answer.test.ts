// Every output follows the documented token answer (issue 17): the Postman checks and token cache,
// Bruno's token source, the notes where a client cannot read a custom field, the OpenAPI extensions.
import { describe, expect, it } from 'vitest';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import type { ApiModel, Auth } from '../../model/model.js';
import { modelWith } from '../support/model.js';

const withAnswer = (token: Partial<Auth['token']>, lifetime: Auth['lifetime']): ApiModel =>
  modelWith((m) => {
    m.auth.token = { ...m.auth.token, ...token };
    if (lifetime) m.auth.lifetime = lifetime;
    else delete m.auth.lifetime;
  });

const files = (model: ApiModel) => Object.fromEntries(generateAll(model, DEFAULT_CTX).map((f) => [f.path, f.content]));
const postman = (model: ApiModel) => files(model)['securithings.postman_collection.json']!;
const EBAY_LIKE = withAnswer({ format: 'opaque', type: 'Application Access Token', field: 'app_token' }, { min: 3000, max: 7200 });

describe('the Postman token checks and cache', () => {
  it('for an opaque token: no JWT checks, the documented token_type, the lifetime range, the token read from its field', () => {
    const text = postman(EBAY_LIKE);
    expect(text).toContain('check(\\"token_type is Application Access Token (any case)\\"');
    expect(text).toContain('to.equal(\\"application access token\\")');
    expect(text).toContain('check(\\"the token lives between 3000 and 7200 s as documented (expires_in, where given)\\"');
    expect(text).toContain("pm.expect(seconds).to.be.a('number').and.to.be.at.least(3000).and.to.be.at.most(7200)");
    expect(text).not.toMatch(/is a JWT|alg is not none|const jwt =/);
    expect(text).toContain('const token = (body && body.app_token);');
    expect(text).toContain('const answered = (body && body.app_token);');
    expect(text).not.toContain('access_token ||');
    // no expires_in: cached for the shortest documented lifetime
    expect(text).toContain('Number(body.expires_in) : 3000;');
  });

  it('for a JWT in a custom field: the JWT checks read that field', () => {
    const text = postman(withAnswer({ format: 'jwt', field: 'jwt-token' }, { min: 3600, max: 3600 }));
    expect(text).toContain('check(\\"jwt-token is a JWT: three base64url parts, JSON header and claims\\"');
    expect(text).toContain('String(body[\\"jwt-token\\"]).split');
    expect(text).toContain('check(\\"the token lives the documented 3600 s (expires_in and exp - iat, where given)\\"');
  });

  it('with no documented lifetime: only a positive expires_in where given, and a 300 s cache without one', () => {
    const text = postman(withAnswer({ format: 'opaque' }, undefined));
    expect(text).toContain('check(\\"expires_in, where given, is a positive number of seconds (no lifetime documented)\\"');
    expect(text).not.toContain('expires_in present');
    expect(text).toContain('Number(body.expires_in) : 300;');
  });
});

describe('the other clients', () => {
  it('Bruno reads id_token when documented; for another field it reads access_token and its docs say what fails', () => {
    expect(files(withAnswer({ field: 'id_token' }, undefined))['bruno/collection.bru']).toContain('token_source: id_token');
    const bru = files(EBAY_LIKE)['bruno/collection.bru']!;
    expect(bru).toContain('token_source: access_token');
    expect(bru).toContain('**Token field.** This API answers the token in `app_token`, but Bruno reads it only from `access_token` or `id_token`,');
    expect(bru).toContain('The token lives between 3000 and 7200 s;');
  });

  it('Insomnia, which reads only access_token, says so on the folder that holds the auth', () => {
    const all = files(EBAY_LIKE);
    expect(all['securithings.insomnia.yaml']).toContain('but Insomnia reads it only from `access_token`');
    expect(files(withAnswer({}, undefined))['securithings.insomnia.yaml']).not.toContain('Token field');
  });

  it('OpenAPI carries the token answer as x- extensions: format, token_type, field, a lifetime range', () => {
    const openapi = files(EBAY_LIKE)['securithings.openapi.yaml']!;
    expect(openapi).toMatch(
      /x-token-format: opaque\n\s+x-token-type: Application Access Token\n\s+x-token-field: app_token\n\s+x-token-lifetime-seconds:\n\s+min: 3000\n\s+max: 7200\n/,
    );
    expect(files(withAnswer({}, undefined))['securithings.openapi.yaml']).not.toContain('x-token-lifetime-seconds');
  });
});
