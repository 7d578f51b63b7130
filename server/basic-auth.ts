// HTTP Basic client authentication (RFC 7617), the only way the token endpoint takes credentials.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export type BasicResult = { ok: true; credentials: ClientCredentials } | { ok: false; problem: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `Authorization: Basic base64(id:secret)`, splitting at the FIRST colon (the secret may hold colons). */
export function parseBasic(header: string | undefined): BasicResult {
  if (!header) return fail('client credentials are required as HTTP Basic');
  const match = /^Basic +(\S+) *$/i.exec(header);
  if (!match) return fail('client credentials must use the HTTP Basic scheme');
  const decoded = decodeBase64(match[1]!);
  if (decoded === undefined) return fail('the Basic credentials are not valid base64');
  const colon = decoded.indexOf(':');
  if (colon < 0) return fail('the Basic credentials must be client id and secret separated by a colon');
  const clientId = decoded.slice(0, colon);
  const clientSecret = decoded.slice(colon + 1);
  if (clientId === '' || clientSecret === '') return fail('the client id and secret must not be empty');
  return { ok: true, credentials: { clientId, clientSecret } };
}

function decodeBase64(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function fail(problem: string): BasicResult {
  return { ok: false, problem };
}

/** Constant-time comparison: both sides are hashed first, so lengths never differ. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
