// POST <token path>: client credentials (HTTP Basic) -> a JWT bearer token.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { parseBasic, secretsEqual } from './basic-auth.js';
import type { ServerContext } from './context.js';
import { ApiError } from './errors.js';
import { rateLimited } from './rate-limit.js';
import type { Tenant } from './types.js';

export const ISSUER = 'securithings-reference-server';
export const REALM = 'SecuriThings';
/** The lifetime the `token-lifetime` violation hands out instead of the documented one. */
export const VIOLATED_LIFETIME_SECONDS = 1800;

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
/** Compared against when the client id is unknown, so unknown and known clients take the same time. */
const UNKNOWN_CLIENT_SECRET = 'no-such-client';

export async function handleToken(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<TokenResponse> {
  ctx.stats.tokenRequests += 1;
  const decision = ctx.limiter.take('token', ctx.model.auth.rateLimit, { ip: request.ip });
  if (!decision.ok) throw rateLimited(ctx.stats, decision.retryAfterSeconds, NO_STORE);
  const organization = (request.params as Record<string, string | undefined>).organization;
  const tenant = authenticateClient(ctx, request.headers.authorization, organization);
  const body = await issueToken(ctx, tenant);
  reply.headers(NO_STORE);
  return body;
}

function authenticateClient(ctx: ServerContext, header: string | undefined, organization: string | undefined): Tenant {
  const basic = parseBasic(header);
  if (!basic.ok) throw invalidClient(basic.problem);
  const { clientId, clientSecret } = basic.credentials;
  const tenant = ctx.tenants.find((t) => t.clientId === clientId);
  const secretOk = secretsEqual(clientSecret, tenant?.clientSecret ?? UNKNOWN_CLIENT_SECRET);
  const organizationOk = organization === undefined || tenant?.organization === organization;
  if (!tenant || !secretOk || !organizationOk) throw invalidClient('the client credentials are not valid for this organization');
  return tenant;
}

function invalidClient(description: string): ApiError {
  return new ApiError(401, 'invalid_client', description, { 'www-authenticate': `Basic realm="${REALM}"`, ...NO_STORE });
}

export async function issueToken(ctx: ServerContext, tenant: Tenant): Promise<TokenResponse> {
  const lifetime = ctx.violations.has('token-lifetime') ? VIOLATED_LIFETIME_SECONDS : ctx.model.auth.lifetimeSeconds;
  const iat = Math.floor(ctx.now() / 1000);
  const token = ctx.violations.has('opaque-token') ? opaqueToken(ctx, tenant, lifetime) : await new SignJWT({ client_id: tenant.clientId, org: tenant.organization })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(tenant.clientId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .sign(ctx.signingKey);
  ctx.issuedTokens.add(token);
  ctx.stats.tokensIssued += 1;
  return { access_token: token, token_type: 'Bearer', expires_in: lifetime };
}

function opaqueToken(ctx: ServerContext, tenant: Tenant, lifetime: number): string {
  const token = randomBytes(24).toString('base64url');
  ctx.opaqueTokens.set(token, { tenant, expiresAt: ctx.now() + lifetime * 1000 });
  return token;
}
