// A data request's documented headers, each `{name}` in a value written as the client reads a
// variable (`{{name}}`, Insomnia's `{{ _.name }}`).
import type { Endpoint } from '../../model/model.js';
import { fillTemplate } from '../../model/urls.js';

export function requestHeaders(endpoint: Endpoint, variable: (name: string) => string): [string, string][] {
  return Object.entries(endpoint.headers).map(([name, value]) => [name, fillTemplate(value, variable)]);
}
