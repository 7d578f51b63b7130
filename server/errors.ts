// Every error leaves the server as JSON `{error, error_description}`: ours, fastify's, and unknown routes.
// Descriptions are fixed sentences; nothing from a stack, a caught exception or a credential gets in.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorBody {
  error: string;
  error_description: string;
}

/** An error the handlers throw on purpose; its description is safe to show. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  const body: ErrorBody = { error: error.code, error_description: error.description };
  return reply.code(error.status).headers(error.headers).type('application/json; charset=utf-8').send(body);
}

export function noSuchRoute(): ApiError {
  return new ApiError(404, 'not_found', 'no such route');
}

export function methodNotAllowed(allowed: string): ApiError {
  return new ApiError(405, 'method_not_allowed', `this path only answers ${allowed}`, { allow: allowed });
}

const FRAMEWORK_ERRORS: Record<number, [code: string, description: string]> = {
  400: ['invalid_request', 'the request is malformed'],
  404: ['not_found', 'no such resource'],
  405: ['method_not_allowed', 'the method is not allowed here'],
  406: ['not_acceptable', 'the requested representation is not available'],
  413: ['invalid_request', 'the request body is too large'],
  414: ['invalid_request', 'the request URI is too long'],
  415: ['invalid_request', 'the request body has an unsupported media type'],
  431: ['invalid_request', 'the request headers are too large'],
};

/** Maps any thrown error to the JSON shape, keeping only its status. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const status = (error as Partial<FastifyError> | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, description] = FRAMEWORK_ERRORS[status] ?? ['invalid_request', 'the request cannot be processed'];
    return new ApiError(status, code, description);
  }
  return new ApiError(500, 'server_error', 'the server failed to handle the request');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => sendError(reply, toApiError(error)));
  app.setNotFoundHandler((_request, reply) => sendError(reply, noSuchRoute()));
}

/** For fastify's `frameworkErrors` option (bad URL encoding and the like). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, toApiError(error));
}

/**
 * For fastify's `clientErrorHandler` option: an unparsable HTTP request, answered on the raw socket.
 * Headers (or a URL) over node's `maxHeaderSize` get 431, as node itself would answer; anything else 400.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const [status, description] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, FRAMEWORK_ERRORS[431]![1]] : [400, 'the HTTP request is malformed'];
  endWithError(socket, new ApiError(status, 'invalid_request', description));
}

/** Writes the error as a whole HTTP/1.1 answer on a socket no request object owns, and closes it. */
export function endWithError(socket: Socket, error: ApiError): void {
  const body = JSON.stringify({ error: error.code, error_description: error.description } satisfies ErrorBody);
  const headers = Object.entries(error.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${headers}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
