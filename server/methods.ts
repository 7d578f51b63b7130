// Methods: every method node's HTTP parser accepts (`http.METHODS`: QUERY, PROPFIND, LOCK, ...) is routed, and a
// known path answers each one it does not serve with 405 and `Allow`, before any body is read (fastify would
// otherwise answer 404 to a method it does not know, or 400 to a QUERY without a content type). Node hands
// CONNECT to the server's 'connect' event, never to a route, so it is answered there from the same table.
import { METHODS } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, onRequestAsyncHookHandler, RouteHandlerMethod } from 'fastify';
import { endWithError, methodNotAllowed, noSuchRoute } from './errors.js';

/** Which methods each known path serves, for the paths node does not route (CONNECT). */
export class MethodTable {
  private readonly routes: Array<{ pattern: RegExp; allowed: readonly string[] }> = [];

  /** `route` in fastify's syntax: `/v1/devices/:id`. */
  add(route: string, allowed: readonly string[]): void {
    const escaped = route.split(/:[^/]+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.routes.push({ pattern: new RegExp(`^${escaped.join('[^/]+')}$`), allowed });
  }

  allowedFor(target: string): readonly string[] | undefined {
    const path = target.split('?')[0]!;
    return this.routes.find((r) => r.pattern.test(path))?.allowed;
  }
}

/** Makes `app.all` cover every method; call it before registering routes. */
export function routeEveryMethod(app: FastifyInstance): void {
  for (const method of METHODS) {
    if (method !== 'CONNECT' && !app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  }
}

/** Registers `route` for every method: `allowed` reach `handler`, the others get 405 before their body is read. */
export function serveOnly(app: FastifyInstance, table: MethodTable, route: string, allowed: readonly string[], handler: RouteHandlerMethod): void {
  const onRequest: onRequestAsyncHookHandler = async (request) => {
    if (!allowed.includes(request.method)) throw methodNotAllowed(allowed.join(', '));
  };
  table.add(route, allowed);
  app.all(route, { onRequest }, handler);
}

/** A CONNECT request: 405 with `Allow` on a known path, 404 otherwise; JSON either way, then the connection closes. */
export function answerConnect(table: MethodTable, target: string, socket: Socket): void {
  const allowed = table.allowedFor(target);
  endWithError(socket, allowed ? methodNotAllowed(allowed.join(', ')) : noSuchRoute());
}
