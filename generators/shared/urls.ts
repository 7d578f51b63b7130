import type { ApiModel, Endpoint, Resource } from '../model.js';

/**
 * An endpoint's path with the resource base as a variable and `{param}` written the way the
 * target tool marks path parameters, e.g. `/{{devicesPath}}/:id` for Postman. The variable holds
 * the base path without its leading slash (see resourcePathValue), because Postman joins URL
 * path segments with `/` and would otherwise send `//v1/devices`.
 */
export function endpointPath(resource: Resource, endpoint: Endpoint, variable: (name: string) => string, pathParam: (name: string) => string): string {
  return `/${variable(resource.pathVariable)}${endpoint.path.replace(/\{([^{}]+)\}/g, (_, name: string) => pathParam(name))}`;
}

/** The value of a resource's path variable: `/v1/devices` -> `v1/devices`. */
export function resourcePathValue(path: string): string {
  return path.replace(/^\/+/, '');
}

/** The token path with its variables written for the target tool, e.g. `/token/{{organization}}`. */
export function tokenPath(model: ApiModel, variable: (name: string) => string): string {
  return model.auth.path.replace(/\{([^{}]+)\}/g, (_, name: string) => variable(name));
}
