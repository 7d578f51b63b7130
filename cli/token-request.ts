// One OAuth 2.0 client-credentials token request, as the description defines it. The answer is
// untrusted: read up to a bound, never followed to another place, and whatever of it is shown
// is redacted (the secret, the Basic value, any token) and escaped for the terminal.
import type { ApiModel, Auth } from '../model/model.js';
import { DEFAULT_TOKEN_FIELD } from '../model/token-answer.js';
import { tokenFormFields, tokenHeaders } from '../model/token-form.js';
import type { Credentials } from '../contract/target.js';
import { settledTokenUrl } from '../contract/request-kinds.js';
import { Redactor } from '../contract/redact.js';
import { printable } from '../contract/printable.js';

export const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_DESCRIPTION_CHARS = 200;

/** `setup`: the request could not be made as asked (refused, unreachable, redirected); `api`: the server broke the contract. */
export type TokenOutcome = { ok: true; token: string; expiresIn?: number } | { ok: false; message: string; cause: 'setup' | 'api' };

export async function requestToken(model: ApiModel, credentials: Credentials, timeoutMs = 30_000): Promise<TokenOutcome> {
  const url = settledTokenUrl(model, credentials);
  const redactor = new Redactor(model.auth.token.field);
  redactor.addSecret(credentials.clientSecret, credentials.clientId);
  const shown = (text: string) => printable(redactor.text(text));
  let response: Response;
  let answer: BoundedText;
  try {
    response = await fetch(url, {
      method: model.auth.method,
      ...clientAuthentication(model.auth, credentials),
      // a redirect would carry the credentials wherever the server points
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    answer = await readBounded(response, MAX_ANSWER_BYTES);
  } catch (error) {
    return { ok: false, cause: 'setup', message: `${url}: ${shown(transportProblem(error, timeoutMs))}` };
  }
  if (response.status >= 300 && response.status < 400)
    return { ok: false, cause: 'setup', message: `${url} answered HTTP ${response.status}, ${shown(redirectTarget(response, url))}` };
  if (answer.cut)
    return { ok: false, cause: 'api', message: `${url} answered HTTP ${response.status} with more than ${MAX_ANSWER_BYTES / 1024} KiB: not read further` };
  const body = parsedObject(answer.text);
  const token = tokenIn(body, model.auth.token.field);
  if (response.ok && typeof token === 'string' && token !== '') {
    // RFC 6749 (A.12): a token is visible ASCII; anything else would reach the terminal raw
    if (!/^[\x20-\x7e]+$/.test(token))
      return { ok: false, cause: 'api', message: `${url} answered a token with characters outside visible ASCII (RFC 6749 A.12): not printed` };
    return { ok: true, token, ...(typeof body?.expires_in === 'number' ? { expiresIn: body.expires_in } : {}) };
  }
  redactor.addFromTokenBody(answer.text);
  const retry = response.headers.get('Retry-After');
  const rateLimited = response.status === 429 && retry ? `; retry after ${shown(retry)} s` : '';
  return {
    ok: false,
    cause: response.status >= 400 && response.status < 500 ? 'setup' : 'api',
    message: `${url} answered HTTP ${response.status}${shown(oauthError(body))}${rateLimited}`,
  };
}

/** The documented field's value; for RFC 6749's access_token, else `token` (as the generated clients read it). */
function tokenIn(body: Record<string, unknown> | undefined, field: string): unknown {
  const own = (name: string) => (body && Object.hasOwn(body, name) ? body[name] : undefined);
  return own(field) ?? (field === DEFAULT_TOKEN_FIELD ? own('token') : undefined);
}

interface BoundedText {
  text: string;
  /** True when the answer was longer than the bound (and was not read to its end). */
  cut: boolean;
}

/** The body, decoded and decompressed, read no further than `limit` bytes. */
async function readBounded(response: Response, limit: number): Promise<BoundedText> {
  if (!response.body) return { text: '', cut: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { text: '', cut: true };
    }
    chunks.push(chunk.value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), cut: false };
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** ` (invalid_client: Client authentication failed)`, from the RFC 6749 error fields when given. */
function oauthError(body: Record<string, unknown> | undefined): string {
  if (typeof body?.error !== 'string') return '';
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const cut = description.length > MAX_DESCRIPTION_CHARS ? `${description.slice(0, MAX_DESCRIPTION_CHARS)}...` : description;
  return ` (${body.error}${cut ? `: ${cut}` : ''})`;
}

function redirectTarget(response: Response, url: string): string {
  const location = response.headers.get('Location');
  let origin = 'no Location';
  try {
    if (location) origin = new URL(location, url).origin;
  } catch {
    origin = 'an unreadable Location';
  }
  return `a redirect to ${origin}: not followed: credentials stay on their origin`;
}

/** What stopped the request, named by its cause (fetch itself says only `fetch failed`). */
function transportProblem(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s (timeout)`;
  const code = failure.cause?.code;
  const detail = failure.cause?.message ?? failure.message;
  if (code === 'ECONNREFUSED') return `connection refused (ECONNREFUSED): is the base URL right, and the server up?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve (${code})`;
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `the server's TLS certificate was refused (${code}: ${detail})`;
  return code ? `${detail} (${code})` : detail;
}

/** The headers and form body the description says: the client as HTTP Basic or in the form body. */
function clientAuthentication(auth: Auth, credentials: Credentials): { headers: Record<string, string>; body?: URLSearchParams } {
  const headers: Record<string, string> = { ...Object.fromEntries(tokenHeaders(auth)), Accept: 'application/json' };
  if (auth.clientAuthentication === 'basic')
    headers['Authorization'] = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, 'utf8').toString('base64')}`;
  const fields = tokenFormFields(auth, { id: credentials.clientId, secret: credentials.clientSecret }, (name) => credentials[name] ?? '');
  return auth.body === 'form' ? { headers, body: new URLSearchParams(fields) } : { headers };
}
