// Fault mode: the server misbehaves on purpose (slow, failing, rate limited, dropped, garbled, expiring tokens)
// on chosen requests, so tests can prove that the generated collection and the contract runner cope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, invalidToken } from './bearer.js';
import { routePath, type ServerContext } from './context.js';
import { ApiError } from './errors.js';
import type { FaultState, RequestFault } from './fault-state.js';
import type { FaultMatch } from './types.js';

type Target = Exclude<FaultMatch, 'all'>;

/** A body that starts as JSON and stops mid-array. */
export const MALFORMED_JSON = '{"devices": [{"id": "dev-';

/** One onRequest hook, only when there are faults: normal runs pay nothing. */
export function installFaults(app: FastifyInstance, ctx: ServerContext): void {
  const state = ctx.faults;
  if (state.requestFaults.length === 0 && state.expiries.length === 0) return;
  const tokenRoute = routePath(ctx.model.auth.path);
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined) return; // unknown routes answer 404 as usual
    const target: Target = route === tokenRoute ? 'token' : 'data';
    if (target === 'data') expireTokens(ctx, state, request);
    for (const entry of state.requestFaults) {
      if (entry.left <= 0 || !matches(entry.fault.match ?? 'all', target)) continue;
      entry.left -= 1;
      if (entry.fault.kind === 'latency') {
        await pause(request, entry.fault.ms);
        if (request.raw.socket.destroyed) return drop(request, reply); // the client gave up meanwhile
        continue;
      }
      return act(ctx, entry.fault, request, reply);
    }
    return undefined;
  });
}

function matches(match: FaultMatch, target: Target): boolean {
  return match === 'all' || match === target;
}

/** Counts the data request; fires due expiries; refuses a token they expired, as the bearer check would. */
function expireTokens(ctx: ServerContext, state: FaultState, request: FastifyRequest): void {
  state.dataRequests += 1;
  if (state.expiries.includes(state.dataRequests - 1)) for (const token of ctx.recentTokens) state.expiredTokens.add(token);
  const bearer = bearerToken(request.headers.authorization, ctx.model.auth.tokenPrefix);
  if (bearer !== undefined && state.expiredTokens.has(bearer)) throw invalidToken(ctx, 'the access token has expired');
}

function act(ctx: ServerContext, fault: Exclude<RequestFault, { kind: 'latency' }>, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (fault.kind) {
    case 'status':
      throw new ApiError(
        fault.status,
        fault.status >= 500 ? 'server_error' : 'invalid_request',
        `fault injected by the reference server (HTTP ${fault.status})`,
      );
    case 'rate-limit':
      ctx.stats.rateLimited += 1;
      throw new ApiError(429, 'rate_limited', 'too many requests', fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
    case 'malformed-json':
      return reply.code(200).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(MALFORMED_JSON);
    case 'reset':
      return drop(request, reply);
  }
}

/** Destroys the connection: the client sees a reset (or a hang-up) and no answer. */
function drop(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}

/** Waits `ms`, or less when the client closes the connection first. */
function pause(request: FastifyRequest, ms: number): Promise<void> {
  const socket = request.raw.socket;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.once('close', done);
  });
}
