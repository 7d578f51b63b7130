// Insomnia's template syntax: every variable is read from the active environment as `{{ _.name }}`.
import type { ApiModel, Endpoint, Parameter, Resource } from '../../model/model.js';
import { VARIABLES } from '../../model/model.js';
import { endpointPath, tokenUrl as tokenUrlIn } from '../../model/urls.js';

/** `{{ _.name }}`: how an Insomnia URL, header or auth field reads an environment variable. */
export function variable(name: string): string {
  return `{{ _.${name} }}`;
}

const VARIABLE_EXAMPLE = /^\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}$/;

/**
 * The environment variable that fills a path parameter. Insomnia v4 URLs have no `:param` syntax,
 * so `{id}` becomes a variable: the one the spec's example names (`{{deviceId}}`, the same variable
 * a `capture` fills in the other outputs), else the parameter's own name.
 */
export function pathParamVariable(param: Parameter): string {
  const named = typeof param.example === 'string' ? VARIABLE_EXAMPLE.exec(param.example) : null;
  return named ? named[1]! : param.name;
}

/** `{{ _.baseUrl }}{{ _.devicesPath }}/{{ _.deviceId }}` */
export function requestUrl(resource: Resource, endpoint: Endpoint): string {
  const byName = new Map(endpoint.pathParams.map((p) => [p.name, pathParamVariable(p)]));
  const path = endpointPath(resource, endpoint, variable, (name) => variable(byName.get(name) ?? name));
  return `${variable(VARIABLES.baseUrl)}${path}`;
}

/** `{{ _.baseUrl }}/token/{{ _.organization }}` (`{{ _.tokenBaseUrl }}` when the token endpoint has a host of its own) */
export function tokenUrl(model: ApiModel): string {
  return tokenUrlIn(model, variable);
}
