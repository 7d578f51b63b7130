// What the server remembers of the tokens it issues: only the last few, for leak scans and the
// token-expiry fault. Bearers are checked by signature and expiry (bearer.ts), not by lookup, so the
// server's memory stays the same however many tokens it hands out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Tenant } from './types.js';

/** How many of the latest tokens `recentTokens` keeps. */
export const RECENT_TOKENS = 1000;

/** Remembers `token` among the latest RECENT_TOKENS, forgetting the oldest. */
export function remember(recent: Set<string>, token: string): void {
  recent.add(token);
  if (recent.size > RECENT_TOKENS) recent.delete(recent.values().next().value!);
}

/** True when every dot-separated part is base64url exactly as it re-encodes: one spelling per token, the issued one. */
export function canonicalBase64url(token: string): boolean {
  return token.split('.').every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);
}

// An opaque token (documented, or the `opaque-token` violation): tenant index, expiry and randomness, sealed with
// an HMAC under the server's key. Not a JWT, yet the server needs no store to check it.
const PAYLOAD = 2 + 8 + 12;
const MAC = 16;

export function sealOpaque(key: Uint8Array, tenantIndex: number, expiresAtMs: number): string {
  const payload = Buffer.alloc(PAYLOAD);
  payload.writeUInt16BE(tenantIndex, 0);
  payload.writeDoubleBE(expiresAtMs, 2);
  randomBytes(12).copy(payload, 10);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

export type Opened = { tenant: Tenant; expiresAt: number } | undefined;

/** The tenant and expiry an opaque token of this server holds, or undefined when it is not one. */
export function openOpaque(key: Uint8Array, tenants: readonly Tenant[], token: string): Opened {
  if (!canonicalBase64url(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== PAYLOAD + MAC) return undefined;
  const payload = bytes.subarray(0, PAYLOAD);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD), mac(key, payload))) return undefined;
  const tenant = tenants[payload.readUInt16BE(0)];
  return tenant && { tenant, expiresAt: payload.readDoubleBE(2) };
}

function mac(key: Uint8Array, payload: Buffer): Buffer {
  return createHmac('sha256', key).update('opaque-token').update(payload).digest().subarray(0, MAC);
}
