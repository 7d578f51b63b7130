// Fastify wiring: parsers, error shape, fault mode, the token route and the data routes. No logger, no listening here.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { routePath, type ServerContext } from './context.js';
import { registerDataRoutes } from './data.js';
import { ApiError, clientErrorHandler, frameworkErrors, installErrorHandling } from './errors.js';
import { installFaults } from './faults.js';
import { answerConnect, MethodTable, routeEveryMethod, serveOnly } from './methods.js';
import { handleToken } from './token.js';
import { installFormParser } from './token-form.js';

const MAX_PARAM_LENGTH = 16 * 1024;

export function buildApp(ctx: ServerContext): FastifyInstance {
  // Ids are opaque: an unknown one of any length is a 404, not fastify's 414 past its default 100-character
  // parameter limit. Node's 16 KiB header limit (431) bounds the whole URL anyway.
  // An idle keep-alive connection is closed after `keepAliveTimeoutMs`, and every idle one at close().
  const app = Fastify({
    logger: false,
    frameworkErrors,
    clientErrorHandler,
    bodyLimit: 64 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    keepAliveTimeout: ctx.keepAliveTimeoutMs,
    forceCloseConnections: 'idle',
  });
  const methods = new MethodTable();
  routeEveryMethod(app);
  app.server.on('connect', (request: IncomingMessage, socket: Socket) => answerConnect(methods, request.url ?? '', socket));
  installBodyParsers(app);
  installErrorHandling(app);
  installFaults(app, ctx);
  serveOnly(app, methods, routePath(ctx.model.auth.path), [ctx.model.auth.method], (request, reply) => handleToken(ctx, request, reply));
  registerDataRoutes(app, ctx, methods);
  return app;
}

/**
 * JSON must parse (an empty JSON body is none), anything else is accepted and read as no body, so OAuth clients
 * that send `grant_type=client_credentials` as a form still get their token; a write endpoint then checks its body.
 */
function installBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'invalid_request', 'the request body is not valid JSON'), undefined);
    }
  });
  installFormParser(app);
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
}
