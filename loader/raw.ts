// The description as written, once it has passed spec/format.schema.json (so these shapes hold).
import type {
  CaseAuth,
  ClientAuthentication,
  ItemShape,
  ArrayStyle,
  ParameterType,
  RateLimit,
  TokenBody,
  TokenCredentials,
  TokenFormat,
} from '../model/model.js';

export interface RawRef {
  $ref: string;
}

export interface RawParameter {
  name: string;
  type: ParameterType;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  default?: string | number | boolean;
  example?: string | number | boolean | string[];
  style?: ArrayStyle;
  description?: string;
  field?: string;
}

export type RawValues = Record<string, string | number | boolean | string[]>;

export interface RawEndpoint {
  id: string;
  name: string;
  method: string;
  path: string;
  description?: string;
  headers?: Record<string, string>;
  pathParams?: RawParameter[];
  query?: RawParameter[];
  responses: { status: number; description: string; schema?: RawRef }[];
  capture?: Record<string, string>;
  requires?: string[];
  examples?: { name: string; status: number; query?: RawValues; pathParams?: RawValues; body: unknown }[];
  list?: RawList;
  item?: ItemShape;
}

/** An endpoint's `list` as written: flat keys, at most one paging style (see loader/list-shape.ts). */
export interface RawList {
  items?: string;
  total?: string;
  totalHeader?: string;
  limit?: string;
  offset?: string;
  page?: string;
  firstPage?: 0 | 1;
  cursor?: string;
  nextCursor?: string;
  nextLink?: string;
  linkHeader?: boolean;
}

export interface RawSpec {
  format: 1;
  info: { id: string; name: string; version: string; docs?: string; description?: string; envPrefix?: string };
  environments: {
    id: string;
    name: string;
    baseUrl: string;
    tokenBaseUrl?: string;
    resourcePaths?: Record<string, string>;
    /** clientId and the description's variables (token path, hosts, audience, scope). */
    values?: Record<string, string>;
  }[];
  auth: {
    flow: 'client_credentials';
    method: 'POST';
    path: string;
    clientAuthentication: ClientAuthentication;
    headers?: Record<string, string>;
    body?: TokenBody;
    scope?: string;
    audience?: string;
    tokenPrefix?: string;
    token?: { format?: TokenFormat; type?: string; field?: string };
    lifetimeSeconds?: number | { min?: number; max?: number };
    refreshToken: boolean;
    expirySkewSeconds?: number;
    rateLimit?: RateLimit;
    response: { schema: RawRef };
    description?: string;
  };
  resources: {
    id: string;
    name: string;
    basePath: string;
    description?: string;
    rateLimit?: RateLimit;
    headers?: Record<string, string>;
    endpoints: RawEndpoint[];
  }[];
  schemas: Record<string, Record<string, unknown>>;
  contract: {
    responseTimeMs: number;
    cases: {
      id: string;
      name: string;
      basis?: string;
      token?: { credentials: TokenCredentials };
      endpoint?: string;
      auth?: CaseAuth;
      query?: RawValues;
      pathParams?: RawValues;
      expect: {
        status: number;
        json?: boolean;
        schema?: boolean;
        page?: { items?: string; total?: string; limit: number };
        everyItem?: { items: string; field: string; equals: string | number };
      };
    }[];
  };
  unknowns?: string[];
}
