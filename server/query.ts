// Query parameters checked against the model: each documented one parsed by its type and range;
// unknown parameters are ignored, as real APIs do.
import { INTEGER_MAXIMUM, INTEGER_MINIMUM } from '../model/integer-bounds.js';
import type { Parameter } from '../model/model.js';
import { ApiError } from './errors.js';

export type Value = string | number | boolean | string[];

/** Every documented parameter given or defaulted, by name. Throws a 400 ApiError. */
export function parseQuery(params: readonly Parameter[], query: Record<string, unknown>): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const param of params) {
    const value = parseParameter(param, query[param.name]);
    if (value !== undefined) values.set(param.name, value);
  }
  return values;
}

function parseParameter(param: Parameter, raw: unknown): Value | undefined {
  if (param.type === 'array' && raw !== undefined) return parseList(param, raw);
  if (Array.isArray(raw)) throw badParameter(param, 'must be given at most once');
  if (raw === undefined) {
    if (param.required) throw badParameter(param, 'is required');
    return defaultValue(param);
  }
  const text = String(raw);
  switch (param.type) {
    case 'flag':
      if (text !== '1' && text !== '0') throw badParameter(param, 'must be 1 or 0');
      return text === '1';
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw badParameter(param, 'must be true or false');
      return text === 'true';
    case 'integer':
      return parseInteger(param, text);
    case 'string':
      if (param.enum && !param.enum.includes(text)) throw badParameter(param, `must be one of ${param.enum.join(', ')}`);
      return text;
  }
}

/** An array's values: the parameter once per value (`repeated`), or once with the values separated by commas (`comma`); each one of the enum when there is one. */
function parseList(param: Parameter, raw: unknown): string[] {
  if (param.style === 'comma' && Array.isArray(raw)) throw badParameter(param, 'must be given once, its values separated by commas');
  const values = param.style === 'comma' ? String(raw).split(',') : (Array.isArray(raw) ? raw : [raw]).map(String);
  const wrong = param.enum ? values.find((v) => !param.enum!.includes(v)) : undefined;
  if (wrong !== undefined) throw badParameter(param, `holds ${JSON.stringify(wrong)}; each value must be one of ${param.enum!.join(', ')}`);
  return values;
}

/** The documented default as the parsed value would be: a number for an integer, true/false for a yes/no. */
function defaultValue(param: Parameter): Value | undefined {
  if (param.default === undefined) return undefined;
  if (param.type === 'integer') return Number(param.default);
  if (param.type === 'boolean') return String(param.default) === 'true';
  if (param.type === 'flag') return String(param.default) === '1';
  return param.default;
}

/** A whole number within the parameter's documented range; a bound the description leaves open is a 32-bit one. */
function parseInteger(param: Parameter, text: string): number {
  const minimum = param.minimum ?? INTEGER_MINIMUM;
  const maximum = param.maximum ?? INTEGER_MAXIMUM;
  const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= minimum && value <= maximum)) throw badParameter(param, `must be an integer from ${minimum} to ${maximum}`);
  return value;
}

function badParameter(param: Parameter, problem: string): ApiError {
  return new ApiError(400, 'invalid_request', `query parameter \`${param.name}\` ${problem}`);
}
