// Response examples are kept only when they validate against their response's schema (the loader
// would refuse the description otherwise); each one dropped is a warning.
import type { RawEndpoint } from '../loader/raw.js';
import { namedValidators, type NamedValidator } from '../loader/schemas.js';
import type { JsonSchema } from '../model/model.js';
import type { ImportContext } from './context.js';
import type { ResponseDraft } from './operations.js';

/** The named schemas' validators, compiled once for the response and request-body examples alike. */
export type ExampleValidator = (name: string) => NamedValidator;

export function exampleValidator(schemas: Record<string, unknown>): ExampleValidator {
  return namedValidators(schemas as Record<string, JsonSchema>);
}

export function validExamples(ctx: ImportContext, validator: ExampleValidator): (endpoint: RawEndpoint, responses: ResponseDraft[]) => RawEndpoint['examples'] {
  return (endpoint, responses) => {
    const out: NonNullable<RawEndpoint['examples']> = [];
    for (const response of responses) {
      const schema = schemaName(endpoint.responses.find((r) => r.status === response.status)?.schema?.$ref);
      for (const example of response.examples) {
        const validate = schema === undefined ? undefined : validator(schema);
        if (typeof validate === 'function' && validate(example.body)) out.push({ name: example.name, status: response.status, body: example.body });
        else ctx.report.warnings.push(`${endpoint.id}: example "${example.name}" left out: ${whyNot(validate, 'its answer has no usable schema')}`);
      }
    }
    return out.length ? out : undefined;
  };
}

/** True when a request body's example matches the body's schema; else a warning says it was left out. */
export function validBodyExample(ctx: ImportContext, validator: ExampleValidator): (endpoint: RawEndpoint, example: unknown) => boolean {
  return (endpoint, example) => {
    const name = schemaName(endpoint.requestBody?.schema.$ref);
    const validate = name === undefined ? undefined : validator(name);
    if (typeof validate === 'function' && validate(example)) return true;
    ctx.report.warnings.push(`${endpoint.id}: the request body's example left out: ${whyNot(validate, 'its schema does not compile')}`);
    return false;
  };
}

const schemaName = (ref: string | undefined) => ref?.replace('#/schemas/', '');

function whyNot(validate: NamedValidator, noValidator: string): string {
  if (typeof validate !== 'function') return noValidator;
  const error = validate.errors?.[0];
  return `it does not match its schema (${error?.instancePath || '/'} ${error?.message ?? ''})`;
}
