// Servers: one per environment. A resource whose base path differs between environments (staging
// serves devices under /v1/assets/devices) keeps the path segments every environment shares in its
// path keys and carries the rest in path-level `servers`, so every environment stays a valid URL.
import { separateTokenHost, type ApiModel, type Environment, type Resource } from '../../model/model.js';
import { templateNames } from '../../model/urls.js';
import { environmentFacts } from './kit-facts.js';

export interface ServerObject {
  url: string;
  description: string;
  variables?: Record<string, { default: string; description: string }>;
  [extension: `x-${string}`]: unknown;
}

export function servers(model: ApiModel): ServerObject[] {
  return model.environments.map((env) => ({ url: env.baseUrl, description: env.name, ...hostVariables(env), ...environmentFacts(model, env) }));
}

/**
 * The token endpoint's own servers when some environment has a token host of its own: each environment's token host,
 * its host variables declared as on the API's servers, so the document states both hosts of every environment.
 */
export function tokenServers(model: ApiModel): ServerObject[] | undefined {
  if (!separateTokenHost(model)) return undefined;
  return model.environments.map((env) => ({ url: env.tokenBaseUrl, description: `${env.name} (token host)`, ...hostVariables(env, env.tokenBaseUrl) }));
}

/** A host written with variables (`https://{tenant}.auth0.com`) declares them; the default is the environment's public value, else the name. */
function hostVariables(env: Environment, url = env.baseUrl): Pick<ServerObject, 'variables'> {
  const names = templateNames(url);
  if (names.length === 0) return {};
  return { variables: Object.fromEntries(names.map((name) => [name, { default: env.values[name] || name, description: `Your ${name}.` }])) };
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function basePaths(model: ApiModel, resource: Resource): string[] {
  return model.environments.map((env) => env.resourcePaths[resource.id]!);
}

/** True when every environment serves the resource at its default path. */
export function uniformPaths(model: ApiModel, resource: Resource): boolean {
  return basePaths(model, resource).every((path) => path === resource.basePath);
}

/** The trailing path segments every environment shares, e.g. `/devices`. */
export function sharedSuffix(model: ApiModel, resource: Resource): string {
  const all = basePaths(model, resource).map(segments);
  const shortest = Math.min(...all.map((s) => s.length));
  let n = 0;
  while (n < shortest && all.every((s) => s[s.length - 1 - n] === all[0]![all[0]!.length - 1 - n])) n += 1;
  const shared = all[0]!.slice(all[0]!.length - n);
  return shared.length > 0 ? `/${shared.join('/')}` : '';
}

/** The path key prefix for a resource's endpoints: its base path, or the shared suffix. */
export function resourcePathKey(model: ApiModel, resource: Resource): string {
  return uniformPaths(model, resource) ? resource.basePath : sharedSuffix(model, resource);
}

/** Path-level servers for a resource whose base path differs between environments. */
export function resourceServers(model: ApiModel, resource: Resource): ServerObject[] | undefined {
  if (uniformPaths(model, resource)) return undefined;
  const suffix = sharedSuffix(model, resource);
  return model.environments.map((env) => {
    const base = env.resourcePaths[resource.id]!;
    const prefix = base.slice(0, base.length - suffix.length);
    return { url: `${env.baseUrl}${prefix}`, description: `${env.name} (${resource.name} at ${base})`, ...hostVariables(env) };
  });
}
