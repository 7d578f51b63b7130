// Each endpoint: path parameters that match its template, distinct parameters and statuses,
// `requires` that some endpoint captures, examples with documented statuses and fitting values.
import { capturedVariables } from '../model/captures.js';
import { templateNames } from '../model/urls.js';
import { checkUnique } from './check-ids.js';
import { checkValues, valueProblem } from './check-values.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawEndpoint, RawParameter, RawSpec } from './raw.js';

export function checkEndpoints(spec: RawSpec, report: Report): void {
  const captured = capturedVariables(spec);
  spec.resources.forEach((r, i) => r.endpoints.forEach((e, j) => checkEndpoint(e, ['resources', i, 'endpoints', j], captured, report)));
}

function checkEndpoint(endpoint: RawEndpoint, path: NodePath, captured: ReadonlyMap<string, unknown>, report: Report): void {
  const pathParams = endpoint.pathParams ?? [];
  checkTemplate(endpoint.path, pathParams, [...path, 'path'], report);
  const used = templateNames(endpoint.path);
  pathParams.forEach((p, i) => {
    if (!used.includes(p.name))
      report('unused-path-param', [...path, 'pathParams', i, 'name'], `path parameter \`${p.name}\` does not appear in path \`${endpoint.path}\``);
  });
  checkUnique(
    pathParams.map((p) => ({ id: p.name })),
    [...path, 'pathParams'],
    'path parameter',
    report,
    undefined,
    'name',
  );
  checkUnique(
    (endpoint.query ?? []).map((p) => ({ id: p.name })),
    [...path, 'query'],
    'query parameter',
    report,
    undefined,
    'name',
  );
  (endpoint.query ?? []).forEach((p, i) => checkParameter(p, [...path, 'query', i], report));
  checkUnique(
    endpoint.responses.map((r) => ({ id: String(r.status) })),
    [...path, 'responses'],
    'response',
    report,
    undefined,
    'status',
  );
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

function checkTemplate(template: string, params: { name: string }[], path: NodePath, report: Report): void {
  const names = templateNames(template);
  for (const name of names) {
    if (!params.some((p) => p.name === name)) {
      report('undefined-path-param', path, `path parameter \`{${name}}\` has no definition in pathParams`);
    }
  }
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
  if (param.type !== 'string' && param.type !== 'array' && param.enum)
    report('invalid-value', [...path, 'enum'], `enum applies to string and array parameters; \`${param.name}\` is ${param.type}`, 'key');
  if (param.type === 'array' && param.style === undefined)
    report(
      'invalid-value',
      path,
      `array parameter \`${param.name}\` needs \`style\`: \`repeated\` (\`?tag=a&tag=b\`) or \`comma\` (\`?tag=a,b\`), as the docs send it`,
      'key',
    );
  if (param.type !== 'array' && param.style !== undefined)
    report('invalid-value', [...path, 'style'], `\`style\` applies to array parameters; \`${param.name}\` is ${param.type}`, 'key');
}
