// The loaded model: what every generator, the reference server and the contract runner read.
// The loader builds it from spec/*.yaml after validation, so every field here is settled:
// defaults applied, references resolved, schemas self-contained.

/** A draft-07 JSON Schema, self-contained: references point into its own `definitions`. */
export type JsonSchema = { [key: string]: unknown };

/** The variable names every output shares, besides the token path's own (see `Auth.pathVariables`). */
export const VARIABLES = {
  baseUrl: 'baseUrl',
  /** The token endpoint's scheme and host, on a description whose token endpoint is on another host (see `separateTokenHost`). */
  tokenBaseUrl: 'tokenBaseUrl',
  clientId: 'clientId',
  clientSecret: 'clientSecret',
  accessToken: 'accessToken',
} as const;

export type RateScope = 'ip' | 'user';

export interface RateLimit {
  requests: number;
  perSeconds: number;
  per: RateScope[];
}

export interface ApiInfo {
  id: string;
  name: string;
  version: string;
  docs: string;
  description: string;
  /** Prefix of the settings (`SECURITHINGS` -> `SECURITHINGS_BASE_URL`, ...). */
  envPrefix: string;
}

export interface Environment {
  id: string;
  name: string;
  /** The API's scheme and host, e.g. `https://graph.example.com`; may hold `{variable}`s (`https://{tenant}.auth0.com`). */
  baseUrl: string;
  /** The token endpoint's scheme and host, as `baseUrl` (may hold variables); the base URL when the docs put it there. */
  tokenBaseUrl: string;
  /** Every resource's path on this environment, for each resource id (defaults filled in). */
  resourcePaths: Record<string, string>;
  /**
   * Non-secret values known in advance (public demo values on the local environment): every
   * token-path variable, then `clientId`, in that order; `''` when not given.
   */
  values: Record<string, string>;
}

/** `basic`: client_secret_basic (an HTTP Basic header); `post`: client_secret_post (in the form body). */
export type ClientAuthentication = 'basic' | 'post';
/** `none`: no body; `form`: application/x-www-form-urlencoded with grant_type (and scope, audience). */
export type TokenBody = 'none' | 'form';

/** `jwt`: the docs say the access token is a JWT (the JWT checks run); `opaque`: any string (RFC 6749). */
export type TokenFormat = 'jwt' | 'opaque';

export interface TokenAnswer {
  format: TokenFormat;
  /** The documented `token_type`, compared in any case; e.g. `Bearer`, `Application Access Token`. */
  type: string;
  /** The answer's member holding the access token, e.g. `access_token`. */
  field: string;
}

/** A documented lifetime in seconds: fixed when `min === max`, else a range; no `max`: no upper bound. */
export interface Lifetime {
  min: number;
  max?: number;
}

export interface Auth {
  flow: 'client_credentials';
  method: 'POST';
  /** Path template of the token endpoint, e.g. `/token/{organization}`, or a plain path. */
  path: string;
  /**
   * The description's variables other than `clientId` (which is the client id), in order: the
   * token path's, then those of the environments' hosts (`https://{tenant}.auth0.com`), the
   * audience and the scope. Each is a variable of every output and a setting of the contract run,
   * e.g. `['organization']`.
   */
  pathVariables: string[];
  clientAuthentication: ClientAuthentication;
  body: TokenBody;
  /** May hold the description's variables, e.g. `https://{tenant}.auth0.com/api/v2/` (fill with `fillTemplate`). */
  scope?: string;
  audience?: string;
  headers: Record<string, string>;
  /** The Authorization scheme sent with the token on data requests (`Authorization: <tokenPrefix> <token>`). */
  tokenPrefix: string;
  /** What the token answer holds, as documented. */
  token: TokenAnswer;
  /** The documented token lifetime; undefined when the docs do not state one. */
  lifetime?: Lifetime;
  refreshToken: boolean;
  /** Fetch a new token when the cached one expires within this many seconds. */
  expirySkewSeconds: number;
  /** The token endpoint's documented rate limit; undefined when the docs state none (no pacing, no limit on the reference server). */
  rateLimit?: RateLimit;
  /** Name of the schema in `ApiModel.schemas` for the 200 answer. */
  responseSchema: string;
  description: string;
}

