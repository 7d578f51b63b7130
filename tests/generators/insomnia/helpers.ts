// Shared by the Insomnia tests: walkers that read the generated files the way Insomnia does.
import type { ApiModel, Endpoint, Environment, Resource } from '../../../model/model.js';

export function allEndpoints(model: ApiModel): { resource: Resource; endpoint: Endpoint }[] {
  return model.resources.flatMap((resource) => resource.endpoints.map((endpoint) => ({ resource, endpoint })));
}

/** `{{ _.baseUrl }}` and `{{baseUrl}}` compare equal. */
export function normalizeUrl(url: string): string {
  return url.replace(/\{\{\s*(?:_\.)?([\w.-]+)\s*\}\}/g, '{{$1}}');
}

export type Auth = { type?: string; disabled?: boolean } & Record<string, unknown>;

/**
 * Insomnia's rule (network.ts getOrInheritAuthentication): the item's own auth if it has a type
 * and is enabled, else the nearest ancestor folder's, else none. `chain` runs from the item up.
 */
export function resolveAuth(chain: { authentication?: Auth }[]): Auth {
  const holder = chain.find((item) => item.authentication?.type && !item.authentication.disabled);
  return holder?.authentication ?? { type: 'none' };
}

/** Every value under `key` anywhere in a parsed document. */
export function valuesOfKey(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => valuesOfKey(item, key));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOfKey(v, key)]);
}

/** Fills `{{ _.name }}` from an environment the way Insomnia's renderer does; an unknown name throws. */
export function render(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*_\.([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`undefined variable ${name} in ${template}`);
    return data[name]!;
  });
}

/** The URL an endpoint must reach on an environment, with each path parameter set to `values[name]`. */
export function expectedUrl(env: Environment, resource: Resource, endpoint: Endpoint, values: Record<string, string>): string {
  return `${env.baseUrl}${env.resourcePaths[resource.id]}${endpoint.path.replace(/\{([^{}]+)\}/g, (_, name: string) => values[name]!)}`;
}
