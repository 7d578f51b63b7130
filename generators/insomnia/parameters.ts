// A documented query parameter -> an Insomnia query pair (same shape in v4 and v5.1).
import type { Parameter } from '../model.js';

export interface QueryPair {
  name: string;
  value: string;
  description: string;
  /** Optional parameters are listed but switched off, so the request sends only what is required. */
  disabled: boolean;
}

/** The docs write boolean filters as 1 (yes) / 0 (no). */
const FLAG_ON = '1';

export function queryPair(param: Parameter): QueryPair {
  return { name: param.name, value: sampleValue(param), description: describeParameter(param), disabled: !param.required };
}

/** The example, else the default, else the first allowed value. */
export function sampleValue(param: Parameter): string {
  const value = param.example ?? param.default ?? param.enum?.[0] ?? (param.type === 'flag' ? FLAG_ON : '');
  return String(value);
}

export function describeParameter(param: Parameter): string {
  return [param.description.trim(), ...constraints(param)].filter((s) => s !== '').join(' ');
}

function constraints(param: Parameter): string[] {
  const notes: string[] = [];
  if (param.enum) notes.push(`Allowed values: ${param.enum.join(', ')}.`);
  if (param.type === 'flag') notes.push('Allowed values: 1 (yes), 0 (no).');
  const range = rangeText(param);
  if (range) notes.push(range);
  if (param.default !== undefined) notes.push(`Default: ${param.default}.`);
  if (param.required) notes.push('Required.');
  return notes;
}

function rangeText(param: Parameter): string | undefined {
  const { minimum: min, maximum: max } = param;
  if (min !== undefined && max !== undefined) return `Range: ${min} to ${max}.`;
  if (min !== undefined) return `Minimum: ${min}.`;
  if (max !== undefined) return `Maximum: ${max}.`;
  return undefined;
}
