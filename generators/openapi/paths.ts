// Endpoints -> path items and operations; the token endpoint is documented as an operation too.
import { JSON_CONTENT_TYPE, successResponse, type ApiModel, type Auth, type Endpoint, type Example, type Resource, type Response } from '../../model/model.js';
import { CLIENT_FIELDS, describedFormFields, FORM_CONTENT_TYPE } from '../../model/token-form.js';
import { refusalStatus } from '../../model/refusals.js';
import { templateNames } from '../../model/urls.js';
import { endpointFacts } from './kit-facts.js';
import { listHeaders } from './list-headers.js';
import { parameterObject } from './parameters.js';
import { UNDOCUMENTED_ERROR, extraResponses, responseRef } from './responses.js';
import { schemaRef } from './schemas.js';
import { rateLimitExtension, tokenSecurity } from './security.js';
import { resourcePathKey, resourceServers, tokenServers } from './servers.js';

type PathItem = Record<string, unknown>;

function exampleKey(example: Example): string {
  return example.name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function responseObject(response: Response, examples: readonly Example[], headers: Record<string, unknown>): Record<string, unknown> {
  const own = examples.filter((e) => e.status === response.status);
  const described = { description: response.description.trim(), ...(Object.keys(headers).length ? { headers } : {}) };
  if (!response.schema) return described;
  const media: Record<string, unknown> = { schema: schemaRef(response.schema) };
  if (own.length > 0) {
    media['examples'] = Object.fromEntries(own.map((e) => [exampleKey(e), { summary: e.name, value: e.body }]));
  }
  return { ...described, content: { 'application/json': media } };
}

/** The endpoint's own answers and the shared ones it does not list, by status. */
function responses(endpoint: Endpoint): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [
    ...endpoint.responses.map((r): [string, unknown] => [
      String(r.status),
      responseObject(r, endpoint.examples, endpoint.list && r === successResponse(endpoint) ? listHeaders(endpoint.list) : {}),
    ]),
    ...extraResponses(endpoint).map(([status, name]): [string, unknown] => [status, responseRef(name)]),
  ];
  return Object.fromEntries(entries.sort(([a], [b]) => Number(a) - Number(b)));
}

function operation(resource: Resource, endpoint: Endpoint): Record<string, unknown> {
  return {
    operationId: endpoint.id,
    summary: endpoint.name,
    description: endpoint.description.trim(),
    tags: [resource.name],
    parameters: [
      ...endpoint.pathParams.map((p) => parameterObject(p, 'path', endpoint.examples)),
      ...endpoint.query.map((p) => parameterObject(p, 'query', endpoint.examples)),
      ...headerParameters(endpoint),
    ],
    ...requestBodyObject(endpoint),
    responses: responses(endpoint),
    ...(resource.rateLimit ? { 'x-rate-limit': rateLimitExtension(resource.rateLimit) } : {}),
    ...endpointFacts(endpoint),
  };
}

/** The JSON request body: its schema, whether it is required, and the example. */
function requestBodyObject(endpoint: Endpoint): { requestBody?: Record<string, unknown> } {
  const body = endpoint.requestBody;
  if (!body) return {};
  const media = { schema: schemaRef(body.schema), ...(body.example === undefined ? {} : { example: body.example }) };
  return {
    requestBody: { ...(body.description ? { description: body.description.trim() } : {}), required: body.required, content: { [JSON_CONTENT_TYPE]: media } },
  };
}

/** Each documented header, required: a fixed value as its only one, a `{variable}` one as a string the caller fills. */
function headerParameters(endpoint: Endpoint): Record<string, unknown>[] {
  return Object.entries(endpoint.headers).map(([name, value]) => {
    const fixed = templateNames(value).length === 0;
    return {
      name,
      in: 'header',
      required: true,
      schema: fixed ? { type: 'string', enum: [value] } : { type: 'string' },
      ...(fixed ? {} : { description: `Sent as \`${value}\`, filled from the variables named.`, 'x-value': value }),
    };
  });
}

/** The token endpoint's refusals at the statuses the description's cases document (401 where they say nothing). */
function tokenRefusals(model: ApiModel): Record<string, unknown> {
  const wrong = refusalStatus(model, { kind: 'token', credentials: 'wrong-secret' });
  const none = refusalStatus(model, { kind: 'token', credentials: 'none' });
  const answer = (what: string) => ({ description: `${what} client credentials (RFC 6749 section 5.2).`, content: UNDOCUMENTED_ERROR });
  if (wrong === none) return { [wrong]: answer('Wrong or missing') };
  return Object.fromEntries(
    [
      [none, answer('Missing')],
      [wrong, answer('Wrong')],
    ]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, body]) => [String(status), body]),
  );
}

function tokenPathItem(model: ApiModel): PathItem {
  const { auth } = model;
  const servers = tokenServers(model);
  return {
    ...(servers ? { servers } : {}),
    [auth.method.toLowerCase()]: {
      operationId: 'getToken',
      summary: 'Get an access token',
      description: auth.description.trim(),
      tags: ['Authentication'],
      security: tokenSecurity(auth),
      parameters: templateNames(auth.path).map((name) => ({
        name,
        in: 'path',
        required: true,
        description: `Your ${name} (tenant).`,
        schema: { type: 'string' },
      })),
      ...(auth.body === 'form' ? { requestBody: tokenRequestBody(auth) } : {}),
      responses: {
        '200': { description: 'The access token.', content: { 'application/json': { schema: schemaRef(auth.responseSchema) } } },
        ...tokenRefusals(model),
        ...(auth.rateLimit ? { '429': { description: 'Rate limit exceeded.' } } : {}),
      },
      ...(auth.rateLimit ? { 'x-rate-limit': rateLimitExtension(auth.rateLimit) } : {}),
    },
  };
}

/** The form body of the token request: the fields the description fixes (as `const`), and the client under client_secret_post. */
function tokenRequestBody(auth: Auth): Record<string, unknown> {
  const fixed = describedFormFields(auth);
  const client = auth.clientAuthentication === 'post' ? [CLIENT_FIELDS.id, CLIENT_FIELDS.secret] : [];
  const properties = {
    ...Object.fromEntries(fixed.map(([name, value]) => [name, { type: 'string', const: value }])),
    ...Object.fromEntries(client.map((name) => [name, { type: 'string', description: name === CLIENT_FIELDS.id ? 'The client id.' : 'The client secret.' }])),
  };
  const schema = { type: 'object', required: [...fixed.map(([name]) => name), ...client], properties };
  return { required: true, content: { [FORM_CONTENT_TYPE]: { schema } } };
}

export function paths(model: ApiModel): Record<string, PathItem> {
  const out: Record<string, PathItem> = { [model.auth.path]: tokenPathItem(model) };
  for (const resource of model.resources) {
    const prefix = resourcePathKey(model, resource);
    const serverList = resourceServers(model, resource);
    for (const endpoint of resource.endpoints) {
      const key = `${prefix}${endpoint.path}` || '/';
      const item = out[key] ?? (serverList ? { servers: serverList } : {});
      item[endpoint.method.toLowerCase()] = operation(resource, endpoint);
      out[key] = item;
    }
  }
  return out;
}
