// One endpoint -> one request .bru file (meta, http block, params, vars, assert, tests, docs).
import { VARIABLES, type ApiModel, type Endpoint, type Resource } from '../../model/model.js';
import { jsLiteral } from '../shared/js-literal.js';
import { parameterValue } from '../shared/parameters.js';
import { urlComponent } from '../shared/url-component.js';
import { endpointPath, mustache } from '../../model/urls.js';
import { bruFile, dictBlock, textBlock, type Pair } from './bru.js';
import { assertions, bodyExpression, schemaTest } from './checks.js';
import { requestDocs } from './docs.js';

/** Bruno marks path parameters as `/:name` and fills them from `params:path`. */
export function requestUrl(resource: Resource, endpoint: Endpoint): string {
  const path = endpointPath(resource, endpoint, mustache, (name) => `:${name}`);
  const enabled = endpoint.query.filter((param) => param.required);
  const query = enabled.map((param) => `${urlComponent(param.name)}=${urlComponent(parameterValue(param))}`).join('&');
  return `${mustache(VARIABLES.baseUrl)}${path}${query ? `?${query}` : ''}`;
}

/** Every documented query parameter; optional ones are disabled (`~`), required ones enabled. */
function queryPairs(endpoint: Endpoint): Pair[] {
  return endpoint.query.map((param) => ({ key: urlComponent(param.name), value: urlComponent(parameterValue(param)), enabled: param.required }));
}

function pathPairs(endpoint: Endpoint): Pair[] {
  return endpoint.pathParams.map((param) => ({ key: param.name, value: urlComponent(parameterValue(param)) }));
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

function optionalDict(name: string, pairs: Pair[]): string | undefined {
  return pairs.length > 0 ? dictBlock(name, pairs) : undefined;
}

export function requestBru(model: ApiModel, resource: Resource, endpoint: Endpoint, seq: number): string {
  const script = requiresScript(endpoint);
  const tests = schemaTest(model, endpoint);
  return bruFile([
    dictBlock('meta', [
      { key: 'name', value: endpoint.name },
      { key: 'type', value: 'http' },
      { key: 'seq', value: seq },
    ]),
    dictBlock(endpoint.method.toLowerCase(), [
      { key: 'url', value: requestUrl(resource, endpoint) },
      { key: 'body', value: 'none' },
      { key: 'auth', value: 'inherit' },
    ]),
    optionalDict('params:query', queryPairs(endpoint)),
    optionalDict('params:path', pathPairs(endpoint)),
    optionalDict('vars:post-response', captureVars(endpoint)),
    optionalDict('assert', assertions(model, endpoint)),
    script === undefined ? undefined : textBlock('script:pre-request', script),
    tests === undefined ? undefined : textBlock('tests', tests),
    textBlock('docs', requestDocs(endpoint)),
  ]);
}
