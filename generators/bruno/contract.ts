// The requests Bruno carries besides the documented endpoints, as the Postman collection does: the
// token request with the token answer's checks (`Auth`), and a request per contract case (`Contract
// checks`), each with the same named checks.
import { findEndpoint, VARIABLES, type ApiModel, type ContractCase, type TokenCredentials } from '../../model/model.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { tokenFormFields, tokenHeaders } from '../../model/token-form.js';
import { mustache, tokenUrl } from '../../model/urls.js';
import { caseChecks, contentTypeCheck, jsonCheck, pageTwoChecks, schemaCheck, statusCheck, timeCheck } from '../shared/checks.js';
import { hasPageTwo, pageTwoName, pageTwoQuery, pageWalk, type PageWalk } from '../shared/page-walk.js';
import { pageOneStep, pageOneStore, pageTwoPrelude, pageTwoPrerequest } from '../shared/page-script.js';
import { UNSIGNED_TOKEN, WRONG_SECRET } from '../shared/contract-values.js';
import { jsLiteral } from '../shared/js-literal.js';
import { givenQueryPairs } from '../shared/parameters.js';
import { BRUNO_SCRIPT_API, brunoTests, testsScript } from './checks.js';
import { credentialsId } from './collection.js';
import { headersOf, pathPairs, requestFile, requestUrl, type BruAuth, type BruRequestSpec } from './request.js';
import type { Pair } from './bru.js';
import { tokenScriptTests } from '../shared/script-tests.js';
import { bodyText } from '../shared/request-body.js';

export const AUTH_FOLDER = 'Auth';
export const CONTRACT_FOLDER = 'Contract checks';
export const TOKEN_REQUEST = 'Get access token';

const ACCEPT_JSON = { key: 'Accept', value: 'application/json' };

/** The token request with the credentials a check sends: the real ones, a wrong secret, or none. */
function tokenSpec(model: ApiModel, credentials: TokenCredentials): Omit<BruRequestSpec, 'name' | 'seq' | 'docs'> {
  const { auth } = model;
  const secret = credentials === 'valid' ? mustache(VARIABLES.clientSecret) : WRONG_SECRET;
  const client = credentials === 'none' ? undefined : { id: mustache(VARIABLES.clientId), secret };
  const basic: BruAuth = auth.clientAuthentication === 'basic' && client ? { mode: 'basic', username: client.id, password: secret } : { mode: 'none' };
  return {
    method: auth.method,
    url: tokenUrl(model, mustache),
    auth: basic,
    headers: [...tokenHeaders(auth).map(([key, value]) => ({ key, value })), ACCEPT_JSON],
    form: tokenFormFields(auth, client, mustache).map(([key, value]) => ({ key, value })),
  };
}

/**
 * `bru run` reports (JSON, HTML) keep each answer's body: once checked, the token in it is replaced,
 * so a report says a token came, never what it was. Bruno signs the other requests with its own.
 */
/** Checked above; the report keeps the answer without the token itself, under the documented field. */
function hideToken(field: string): string {
  return [
    '// Checked above; the report keeps the answer without the token itself.',
    `if (body && typeof body === 'object') res.setBody(Object.assign({}, body, { [${jsLiteral(field)}]: '[hidden]' }));`,
  ].join('\n');
}

export function tokenRequestBru(model: ApiModel): string {
  const checks = [statusCheck(200), jsonCheck(), contentTypeCheck(), schemaCheck(model.auth.responseSchema), timeCheck(model.contract.responseTimeMs)];
  return requestFile({
    name: TOKEN_REQUEST,
    seq: 1,
    ...tokenSpec(model, 'valid'),
    tests: `${testsScript(200, brunoTests(model, checks, tokenScriptTests(model.auth, 'expect')))}\n\n${hideToken(model.auth.token.field)}`,
    docs: `${model.auth.description.trim()}\n\nThe other requests do not need it: Bruno fetches its own token (collection Auth tab).`,
  });
}

/** Puts Bruno's own token, with its signature altered, in a request variable the case sends as its bearer. */
function tamperScript(model: ApiModel): string {
  return [
    `const token = bru.getOauth2CredentialVar(${jsLiteral(`$oauth2.${credentialsId(model)}.access_token`)}) || ${jsLiteral(UNSIGNED_TOKEN)};`,
    "const [header, claims, signature = ''] = String(token).split('.');",
    "const altered = signature.split('').map((c, i) => (i % 3 === 0 ? (c === 'A' ? 'B' : 'A') : c)).join('') || 'AAAA';",
    `bru.setVar(${jsLiteral(SCRIPT_VARIABLES.tamperedToken)}, [header, claims, altered].join('.'));`,
  ].join('\n');
}

