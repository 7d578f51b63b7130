// The OAuth 2.0 client credentials scheme, plus the facts OpenAPI has no field for as `x-` extensions.
import { defaultEnvironment, separateTokenHost, type ApiModel, type Auth, type RateLimit } from '../../model/model.js';
import { DEFAULT_TOKEN_FIELD, isFixed } from '../../model/token-answer.js';
import { templateNames } from '../../model/urls.js';

export const OAUTH2 = 'oauth2';
const TOKEN_BASIC = 'clientBasic';

export function rateLimitExtension(limit: RateLimit): Record<string, unknown> {
  return { requests: limit.requests, perSeconds: limit.perSeconds, per: [...limit.per] };
}

/**
 * The token URL template of the default (production) environment, on its token host, e.g.
 * `https://api.securithings.com/token/{organization}` or `https://{tenant}.login.example/oauth2/token`.
 */
export function tokenUrlTemplate(model: ApiModel): string {
  return `${defaultEnvironment(model).tokenBaseUrl}${model.auth.path}`;
}

/** Characters outside RFC 3986 (`%` stays: it already starts an escape). */
const NOT_URI = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g;

/**
 * `tokenUrl` must be a URI, and `{`/`}` are not URI characters: the template is written percent-encoded
 * (`/token/%7Borganization%7D`), which is what a tool reading the template would send anyway and still shows
 * a person where the value goes. The template itself travels in `x-token-url-template`.
 */
export function tokenUrl(model: ApiModel): string {
  return tokenUrlTemplate(model).replace(NOT_URI, (c) => encodeURIComponent(c));
}

function tokenUrlVariables(model: ApiModel): Record<string, { description: string }> {
  const host = templateNames(defaultEnvironment(model).tokenBaseUrl).map((name) => [name, { description: `Your ${name}, part of the token URL's host.` }]);
  const path = templateNames(model.auth.path).map((name) => [name, { description: `Your ${name} (tenant), a path segment of the token URL.` }]);
  return Object.fromEntries([...host, ...path]);
}

function templateNote(model: ApiModel): string[] {
  const names = [...new Set(templateNames(tokenUrlTemplate(model)))];
  if (names.length === 0) return separateHostNote(model);
  const placeholders = names.map((name) => `\`{${name}}\``).join(', ');
  return [
    '',
    `The token URL is the template \`${tokenUrlTemplate(model)}\` (\`x-token-url-template\`): replace ${placeholders} with your own value.`,
    `\`tokenUrl\` holds it with the braces percent-encoded, because braces are not allowed in a URI. On another server the token`,
    ...(separateTokenHost(model)
      ? [`endpoint is \`${model.auth.path}\` below that environment's token host (\`x-token-path\`), not below the API's server.`]
      : [`endpoint is \`${model.auth.path}\` below that server's URL (\`x-token-path\`).`]),
  ];
}

/** Where the token endpoint is when it is on another host than the API and its URL has no variables. */
function separateHostNote(model: ApiModel): string[] {
  if (!separateTokenHost(model)) return [];
  return [
    '',
    `The token endpoint is on a host of its own, not on the API's server: \`${model.auth.path}\` below each environment's token host (\`x-token-path\`).`,
  ];
}

export function oauth2Scheme(model: ApiModel): Record<string, unknown> {
  const { auth } = model;
  return {
    type: 'oauth2',
    description: [auth.description.trim(), ...templateNote(model)].join('\n'),
    flows: {
      clientCredentials: {
        tokenUrl: tokenUrl(model),
        scopes: Object.fromEntries(scopesOf(auth).map((s) => [s, `Asked for by every token request (\`scope=${auth.scope}\`).`])),
      },
    },
    'x-client-authentication': auth.clientAuthentication === 'basic' ? 'client_secret_basic' : 'client_secret_post',
    'x-token-url-template': tokenUrlTemplate(model),
    ...(auth.audience ? { 'x-audience': auth.audience } : {}),
    'x-token-path': auth.path,
    'x-token-url-variables': tokenUrlVariables(model),
    ...tokenAnswerExtensions(auth),
    'x-refresh-token': auth.refreshToken,
    ...(auth.rateLimit ? { 'x-rate-limit': rateLimitExtension(auth.rateLimit) } : {}),
    'x-token-body': auth.body,
    ...(Object.keys(auth.headers).length ? { 'x-token-headers': { ...auth.headers } } : {}),
    'x-token-prefix': auth.tokenPrefix,
    'x-token-expiry-skew-seconds': auth.expirySkewSeconds,
  };
}

/**
 * The documented token answer: `x-token-format` (jwt or opaque), `x-token-type` (its token_type, which need not be the
 * Authorization scheme), `x-token-field` when not access_token, and `x-token-lifetime-seconds` (a number, or
 * `{ min, max }` for a range; absent when the docs state none).
 */
function tokenAnswerExtensions(auth: Auth): Record<string, unknown> {
  const { token, lifetime } = auth;
  const seconds = lifetime && (isFixed(lifetime) ? lifetime.min : { min: lifetime.min, ...(lifetime.max !== undefined ? { max: lifetime.max } : {}) });
  return {
    'x-token-format': token.format,
    'x-token-type': token.type,
    ...(token.field !== DEFAULT_TOKEN_FIELD ? { 'x-token-field': token.field } : {}),
    ...(seconds !== undefined ? { 'x-token-lifetime-seconds': seconds } : {}),
  };
}

/** The scope tokens the description asks for (RFC 6749 section 3.3: space-separated). */
export function scopesOf(auth: Auth): string[] {
  return auth.scope ? auth.scope.split(' ') : [];
}

/** The token endpoint's own security: HTTP Basic, or none under client_secret_post (the client is in the body). */
export function tokenSecurity(auth: Auth): Record<string, string[]>[] {
  return auth.clientAuthentication === 'basic' ? [{ [TOKEN_BASIC]: [] }] : [];
}

export function securitySchemes(model: ApiModel): Record<string, unknown> {
  return {
    [OAUTH2]: oauth2Scheme(model),
    ...(model.auth.clientAuthentication === 'basic'
      ? { [TOKEN_BASIC]: { type: 'http', scheme: 'basic', description: 'The client id and secret as HTTP Basic, only for the token endpoint.' } }
      : {}),
  };
}
