// Description bytes -> ApiModel, or a SpecError holding every problem with its position.
// Pure: the caller reads the file.
import type { ApiModel, JsonSchema } from '../model/model.js';
import { buildModel } from './build-model.js';
import { SpecError, type Diagnostic, type NodePath, type Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';
import { runSemanticChecks } from './semantic-checks.js';
import { readYaml, type Locator } from './read-yaml.js';
import { checkSchema, metaProblems, namedValidators, resolveRef, selfContained, type NamedValidator, type SchemaContext } from './schemas.js';
import { validateFormat } from './validate-format.js';

export { SpecError, formatDiagnostic, type Diagnostic } from './diagnostics.js';

export function loadSpec(bytes: Uint8Array, file: string): ApiModel {
  const source = readYaml(bytes, file);
  if (!('data' in source)) throw new SpecError([source]);
  try {
    return loadData(source.data, source);
  } catch (error) {
    const yamlProblem = error instanceof SpecError ? source.strictProblem() : undefined;
    throw yamlProblem ? new SpecError([yamlProblem]) : error;
  }
}

function loadData(raw: unknown, source: Locator): ApiModel {
  const { file } = source;
  const formatProblems = validateFormat(raw, source);
  if (formatProblems.length > 0) throw new SpecError(formatProblems);
  const spec = raw as RawSpec;

  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, path, message, at = 'value') => {
    diagnostics.push({ file, code, path, message, ...source.locate(path, at) });
  };
  const refsOf = checkNamedSchemas(spec, { source, names: new Set(Object.keys(spec.schemas)), report });
  runSemanticChecks(spec, report);
  throwIf(diagnostics);

  checkCompiled(spec, report);
  const schemas = selfContained(spec.schemas as Record<string, JsonSchema>, refsOf);
  throwIf(diagnostics);
  return buildModel(spec, file, schemas);
}

function throwIf(diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  throw new SpecError(unique.sort((a, b) => a.line - b.line || a.col - b.col));
}

function checkNamedSchemas(spec: RawSpec, ctx: SchemaContext): Map<string, Set<string>> {
  const refsOf = new Map<string, Set<string>>();
  for (const [name, schema] of Object.entries(spec.schemas)) {
    const path: NodePath = ['schemas', name];
    for (const problem of metaProblems(schema)) ctx.report('invalid-schema', [...path, ...problem.path], problem.message);
    refsOf.set(name, checkSchema(schema, path, ctx));
  }
  resolveRef(spec.auth.response.schema.$ref, ['auth', 'response', 'schema', '$ref'], ctx);
  spec.resources.forEach((r, i) =>
    r.endpoints.forEach((e, j) => {
      e.responses.forEach((res, k) => {
        if (res.schema) resolveRef(res.schema.$ref, ['resources', i, 'endpoints', j, 'responses', k, 'schema', '$ref'], ctx);
      });
      if (e.requestBody) resolveRef(e.requestBody.schema.$ref, ['resources', i, 'endpoints', j, 'requestBody', 'schema', '$ref'], ctx);
    }),
  );
  return refsOf;
}

function checkCompiled(spec: RawSpec, report: Report): void {
  const compile = namedValidators(spec.schemas as Record<string, JsonSchema>);
  const validators = new Map(Object.keys(spec.schemas).map((name) => [name, compile(name)]));
  for (const [name, compiled] of validators) if (typeof compiled === 'string') reportCompileError(name, compiled, report);
  const check = (ref: string | undefined, value: unknown, path: NodePath) =>
    checkExample(ref ? validators.get(ref.replace('#/schemas/', '')) : undefined, value, path, report);
  spec.resources.forEach((r, i) =>
    r.endpoints.forEach((e, j) => {
      const at: NodePath = ['resources', i, 'endpoints', j];
      (e.examples ?? []).forEach((example, k) =>
        check(e.responses.find((res) => res.status === example.status)?.schema?.$ref, example.body, [...at, 'examples', k, 'body']),
      );
      if (e.requestBody?.example !== undefined) check(e.requestBody.schema.$ref, e.requestBody.example, [...at, 'requestBody', 'example']);
    }),
  );
}

function checkExample(validate: NamedValidator | undefined, value: unknown, path: NodePath, report: Report): void {
  if (!validate || typeof validate === 'string' || validate(value)) return;
  const error = validate.errors![0]!;
  report(
    'invalid-example',
    [...path, ...error.instancePath.split('/').slice(1)],
    `example does not match its schema: ${error.instancePath || 'body'} ${error.message}`,
  );
}

// Ajv names the failing subschema as `at "#/pointer"`, within the schema's own body; point there.
function reportCompileError(name: string, message: string, report: Report): void {
  const pointer = /at (?:path )?"#(\/[^"]*)"/.exec(message)?.[1] ?? '';
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: NodePath = ['schemas', name, ...parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
  report('invalid-schema', path, `schema \`${name}\` does not compile as draft-07: ${message}`, parts.length === 0 ? 'key' : 'value');
}
