// The data endpoints: every resource endpoint on every distinct path the environments use.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Endpoint, Resource } from '../model/model.js';
import { authenticateBearer } from './bearer.js';
import { routePath, type ServerContext } from './context.js';
import { findDevice, listDevices, parseListQuery } from './devices.js';
import { ApiError } from './errors.js';
import { serveOnly, type MethodTable } from './methods.js';
import { rateLimited } from './rate-limit.js';
import type { Tenant } from './types.js';
import { breakDevice, breakPage } from './violations.js';

/** Only devices are documented; a resource the server has no data for is not served. */
const SERVED_RESOURCES = new Set(['devices']);

/** Distinct base paths of a resource: its default plus every environment's override. */
export function resourcePaths(ctx: ServerContext, resource: Resource): string[] {
  return [...new Set([resource.basePath, ...ctx.model.environments.map((e) => e.resourcePaths[resource.id]!)])];
}

export function registerDataRoutes(app: FastifyInstance, ctx: ServerContext, methods: MethodTable): void {
  for (const resource of ctx.model.resources.filter((r) => SERVED_RESOURCES.has(r.id))) {
    for (const base of resourcePaths(ctx, resource)) {
      const byUrl = new Map<string, Endpoint[]>();
      for (const endpoint of resource.endpoints) {
        const url = routePath(base + endpoint.path);
        byUrl.set(url, [...(byUrl.get(url) ?? []), endpoint]);
      }
      for (const [url, endpoints] of byUrl) {
        serveOnly(app, methods, url, endpoints.map((e) => e.method), (request, reply) => dispatch(ctx, resource, endpoints, request, reply));
      }
    }
  }
}

async function dispatch(ctx: ServerContext, resource: Resource, endpoints: Endpoint[], request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const endpoint = endpoints.find((e) => e.method === request.method)!; // serveOnly let no other method through
  ctx.stats.dataRequests += 1;
  const { tenant, user } = await caller(ctx, request.headers.authorization);
  const decision = ctx.limiter.take(`endpoint:${endpoint.id}`, resource.rateLimit, { ip: request.ip, ...(user ? { user } : {}) });
  if (!decision.ok) throw rateLimited(ctx.stats, decision.retryAfterSeconds);
  void reply.header('cache-control', 'no-store');
  return answer(ctx, endpoint, tenant, request);
}

/** The caller's tenant; under the `no-auth-required` violation a missing or bad token falls back to the first tenant. */
async function caller(ctx: ServerContext, header: string | undefined): Promise<{ tenant: Tenant; user?: string }> {
  try {
    const tenant = await authenticateBearer(ctx, header);
    return { tenant, user: tenant.clientId };
  } catch (error) {
    const fallback = ctx.tenants[0];
    if (!ctx.violations.has('no-auth-required') || !fallback) throw error;
    return { tenant: fallback };
  }
}

function answer(ctx: ServerContext, endpoint: Endpoint, tenant: Tenant, request: FastifyRequest): unknown {
  const broken = ctx.violations.has('wrong-field-type');
  const idParam = endpoint.pathParams[0];
  if (idParam) {
    const id = (request.params as Record<string, string>)[idParam.name] ?? '';
    const device = findDevice(tenant.devices, id);
    if (!device) throw new ApiError(404, 'not_found', 'no such device, or the caller has no access to it');
    return broken ? breakDevice(device) : device;
  }
  const page = listDevices(tenant.devices, parseListQuery(endpoint.query, request.query as Record<string, unknown>));
  return broken ? breakPage(page) : page;
}
