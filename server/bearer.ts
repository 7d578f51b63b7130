// `Authorization: Bearer <jwt>` on the data endpoints (RFC 6750): verified with jose against the server's clock.
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { refusalStatus } from '../model/refusals.js';
import type { ServerContext } from './context.js';
import { ApiError } from './errors.js';
import { canonicalBase64url, openOpaque } from './issued.js';
import { issuer, realm } from './token.js';
import type { Tenant } from './types.js';

/** RFC 6750 section 2.1: `Bearer` in any case (RFC 7235), one or more spaces, one b64token, nothing after it. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/**
 * The tenant whose token the request carries; throws a 401 ApiError otherwise. Only a token this server issued,
 * byte for byte, is accepted: the signature proves the server issued the bytes, and another spelling of them (a
 * non-canonical base64url part that decodes to the same bytes) is refused before the signature is checked.
 * A missing or invalid bearer gets the status the description's cases document for `endpoint` (else 401);
 * an expired one always 401, the answer clients refetch a token on.
 */
export async function authenticateBearer(ctx: ServerContext, header: string | undefined, endpoint: string): Promise<Tenant> {
  const token = bearerToken(header);
  const invalid = refusalStatus(ctx.model, { kind: 'endpoint', auth: 'tampered', endpoint });
  if (token === undefined && header !== undefined && /^Bearer(?: |$)/i.test(header)) {
    throw invalidToken(ctx, 'the Authorization header must be Bearer and exactly one token', invalid);
  }
  if (token === undefined) throw missingBearer(ctx, refusalStatus(ctx.model, { kind: 'endpoint', auth: 'none', endpoint }));
  if (!canonicalBase64url(token)) throw invalidToken(ctx, 'the access token is not valid', invalid);
  if (ctx.model.auth.token.format === 'opaque' || ctx.violations.has('opaque-token')) {
    const opaque = openOpaque(ctx.signingKey, ctx.tenants, token);
    if (!opaque) throw invalidToken(ctx, 'the access token is not valid', invalid);
    if (opaque.expiresAt <= ctx.now()) throw invalidToken(ctx, 'the access token has expired');
    return opaque.tenant;
  }
  const claims = await verify(ctx, token, invalid);
  const tenant = ctx.tenants.find((t) => t.clientId === claims.client_id && t.organization === claims.org);
  if (!tenant) throw invalidToken(ctx, 'the access token is not valid', invalid);
  return tenant;
}

/** No bearer at all: 401 `unauthorized` (RFC 6750 section 3.1), or 400 `invalid_request` / 403 `forbidden` where the docs say so. */
function missingBearer(ctx: ServerContext, status: number): ApiError {
  const code = status === 400 ? 'invalid_request' : status === 403 ? 'forbidden' : 'unauthorized';
  return new ApiError(status, code, 'a bearer token is required', { 'www-authenticate': `Bearer realm=${realm(ctx.model)}` });
}

async function verify(ctx: ServerContext, token: string, invalid: number): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, ctx.signingKey, {
      algorithms: ['HS256'],
      issuer: issuer(ctx.model),
      currentDate: new Date(ctx.now()),
      requiredClaims: ['iat', 'exp', 'sub', 'jti'],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw invalidToken(ctx, 'the access token has expired');
    throw invalidToken(ctx, 'the access token is not valid', invalid);
  }
}

/** `invalid_token` (RFC 6750 section 3.1), 401 unless the docs say another status for a tampered token. */
export function invalidToken(ctx: ServerContext, description: string, status = 401): ApiError {
  return new ApiError(status, 'invalid_token', description, {
    'www-authenticate': `Bearer realm=${realm(ctx.model)}, error="invalid_token", error_description="${description}"`,
  });
}
