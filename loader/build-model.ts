// A checked description -> the settled model: defaults applied, nothing left optional that a
// generator would have to guess.
import {
  VARIABLES,
  type ApiModel,
  type Lifetime,
  type TokenAnswer,
  type ContractCase,
  type Endpoint,
  type Environment,
  type Example,
  type JsonSchema,
  type Parameter,
  type Resource,
} from '../model/model.js';
import { DEFAULT_TOKEN_FIELD } from '../model/token-answer.js';
import { describedVariables } from '../model/urls.js';
import type { QueryValue } from '../model/model.js';
import { answerSchema } from './answer-schema.js';
import { listShape } from './list-shape.js';
import type { RawEndpoint, RawParameter, RawSpec, RawValues } from './raw.js';

const SCHEMA_REF = /^#\/schemas\//;

/** The variable that holds a resource's base path: `devices` -> `devicesPath`. */
export const pathVariableOf = (resourceId: string) => `${resourceId}Path`;

/** The description's variables besides clientId: the token path's, then the hosts', the audience's and the scope's. */
export function specVariables(spec: RawSpec): string[] {
  return describedVariables(spec.auth.path, [
    ...spec.environments.flatMap((e) => [e.baseUrl, e.tokenBaseUrl]),
    spec.auth.audience,
    spec.auth.scope,
    ...requestHeaderValues(spec),
  ]);
}

/** Every value of a data request's header, where `{name}` variables may be. */
export function requestHeaderValues(spec: RawSpec): string[] {
  return spec.resources.flatMap((r) => [r.headers, ...r.endpoints.map((e) => e.headers)].flatMap((h) => Object.values(h ?? {})));
}

export function buildModel(spec: RawSpec, file: string, schemas: Record<string, JsonSchema>): ApiModel {
  const pathVariables = specVariables(spec);
  const resources = spec.resources.map(
    (r): Resource => ({
      id: r.id,
      name: r.name,
      description: r.description ?? '',
      basePath: r.basePath,
      pathVariable: pathVariableOf(r.id),
      ...(r.rateLimit ? { rateLimit: r.rateLimit } : {}),
      endpoints: r.endpoints.map((e) => buildEndpoint(e, r.headers ?? {}, spec.schemas)),
    }),
  );
  return {
    source: file,
    info: {
      id: spec.info.id,
      name: spec.info.name,
      version: spec.info.version,
      docs: spec.info.docs ?? '',
      description: spec.info.description ?? '',
      envPrefix: spec.info.envPrefix ?? defaultEnvPrefix(spec.info.id),
    },
    environments: spec.environments.map(
      (e): Environment => ({
        id: e.id,
        name: e.name,
        baseUrl: e.baseUrl,
        tokenBaseUrl: e.tokenBaseUrl ?? e.baseUrl,
        resourcePaths: Object.fromEntries(resources.map((r) => [r.id, e.resourcePaths?.[r.id] ?? r.basePath])),
        values: Object.fromEntries([...pathVariables, VARIABLES.clientId].map((name) => [name, e.values?.[name] ?? ''])),
      }),
    ),
    auth: {
      flow: spec.auth.flow,
      method: spec.auth.method,
      path: spec.auth.path,
      pathVariables,
      clientAuthentication: spec.auth.clientAuthentication,
      body: spec.auth.body ?? 'none',
      ...(spec.auth.scope ? { scope: spec.auth.scope } : {}),
      ...(spec.auth.audience ? { audience: spec.auth.audience } : {}),
      headers: spec.auth.headers ?? {},
      tokenPrefix: spec.auth.tokenPrefix ?? 'Bearer',
      token: tokenAnswer(spec.auth),
      ...lifetimeOf(spec.auth.lifetimeSeconds),
      refreshToken: spec.auth.refreshToken,
      expirySkewSeconds: spec.auth.expirySkewSeconds ?? 60,
      ...(spec.auth.rateLimit ? { rateLimit: spec.auth.rateLimit } : {}),
      responseSchema: schemaName(spec.auth.response.schema.$ref),
      description: spec.auth.description ?? '',
    },
    resources,
    schemas,
    contract: { responseTimeMs: spec.contract.responseTimeMs, cases: spec.contract.cases.map(buildCase) },
    unknowns: spec.unknowns ?? [],
  };
}

