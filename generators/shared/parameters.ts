import type { Parameter } from '../../model/model.js';

/** The value a request is saved with: the example, else the default, else a valid placeholder. */
export function parameterValue(param: Parameter): string {
  const value = param.example ?? param.default ?? param.enum?.[0] ?? (param.type === 'flag' ? 1 : param.type === 'boolean' ? true : '');
  return String(value);
}

/** The parameter's description with its allowed values, default and range spelled out. */
export function parameterDescription(param: Parameter): string {
  const facts: string[] = [];
  if (param.enum) facts.push(`One of: ${param.enum.join(', ')}.`);
  if (param.type === 'flag') facts.push('1 = yes, 0 = no.');
  if (param.type === 'boolean') facts.push('true or false.');
  const range = rangeText(param);
  if (range) facts.push(range);
  if (param.default !== undefined) facts.push(`Default ${param.default}.`);
  return [param.description.trim(), ...facts].filter(Boolean).join(' ');
}

/** `1 to 1000.`, `At least 0.`, `At most 10.` */
function rangeText({ minimum: min, maximum: max }: Parameter): string | undefined {
  if (min !== undefined && max !== undefined) return `${min} to ${max}.`;
  if (min !== undefined) return `At least ${min}.`;
  if (max !== undefined) return `At most ${max}.`;
  return undefined;
}
