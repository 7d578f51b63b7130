// Values the description puts into requests (URLs, query and path values, headers) and into
// scripts are read by the clients' template engines: Postman and Bruno resolve `{{name}}`, Bruno
// also `{{process.env.NAME}}`, and Insomnia runs Nunjucks (`{% tag %}`, `{# #}`, any `{{ expression }}`).
// Such a value may name a variable the description defines (`{{deviceId}}`), never a credential
// or a variable the collection keeps internally, and may hold no other template. A capture, whose
// value the API's answer sets, may not overwrite any variable the collection sets itself.
import { VARIABLES } from '../model/model.js';
import { SCRIPT_VARIABLES } from '../model/script-variables.js';
import { pathVariableOf, specVariables } from './build-model.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawParameter, RawSpec, RawValues } from './raw.js';

/** Credentials, and the variables the generated Postman scripts keep for themselves. */
export const CREDENTIAL_VARIABLES: readonly string[] = [VARIABLES.clientId, VARIABLES.clientSecret, VARIABLES.accessToken, ...Object.values(SCRIPT_VARIABLES)];

/** A plain reference: `{{name}}`, `{{ name }}` or Insomnia's `{{ _.name }}`. */
const PLAIN_REFERENCE = /^\s*(?:_\.)?([A-Za-z_$][\w$.-]*)\s*$/;

interface Value {
  path: NodePath;
  value: unknown;
  /** The auth block is where credentials belong: its values are checked for templates only. */
  credentialsAllowed?: boolean;
}

export function checkRequestValues(spec: RawSpec, report: Report): void {
  for (const { path, value, credentialsAllowed } of requestValues(spec)) {
    if (typeof value !== 'string') continue;
    const problem = templateProblem(value, credentialsAllowed === true);
    if (problem) report(problem.code, path, problem.message);
  }
  checkCaptureNames(spec, report);
}

/** A captured `baseUrl` would let an answer choose where the credentials go next. */
function checkCaptureNames(spec: RawSpec, report: Report): void {
  const reserved = [
    VARIABLES.baseUrl,
    VARIABLES.tokenBaseUrl,
    ...specVariables(spec),
    ...CREDENTIAL_VARIABLES,
    ...spec.resources.map((r) => pathVariableOf(r.id)),
  ];
  spec.resources.forEach((r, i) =>
    r.endpoints.forEach((e, j) => {
      for (const name of Object.keys(e.capture ?? {})) {
        if (reserved.includes(name))
          report(
            'reserved-variable',
            ['resources', i, 'endpoints', j, 'capture', name],
            `\`${name}\` is a variable the collection sets; an answer may not overwrite it (capture into another name)`,
            'key',
          );
      }
    }),
  );
}

/** What is wrong with the templates in `value`, or undefined. */
export function templateProblem(value: string, credentialsAllowed: boolean): { code: 'template-tag' | 'credential-variable'; message: string } | undefined {
  const tag = /\{[%#]/.exec(value);
  if (tag)
    return {
      code: 'template-tag',
      message: `\`${tag[0]}\` starts a template tag, which Insomnia would run; a value may only reference a variable as \`{{name}}\``,
    };
  for (const [reference, inner = ''] of value.matchAll(/\{\{(.*?)\}\}/gs)) {
    const name = PLAIN_REFERENCE.exec(inner)?.[1];
    if (name === undefined) return { code: 'template-tag', message: `\`${reference}\` is an expression, not a variable reference; write \`{{name}}\`` };
    if (credentialsAllowed) continue;
    if (CREDENTIAL_VARIABLES.includes(name))
      return {
        code: 'credential-variable',
        message: `\`${reference}\` names a credential or a variable the collection keeps; only the auth block may use credentials`,
      };
    if (name.startsWith('process.env.'))
      return {
        code: 'credential-variable',
        message: `\`${reference}\` reads the environment of the process running the client; only variables the description defines may be referenced`,
      };
  }
  return undefined;
}

/** Every value, a list's items each on its own (an array parameter's values are sent one by one). */
function requestValues(spec: RawSpec): Value[] {
  return describedValues(spec).flatMap((v) => (Array.isArray(v.value) ? v.value.map((value, k) => ({ ...v, path: [...v.path, k], value })) : [v]));
}

function describedValues(spec: RawSpec): Value[] {
  return [
    ...authValues(spec),
    ...spec.environments.flatMap((env, i): Value[] => [
      { path: ['environments', i, 'baseUrl'], value: env.baseUrl },
      { path: ['environments', i, 'tokenBaseUrl'], value: env.tokenBaseUrl },
      ...entries(env.resourcePaths, ['environments', i, 'resourcePaths']),
      ...entries(env.values, ['environments', i, 'values']),
    ]),
    ...spec.resources.flatMap((r, i) => [
      { path: ['resources', i, 'basePath'], value: r.basePath },
      ...entries(r.headers, ['resources', i, 'headers']),
      ...r.endpoints.flatMap((e, j) => endpointValues(e, ['resources', i, 'endpoints', j])),
    ]),
    ...spec.contract.cases.flatMap((c, i): Value[] => [
      ...entries(c.query, ['contract', 'cases', i, 'query']),
      ...entries(c.pathParams, ['contract', 'cases', i, 'pathParams']),
      ...jsonValues(c.body, ['contract', 'cases', i, 'body']),
      ...(c.expect.everyItem ? [{ path: ['contract', 'cases', i, 'expect', 'everyItem', 'equals'], value: c.expect.everyItem.equals }] : []),
    ]),
  ];
}

function authValues(spec: RawSpec): Value[] {
  return [{ path: ['auth', 'path'], value: spec.auth.path }, ...entries(spec.auth.headers, ['auth', 'headers'])].map((v) => ({
    ...v,
    credentialsAllowed: true,
  }));
}

function endpointValues(endpoint: RawSpec['resources'][number]['endpoints'][number], path: NodePath): Value[] {
  return [
    { path: [...path, 'path'], value: endpoint.path },
    ...entries(endpoint.headers, [...path, 'headers']),
    ...(endpoint.pathParams ?? []).flatMap((p, k) => parameterValues(p, [...path, 'pathParams', k])),
    ...(endpoint.query ?? []).flatMap((p, k) => parameterValues(p, [...path, 'query', k])),
    ...jsonValues(endpoint.requestBody?.example, [...path, 'requestBody', 'example']),
    ...(endpoint.examples ?? []).flatMap((example, k) => [
      ...entries(example.query, [...path, 'examples', k, 'query']),
      ...entries(example.pathParams, [...path, 'examples', k, 'pathParams']),
    ]),
  ];
}

function parameterValues(param: RawParameter, path: NodePath): Value[] {
  return [
    { path: [...path, 'example'], value: param.example },
    { path: [...path, 'default'], value: param.default },
    ...(param.enum ?? []).map((value, k) => ({ path: [...path, 'enum', k], value })),
  ];
}

/** A request body's texts, its keys included: the clients fill `{{name}}` anywhere in the body they send. */
function jsonValues(value: unknown, path: NodePath): Value[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, k) => jsonValues(item, [...path, k]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [{ path: [...path, key], value: key }, ...jsonValues(item, [...path, key])]);
}

function entries(values: RawValues | Record<string, string> | undefined, path: NodePath): Value[] {
  return Object.entries(values ?? {}).map(([key, value]) => ({ path: [...path, key], value }));
}
