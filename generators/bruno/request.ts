// A request .bru file (meta, http block, params, headers, auth, body, vars, scripts, tests, docs),
// and the one each documented endpoint gets.
import { VARIABLES, isReadOnly, successResponse, type ApiModel, type Endpoint, type Resource } from '../../model/model.js';
import { endpointChecks } from '../shared/checks.js';
import { jsLiteral } from '../shared/js-literal.js';
import { parameterValue, queryPairs as sharedQueryPairs, savedQueryValue } from '../shared/parameters.js';
import { urlComponent } from '../shared/url-component.js';
import { endpointPath, mustache } from '../../model/urls.js';
import { requestHeaders } from '../shared/request-headers.js';
import { CONTENT_TYPE_JSON, documentedBodyText } from '../shared/request-body.js';
import { bruFile, dictBlock, textBlock, type Pair } from './bru.js';
import { bodyExpression, brunoTests, testsScript } from './checks.js';
import { requestDocs } from './docs.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { writeSkipNote } from '../shared/write-requests.js';
import { memo, type Memo } from '../shared/memo.js';

export type BruAuth = { mode: 'inherit' | 'none' } | { mode: 'basic'; username: string; password: string } | { mode: 'bearer'; token: string };

export interface BruRequestSpec {
  name: string;
  seq: number;
  method: string;
  url: string;
  auth: BruAuth;
  query?: Pair[];
  pathParams?: Pair[];
  headers?: Pair[];
  /** form-urlencoded fields; none = no body */
  form?: Pair[];
  /** A JSON body's text (`body:json`); none = no body */
  json?: string;
  captures?: Pair[];
  preRequest?: string;
  tests?: string;
  docs: string;
}

function optionalDict(name: string, pairs: Pair[] | undefined): string | undefined {
  return pairs && pairs.length > 0 ? dictBlock(name, pairs) : undefined;
}

function authBlock(auth: BruAuth): string | undefined {
  if (auth.mode === 'basic')
    return dictBlock('auth:basic', [
      { key: 'username', value: auth.username },
      { key: 'password', value: auth.password },
    ]);
  if (auth.mode === 'bearer') return dictBlock('auth:bearer', [{ key: 'token', value: auth.token }]);
  return undefined;
}

export function requestFile(spec: BruRequestSpec): string {
  const form = spec.form && spec.form.length > 0 ? spec.form : undefined;
  return bruFile([
    dictBlock('meta', [
      { key: 'name', value: spec.name },
      { key: 'type', value: 'http' },
      { key: 'seq', value: spec.seq },
    ]),
    dictBlock(spec.method.toLowerCase(), [
      { key: 'url', value: spec.url },
      { key: 'body', value: form ? 'formUrlEncoded' : spec.json !== undefined ? 'json' : 'none' },
      { key: 'auth', value: spec.auth.mode },
    ]),
    optionalDict('params:query', spec.query),
    optionalDict('params:path', spec.pathParams),
    optionalDict('headers', spec.headers),
    authBlock(spec.auth),
    optionalDict('body:form-urlencoded', form),
    spec.json === undefined ? undefined : textBlock('body:json', spec.json),
    optionalDict('vars:post-response', spec.captures),
    spec.preRequest === undefined ? undefined : textBlock('script:pre-request', spec.preRequest),
    spec.tests === undefined ? undefined : textBlock('tests', spec.tests),
    textBlock('docs', spec.docs),
  ]);
}

/** `{{baseUrl}}/{{devicesPath}}/:id?a=b`: Bruno marks path parameters as `/:name` and fills them from `params:path`; enabled query pairs go in the URL the CLI sends. */
export function requestUrl(resource: Resource, endpoint: Endpoint, query: readonly Pair[] = queryPairs(endpoint)): string {
  const path = endpointPath(resource, endpoint, mustache, (name) => `:${name}`);
  const enabled = query.filter((pair) => pair.enabled !== false).map((pair) => `${pair.key}=${pair.value}`);
  return `${mustache(VARIABLES.baseUrl)}${path}${enabled.length > 0 ? `?${enabled.join('&')}` : ''}`;
}

