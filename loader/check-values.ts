// Query and path values given in examples and cases: each names a parameter and fits it.
import { closest } from './closest.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawParameter, RawValues } from './raw.js';

/** Why a value does not fit a parameter, or undefined. Values with templates are taken as given (checkRequestValues judges those). */
export function valueProblem(value: string | number | boolean | string[], param: RawParameter): string | undefined {
  if (param.type === 'array') return listProblem(value, param);
  if (Array.isArray(value)) return `\`${param.name}\` takes one value, not a list (only an \`array\` parameter takes several)`;
  if (typeof value === 'string' && /\{[{%#]/.test(value)) return undefined;
  if (param.type === 'flag')
    return value === 0 || value === 1 || value === '0' || value === '1' ? undefined : `\`${param.name}\` is a 1/0 flag, not ${JSON.stringify(value)}`;
  if (param.type === 'boolean')
    return ['true', 'false'].includes(String(value)) ? undefined : `\`${param.name}\` is a boolean, sent as true or false, not ${JSON.stringify(value)}`;
  if (typeof value === 'boolean')
    return `\`${param.name}\` is ${param.type === 'integer' ? 'an integer' : 'a string'}, not ${value} (write true or false only for a boolean parameter)`;
  if (param.type === 'integer') {
    const n = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n)) return `\`${param.name}\` must be an integer, not ${JSON.stringify(value)}`;
    if (param.minimum !== undefined && n < param.minimum) return `\`${param.name}\` must be at least ${param.minimum}`;
    if (param.maximum !== undefined && n > param.maximum) return `\`${param.name}\` must be at most ${param.maximum}`;
    return undefined;
  }
  if (param.enum && !param.enum.includes(String(value))) return `\`${param.name}\` must be one of ${param.enum.join(', ')}`;
  return undefined;
}

/** An array parameter's value: a list of texts (or one text), each one of its `enum` when it has one. */
function listProblem(value: string | number | boolean | string[], param: RawParameter): string | undefined {
  if (typeof value !== 'string' && !Array.isArray(value)) return `\`${param.name}\` is a list of texts, e.g. [a, b], not ${JSON.stringify(value)}`;
  const wrong = (Array.isArray(value) ? value : [value]).find((v) => !/\{[{%#]/.test(v) && param.enum !== undefined && !param.enum.includes(v));
  return wrong === undefined ? undefined : `\`${param.name}\` holds ${JSON.stringify(wrong)}; each value must be one of ${param.enum!.join(', ')}`;
}

export function checkValues(values: RawValues | undefined, params: RawParameter[], path: NodePath, report: Report): void {
  for (const [name, value] of Object.entries(values ?? {})) {
    const param = params.find((p) => p.name === name);
    if (!param) {
      const hint = closest(
        name,
        params.map((p) => p.name),
      );
      report(
        'unknown-parameter',
        [...path, name],
        `no parameter \`${name}\`${hint ? ` (did you mean \`${hint}\`?)` : `; known: ${params.map((p) => p.name).join(', ') || 'none'}`}`,
        'key',
      );
      continue;
    }
    const problem = valueProblem(value, param);
    if (problem) report('invalid-value', [...path, name], problem);
  }
}
