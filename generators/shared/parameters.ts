import type { Parameter } from '../model.js';

/** The value a request is saved with: the example, else the default, else a valid placeholder. */
export function parameterValue(param: Parameter): string {
  const value = param.example ?? param.default ?? param.enum?.[0] ?? (param.type === 'flag' ? 1 : '');
  return String(value);
}

/** The parameter's description with its allowed values, default and range spelled out. */
export function parameterDescription(param: Parameter): string {
  const facts: string[] = [];
  if (param.enum) facts.push(`One of: ${param.enum.join(', ')}.`);
  if (param.type === 'flag') facts.push('1 = yes, 0 = no.');
  if (param.minimum !== undefined || param.maximum !== undefined) {
    facts.push(`${param.minimum ?? '...'} to ${param.maximum ?? '...'}.`);
  }
  if (param.default !== undefined) facts.push(`Default ${param.default}.`);
  return [param.description.trim(), ...facts].filter(Boolean).join(' ');
}
