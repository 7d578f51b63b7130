// Model parameters -> OpenAPI parameter objects. Flags are the documented 1/0 integers.
import type { Example, Parameter } from '../../model/model.js';

type Location = 'query' | 'path';

export function parameterSchema(param: Parameter): Record<string, unknown> {
  const schema: Record<string, unknown> =
    param.type === 'flag'
      ? { type: 'integer', enum: [0, 1] }
      : param.type === 'array'
        ? { type: 'array', items: { type: 'string', ...(param.enum ? { enum: [...param.enum] } : {}) } }
        : { type: param.type, ...(param.enum ? { enum: [...param.enum] } : {}) };
  if (param.minimum !== undefined) schema['minimum'] = param.minimum;
  if (param.maximum !== undefined) schema['maximum'] = param.maximum;
  if (param.default !== undefined) schema['default'] = param.default;
  return schema;
}

type Value = string | number | boolean | string[] | undefined;

/** `{{deviceId}}`-style tool variables are not examples of the value. */
function usable(value: Value): Value {
  const texts = Array.isArray(value) ? value : [value];
  return texts.some((v) => typeof v === 'string' && v.includes('{{')) ? undefined : value;
}

/** The parameter's own example, else the value of the endpoint's first example that sets it (examples hold text). */
function example(param: Parameter, location: Location, examples: readonly Example[]): Value {
  const given = examples.map((e) => (location === 'path' ? e.pathParams : e.query)[param.name]).find((v) => usable(v) !== undefined);
  const fromExamples =
    given === undefined || param.type === 'string' || param.type === 'array' ? given : param.type === 'boolean' ? given === 'true' : Number(given);
  return usable(param.example) ?? fromExamples;
}

export function parameterObject(param: Parameter, location: Location, examples: readonly Example[] = []): Record<string, unknown> {
  const flag = param.type === 'flag' ? ' `1` yes, `0` no.' : '';
  const value = example(param, location, examples);
  return {
    name: param.name,
    in: location,
    required: location === 'path' ? true : param.required,
    description: `${param.description}${flag}`,
    schema: parameterSchema(param),
    // An array as the docs send it: `repeated` is OpenAPI's exploded form (`tag=a&tag=b`), `comma` its unexploded one (`tag=a,b`).
    ...(param.type === 'array' ? { style: 'form', explode: param.style === 'repeated' } : {}),
    ...(value !== undefined ? { example: value } : {}),
    // The parameter's own example as described (a tool variable included), null when it has none.
    'x-example': param.example ?? null,
    ...(param.type === 'flag' ? { 'x-type': 'flag' } : {}),
    ...(param.field !== undefined ? { 'x-field': param.field } : {}),
  };
}
