// A documented query parameter -> an Insomnia query pair (same shape in v4 and v5.1).
import type { Parameter } from '../../model/model.js';
import { parameterDescription, queryPairs as sharedQueryPairs, savedQueryValue } from '../shared/parameters.js';

export interface QueryPair {
  name: string;
  value: string;
  description: string;
  /** Optional parameters are listed but switched off, so the request sends only what is required. */
  disabled: boolean;
}

/** One pair, or one per value of a `repeated` array. */
export function queryPairs(param: Parameter): QueryPair[] {
  return sharedQueryPairs(param, param.name, savedQueryValue(param)).map(({ key, value }) => ({
    name: key,
    value,
    description: parameterDescription(param),
    disabled: !param.required,
  }));
}

/** The pair of a single-valued parameter. */
export function queryPair(param: Parameter): QueryPair {
  return queryPairs(param)[0]!;
}
