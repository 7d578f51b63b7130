// What a JSON Schema cannot say about a description: unique ids, path parameters that match
// their templates, cases and examples that name real endpoints, parameters and variables.
import type { DiagnosticCode, NodePath } from './diagnostics.js';
import type { RawEndpoint, RawParameter, RawSpec, RawValues } from './raw.js';
import { checkAuth } from './check-auth.js';
import { checkRequestValues } from './check-request-values.js';
import { checkServed } from './check-served.js';
import { closest } from './closest.js';
import { capturedVariables } from '../model/captures.js';
import { templateNames } from '../model/urls.js';

export type Report = (code: DiagnosticCode, path: NodePath, message: string, at?: 'key' | 'value') => void;

export function checkReferences(spec: RawSpec, report: Report): void {
  checkUnique(spec.environments, ['environments'], 'environment', report);
  checkUnique(spec.resources, ['resources'], 'resource', report);
  checkUnique(spec.contract.cases, ['contract', 'cases'], 'case', report);
  const endpoints = spec.resources.flatMap((r, i) => r.endpoints.map((e, j) => ({ e, path: ['resources', i, 'endpoints', j] as NodePath })));
  checkUnique(endpoints.map(({ e }) => e), [], 'endpoint', report, endpoints.map(({ path }) => path));

  checkAuth(spec, report);
  checkResourcePaths(spec, report);
  const captured = capturedVariables(spec);
  for (const { e, path } of endpoints) checkEndpoint(e, path, captured, report);
  checkCases(spec, report);
  checkRequestValues(spec, report);
  checkServed(spec, report);
}

/** Reports every item whose `field` (id, name, status) repeats an earlier one. */
function checkUnique(items: { id: string }[], path: NodePath, kind: string, report: Report, paths?: NodePath[], field = 'id'): void {
  const seen = new Map<string, NodePath>();
  items.forEach((item, i) => {
    const here = paths?.[i] ?? [...path, i];
    const first = seen.get(item.id);
    if (first) report('duplicate-id', [...here, field], `${kind} ${field} \`${item.id}\` is already used (first at ${pathText(first)})`);
    else seen.set(item.id, here);
  });
}

