// Get Devices semantics: query parameters checked against the model, filters ANDed, then paged.
import { INTEGER_MAXIMUM, INTEGER_MINIMUM } from '../model/integer-bounds.js';
import type { Parameter } from '../model/model.js';
import { ApiError } from './errors.js';
import type { Device } from './types.js';

type Value = string | number | boolean;

export interface ListQuery {
  /** Each filter names a device field by its dotted path: `probe.agent` -> device.probe.agent. */
  filters: Array<{ name: string; path: string[]; value: Value }>;
  limit: number;
  offset: number;
}

export interface DevicePage {
  devices: Device[];
  total: number;
}

const PAGING = new Set(['limit', 'offset']);
const DEFAULT_LIMIT = 100;

/** Checks every documented parameter; unknown parameters are ignored, as real APIs do. Throws a 400 ApiError. */
export function parseListQuery(params: readonly Parameter[], query: Record<string, unknown>): ListQuery {
  const result: ListQuery = { filters: [], limit: DEFAULT_LIMIT, offset: 0 };
  for (const param of params) {
    const value = parseParameter(param, query[param.name]);
    if (value === undefined) continue;
    if (param.name === 'limit') result.limit = Number(value);
    else if (param.name === 'offset') result.offset = Number(value);
    else if (!PAGING.has(param.name)) result.filters.push({ name: param.name, path: param.name.split('.'), value });
  }
  return result;
}

function parseParameter(param: Parameter, raw: unknown): Value | undefined {
  if (Array.isArray(raw)) throw badParameter(param, 'must be given at most once');
  if (raw === undefined) {
    if (param.required) throw badParameter(param, 'is required');
    return param.default;
  }
  const text = String(raw);
  switch (param.type) {
    case 'flag':
      if (text !== '1' && text !== '0') throw badParameter(param, 'must be 1 or 0');
      return text === '1';
    case 'integer':
      return parseInteger(param, text);
    case 'string':
      if (param.enum && !param.enum.includes(text)) throw badParameter(param, `must be one of ${param.enum.join(', ')}`);
      return text;
  }
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

export function listDevices(devices: readonly Device[], query: ListQuery): DevicePage {
  const matches = devices.filter((device) => query.filters.every((f) => fieldAt(device, f.path) === f.value));
  return { devices: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
}

function fieldAt(device: Device, path: readonly string[]): unknown {
  let node: unknown = device;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** One device of the caller's own tenant; `undefined` covers both missing and not accessible. */
export function findDevice(devices: readonly Device[], id: string): Device | undefined {
  return devices.find((d) => d.id === id);
}
