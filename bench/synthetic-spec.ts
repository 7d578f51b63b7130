// A large synthetic description in the project's format: `resources` x 10 endpoints, each with
// query or path parameters, valid against spec/format.schema.json and accepted by loadSpec.
import { stringify } from 'yaml';

interface Shape {
  suffix: string;
  method: string;
  path: string;
  pathParams: string[];
  query: boolean;
  list: boolean;
}

/** Ten endpoints per resource: collection, item, and nested sub-resources. */
const SHAPES: Shape[] = [
  { suffix: 'List', method: 'GET', path: '', pathParams: [], query: true, list: true },
  { suffix: 'Get', method: 'GET', path: '/{id}', pathParams: ['id'], query: false, list: false },
  { suffix: 'Create', method: 'POST', path: '', pathParams: [], query: false, list: false },
  { suffix: 'Replace', method: 'PUT', path: '/{id}', pathParams: ['id'], query: false, list: false },
  { suffix: 'Update', method: 'PATCH', path: '/{id}', pathParams: ['id'], query: false, list: false },
  { suffix: 'Delete', method: 'DELETE', path: '/{id}', pathParams: ['id'], query: false, list: false },
  { suffix: 'Events', method: 'GET', path: '/{id}/events', pathParams: ['id'], query: true, list: true },
  { suffix: 'Event', method: 'GET', path: '/{id}/events/{eventId}', pathParams: ['id', 'eventId'], query: false, list: false },
  { suffix: 'Status', method: 'GET', path: '/{id}/status', pathParams: ['id'], query: false, list: false },
  { suffix: 'Action', method: 'POST', path: '/{id}/actions/{action}', pathParams: ['id', 'action'], query: true, list: false },
];

export const ENDPOINTS_PER_RESOURCE = SHAPES.length;

function queryParams(): object[] {
  return [
    { name: 'limit', type: 'integer', minimum: 1, maximum: 1000, default: 100, example: 100, description: 'Page size.' },
    { name: 'offset', type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' },
    { name: 'status', type: 'string', enum: ['online', 'offline', 'partial', 'unknown'], description: 'Status filter.' },
    { name: 'isActive', type: 'flag', description: 'Only active items.' },
    { name: 'probe.agent', type: 'string', enum: ['up', 'down'], description: 'Agent probe.' },
  ];
}

function endpoint(resource: string, shape: Shape): object {
  return {
    id: `${resource}${shape.suffix}`,
    name: `${resource} ${shape.suffix}`,
    method: shape.method,
    path: shape.path,
    description: `${shape.suffix} for ${resource}.`,
    ...(shape.pathParams.length > 0
      ? { pathParams: shape.pathParams.map((name) => ({ name, type: 'string', example: `${name}-1`, description: `The ${name}.` })) }
      : {}),
    ...(shape.query ? { query: queryParams() } : {}),
    responses: [
      { status: 200, description: 'OK.', schema: { $ref: shape.list ? '#/schemas/ItemList' : '#/schemas/Item' } },
      { status: 404, description: 'Not found.' },
      { status: 429, description: 'Rate limited.' },
    ],
  };
}

export interface SyntheticOptions {
  /** Every resource's limit; default 10 requests a second per IP. */
  rateLimit?: { requests: number; perSeconds: number; per: string[] };
  /** Extra contract cases on every resource's List endpoint, one round per query given, round after round. */
  listCases?: Record<string, string>[];
}

const resourceId = (index: number) => `res${String(index).padStart(4, '0')}`;

function resource(index: number, options: SyntheticOptions): object {
  const id = resourceId(index);
  return {
    id,
    name: `Resource ${index}`,
    basePath: `/v1/${id}`,
    description: `Synthetic resource ${index}.`,
    rateLimit: options.rateLimit ?? { requests: 10, perSeconds: 1, per: ['ip'] },
    endpoints: SHAPES.map((shape) => endpoint(id, shape)),
  };
}

const ITEM = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    status: { type: 'string', enum: ['online', 'offline', 'partial', 'unknown'] },
    lastSeen: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

function listCases(resources: number, queries: Record<string, string>[]): object[] {
  return queries.flatMap((query, round) =>
    Array.from({ length: resources }, (_, i) => ({
      id: `list${round}r${i + 1}`,
      name: `List ${resourceId(i + 1)} with ${new URLSearchParams(query).toString()}`,
      endpoint: `${resourceId(i + 1)}List`,
      query,
      expect: { status: 200, schema: true },
    })),
  );
}

/** The YAML text of a description with `resources` resources (10 endpoints each). */
export function syntheticSpecYaml(resources: number, options: SyntheticOptions = {}): string {
  const spec = {
    format: 1,
    info: { id: 'synthetic', name: 'Synthetic API', version: 'v1', description: `${resources * ENDPOINTS_PER_RESOURCE} endpoints for the benchmark.` },
    environments: [{ id: 'production', name: 'Synthetic Production', baseUrl: 'https://api.example.com' }],
    auth: {
      flow: 'client_credentials',
      method: 'POST',
      path: '/token/{organization}',
      clientAuthentication: 'basic',
      body: 'none',
      tokenPrefix: 'Bearer',
      lifetimeSeconds: 3600,
      refreshToken: false,
      rateLimit: { requests: 5, perSeconds: 60, per: ['ip'] },
      response: { schema: { $ref: '#/schemas/TokenResponse' } },
    },
    resources: Array.from({ length: resources }, (_, i) => resource(i + 1, options)),
    schemas: {
      TokenResponse: {
        type: 'object',
        required: ['access_token', 'token_type'],
        properties: { access_token: { type: 'string' }, token_type: { type: 'string' }, expires_in: { type: 'integer' } },
      },
      Item: ITEM,
      ItemList: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/schemas/Item' } }, total: { type: 'integer', minimum: 0 } } },
    },
    contract: {
      responseTimeMs: 5000,
      cases: [
        { id: 'tokenWrongSecret', name: 'Token refused for a wrong secret', token: { credentials: 'wrong-secret' }, expect: { status: 401, json: true } },
        ...listCases(resources, options.listCases ?? []),
      ],
    },
  };
  return stringify(spec, { lineWidth: 0 });
}
