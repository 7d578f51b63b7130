// The collection pre-request script that makes OAuth 2.0 client credentials work headlessly.
// newman never fetches oauth2 tokens (it only signs with `accessToken`), so this script does:
// reuse a cached token while it is fresh for the same base URL + token-path variables + client
// id, otherwise POST the token endpoint once, the client authenticated as the description says
// (HTTP Basic, or client_id and client_secret in the form body), and cache token + expiry. It
// never prints the token or the secret.
import { filledVariables, hostVariables, tokenHostVariable, VARIABLES, type ApiModel, type Auth } from '../../../model/model.js';
import { mustache, templateNames } from '../../../model/urls.js';
import { jsLiteral } from '../../shared/js-literal.js';
import { CLIENT_FIELDS, describedFormFields, tokenHeaders } from '../../../model/token-form.js';
import { indent, pathExpression } from './js.js';
import { CACHE, cacheKeyJs, storeTokenJs, tokenInJs } from './cache.js';
import { MAX_RETRY_AFTER_SECONDS } from './recover.js';
import { tokenIntervalSeconds } from '../../../model/rate-limits.js';

export function tokenPrerequestScript(model: ApiModel): string[] {
  const { auth } = model;
  const minGapSeconds = Math.ceil(tokenIntervalSeconds(model));
  return `
// Fetches and caches the OAuth 2.0 client-credentials token (generated; see the collection description).
(function () {
  const ownAuth = pm.request.auth && pm.request.auth.type;
  if (ownAuth === 'noauth' || ownAuth === 'basic') return; // token requests and unauthenticated checks
  const label = ${jsLiteral(`${model.info.name} auth:`)};
  const vars = {};
  for (const name of ${jsLiteral([...hostVariables(model), ...filledVariables(auth), VARIABLES.clientSecret])}) vars[name] = pm.variables.get(name);${resolveHostsJs(model)}
  const missing = Object.keys(vars).filter((name) => !vars[name]);
  if (missing.length > 0) {
    console.warn(label + ' set ' + missing.join(', ') + ' in the environment to get a token.');
    return;
  }
  const key = ${cacheKeyJs(auth, hostVariables(model))};
  const now = Date.now();
  const expiresAt = Number(pm.collectionVariables.get(${jsLiteral(CACHE.expiresAt)}) || 0);
  if (pm.collectionVariables.get(${jsLiteral(CACHE.key)}) === key && pm.collectionVariables.get(${jsLiteral(CACHE.token)}) && expiresAt - ${jsLiteral(auth.expirySkewSeconds * 1000)} > now) return;
  if (pm.collectionVariables.get(${jsLiteral(CACHE.failedKey)}) === key) return; // refused once this run: do not hammer a rate-limited endpoint
  pm.collectionVariables.set(${jsLiteral(CACHE.token)}, '');
${clientAuthenticationJs(auth)}
  const request = {
    url: vars.${tokenHostVariable(model)} + ${pathExpression(auth.path, (name) => `encodeURIComponent(vars[${jsLiteral(name)}])`)},
    method: ${jsLiteral(auth.method)},
    header: [
${headerLines(auth)}
      { key: 'Accept', value: 'application/json' }
    ]${formBodyJs(auth)}
  };
  const store = (response) => {
    let body = {};
    try { body = response.json(); } catch (e) { /* reported below */ }
    const token = ${tokenInJs('body', auth.token.field)};
    if (response.code !== 200 || typeof token !== 'string' || token === '') {
      pm.collectionVariables.set(${jsLiteral(CACHE.failedKey)}, key);
      console.warn(label + ' the token request answered HTTP ' + response.code + '; requests will go out without a token.');
      return;
    }
${indent(storeTokenJs(auth.lifetime, { token: 'token', body: 'body', key: 'key' }), '    ')}
  };
  // pacing.send (scripts/pacing.ts): pm.sendRequest once the token endpoint's rate-limit window allows
  const send = (retriesLeft) => pacing.send(request, (error, response) => {
    if (error) {
      pm.collectionVariables.set(${jsLiteral(CACHE.failedKey)}, key);
      console.warn(label + ' the token request failed: ' + (error.code || error.message));
      return;
    }
    const after = Number(response.headers.get('Retry-After') || NaN);
    const wait = after >= 0 ? after : ${jsLiteral(minGapSeconds)};
    if (response.code === 429 && retriesLeft > 0 && wait <= ${jsLiteral(MAX_RETRY_AFTER_SECONDS)}) {
      console.warn(label + ' token endpoint rate limited; retrying in ' + wait + ' s.');
      setTimeout(() => send(retriesLeft - 1), wait * 1000);
      return;
    }
    store(response);
  });
  send(1);
})();
`
    .trim()
    .split('\n');
}

/** A host written with variables (https://{{tenant}}.auth0.com) resolved, as the app resolves them in URLs; nothing when no host has one. */
function resolveHostsJs(model: ApiModel): string {
  if (!model.environments.some((e) => templateNames(`${e.baseUrl}${e.tokenBaseUrl}`).length > 0)) return '';
  return `\n  for (const name of ${jsLiteral(hostVariables(model))}) if (typeof vars[name] === 'string') vars[name] = pm.variables.replaceIn(vars[name]);`;
}

/** `basic`: the Basic header's value; `post`: nothing here (the client goes in the form body). */
function clientAuthenticationJs(auth: Auth): string {
  if (auth.clientAuthentication !== 'basic') return '';
  return [
    `  const CryptoJS = require('crypto-js');`,
    `  const basic = CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(vars.clientId + ':' + vars.clientSecret));`,
  ].join('\n');
}

function headerLines(auth: Auth): string {
  return [
    ...(auth.clientAuthentication === 'basic' ? [`      { key: 'Authorization', value: 'Basic ' + basic },`] : []),
    ...tokenHeaders(auth).map(([k, v]) => `      { key: ${jsLiteral(k)}, value: ${jsLiteral(v)} },`),
  ].join('\n');
}

/** `,\n body: { mode: 'urlencoded', ... }` with the described fields (and the client under post), or nothing. */
function formBodyJs(auth: Auth): string {
  if (auth.body !== 'form') return '';
  // scope and audience may be built from variables (https://{{tenant}}.auth0.com/api/v2/): pm.sendRequest would send them as written
  const valueJs = (value: string) => (value.includes('{{') ? `pm.variables.replaceIn(${jsLiteral(value)})` : jsLiteral(value));
  const fields = describedFormFields(auth, mustache).map(([key, value]) => `{ key: ${jsLiteral(key)}, value: ${valueJs(value)} }`);
  if (auth.clientAuthentication === 'post') {
    fields.push(`{ key: ${jsLiteral(CLIENT_FIELDS.id)}, value: vars.clientId }`, `{ key: ${jsLiteral(CLIENT_FIELDS.secret)}, value: vars.clientSecret }`);
  }
  return `,\n    body: {\n      mode: 'urlencoded',\n      urlencoded: [\n${fields.map((f) => `        ${f}`).join(',\n')}\n      ]\n    }`;
}