export type ParameterType = 'string' | 'integer' | 'flag' | 'boolean' | 'array';
/** How an array query parameter is sent: `repeated` (`?tag=a&tag=b`) or `comma` (`?tag=a,b`). */
export type ArrayStyle = 'repeated' | 'comma';
/** A query value as a request sends it: one text, or several for an array parameter. */
export type QueryValue = string | string[];

export interface Parameter {
  name: string;
  type: ParameterType;
  required: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  default?: string | number | boolean;
  example?: string | number | boolean | string[];
  /** Set on an `array` parameter: how its values are sent. */
  style?: ArrayStyle;
  description: string;
  /** The item field a filter reads, as a dotted path (`probe.agent`); absent: the parameter's own name. */
  field?: string;
}

export interface Response {
  status: number;
  description: string;
  /** Name of the schema in `ApiModel.schemas`, when the body is documented. */
  schema?: string;
}

/** The content type of every request body a description documents. */
export const JSON_CONTENT_TYPE = 'application/json';

/** A JSON request body (`application/json`), of a write endpoint. */
export interface RequestBody {
  required: boolean;
  /** Name of the schema in `ApiModel.schemas` the body must match. */
  schema: string;
  /** The documented example, checked against the schema; undefined when the docs give none. */
  example?: unknown;
  description: string;
}

/** The body a documented request sends: the example, else an empty object for a person to fill in. */
export function documentedBody(body: RequestBody): unknown {
  return body.example === undefined ? {} : body.example;
}

/** GET and HEAD only read; any other method may change data, so the contract run sends it only for a case that names it. */
export function isReadOnly(endpoint: Pick<Endpoint, 'method'>): boolean {
  return endpoint.method === 'GET' || endpoint.method === 'HEAD';
}

export interface Example {
  name: string;
  status: number;
  query: Record<string, QueryValue>;
  pathParams: Record<string, string>;
  body: unknown;
}

export interface Endpoint {
  id: string;
  name: string;
  method: string;
  /** The path below the resource's base path, e.g. `` or `/{id}`. */
  path: string;
  description: string;
  /** Headers the request sends (the resource's, then its own); a `{name}` in a value is a described variable (fill with `fillTemplate`). */
  headers: Record<string, string>;
  pathParams: Parameter[];
  query: Parameter[];
  /** Set on an endpoint that takes a JSON body (POST, PUT, PATCH). */
  requestBody?: RequestBody;
  responses: Response[];
  /** Variables taken from a successful answer: name -> path like `devices[0].id`. */
  capture: Record<string, string>;
  /** Variables that must be set for the request to make sense (else it is skipped, visibly). */
  requires: string[];
  examples: Example[];
  /** Set on a list endpoint: how its answer pages and counts. */
  list?: ListShape;
  /** Set on a fetch-one endpoint: which item field its path parameter matches. */
  item?: ItemShape;
}

/** How a list endpoint pages: the one style its description names. */
export type Paging =
  | { style: 'offset'; param: string }
  | { style: 'page'; param: string; firstPage: 0 | 1 }
  /** next: the resolved property path of the next page's cursor in the answer. */
  | { style: 'cursor'; param: string; next: string[] }
  /** next: the resolved property path of the next page's URL in the answer. */
  | { style: 'next-link'; next: string[] }
  | { style: 'link-header' }
  | { style: 'single' };

/** Where a list answer counts every match. */
export type ListCount = { in: 'body'; field: string } | { in: 'header'; name: string };

/** A list answer and how it pages. */
export interface ListShape {
  /** The answer's array property; undefined when the answer is a bare array. */
  items?: string;
  total?: ListCount;
  /** The page-size query parameter. */
  limit?: string;
  paging: Paging;
}

export interface ItemShape {
  key: string;
}

export interface Resource {
  id: string;
  name: string;
  description: string;
  /** The default path (production); environments may override it. */
  basePath: string;
  /** The variable that holds the base path in every output, e.g. `devicesPath`. */
  pathVariable: string;
  rateLimit?: RateLimit;
  endpoints: Endpoint[];
}

export type TokenCredentials = 'valid' | 'wrong-secret' | 'none';
export type CaseAuth = 'inherit' | 'none' | 'tampered';

