import { tokenHostVariable, VARIABLES, type ApiModel, type Endpoint, type Resource } from './model.js';

/**
 * `{name}` in a path template. An empty `{}` matches too, so the loader reports it as a parameter
 * without a definition; a loaded model therefore never holds one.
 */
const TEMPLATE_PARAM = /\{([^{}]*)\}/g;

/** The parameter names of a path template, in order: `/token/{organization}` -> `['organization']`. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(TEMPLATE_PARAM)].map((m) => m[1]!);
}

/** The template with every `{name}` replaced by `fill(name)`. */
export function fillTemplate(template: string, fill: (name: string) => string): string {
  return template.replace(TEMPLATE_PARAM, (_, name: string) => fill(name));
}

/** `{{name}}`: how Postman and Bruno read a variable. */
export function mustache(name: string): string {
  return `{{${name}}}`;
}

/**
 * An endpoint's path with the resource base as a variable and `{param}` written the way the
 * target tool marks path parameters, e.g. `/{{devicesPath}}/:id` for Postman. The variable holds
 * the base path without its leading slash (see resourcePathValue), because Postman joins URL
 * path segments with `/` and would otherwise send `//v1/devices`.
 */
export function endpointPath(resource: Resource, endpoint: Endpoint, variable: (name: string) => string, pathParam: (name: string) => string): string {
  return `/${variable(resource.pathVariable)}${fillTemplate(endpoint.path, pathParam)}`;
}

/** The value of a resource's path variable: `/v1/devices` -> `v1/devices`. */
export function resourcePathValue(path: string): string {
  return path.replace(/^\/+/, '');
}

/** The token path with its variables written for the target tool, e.g. `/token/{{organization}}`. */
export function tokenPath(model: ApiModel, variable: (name: string) => string): string {
  return fillTemplate(model.auth.path, variable);
}

/** The token URL in the target tool's syntax: `{{tokenBaseUrl}}/token/{{organization}}` (or `{{baseUrl}}...` on the API's host). */
export function tokenUrl(model: ApiModel, variable: (name: string) => string): string {
  return `${variable(tokenHostVariable(model))}${tokenPath(model, variable)}`;
}

/**
 * The description's variables besides `clientId`, each once, in order: the token path's, then
 * those of the hosts (`https://{tenant}.auth0.com`), the audience and the scope.
 */
export function describedVariables(path: string, templates: readonly (string | undefined)[]): string[] {
  const others = templates.flatMap((t) => (t === undefined ? [] : templateNames(t)));
  return [...new Set([...tokenPathVariables(path), ...others.filter((name) => name !== VARIABLES.clientId)])];
}

/** The token path's variables besides `clientId` (the client id itself), each once, in order. */
export function tokenPathVariables(path: string): string[] {
  return [...new Set(templateNames(path).filter((name) => name !== VARIABLES.clientId))];
}

/** The token path up to its first variable (`/token/`): how a request is told to be a token request. */
export function tokenPathPrefix(model: ApiModel): string {
  return model.auth.path.split('{')[0]!;
}