function pathText(path: NodePath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

function checkTemplate(template: string, params: { name: string }[], path: NodePath, report: Report): void {
  const names = templateNames(template);
  for (const name of names) {
    if (!params.some((p) => p.name === name)) {
      report('undefined-path-param', path, `path parameter \`{${name}}\` has no definition in pathParams`);
    }
  }
}

function checkResourcePaths(spec: RawSpec, report: Report): void {
  const ids = spec.resources.map((r) => r.id);
  spec.environments.forEach((env, i) => {
    for (const id of Object.keys(env.resourcePaths ?? {})) {
      if (!ids.includes(id)) report('unknown-key', ['environments', i, 'resourcePaths', id], `no resource has the id \`${id}\`; resources: ${ids.join(', ')}`, 'key');
    }
  });
}

function checkEndpoint(endpoint: RawEndpoint, path: NodePath, captured: ReadonlyMap<string, unknown>, report: Report): void {
  const pathParams = endpoint.pathParams ?? [];
  checkTemplate(endpoint.path, pathParams, [...path, 'path'], report);
  const used = templateNames(endpoint.path);
  pathParams.forEach((p, i) => {
    if (!used.includes(p.name)) report('unused-path-param', [...path, 'pathParams', i, 'name'], `path parameter \`${p.name}\` does not appear in path \`${endpoint.path}\``);
  });
  checkUnique(pathParams.map((p) => ({ id: p.name })), [...path, 'pathParams'], 'path parameter', report, undefined, 'name');
  checkUnique((endpoint.query ?? []).map((p) => ({ id: p.name })), [...path, 'query'], 'query parameter', report, undefined, 'name');
  (endpoint.query ?? []).forEach((p, i) => checkParameter(p, [...path, 'query', i], report));
  checkUnique(endpoint.responses.map((r) => ({ id: String(r.status) })), [...path, 'responses'], 'response', report, undefined, 'status');
  (endpoint.requires ?? []).forEach((name, i) => {
    if (!captured.has(name)) report('unknown-variable', [...path, 'requires', i], `no endpoint captures \`${name}\``);
  });
  (endpoint.examples ?? []).forEach((example, i) => {
    const statuses = endpoint.responses.map((r) => r.status);
    if (!statuses.includes(example.status)) {
      report('invalid-example', [...path, 'examples', i, 'status'], `the endpoint documents no ${example.status} response; documented: ${statuses.join(', ')}`);
    }
    checkValues(example.query, endpoint.query ?? [], [...path, 'examples', i, 'query'], report);
    checkValues(example.pathParams, pathParams, [...path, 'examples', i, 'pathParams'], report);
  });
}

function checkParameter(param: RawParameter, path: NodePath, report: Report): void {
  for (const key of ['default', 'example'] as const) {
    const value = param[key];
    if (value === undefined) continue;
    const problem = valueProblem(value, param);
    if (problem) report('invalid-value', [...path, key], problem);
  }
  if (param.minimum !== undefined && param.maximum !== undefined && param.minimum > param.maximum) {
    report('invalid-value', [...path, 'maximum'], `maximum ${param.maximum} is below minimum ${param.minimum}`);
  }
  if (param.type !== 'string' && param.enum) report('invalid-value', [...path, 'enum'], `enum applies to string parameters; \`${param.name}\` is ${param.type}`, 'key');
}

/** Why a value does not fit a parameter, or undefined. Values with templates are taken as given (checkRequestValues judges those). */
export function valueProblem(value: string | number, param: RawParameter): string | undefined {
  if (typeof value === 'string' && /\{[{%#]/.test(value)) return undefined;
  if (param.type === 'flag') return value === 0 || value === 1 || value === '0' || value === '1' ? undefined : `\`${param.name}\` is a 1/0 flag, not ${JSON.stringify(value)}`;
  if (param.type === 'integer') {
    const n = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n)) return `\`${param.name}\` must be an integer, not ${JSON.stringify(value)}`;
    if (param.minimum !== undefined && n < param.minimum) return `\`${param.name}\` must be at least ${param.minimum}`;
    if (param.maximum !== undefined && n > param.maximum) return `\`${param.name}\` must be at most ${param.maximum}`;
    return undefined;
  }
  if (param.enum && !param.enum.includes(String(value))) return `\`${param.name}\` must be one of ${param.enum.join(', ')}`;
  return undefined;
}

function checkValues(values: RawValues | undefined, params: RawParameter[], path: NodePath, report: Report): void {
  for (const [name, value] of Object.entries(values ?? {})) {
    const param = params.find((p) => p.name === name);
    if (!param) {
      const hint = closest(name, params.map((p) => p.name));
      report('unknown-parameter', [...path, name], `no parameter \`${name}\`${hint ? ` (did you mean \`${hint}\`?)` : `; known: ${params.map((p) => p.name).join(', ') || 'none'}`}`, 'key');
      continue;
    }
    const problem = valueProblem(value, param);
    if (problem) report('invalid-value', [...path, name], problem);
  }
}

function checkCases(spec: RawSpec, report: Report): void {
  spec.contract.cases.forEach((c, i) => {
    const path: NodePath = ['contract', 'cases', i];
    if (c.token !== undefined && c.endpoint !== undefined) {
      report('invalid-case', [...path, 'endpoint'], 'a case tests either the token endpoint (`token`) or an API endpoint (`endpoint`), not both', 'key');
      return;
    }
    if (c.token === undefined && c.endpoint === undefined) {
      report('invalid-case', path, 'a case needs `token` (to test the token endpoint) or `endpoint` (to test an API endpoint)');
      return;
    }
    if (c.token) {
      for (const key of ['auth', 'query', 'pathParams'] as const) {
        if (c[key] !== undefined) report('invalid-case', [...path, key], `\`${key}\` applies to endpoint cases, not token cases`, 'key');
      }
      if (c.expect.page || c.expect.everyItem) report('invalid-case', [...path, 'expect'], '`page` and `everyItem` apply to endpoint cases');
      return;
    }
    const endpoint = spec.resources.flatMap((r) => r.endpoints).find((e) => e.id === c.endpoint);
    if (!endpoint) {
      const ids = [...new Set(spec.resources.flatMap((r) => r.endpoints.map((e) => e.id)))];
      const hint = closest(c.endpoint!, ids);
      report('unknown-endpoint', [...path, 'endpoint'], `no endpoint has the id \`${c.endpoint}\`${hint ? ` (did you mean \`${hint}\`?)` : `; endpoints: ${ids.join(', ')}`}`);
      return;
    }
    checkValues(c.query, endpoint.query ?? [], [...path, 'query'], report);
    checkValues(c.pathParams, endpoint.pathParams ?? [], [...path, 'pathParams'], report);
    if (c.expect.schema && !endpoint.responses.some((r) => r.status === c.expect.status && r.schema)) {
      report('invalid-case', [...path, 'expect', 'schema'], `endpoint \`${endpoint.id}\` documents no schema for status ${c.expect.status}`);
    }
  });
}
