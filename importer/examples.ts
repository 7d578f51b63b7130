// Response examples are kept only when they validate against their response's schema (the loader
// would refuse the description otherwise); each one dropped is a warning.
import type { RawEndpoint } from '../loader/raw.js';
import { schemaCompiler, selfContained } from '../loader/schemas.js';
import type { JsonSchema } from '../model/model.js';
import type { ImportContext } from './context.js';
import type { ResponseDraft } from './operations.js';

const REF = /^#\/schemas\/([A-Za-z][A-Za-z0-9_]*)$/;

export function validExamples(
  ctx: ImportContext,
  schemas: Record<string, unknown>,
): (endpoint: RawEndpoint, responses: ResponseDraft[]) => RawEndpoint['examples'] {
  const compile = schemaCompiler();
  const contained = selfContained(schemas as Record<string, JsonSchema>, refsOf(schemas));
  const validators = new Map<string, ReturnType<typeof compile>>();
  const validator = (name: string) => {
    if (!validators.has(name)) validators.set(name, compile(contained[name]!));
    return validators.get(name)!;
  };
  return (endpoint, responses) => {
    const out: NonNullable<RawEndpoint['examples']> = [];
    for (const response of responses) {
      const schema = endpoint.responses.find((r) => r.status === response.status)?.schema?.$ref.replace('#/schemas/', '');
      for (const example of response.examples) {
        const validate = schema === undefined ? undefined : validator(schema);
        if (typeof validate === 'function' && validate(example.body)) out.push({ name: example.name, status: response.status, body: example.body });
        else
          ctx.report.warnings.push(
            `${endpoint.id}: example "${example.name}" left out: ${typeof validate === 'function' ? `it does not match its schema (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message ?? ''})` : 'its answer has no usable schema'}`,
          );
      }
    }
    return out.length ? out : undefined;
  };
}

/** True when a request body's example matches the body's schema; else a warning says it was left out. */
export function validBodyExample(ctx: ImportContext, schemas: Record<string, unknown>): (endpoint: RawEndpoint, example: unknown) => boolean {
  const compile = schemaCompiler();
  const contained = selfContained(schemas as Record<string, JsonSchema>, refsOf(schemas));
  return (endpoint, example) => {
    const name = endpoint.requestBody?.schema.$ref.replace('#/schemas/', '');
    const validate = name === undefined ? undefined : compile(contained[name]!);
    if (typeof validate === 'function' && validate(example)) return true;
    ctx.report.warnings.push(
      `${endpoint.id}: the request body's example left out: ${typeof validate === 'function' ? `it does not match its schema (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message ?? ''})` : 'its schema does not compile'}`,
    );
    return false;
  };
}

function refsOf(schemas: Record<string, unknown>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [name, schema] of Object.entries(schemas)) {
    const refs = new Set<string>();
    collect(schema, refs);
    out.set(name, refs);
  }
  return out;
}

function collect(node: unknown, refs: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collect(n, refs));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = REF.exec(value)?.[1];
      if (name) refs.add(name);
    } else if (key !== 'examples' && key !== 'enum' && key !== 'const' && key !== 'default') collect(value, refs);
  }
}
