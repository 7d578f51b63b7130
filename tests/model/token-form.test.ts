import { describe, expect, it } from 'vitest';
import type { Auth } from '../../model/model.js';
import { contentTypeHeader, describedFormFields, FORM_CONTENT_TYPE, tokenFormFields, tokenHeaders } from '../../model/token-form.js';
import { fixtureModel } from '../support/model.js';

const CLIENT = { id: '{{clientId}}', secret: '{{clientSecret}}' };
const auth = (part: Partial<Auth>): Auth => ({ ...fixtureModel().auth, ...part });

describe('the token request body', () => {
  it('is empty without a form body, whatever the client authentication', () => {
    expect(tokenFormFields(auth({ body: 'none' }), CLIENT)).toEqual([]);
    expect(describedFormFields(auth({ body: 'none', scope: 'read' }))).toEqual([]);
  });

  it('is grant_type, then scope and audience when given, then the client under client_secret_post', () => {
    const form = auth({ body: 'form', clientAuthentication: 'post', scope: 'read write', audience: 'https://api' });
    expect(tokenFormFields(form, CLIENT)).toEqual([
      ['grant_type', 'client_credentials'],
      ['scope', 'read write'],
      ['audience', 'https://api'],
      ['client_id', '{{clientId}}'],
      ['client_secret', '{{clientSecret}}'],
    ]);
    expect(tokenFormFields(auth({ body: 'form', clientAuthentication: 'basic' }), CLIENT)).toEqual([['grant_type', 'client_credentials']]);
    expect(tokenFormFields(form, undefined)).toEqual(describedFormFields(form));
  });
});

describe('the token request headers', () => {
  it("are the described ones, plus the form's Content-Type when a form body sets none", () => {
    expect(tokenHeaders(auth({ body: 'none', headers: { Accept: 'application/json' } }))).toEqual([['Accept', 'application/json']]);
    expect(tokenHeaders(auth({ body: 'form', headers: {} }))).toEqual([['Content-Type', FORM_CONTENT_TYPE]]);
    expect(tokenHeaders(auth({ body: 'form', headers: { 'content-type': `${FORM_CONTENT_TYPE}; charset=utf-8` } }))).toEqual([
      ['content-type', `${FORM_CONTENT_TYPE}; charset=utf-8`],
    ]);
  });

  it('finds the Content-Type header in any case', () => {
    expect(contentTypeHeader({ 'CONTENT-TYPE': 'text/plain' })).toEqual(['CONTENT-TYPE', 'text/plain']);
    expect(contentTypeHeader({ Accept: 'x' })).toBeUndefined();
  });
});