export interface Expectation {
  status: number;
  json: boolean;
  /** Validate the body against the documented schema for `status`. */
  schema: boolean;
  /** Walk two pages of at most `limit` items, the way the endpoint's `list` pages. */
  page?: { limit: number };
  everyItem?: { items: string; field: string; equals: string | number };
}

export type CaseTarget =
  | { kind: 'token'; credentials: TokenCredentials }
  | {
      kind: 'endpoint';
      endpoint: string;
      auth: CaseAuth;
      query: Record<string, QueryValue>;
      pathParams: Record<string, string>;
      /** The JSON body sent (the case's, else the endpoint's example); undefined: none. */
      body?: unknown;
    };

export interface ContractCase {
  id: string;
  name: string;
  basis?: string;
  target: CaseTarget;
  expect: Expectation;
}

export interface Contract {
  responseTimeMs: number;
  cases: ContractCase[];
}

export interface ApiModel {
  /** The description file, as given to the loader (used in messages). */
  source: string;
  info: ApiInfo;
  environments: Environment[];
  auth: Auth;
  resources: Resource[];
  /** Named draft-07 schemas, each self-contained. */
  schemas: Record<string, JsonSchema>;
  contract: Contract;
  unknowns: string[];
}

export function findEndpoint(model: ApiModel, id: string): { resource: Resource; endpoint: Endpoint } | undefined {
  for (const resource of model.resources) {
    const endpoint = resource.endpoints.find((e) => e.id === id);
    if (endpoint) return { resource, endpoint };
  }
  return undefined;
}

/** The documented success response of an endpoint (the first 2xx). */
export function successResponse(endpoint: Endpoint): Response | undefined {
  return endpoint.responses.find((r) => r.status >= 200 && r.status < 300);
}

/** Whether the success answer carries a body: a HEAD answer never does, nor a 204 or 205 (RFC 9110 sections 9.3.2, 15.3.5, 15.3.6). */
export function answersWithBody(endpoint: Endpoint): boolean {
  const status = successResponse(endpoint)?.status;
  return endpoint.method !== 'HEAD' && status !== 204 && status !== 205;
}

/** The variables a person fills in besides the base URL and the secret: the token path's, then `clientId`. */
export function filledVariables(auth: Auth): string[] {
  return [...auth.pathVariables, VARIABLES.clientId];
}

/** True when some environment's token endpoint is on another host than its API: the outputs then carry `tokenBaseUrl`. */
export function separateTokenHost(model: Pick<ApiModel, 'environments'>): boolean {
  return model.environments.some((e) => e.tokenBaseUrl !== e.baseUrl);
}

/** The variable holding the token endpoint's host in every output: `tokenBaseUrl` when it is a host of its own, else `baseUrl`. */
export function tokenHostVariable(model: Pick<ApiModel, 'environments'>): string {
  return separateTokenHost(model) ? VARIABLES.tokenBaseUrl : VARIABLES.baseUrl;
}

/** The variables holding hosts: `baseUrl`, then `tokenBaseUrl` when the token endpoint has a host of its own. */
export function hostVariables(model: Pick<ApiModel, 'environments'>): string[] {
  return separateTokenHost(model) ? [VARIABLES.baseUrl, VARIABLES.tokenBaseUrl] : [VARIABLES.baseUrl];
}

/** Enum, flag and boolean query parameters filter a list endpoint. */
export function isFilter(param: Pick<Parameter, 'type' | 'enum'>): boolean {
  return isYesNo(param) || (param.type === 'string' && param.enum !== undefined);
}

/** A yes/no parameter: a `flag` (sent `1`/`0`) or a `boolean` (sent `true`/`false`). */
export function isYesNo(param: Pick<Parameter, 'type'>): boolean {
  return param.type === 'flag' || param.type === 'boolean';
}

/** The dotted item field a filter reads: its `field`, else its own name. */
export function filterField(param: Pick<Parameter, 'name' | 'field'>): string {
  return param.field ?? param.name;
}

/** The environment a single-environment output uses: the first, as the spec orders them (production first). */
export function defaultEnvironment(model: ApiModel): Environment {
  return model.environments[0]!;
}
