// The data endpoints: every endpoint of every resource, on every distinct path the environments use.
// A list endpoint filters and pages the caller's items, a fetch-one finds one by its key, any other
// endpoint answers a value made from its success schema.
import { checkHeaders } from './headers.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { successResponse, type Endpoint, type ListShape, type Resource } from '../model/model.js';
import { authenticateBearer } from './bearer.js';
import { routePath, type ServerContext } from './context.js';
import { filtersOf, findItem, listAnswer } from './list.js';
import { serveOnly, type MethodTable } from './methods.js';
import { parseQuery, type Value } from './query.js';
import { rateLimited } from './rate-limit.js';
import { sample } from './sample.js';
import type { Tenant } from './types.js';
import { breakItem, breakPage } from './violations.js';

/** Distinct base paths of a resource: its default plus every environment's override. */
export function resourcePaths(ctx: ServerContext, resource: Resource): string[] {
  return [...new Set([resource.basePath, ...ctx.model.environments.map((e) => e.resourcePaths[resource.id]!)])];
}

export function registerDataRoutes(app: FastifyInstance, ctx: ServerContext, methods: MethodTable): void {
  for (const resource of ctx.model.resources) {
    for (const base of resourcePaths(ctx, resource)) {
      const byUrl = new Map<string, Endpoint[]>();
      for (const endpoint of resource.endpoints) {
        const url = routePath(base + endpoint.path);
        byUrl.set(url, [...(byUrl.get(url) ?? []), endpoint]);
      }
      for (const [url, endpoints] of byUrl) {
        serveOnly(
          app,
          methods,
          url,
          endpoints.map((e) => e.method),
          (request, reply) => dispatch(ctx, resource, endpoints, request, reply),
        );
      }
    }
  }
}

async function dispatch(ctx: ServerContext, resource: Resource, endpoints: Endpoint[], request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const endpoint = endpoints.find((e) => e.method === request.method)!; // serveOnly let no other method through
  ctx.stats.dataRequests += 1;
  const { tenant, user } = await caller(ctx, request.headers.authorization, endpoint.id);
  const decision = ctx.limiter.take(`endpoint:${endpoint.id}`, resource.rateLimit, { ip: request.ip, ...(user ? { user } : {}) });
  if (!decision.ok) throw rateLimited(ctx.stats, decision.retryAfterSeconds);
  void reply.header('cache-control', 'no-store');
  void reply.code(ctx.violations.has('wrong-status') ? 202 : (successResponse(endpoint)?.status ?? 200));
  return answer(ctx, resource, endpoint, tenant, request);
}

/** The caller's tenant; under the `no-auth-required` violation a missing or bad token falls back to the first tenant. */
async function caller(ctx: ServerContext, header: string | undefined, endpoint: string): Promise<{ tenant: Tenant; user?: string }> {
  try {
    const tenant = await authenticateBearer(ctx, header, endpoint);
    return { tenant, user: tenant.clientId };
  } catch (error) {
    const fallback = ctx.tenants[0];
    if (!ctx.violations.has('no-auth-required') || !fallback) throw error;
    return { tenant: fallback };
  }
}

function answer(ctx: ServerContext, resource: Resource, endpoint: Endpoint, tenant: Tenant, request: FastifyRequest): unknown {
  const broken = ctx.violations.has('wrong-field-type');
  checkHeaders(endpoint, request.headers);
  const values = parseQuery(endpoint.query, request.query as Record<string, unknown>);
  const items = ctx.data.get(tenant)?.get(resource.id) ?? [];
  if (endpoint.list) {
    const filters = ctx.violations.has('filter-ignored') ? [] : filtersOf(endpoint, values);
    const page = listAnswer(endpoint.list, items, filters, ctx.violations.has('paging-ignored') ? withoutPaging(endpoint.list, values) : values);
    return broken ? breakPage(endpoint.list, page) : page;
  }
  const body = endpoint.item
    ? findItem(items, endpoint.item.key, (request.params as Record<string, string>)[endpoint.pathParams[0]!.name] ?? '')
    : schemaAnswer(ctx, endpoint, tenant);
  return broken ? breakItem(body) : body;
}

/** The query values without the list's paging parameters (the `paging-ignored` violation). */
function withoutPaging(list: ListShape, values: ReadonlyMap<string, Value>): ReadonlyMap<string, Value> {
  const paging = 'param' in list.paging ? list.paging.param : undefined;
  return new Map([...values].filter(([name]) => name !== list.limit && name !== paging));
}

/** An endpoint that neither lists nor fetches one: a value made from its success schema (`{}` without one). */
function schemaAnswer(ctx: ServerContext, endpoint: Endpoint, tenant: Tenant): unknown {
  const name = successResponse(endpoint)?.schema;
  const root = name === undefined ? undefined : ctx.model.schemas[name];
  if (root === undefined) return {};
  return sample(root, '', { root, seeds: new Map(), index: ctx.tenants.indexOf(tenant), salt: `${tenant.organization}:${endpoint.id}` });
}