/** Nothing asserted that the docs do not say: opaque unless `jwt`, the scheme sent as token_type, RFC 6749's field. */
function tokenAnswer(auth: RawSpec['auth']): TokenAnswer {
  const prefix = auth.tokenPrefix ?? 'Bearer';
  return { format: auth.token?.format ?? 'opaque', type: auth.token?.type ?? prefix, field: auth.token?.field ?? DEFAULT_TOKEN_FIELD };
}

/** `3600` -> fixed; `{ min, max }` -> a range (min default 1); absent -> not stated. */
function lifetimeOf(seconds: RawSpec['auth']['lifetimeSeconds']): { lifetime?: Lifetime } {
  if (seconds === undefined) return {};
  if (typeof seconds === 'number') return { lifetime: { min: seconds, max: seconds } };
  return { lifetime: { min: seconds.min ?? 1, ...(seconds.max !== undefined ? { max: seconds.max } : {}) } };
}

/** `securithings` -> `SECURITHINGS`, `parcel-api` -> `PARCEL_API`. */
export function defaultEnvPrefix(id: string): string {
  return id.toUpperCase().replace(/-/g, '_');
}

function schemaName(ref: string): string {
  return ref.replace(SCHEMA_REF, '');
}

function buildEndpoint(e: RawEndpoint, resourceHeaders: Record<string, string>, schemas: RawSpec['schemas']): Endpoint {
  return {
    id: e.id,
    name: e.name,
    method: e.method,
    path: e.path,
    description: e.description ?? '',
    headers: mergedHeaders(resourceHeaders, e.headers ?? {}),
    pathParams: (e.pathParams ?? []).map((p) => buildParameter(p, true)),
    query: (e.query ?? []).map((p) => buildParameter(p, p.required ?? false)),
    responses: e.responses.map((r) => ({ status: r.status, description: r.description, ...(r.schema ? { schema: schemaName(r.schema.$ref) } : {}) })),
    capture: e.capture ?? {},
    requires: e.requires ?? [],
    examples: (e.examples ?? []).map(
      (x): Example => ({ name: x.name, status: x.status, query: queryValues(x.query), pathParams: strings(x.pathParams), body: x.body }),
    ),
    ...(e.list ? { list: listShape(e.list, answerSchema(e, schemas).schema, schemas) } : {}),
    ...(e.item ? { item: e.item } : {}),
  };
}

/** The resource's headers, then the endpoint's; a name the endpoint repeats (in any case) takes the endpoint's value. */
function mergedHeaders(resource: Record<string, string>, own: Record<string, string>): Record<string, string> {
  const ownNames = new Set(Object.keys(own).map((n) => n.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(resource).filter(([n]) => !ownNames.has(n.toLowerCase()))), ...own };
}

function buildParameter(p: RawParameter, required: boolean): Parameter {
  const { name, type, description, ...rest } = p;
  return { ...rest, name, type, required, description: description ?? '' };
}

function strings(values: RawValues | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));
}

/** Query values as sent: a list (an array parameter's) stays a list of texts. */
function queryValues(values: RawValues | undefined): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]));
}

function buildCase(c: RawSpec['contract']['cases'][number]): ContractCase {
  const expect = {
    status: c.expect.status,
    json: c.expect.json ?? false,
    schema: c.expect.schema ?? false,
    ...(c.expect.page ? { page: { limit: c.expect.page.limit } } : {}),
    ...(c.expect.everyItem ? { everyItem: c.expect.everyItem } : {}),
  };
  const target: ContractCase['target'] = c.token
    ? { kind: 'token', credentials: c.token.credentials }
    : { kind: 'endpoint', endpoint: c.endpoint!, auth: c.auth ?? 'inherit', query: queryValues(c.query), pathParams: strings(c.pathParams) };
  return { id: c.id, name: c.name, ...(c.basis ? { basis: c.basis } : {}), target, expect };
}
