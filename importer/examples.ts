// Response examples are kept only when they validate against their response's schema (the loader
// would refuse the description otherwise); each one dropped is a warning.
import type { RawEndpoint } from '../loader/raw.js';
import { namedValidators } from '../loader/schemas.js';
import type { JsonSchema } from '../model/model.js';
import type { ImportContext } from './context.js';
import type { ResponseDraft } from './operations.js';

export function validExamples(
  ctx: ImportContext,
  schemas: Record<string, unknown>,
): (endpoint: RawEndpoint, responses: ResponseDraft[]) => RawEndpoint['examples'] {
  const validator = namedValidators(schemas as Record<string, JsonSchema>);
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
  const validator = namedValidators(schemas as Record<string, JsonSchema>);
  return (endpoint, example) => {
    const name = endpoint.requestBody?.schema.$ref.replace('#/schemas/', '');
    const validate = name === undefined ? undefined : validator(name);
    if (typeof validate === 'function' && validate(example)) return true;
    ctx.report.warnings.push(
      `${endpoint.id}: the request body's example left out: ${typeof validate === 'function' ? `it does not match its schema (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message ?? ''})` : 'its schema does not compile'}`,
    );
    return false;
  };
}
