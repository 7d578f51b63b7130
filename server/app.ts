// Fastify wiring: parsers, error shape, fault mode, the token route and the data routes. No logger, no listening here.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { routePath, type ServerContext } from './context.js';
import { registerDataRoutes } from './data.js';
import { ApiError, clientErrorHandler, frameworkErrors, installErrorHandling, methodNotAllowed } from './errors.js';
import { installFaults } from './faults.js';
import { handleToken } from './token.js';

const MAX_PARAM_LENGTH = 16 * 1024;

export function buildApp(ctx: ServerContext): FastifyInstance {
  // Ids are opaque: an unknown one of any length is a 404, not fastify's 414 past its default 100-character
  // parameter limit. Node's 16 KiB header limit (431) bounds the whole URL anyway.
  const app = Fastify({ logger: false, frameworkErrors, clientErrorHandler, bodyLimit: 64 * 1024, routerOptions: { maxParamLength: MAX_PARAM_LENGTH } });
  installBodyParsers(app);
  installErrorHandling(app);
  installFaults(app, ctx);
  const { method } = ctx.model.auth;
  app.all(routePath(ctx.model.auth.path), async (request, reply) => {
    if (request.method !== method) throw methodNotAllowed(method);
    return handleToken(ctx, request, reply);
  });
  registerDataRoutes(app, ctx);
  return app;
}

/**
 * No endpoint reads a body: JSON must parse (an empty JSON body is fine), anything else is accepted and ignored,
 * so OAuth clients that send `grant_type=client_credentials` as a form still get their token.
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
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
}
