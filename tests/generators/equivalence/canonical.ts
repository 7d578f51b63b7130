// The canonical form every output is reduced to, the expected form built from the model alone,
// and the small helpers the per-format extractors share (variable resolution, file lookup).
import type { ApiModel, Environment } from '../../../model/model.js';
import type { OutputFile } from '../../../generators/types.js';

/** One documented request as a client would send it on production. */
export interface CanonicalEndpoint {
  method: string;
  /** The production URL path below the base URL, path parameters as `{name}`: `/v1/devices/{id}`. */
  path: string;
  /** Query parameter names, sorted (enabled or not: the tool lists them). */
  query: string[];
  /** Path parameter names, sorted. */
  pathParams: string[];
  /** `oauth2` when the request uses the shared client-credentials settings; else what it uses. */
  auth: string;
}

export interface CanonicalAuth {
  grant: string;
  /** The token URL's path below the production base URL, variables as `{name}`. */
  tokenPath: string;
  /** `basic`: client id and secret in an HTTP Basic header; `body`: in the form body. */
  clientAuthentication: string;
  /** Where the access token goes on each request. */
  tokenPlacement: string;
  tokenPrefix: string;
}

export interface CanonicalRequest {
  method: string;
  path: string;
}

export interface CanonicalForm {
  /** Sorted by path, then method. */
  endpoints: CanonicalEndpoint[];
  auth: CanonicalAuth;
  /** The raw token request, for the tools that carry one; null for those that do not. */
  tokenRequest: CanonicalRequest | null;
}

/** What an extractor needs to find its way around the files (never the values it compares). */
export interface Locator {
  /** `info.id`, which names the files (`securithings.postman_collection.json`). */
  apiId: string;
  /** The environment's id and display name (production unless a test says otherwise), to pick it out of the output. */
  environment: { id: string; name: string };
}

export type Extractor = (files: OutputFile[], where: Locator) => CanonicalForm;

export function environment(model: ApiModel, id: string): Environment {
  const env = model.environments.find((e) => e.id === id);
  if (!env) throw new Error(`the model has no ${id} environment`);
  return env;
}

export function locator(model: ApiModel, envId = 'production'): Locator {
  const env = environment(model, envId);
  return { apiId: model.info.id, environment: { id: env.id, name: env.name } };
}

/** The expected canonical form, from the model alone, as seen on one environment (production by default). */
export function expectedForm(model: ApiModel, options: { tokenRequest: boolean; envId?: string }): CanonicalForm {
  const env = environment(model, options.envId ?? 'production');
  const known: Record<string, string> = { ...env.values };
  const endpoints = model.resources.flatMap((resource) =>
    resource.endpoints.map((endpoint) => ({
      method: endpoint.method.toUpperCase(),
      path: `${env.resourcePaths[resource.id] ?? resource.basePath}${endpoint.path}`,
      query: sorted(endpoint.query.map((p) => p.name)),
      pathParams: sorted(endpoint.pathParams.map((p) => p.name)),
      auth: 'oauth2',
    })),
  );
  // `{organization}` stays a placeholder where the environment leaves it empty (production, staging).
  const tokenPath = model.auth.path.replace(/\{([^{}]+)\}/g, (whole, name: string) => known[name] || whole);
  return {
    endpoints: sortEndpoints(endpoints),
    auth: {
      grant: model.auth.flow,
      tokenPath,
      clientAuthentication: model.auth.clientAuthentication,
      tokenPlacement: 'header',
      tokenPrefix: model.auth.tokenPrefix,
    },
    tokenRequest: options.tokenRequest ? { method: model.auth.method, path: tokenPath } : null,
  };
}

export function sorted(names: string[]): string[] {
  return [...names].sort();
}

export function sortEndpoints(endpoints: CanonicalEndpoint[]): CanonicalEndpoint[] {
  const key = (e: CanonicalEndpoint) => `${e.path} ${e.method}`;
  return [...endpoints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `{{name}}` (Postman, Bruno). */
export const MUSTACHE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
/** `{{ _.name }}` (Insomnia's Nunjucks environment lookup). */
export const INSOMNIA = /\{\{\s*_\.([A-Za-z_][\w.-]*)\s*\}\}/g;

/**
 * Fills each variable with its production value; a variable with no value there (an empty
 * `organization`, a path-parameter variable) stays as a `{name}` placeholder. Anything left that
 * still looks like a template is an error: the canonical path must be plain.
 */
export function resolve(template: string, syntax: RegExp, values: Record<string, string>): string {
  const out = template.replace(syntax, (_, name: string) => {
    const value = values[name];
    return typeof value === 'string' && value !== '' ? value : `{${name}}`;
  });
  if (out.includes('{{')) throw new Error(`unresolved template syntax in ${template} -> ${out}`);
  return out;
}

/** `/:id` path segments (Postman, Bruno) -> `/{id}`. */
export function colonParams(path: string): string {
  return path.replace(/\/:([A-Za-z_][\w.-]*)(?=\/|$)/g, '/{$1}');
}

/** The URL's path below the production base URL; a URL elsewhere is an error. */
export function belowBase(url: string, baseUrl: string, what: string): string {
  if (!baseUrl) throw new Error(`${what}: no production base URL`);
  if (!url.startsWith(baseUrl)) throw new Error(`${what}: ${url} is not below the production base URL ${baseUrl}`);
  const path = url.slice(baseUrl.length);
  if (path !== '' && !path.startsWith('/')) throw new Error(`${what}: ${url} does not continue ${baseUrl} with a path`);
  return path;
}

export function fileAt(files: OutputFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/** Exactly one element, or a clear error. */
export function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
}