/**
 * The altered token under the documented scheme: Bruno's Bearer auth always writes `Bearer`, so another scheme
 * (`Token`) is sent as an `Authorization` header of the request, with no auth of its own.
 */
function tamperedAuth(model: ApiModel): { auth: BruAuth; headers?: Pair[] } {
  const token = mustache(SCRIPT_VARIABLES.tamperedToken);
  const scheme = model.auth.tokenPrefix;
  if (scheme.toLowerCase() === 'bearer') return { auth: { mode: 'bearer', token } };
  return { auth: { mode: 'none' }, headers: [{ key: 'Authorization', value: `${scheme} ${token}` }] };
}

function caseSpec(model: ApiModel, c: ContractCase): Omit<BruRequestSpec, 'name' | 'seq' | 'docs'> {
  const target = c.target;
  if (target.kind === 'token') return tokenSpec(model, target.credentials);
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const query = givenQueryPairs(endpoint.query, target.query);
  const tampered = target.auth === 'tampered' ? tamperedAuth(model) : undefined;
  const auth: BruAuth = target.auth === 'none' ? { mode: 'none' } : (tampered?.auth ?? { mode: 'inherit' });
  const { headers, ...body } = headersOf(endpoint, target.body === undefined ? undefined : bodyText(target.body));
  const allHeaders = [...(tampered?.headers ?? []), ...(headers ?? [])];
  return {
    method: endpoint.method,
    url: requestUrl(resource, endpoint, query),
    auth,
    query,
    pathParams: pathPairs(endpoint, target.pathParams),
    ...(allHeaders.length > 0 ? { headers: allHeaders } : {}),
    ...body,
    ...(target.auth === 'tampered' ? { preRequest: tamperScript(model) } : {}),
  };
}

export function caseBru(model: ApiModel, c: ContractCase, seq: number): string {
  const walk = pageWalk(model, c);
  const around = walk
    ? { prelude: pageOneStep(walk, BRUNO_SCRIPT_API, 'answered'), ...(hasPageTwo(walk) ? { after: pageOneStore(BRUNO_SCRIPT_API) } : {}) }
    : {};
  return requestFile({
    name: c.name,
    seq,
    ...caseSpec(model, c),
    tests: testsScript(c.expect.status, brunoTests(model, caseChecks(model, c)), around),
    docs: c.basis ? `Basis: ${c.basis}.` : 'A contract case.',
  });
}

/** Page 2 of a paging case (generators/shared/page-walk.ts): skipped, saying why, when page 1 left no way to it. */
export function pageTwoBru(model: ApiModel, c: ContractCase, walk: PageWalk, seq: number): string {
  const target = c.target as Extract<ContractCase['target'], { kind: 'endpoint' }>;
  const { resource, endpoint } = findEndpoint(model, target.endpoint)!;
  const given = pageTwoQuery(walk, target.query, mustache(SCRIPT_VARIABLES.pageNext));
  const query = given ? givenQueryPairs(endpoint.query, given) : undefined;
  return requestFile({
    name: pageTwoName(c),
    seq,
    method: endpoint.method,
    url: query ? requestUrl(resource, endpoint, query) : `${mustache(VARIABLES.baseUrl)}/${mustache(SCRIPT_VARIABLES.pageNext)}`,
    auth: target.auth === 'none' ? { mode: 'none' } : { mode: 'inherit' },
    ...(query ? { query, pathParams: pathPairs(endpoint, target.pathParams) } : {}),
    ...headersOf(endpoint),
    preRequest: pageTwoPrerequest(walk, BRUNO_SCRIPT_API, pageTwoName(c)).join('\n'),
    tests: testsScript(c.expect.status, brunoTests(model, pageTwoChecks(model, c)), {
      prelude: pageTwoPrelude(BRUNO_SCRIPT_API),
      after: [`${BRUNO_SCRIPT_API.set(jsLiteral(SCRIPT_VARIABLES.pageState), "''")};`],
    }),
    docs: 'Page 2 of the case before it, reached the way the endpoint pages; skipped, saying why, when page 1 said there is no more.',
  });
}
