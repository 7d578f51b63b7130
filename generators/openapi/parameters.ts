// Model parameters -> OpenAPI parameter objects. Flags are the documented 1/0 integers.
import type { Parameter } from '../../model/model.js';

type Location = 'query' | 'path';

export function parameterSchema(param: Parameter): Record<string, unknown> {
  const schema: Record<string, unknown> =
    param.type === 'flag' ? { type: 'integer', enum: [0, 1] } : { type: param.type, ...(param.enum ? { enum: [...param.enum] } : {}) };
  if (param.minimum !== undefined) schema['minimum'] = param.minimum;
  if (param.maximum !== undefined) schema['maximum'] = param.maximum;
  if (param.default !== undefined) schema['default'] = param.default;
  return schema;
}

/** A usable example; `{{deviceId}}`-style tool variables are not examples of the value. */
function example(param: Parameter): string | number | undefined {
  const value = param.example;
  return typeof value === 'string' && value.includes('{{') ? undefined : value;
}

export function parameterObject(param: Parameter, location: Location): Record<string, unknown> {
  const flag = param.type === 'flag' ? ' `1` yes, `0` no.' : '';
  const value = example(param);
  return {
    name: param.name,
    in: location,
    required: location === 'path' ? true : param.required,
    description: `${param.description}${flag}`,
    schema: parameterSchema(param),
    ...(value !== undefined ? { example: value } : {}),
  };
}
