// Postman auth blocks. The collection's oauth2 block writes every key explicitly: the Postman
// app's "Get New Access Token" reads it, and importers fill missing keys differently
// (a missing addTokenTo makes Insomnia send credentials in the body).
import { VARIABLES, type ApiModel } from '../../model/model.js';
import { fillTemplate, mustache, tokenUrl as tokenUrlIn } from '../../model/urls.js';

export interface AuthAttribute {
  key: string;
  value: string | boolean | TokenRequestParam[];
  type: 'string' | 'boolean' | 'any';
}

/** An extra parameter of the app's token request, as the Postman app exports it. */
interface TokenRequestParam {
  key: string;
  value: string;
  enabled: true;
  send_as: 'request_body';
}

export type PostmanAuth =
  | { type: 'oauth2'; oauth2: AuthAttribute[] }
  | { type: 'basic'; basic: AuthAttribute[] }
  | { type: 'bearer'; bearer: AuthAttribute[] }
  | { type: 'noauth' };

const text = (key: string, value: string): AuthAttribute => ({ key, value, type: 'string' });

export function tokenUrl(model: ApiModel): string {
  return tokenUrlIn(model, mustache);
}

export function oauth2Auth(model: ApiModel): PostmanAuth {
  const { auth } = model;
  return {
    type: 'oauth2',
    oauth2: [
      text('grant_type', 'client_credentials'),
      text('accessTokenUrl', tokenUrl(model)),
      text('clientId', mustache(VARIABLES.clientId)),
      text('clientSecret', mustache(VARIABLES.clientSecret)),
      text('client_authentication', auth.clientAuthentication === 'basic' ? 'header' : 'body'),
      text('addTokenTo', 'header'),
      text('headerPrefix', model.auth.tokenPrefix),
      text('tokenName', `${model.info.name} token`),
      text('accessToken', mustache(VARIABLES.accessToken)),
      text('tokenType', model.auth.tokenPrefix.toLowerCase()),
      text('scope', fillTemplate(auth.scope ?? '', mustache)),
      text('refreshTokenUrl', ''),
      { key: 'useBrowser', value: false, type: 'boolean' },
      ...(auth.audience ? [audienceParam(fillTemplate(auth.audience, mustache))] : []),
    ],
  };
}

/** The audience travels in the app's token request body (there is no oauth2 key of its own for it). */
function audienceParam(audience: string): AuthAttribute {
  return { key: 'tokenRequestParams', value: [{ key: 'audience', value: audience, enabled: true, send_as: 'request_body' }], type: 'any' };
}

export function basicAuth(username: string, password: string): PostmanAuth {
  return { type: 'basic', basic: [text('username', username), text('password', password)] };
}

export function bearerAuth(token: string): PostmanAuth {
  return { type: 'bearer', bearer: [text('token', token)] };
}

/**
 * A fixed token sent under the documented scheme: Postman's Bearer Token auth always writes `Bearer`, so another
 * scheme (`Token`) goes through an OAuth 2.0 auth holding the token, whose `headerPrefix` is the scheme.
 */
export function tokenAuth(model: ApiModel, token: string): PostmanAuth {
  const scheme = model.auth.tokenPrefix;
  if (scheme.toLowerCase() === 'bearer') return bearerAuth(token);
  return {
    type: 'oauth2',
    oauth2: [text('accessToken', token), text('addTokenTo', 'header'), text('headerPrefix', scheme), text('tokenType', scheme.toLowerCase())],
  };
}

export const NO_AUTH: PostmanAuth = { type: 'noauth' };
