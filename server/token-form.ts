// The token request's form body (RFC 6749 sections 3.2, 4.4.2, 5.2), checked the way a strict
// authorization server checks it, for what the description says the body holds.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth } from '../model/model.js';
import { FORM_CONTENT_TYPE, GRANT_TYPE } from '../model/token-form.js';
import { ApiError } from './errors.js';

/** Registers the form parser: the body becomes URLSearchParams for the token handler to judge. */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(FORM_CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, new URLSearchParams(body.toString())));
}

/** The request's form fields (empty when it sent none), after the checks the description calls for. */
export function tokenForm(auth: Auth, request: FastifyRequest): URLSearchParams {
  const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
  if (auth.body !== 'form') return form;
  if (!(request.body instanceof URLSearchParams)) throw invalidRequest(`the token request must be ${FORM_CONTENT_TYPE}`);
  const repeated = [...new Set(form.keys())].find((name) => form.getAll(name).length > 1);
  if (repeated) throw invalidRequest(`\`${repeated}\` is given more than once`);
  const grant = form.get('grant_type');
  if (grant === null) throw invalidRequest('grant_type is required');
  if (grant !== GRANT_TYPE) throw new ApiError(400, 'unsupported_grant_type', `only grant_type=${GRANT_TYPE} is supported`);
  checkScope(auth, form.get('scope'));
  if (auth.audience !== undefined && form.has('audience') && !matchesTemplate(auth.audience, form.get('audience')!))
    throw invalidRequest('the audience is not one this server issues tokens for');
  return form;
}

/** A scope may be left out (the described one applies) or narrow it; every token must be one the description grants. */
function checkScope(auth: Auth, scope: string | null): void {
  if (scope === null) return;
  const granted = auth.scope?.split(' ') ?? [];
  if (scope.split(' ').some((token) => !granted.some((g) => matchesTemplate(g, token))))
    throw new ApiError(400, 'invalid_scope', 'the requested scope is not granted to this client');
}

/**
 * A value as described, its `{variable}`s (a tenant in `https://{tenant}.auth0.com/api/v2/`) each
 * any non-empty text without `/`, space or `.`: the server is served on loopback, for any tenant.
 */
function matchesTemplate(template: string, value: string): boolean {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = template.split(/\{[^{}]*\}/);
  if (parts.length === 1) return template === value;
  return new RegExp(`^${parts.map(literal).join('[^/\\s.]+')}$`).test(value);
}

export function invalidRequest(description: string): ApiError {
  return new ApiError(400, 'invalid_request', description);
}