/** Every documented query parameter; optional ones are disabled (`~`), required ones enabled. */
export function queryPairs(endpoint: Endpoint): Pair[] {
  return endpoint.query.flatMap((param) => sharedQueryPairs(param, param.name, savedQueryValue(param)).map((pair) => ({ ...pair, enabled: param.required })));
}

/** The documented headers, and `Content-Type` with the JSON body when the request sends one (`json`, else the documented body). */
export function headersOf(endpoint: Endpoint, json = documentedBodyText(endpoint)): { headers?: Pair[]; json?: string } {
  const named = [...requestHeaders(endpoint, mustache), ...(json === undefined ? [] : [CONTENT_TYPE_JSON])];
  const headers = named.map(([key, value]) => ({ key, value }));
  return { ...(headers.length > 0 ? { headers } : {}), ...(json === undefined ? {} : { json }) };
}

/** Each path parameter with its documented value, or the one given. */
export function pathPairs(endpoint: Endpoint, given: Record<string, string> = {}): Pair[] {
  return endpoint.pathParams.map((param) => ({ key: param.name, value: urlComponent(given[param.name] ?? parameterValue(param)) }));
}

/** `devices[0].id` -> `res.body.devices?.[0]?.id`: no error when the list is empty. */
export function captureExpression(path: string): string {
  return bodyExpression(path.replace(/\./g, '?.').replace(/\[/g, '?.['));
}

function captureVars(endpoint: Endpoint): Pair[] {
  return Object.entries(endpoint.capture).map(([name, path]) => ({ key: name, value: captureExpression(path) }));
}

/** Skips the request, visibly, when a variable it needs (e.g. `deviceId`) is not set. */
function requiresScript(endpoint: Endpoint): string | undefined {
  if (endpoint.requires.length === 0) return undefined;
  const missing = endpoint.requires.map((name) => `!bru.getVar(${jsLiteral(name)}) && !bru.getEnvVar(${jsLiteral(name)})`).join(' || ');
  return [
    '// Skipped unless every variable it needs is set (captured by an earlier request or set in the environment).',
    `if (${missing}) {`,
    `  console.log(${jsLiteral(`Skipping ${endpoint.name}: ${endpoint.requires.join(', ')} not set`)});`,
    '  bru.runner.skipRequest();',
    '}',
  ].join('\n');
}

/** Skips a documented write request, saying why, in the kit's contract run (`bru run` with the run's environment). */
function writeSkipScript(endpoint: Endpoint): string | undefined {
  if (isReadOnly(endpoint)) return undefined;
  const name = jsLiteral(SCRIPT_VARIABLES.contractRun);
  return [
    `if (bru.getEnvVar(${name}) === 'on' || bru.getVar(${name}) === 'on') {`,
    `  console.log(${jsLiteral(writeSkipNote(endpoint))});`,
    '  bru.runner.skipRequest();',
    '}',
  ].join('\n');
}

/** The `tests` script, written once per distinct list of checks (`scripts`: one per run): endpoints that answer alike share it. */
function endpointTests(model: ApiModel, endpoint: Endpoint, status: number, scripts: Memo<string>): string {
  const checks = endpointChecks(model, endpoint);
  return scripts(JSON.stringify(checks), () => testsScript(status, brunoTests(model, checks)));
}

export function requestBru(model: ApiModel, resource: Resource, endpoint: Endpoint, seq: number, scripts: Memo<string> = memo()): string {
  const success = successResponse(endpoint);
  const preRequest = [writeSkipScript(endpoint), requiresScript(endpoint)].filter((s) => s !== undefined).join('\n');
  return requestFile({
    name: endpoint.name,
    seq,
    method: endpoint.method,
    url: requestUrl(resource, endpoint),
    auth: { mode: 'inherit' },
    query: queryPairs(endpoint),
    pathParams: pathPairs(endpoint),
    ...headersOf(endpoint),
    captures: captureVars(endpoint),
    ...(preRequest ? { preRequest } : {}),
    ...(success ? { tests: endpointTests(model, endpoint, success.status, scripts) } : {}),
    docs: requestDocs(endpoint),
  });
}
