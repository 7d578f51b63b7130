import type { ApiModel, Endpoint } from '../model.js';

const cache = new WeakMap<ApiModel, Map<string, { endpoint: Endpoint; path: string }>>();

/** Which endpoint captures a variable, and from where in its answer (computed once per model). */
export function captureOf(model: ApiModel, variable: string): { endpoint: Endpoint; path: string } | undefined {
  let captures = cache.get(model);
  if (!captures) {
    captures = new Map();
    for (const endpoint of model.resources.flatMap((r) => r.endpoints)) {
      for (const [name, path] of Object.entries(endpoint.capture)) if (!captures.has(name)) captures.set(name, { endpoint, path });
    }
    cache.set(model, captures);
  }
  return captures.get(variable);
}
