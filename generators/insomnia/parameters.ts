// A documented query parameter -> an Insomnia query pair (same shape in v4 and v5.1).
import type { Parameter } from '../../model/model.js';
import { parameterDescription, parameterValue } from '../shared/parameters.js';
import { urlComponent } from '../shared/url-component.js';

export interface QueryPair {
  name: string;
  value: string;
  description: string;
  /** Optional parameters are listed but switched off, so the request sends only what is required. */
  disabled: boolean;
}

export function queryPair(param: Parameter): QueryPair {
  return { name: urlComponent(param.name), value: urlComponent(parameterValue(param)), description: parameterDescription(param), disabled: !param.required };
}
