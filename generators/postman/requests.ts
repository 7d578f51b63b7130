// Postman request definitions: the token request and one per endpoint, each URL written with
// the shared variable names ({{baseUrl}}{{devicesPath}}/:id).
import { VARIABLES, type ApiModel, type Endpoint, type QueryValue, type Resource, type TokenCredentials } from '../../model/model.js';
import { tokenFormFields, tokenHeaders } from '../../model/token-form.js';
import { givenQueryPairs, parameterDescription, parameterValue, queryPairs, savedQueryValue } from '../shared/parameters.js';
import { urlComponent } from '../shared/url-component.js';
import { endpointPath, mustache } from '../../model/urls.js';
import { requestHeaders } from '../shared/request-headers.js';
import { CONTENT_TYPE_JSON, documentedBodyText } from '../shared/request-body.js';
import { WRONG_SECRET } from '../shared/contract-values.js';
import { basicAuth, NO_AUTH, tokenUrl, type PostmanAuth } from './auth.js';

export interface Header {
  key: string;
  value: string;
}

export interface QueryParam {
  key: string;
  value: string;
  description?: { content: string; type: 'text/markdown' };
  disabled?: boolean;
}

export interface FormField {
  key: string;
  value: string;
  type: 'text';
}

/** A JSON body: Postman's raw mode, marked as JSON so the app shows and sends it as such. */
export interface RawJsonBody {
  mode: 'raw';
  raw: string;
  options: { raw: { language: 'json' } };
}

export interface RequestDefinition {
  method: string;
  header: Header[];
  body?: { mode: 'urlencoded'; urlencoded: FormField[] } | RawJsonBody;
  url: {
    raw: string;
    host: string[];
    path: string[];
    query?: QueryParam[];
    variable?: { key: string; value: string; description?: { content: string; type: 'text/markdown' } }[];
  };
  description?: { content: string; type: 'text/markdown' };
  auth?: PostmanAuth;
}

const ACCEPT_JSON: Header = { key: 'Accept', value: 'application/json' };
export const markdown = (content: string) => ({ content, type: 'text/markdown' as const });

/** The token request with the credentials a check sends: the real ones, a wrong secret, or none. */
export function tokenRequest(model: ApiModel, credentials: TokenCredentials): RequestDefinition {
  const { auth } = model;
  const secret = credentials === 'valid' ? mustache(VARIABLES.clientSecret) : WRONG_SECRET;
  const fields = tokenFormFields(auth, credentials === 'none' ? undefined : { id: mustache(VARIABLES.clientId), secret }, mustache);
  return {
    method: auth.method,
    header: [...tokenHeaders(auth).map(([key, value]) => ({ key, value })), ACCEPT_JSON],
    url: splitUrl(tokenUrl(model)),
    ...(fields.length > 0 ? { body: { mode: 'urlencoded' as const, urlencoded: fields.map(([key, value]) => ({ key, value, type: 'text' as const })) } } : {}),
    auth: auth.clientAuthentication === 'basic' && credentials !== 'none' ? basicAuth(mustache(VARIABLES.clientId), secret) : NO_AUTH,
  };
}

export interface EndpointOverrides {
  /** Query values to send; absent = every documented parameter, optional ones disabled. */
  query?: Record<string, QueryValue>;
  pathParams?: Record<string, string>;
  auth?: PostmanAuth;
  /** The JSON text the request sends; absent = the documented body (the example), when the endpoint takes one. */
  body?: string;
}

export function endpointRequest(resource: Resource, endpoint: Endpoint, overrides: EndpointOverrides = {}): RequestDefinition {
  const path = endpointPath(resource, endpoint, mustache, (name) => `:${name}`);
  const query = overrides.query ? givenQueryPairs(endpoint.query, overrides.query) : documentedQuery(endpoint);
  const url = splitUrl(`${mustache(VARIABLES.baseUrl)}${path}`, query);
  if (endpoint.pathParams.length > 0) {
    url.variable = endpoint.pathParams.map((p) => ({
      key: p.name,
      value: urlComponent(overrides.pathParams?.[p.name] ?? parameterValue(p)),
      description: markdown(parameterDescription(p)),
    }));
  }
  const body = overrides.body ?? documentedBodyText(endpoint);
  const headers = [...requestHeaders(endpoint, mustache), ...(body === undefined ? [] : [CONTENT_TYPE_JSON])];
  return {
    method: endpoint.method,
    header: [ACCEPT_JSON, ...headers.map(([key, value]) => ({ key, value }))],
    ...(body === undefined ? {} : { body: { mode: 'raw' as const, raw: body, options: { raw: { language: 'json' as const } } } }),
    url,
    ...(overrides.auth ? { auth: overrides.auth } : {}),
  };
}

/** A request to the base URL, `/` and the path and query a variable holds (page 2 of a next-link walk), with the endpoint's headers. */
export function linkedRequest(endpoint: Endpoint, variable: string, auth?: PostmanAuth): RequestDefinition {
  return {
    method: endpoint.method,
    header: [ACCEPT_JSON, ...requestHeaders(endpoint, mustache).map(([key, value]) => ({ key, value }))],
    url: splitUrl(`${mustache(VARIABLES.baseUrl)}/${mustache(variable)}`),
    ...(auth ? { auth } : {}),
  };
}

function documentedQuery(endpoint: Endpoint): QueryParam[] {
  return endpoint.query.flatMap((p) =>
    queryPairs(p, p.name, savedQueryValue(p)).map((pair) => ({
      ...pair,
      description: markdown(parameterDescription(p)),
      ...(p.required ? {} : { disabled: true }),
    })),
  );
}

/**
 * `{{baseUrl}}/a/:b` -> host and path segments, with `raw` as the Postman app writes it (path
 * variables stay `:name`, disabled query parameters left out) for importers that read only `raw`.
 */
function splitUrl(url: string, query: QueryParam[] = []): RequestDefinition['url'] {
  const [, host = '', rest = ''] = /^(\{\{[^}]+\}\})(.*)$/.exec(url) ?? [];
  const enabled = query.filter((q) => !q.disabled).map((q) => `${q.key}=${q.value}`);
  return {
    raw: `${url}${enabled.length > 0 ? `?${enabled.join('&')}` : ''}`,
    host: [host],
    path: rest.split('/').filter((segment) => segment !== ''),
    ...(query.length > 0 ? { query } : {}),
  };
}
