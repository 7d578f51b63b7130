// When a run cannot go on, one message says why and what to check: the host cannot be reached
// (refused, unknown, TLS, connect timeout), or the token request got no token. Everything in it
// comes from already-redacted, printable records, and is bounded.
import type { RequestRecord, RunStop } from './events.js';
import { printable } from './printable.js';
import { TARGET_VARIABLES as V } from './target.js';

const UNREACHABLE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ETIMEDOUT|EPROTO|CERT_.*|.*_CERT(_.*)?|UNABLE_TO_.*|ERR_TLS_.*|ERR_SSL_.*|HOSTNAME_MISMATCH)$/;
const FIELD_LIMIT = 100;

/** Why the run must stop after this request, if it must. `tokenItem`: the request of the collection's token item. */
export function stopAfter(record: RequestRecord, tokenItem: boolean): RunStop | undefined {
  if (record.errorCode && UNREACHABLE.test(record.errorCode)) return { exitCode: 2, message: unreachable(record) };
  if (tokenItem && (record.error || !isSuccess(record.status))) return { exitCode: 2, message: noToken(record) };
  return undefined;
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

function unreachable(record: RequestRecord): string {
  return `Cannot reach ${originOf(record.url)}: ${record.errorCode} (${record.error ?? 'no answer'}). Check ${V.baseUrl} and the network; the run stopped there.`;
}

function noToken(record: RequestRecord): string {
  const answer = record.error
    ? `failed: ${record.errorCode ?? record.error}`
    : `answered ${record.status}${record.statusText ? ` ${record.statusText}` : ''}${oauthError(record.responseJson)}`;
  return `No token: the token endpoint (${record.method} ${record.url}) ${answer}. Check ${settingsFor(record.status)}; the run stopped before any data request.`;
}

function oauthError(json: unknown): string {
  const code = json !== null && typeof json === 'object' ? (json as Record<string, unknown>).error : undefined;
  return typeof code === 'string' ? `, error "${printable(code.slice(0, FIELD_LIMIT))}"` : '';
}

function settingsFor(status: number | undefined): string {
  if (status === 400 || status === 401 || status === 403) return `${V.clientId}, ${V.clientSecret} and ${V.organization}`;
  if (status === 404) return `${V.baseUrl} and ${V.organization}`;
  return V.baseUrl;
}

/** A URL's origin (scheme, host, port), or the URL cut short when it has none. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return printable(url.slice(0, FIELD_LIMIT));
  }
}
