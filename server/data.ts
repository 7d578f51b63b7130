// The data endpoints: every endpoint of every resource, on every distinct path the environments use.
// A list endpoint filters and pages the caller's items, a fetch-one finds one by its key, any other
// endpoint answers a value made from its success schema.
import { ApiError } from './errors.js';
import { checkHeaders } from './headers.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { successResponse, type Endpoint, type Resource } from '../model/model.js';
import { authenticateBearer } from './bearer.js';
import { routePath, type ServerContext } from './context.js';
import { filtersOf, findItem, listAnswer } from './list.js';
import { serveOnly, type MethodTable } from './methods.js';
import { parseQuery } from './query.js';
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
  return answer(ctx, resource, endpoint, tenant, request, reply);
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

function answer(ctx: ServerContext, resource: Resource, endpoint: Endpoint, tenant: Tenant, request: FastifyRequest, reply: FastifyReply): unknown {
  const broken = ctx.violations.has('wrong-field-type');
  checkHeaders(endpoint, request.headers);
  const raw = request.query as Record<string, unknown>;
  const values = parseQuery(endpoint.query, raw);
  const items = ctx.data.get(tenant)?.get(resource.id) ?? [];
  if (endpoint.list) {
    const filters = ctx.violations.has('filter-ignored') ? [] : filtersOf(endpoint, values);
    const ignorePaging = ctx.violations.has('paging-ignored');
    const page = listAnswer(endpoint.list, items, filters, { values, raw, urlWith: urlWith(request), ignorePaging });
    void reply.headers(page.headers);
    return broken ? breakPage(endpoint.list, page.body) : page.body;
  }
  const body = endpoint.item
    ? findItem(items, endpoint.item.key, (request.params as Record<string, string>)[endpoint.pathParams[0]!.name] ?? '')
    : schemaAnswer(ctx, endpoint, tenant);
  return broken ? breakItem(body) : body;
}

/** The request's own URL, on the origin the request reached (its Host), with one query parameter set. */
function urlWith(request: FastifyRequest): (param: string, value: string) => string {
  return (param, value) => {
    const url = new URL(request.url, originOf(request));
    url.searchParams.set(param, value);
    return url.href;
  };
}

/** `scheme://host[:port]` from the Host header; a 400 when it is anything more or less than a host. */
function originOf(request: FastifyRequest): string {
  const base = `${request.protocol}://${request.host}`;
  const origin = URL.canParse(base) ? new URL(base) : undefined;
  if (!origin || origin.href !== `${origin.origin}/`)
    throw new ApiError(400, 'invalid_request', 'the Host header names no host, so there is no link to the next page');
  return origin.origin;
}

/** An endpoint that neither lists nor fetches one: a value made from its success schema (`{}` without one). */
function schemaAnswer(ctx: ServerContext, endpoint: Endpoint, tenant: Tenant): unknown {
  const name = successResponse(endpoint)?.schema;
  const root = name === undefined ? undefined : ctx.model.schemas[name];
  if (root === undefined) return {};
  return sample(root, '', { root, seeds: new Map(), index: ctx.tenants.indexOf(tenant), salt: `${tenant.organization}:${endpoint.id}` });
}
