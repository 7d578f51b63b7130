// `Authorization: <tokenPrefix> <token>` on the data endpoints (RFC 6750; `Bearer` unless the description documents
// another scheme, e.g. `Token`): a JWT verified with jose against the server's clock, or an opaque token it issued.
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { refusalStatus } from '../model/refusals.js';
import type { ServerContext } from './context.js';
import { ApiError } from './errors.js';
import { canonicalBase64url, openOpaque } from './issued.js';
import { issuer, realm } from './token.js';
import type { Tenant } from './types.js';

/** RFC 6750 section 2.1 (b64token) after the scheme and one or more spaces, nothing after it. */
const B64TOKEN = ' +([A-Za-z0-9\\-._~+/]+=*)$';

/**
 * The token of an `Authorization: <scheme> <token>` header under the documented scheme, in any case (RFC 9110
 * section 11.1: auth schemes are case-insensitive), or undefined. The scheme is letters only (the format's
 * `tokenPrefix` pattern), so it is safe inside the pattern.
 */
export function bearerToken(header: string | undefined, scheme: string): string | undefined {
  return header ? new RegExp(`^${scheme}${B64TOKEN}`, 'i').exec(header)?.[1] : undefined;
}

/** Whether the header names the documented scheme, whatever follows it. */
function namesScheme(header: string, scheme: string): boolean {
  return new RegExp(`^${scheme}(?: |$)`, 'i').test(header);
}

/**
 * The tenant whose token the request carries; throws a 401 ApiError otherwise. Only a token this server issued,
 * byte for byte, is accepted: the signature proves the server issued the bytes, and another spelling of them (a
 * non-canonical base64url part that decodes to the same bytes) is refused before the signature is checked.
 * A missing or invalid bearer gets the status the description's cases document for `endpoint` (else 401);
 * an expired one always 401, the answer clients refetch a token on.
 */
export async function authenticateBearer(ctx: ServerContext, header: string | undefined, endpoint: string): Promise<Tenant> {
  const scheme = ctx.model.auth.tokenPrefix;
  const token = bearerToken(header, scheme);
  const invalid = refusalStatus(ctx.model, { kind: 'endpoint', auth: 'tampered', endpoint });
  if (token === undefined && header !== undefined && namesScheme(header, scheme)) {
    throw invalidToken(ctx, `the Authorization header must be ${scheme} and exactly one token`, invalid);
  }
  // Another scheme (`Bearer` where the docs say `Token`, or `Basic`) is no token at all (RFC 6750 section 3.1): the
  // status the docs give a request without one (401 unless they say otherwise), the challenge naming the documented scheme.
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
  const scheme = ctx.model.auth.tokenPrefix;
  return new ApiError(status, code, `a ${scheme} token is required`, { 'www-authenticate': `${scheme} realm=${realm(ctx.model)}` });
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
    'www-authenticate': `${ctx.model.auth.tokenPrefix} realm=${realm(ctx.model)}, error="invalid_token", error_description="${description}"`,
  });
}
