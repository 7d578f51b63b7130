// Fastify wiring: parsers, error shape, the token route and the data routes. No logger, no listening here.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { routePath, type ServerContext } from './context.js';
import { registerDataRoutes } from './data.js';
import { ApiError, clientErrorHandler, frameworkErrors, installErrorHandling, methodNotAllowed } from './errors.js';
import { handleToken } from './token.js';

export function buildApp(ctx: ServerContext): FastifyInstance {
  const app = Fastify({ logger: false, frameworkErrors, clientErrorHandler, bodyLimit: 64 * 1024 });
  installBodyParsers(app);
  installErrorHandling(app);
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
