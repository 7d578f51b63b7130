import type { Parameter, QueryValue } from '../../model/model.js';
import { urlComponent } from './url-component.js';

/** A query pair as written into a client: key and value percent-encoded, `{{variable}}`s kept. */
export interface EncodedPair {
  key: string;
  value: string;
}

/** The value a request is saved with: the example, else the default, else a valid placeholder. */
export function parameterValue(param: Parameter): string {
  const value = param.example ?? param.default ?? param.enum?.[0] ?? (param.type === 'flag' ? 1 : param.type === 'boolean' ? true : '');
  return String(value);
}

/** The value a saved query parameter is sent with; an array's is a list (its example, else its first allowed value). */
export function savedQueryValue(param: Parameter): QueryValue {
  if (param.type !== 'array') return parameterValue(param);
  return Array.isArray(param.example) ? param.example : [param.example === undefined ? (param.enum?.[0] ?? '') : String(param.example)];
}

/**
 * The pairs a query value is sent as: one per value of a `repeated` array (`tag=a&tag=b`), the
 * values joined by a literal `,` for a `comma` one (`tag=a,b`; a `,` inside a value is encoded).
 */
export function queryPairs(param: Pick<Parameter, 'style'> | undefined, name: string, value: QueryValue): EncodedPair[] {
  const key = urlComponent(name);
  const values = Array.isArray(value) ? value : [value];
  if (param?.style === 'repeated') return values.map((v) => ({ key, value: urlComponent(v) }));
  return [{ key, value: values.map(urlComponent).join(',') }];
}

/** The pairs of the given values of an endpoint's query, in the order given. */
export function givenQueryPairs(params: readonly Parameter[], values: Record<string, QueryValue>): EncodedPair[] {
  return Object.entries(values).flatMap(([name, value]) =>
    queryPairs(
      params.find((p) => p.name === name),
      name,
      value,
    ),
  );
}

/** The parameter's description with its allowed values, default and range spelled out. */
export function parameterDescription(param: Parameter): string {
  const facts: string[] = [];
  if (param.enum) facts.push(`One of: ${param.enum.join(', ')}.`);
  if (param.type === 'flag') facts.push('1 = yes, 0 = no.');
  if (param.type === 'boolean') facts.push('true or false.');
  if (param.style === 'repeated') facts.push('Several values: the parameter once per value.');
  if (param.style === 'comma') facts.push('Several values: separated by commas.');
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
