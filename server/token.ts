// POST <token path>: client credentials -> a bearer token as the description documents it (a JWT
// or opaque, its token_type, field and lifetime). The client authenticates the one
// way the description says (HTTP Basic, or client_id and client_secret in the form body); the
// other way is refused, as a strict server refuses it (RFC 6749 sections 2.3.1, 5.2).
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import type { ApiModel } from '../model/model.js';
import { refusalStatus } from '../model/refusals.js';
import { issuedLifetime, violatedLifetime } from '../model/token-answer.js';
import { CLIENT_FIELDS } from '../model/token-form.js';
import { tokenPathVariables } from '../model/urls.js';
import { parseBasic, secretsEqual, type ClientCredentials } from './basic-auth.js';
import type { ServerContext } from './context.js';
import { ApiError } from './errors.js';
import { remember, sealOpaque } from './issued.js';
import { rateLimited } from './rate-limit.js';
import { invalidRequest, tokenForm } from './token-form.js';
import type { Tenant } from './types.js';

/** The `iss` of the tokens: the described API's reference server. */
export function issuer(model: ApiModel): string {
  return `${model.info.id}-reference-server`;
}

/** The realm of every challenge: the described API's name as an RFC 7235 quoted-string (printable ASCII: a header value may hold no other). */
export function realm(model: ApiModel): string {
  return `"${model.info.name.replace(/[^\x20-\x7e]/g, '?').replace(/[\\"]/g, '\\$&')}"`;
}
/** The token answer: the token under the documented field, the documented token_type, expires_in. */
export type TokenResponse = Record<string, string | number> & { token_type: string; expires_in: number };

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
/** Compared against when the client id is unknown, so unknown and known clients take the same time. */
const UNKNOWN_CLIENT_SECRET = 'no-such-client';

export async function handleToken(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<TokenResponse> {
  ctx.stats.tokenRequests += 1;
  const decision = ctx.limiter.take('token', ctx.model.auth.rateLimit, { ip: request.ip });
  if (!decision.ok) throw rateLimited(ctx.stats, decision.retryAfterSeconds, NO_STORE);
  const form = tokenForm(ctx.model.auth, request);
  const credentials = clientCredentials(ctx, request.headers.authorization, form);
  const tenant = authenticateClient(ctx, credentials, request.params as Record<string, string | undefined>);
  const body = await issueToken(ctx, tenant);
  reply.headers(NO_STORE);
  return body;
}

/** The client's id and secret, from where the description puts them; the other place must be empty. */
function clientCredentials(ctx: ServerContext, header: string | undefined, form: URLSearchParams): ClientCredentials {
  const inBody = form.has(CLIENT_FIELDS.secret);
  if (header !== undefined && inBody) throw invalidRequest('the client authenticates with more than one method');
  if (ctx.model.auth.clientAuthentication === 'post') {
    if (header !== undefined)
      throw invalidClient(ctx, 'this server takes the client credentials in the form body (client_secret_post), not in an Authorization header', true);
    const clientId = form.get(CLIENT_FIELDS.id) ?? '';
    const clientSecret = form.get(CLIENT_FIELDS.secret) ?? '';
    if (clientId === '' || clientSecret === '') throw noCredentials(ctx, 'client_id and client_secret are required in the form body');
    return { clientId, clientSecret };
  }
  if (header === undefined && inBody)
    throw invalidClient(ctx, 'this server takes the client credentials as HTTP Basic (client_secret_basic), not in the body', true);
  if (header === undefined) throw noCredentials(ctx, 'client credentials are required as HTTP Basic');
  const basic = parseBasic(header);
  if (!basic.ok) throw invalidClient(ctx, basic.problem, true);
  return basic.credentials;
}

/** The tenant the credentials belong to, when every token-path variable names it too. */
function authenticateClient(ctx: ServerContext, { clientId, clientSecret }: ClientCredentials, params: Record<string, string | undefined>): Tenant {
  const tenant = ctx.tenants.find((t) => t.clientId === clientId);
  const secretOk = secretsEqual(clientSecret, tenant?.clientSecret ?? UNKNOWN_CLIENT_SECRET);
  const pathOk =
    tokenPathVariables(ctx.model.auth.path).every((name) => tenant?.organization === params[name]) &&
    (params['clientId'] === undefined || params['clientId'] === clientId);
  if (!tenant || !secretOk || !pathOk) {
    const status = refusalStatus(ctx.model, { kind: 'token', credentials: 'wrong-secret' });
    throw invalidClient(ctx, 'the client credentials are not valid for this token path', ctx.model.auth.clientAuthentication === 'basic', status);
  }
  return tenant;
}

/**
 * invalid_client, 401 unless the docs say another status for a wrong secret; a Basic challenge with a 401 when the
 * client tried (or should use) HTTP Basic (RFC 6749 section 5.2).
 */
function invalidClient(ctx: ServerContext, description: string, challenge = false, status = 401): ApiError {
  const headers = { ...(challenge && status === 401 ? { 'www-authenticate': `Basic realm=${realm(ctx.model)}` } : {}), ...NO_STORE };
  return new ApiError(status, 'invalid_client', description, headers);
}

/**
 * No client credentials at all, answered as the docs say: 400 invalid_request (a missing parameter, RFC 6749
 * section 5.2), or invalid_client with 401 (the default) or 403.
 */
function noCredentials(ctx: ServerContext, description: string): ApiError {
  const status = refusalStatus(ctx.model, { kind: 'token', credentials: 'none' });
  if (status === 400) return new ApiError(400, 'invalid_request', description, NO_STORE);
  return invalidClient(ctx, description, ctx.model.auth.clientAuthentication === 'basic', status);
}

export async function issueToken(ctx: ServerContext, tenant: Tenant): Promise<TokenResponse> {
  const { token: answer, lifetime: documented } = ctx.model.auth;
  const lifetime = ctx.violations.has('token-lifetime') ? violatedLifetime(documented)! : issuedLifetime(documented);
  const iat = Math.floor(ctx.now() / 1000);
  const token =
    answer.format === 'opaque' || ctx.violations.has('opaque-token')
      ? opaqueToken(ctx, tenant, lifetime)
      : await new SignJWT({ client_id: tenant.clientId, org: tenant.organization })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuer(issuer(ctx.model))
          .setSubject(tenant.clientId)
          .setJti(randomUUID())
          .setIssuedAt(iat)
          .setExpirationTime(iat + lifetime)
          .sign(ctx.signingKey);
  remember(ctx.recentTokens, token);
  ctx.stats.tokensIssued += 1;
  return { [answer.field]: token, token_type: answer.type, expires_in: lifetime };
}

function opaqueToken(ctx: ServerContext, tenant: Tenant, lifetime: number): string {
  return sealOpaque(ctx.signingKey, ctx.tenants.indexOf(tenant), ctx.now() + lifetime * 1000);
}
