import { filledVariables, VARIABLES, type Auth, type Lifetime } from '../../../model/model.js';
import { SCRIPT_VARIABLES } from '../../../model/script-variables.js';
import { cacheFallbackSeconds, DEFAULT_TOKEN_FIELD } from '../../../model/token-answer.js';
import { fieldJs, jsLiteral } from '../../shared/js-literal.js';

/** Collection variables the generated scripts share. The token's is the name every client uses. */
export const CACHE = {
  token: VARIABLES.accessToken,
  expiresAt: SCRIPT_VARIABLES.tokenExpiresAt,
  key: SCRIPT_VARIABLES.tokenKey,
  failedKey: SCRIPT_VARIABLES.tokenFailedKey,
  retrying: SCRIPT_VARIABLES.retrying,
  retried: SCRIPT_VARIABLES.retried,
} as const;

/** Sandbox source of the key a token is cached under: its hosts (see hostVariables), the description's variables and the client. */
export function cacheKeyJs(auth: Auth, hosts: readonly string[] = [VARIABLES.baseUrl]): string {
  return `[${[...hosts, ...filledVariables(auth)].map((name) => `pm.variables.get(${jsLiteral(name)})`).join(', ')}].join(' ')`;
}

/**
 * Sandbox source that caches the token held by `token`, with the lifetime the answer `body`
 * gives (else the shortest documented one, else a short default), under the key held by `key`. Both the pre-request script and
 * the token request's own test use it, so they cannot drift apart.
 */
export function storeTokenJs(documented: Lifetime | undefined, names: { token: string; body: string; key: string }): string[] {
  return [
    `const lifetime = Number(${names.body}.expires_in) > 0 ? Number(${names.body}.expires_in) : ${jsLiteral(cacheFallbackSeconds(documented))};`,
    `pm.collectionVariables.set(${jsLiteral(CACHE.token)}, ${names.token});`,
    `pm.collectionVariables.set(${jsLiteral(CACHE.expiresAt)}, String(Date.now() + lifetime * 1000));`,
    `pm.collectionVariables.set(${jsLiteral(CACHE.key)}, ${names.key});`,
  ];
}

/** Sandbox source of the token in an answer `body`: the documented field; for RFC 6749's access_token, else `token`. */
export const tokenInJs = (body: string, field: string) =>
  field === DEFAULT_TOKEN_FIELD ? `(${body} && (${body}.access_token || ${body}.token))` : `(${body} && ${fieldJs(body, field)})`;

/** Sandbox source of `object`'s member `field`: `.field` for a plain name, else `[<field as data>]`. */
