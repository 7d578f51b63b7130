// When a run cannot go on, one message says why and what to check: the host cannot be reached
// (refused, unknown, TLS, connect timeout), an answer did not end within its deadline, the token
// request got no token, or the run outlived its own deadline. Everything in it comes from
// already-redacted, printable records, and is bounded.
import { ANSWER_TIMEOUT_CODE } from './answer-deadline.js';
import type { RequestRecord, RunStop } from './events.js';
import { printable } from './printable.js';
import type { SettingNames } from './target.js';

const UNREACHABLE =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ETIMEDOUT|EPROTO|CERT_.*|.*_CERT(_.*)?|UNABLE_TO_.*|ERR_TLS_.*|ERR_SSL_.*|HOSTNAME_MISMATCH)$/;
const FIELD_LIMIT = 100;

/** Why the run must stop after this request, if it must. `tokenItem`: the request of the collection's token item. */
export function stopAfter(record: RequestRecord, tokenItem: boolean, settings: SettingNames): RunStop | undefined {
  if (record.errorCode && UNREACHABLE.test(record.errorCode)) return { exitCode: 2, message: unreachable(record, settings) };
  if (record.errorCode === ANSWER_TIMEOUT_CODE) return { exitCode: 2, message: tooSlow(record, settings) };
  if (tokenItem && (record.error || !isSuccess(record.status))) return { exitCode: 2, message: noToken(record, settings) };
  return undefined;
}

/** The stop of a run that outlived its deadline (`runTimeoutMs`), during `item`. */
export function outOfTime(runTimeoutMs: number, item: string, V: SettingNames): RunStop {
  const during = item ? `, during ${printable(item.slice(0, FIELD_LIMIT))}` : '';
  return {
    exitCode: 2,
    message: `The run took longer than ${runTimeoutMs / 1000} s (--run-timeout)${during}. Check ${V.baseUrl} and the network, or allow more time with --run-timeout; the run stopped there.`,
  };
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

function unreachable(record: RequestRecord, V: SettingNames): string {
  return `Cannot reach ${originOf(record.url)}: ${record.errorCode} (${record.error ?? 'no answer'}). Check ${V.baseUrl} and the network; the run stopped there.`;
}

function tooSlow(record: RequestRecord, V: SettingNames): string {
  return `Too slow: ${record.method} ${record.url} gave ${record.error} (--answer-timeout). Check ${V.baseUrl} and the network, or allow more time with --answer-timeout; the run stopped there.`;
}

function noToken(record: RequestRecord, settings: SettingNames): string {
  const answer = record.error
    ? `failed: ${record.errorCode ?? record.error}`
    : `answered ${record.status}${record.statusText ? ` ${record.statusText}` : ''}${oauthError(record.responseJson)}`;
  return `No token: the token endpoint (${record.method} ${record.url}) ${answer}. Check ${settingsFor(record.status, settings)}; the run stopped before any data request.`;
}

function oauthError(json: unknown): string {
  const code = json !== null && typeof json === 'object' ? (json as Record<string, unknown>).error : undefined;
  return typeof code === 'string' ? `, error "${printable(code.slice(0, FIELD_LIMIT))}"` : '';
}

/** The settings that decide such an answer: the client and the token path's variables, or where the endpoint is. */
function settingsFor(status: number | undefined, V: SettingNames): string {
  const path = Object.values(V.pathVariables);
  if (status === 400 || status === 401 || status === 403) return both([V.clientId, V.clientSecret, ...path]);
  if (status === 404) return both([V.baseUrl, ...path]);
  return V.baseUrl;
}

function both(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!;
}

/** A URL's origin (scheme, host, port), or the URL cut short when it has none. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return printable(url.slice(0, FIELD_LIMIT));
  }
}
