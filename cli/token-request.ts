// One OAuth 2.0 client-credentials token request, as the description defines it.
import type { ApiModel, Auth } from '../model/model.js';
import { tokenFormFields, tokenHeaders } from '../model/token-form.js';
import { tokenPath } from '../model/urls.js';
import type { Credentials } from '../contract/target.js';

export type TokenOutcome =
  | { ok: true; token: string; expiresIn?: number }
  | { ok: false; message: string };

export async function requestToken(model: ApiModel, credentials: Credentials, timeoutMs = 30_000): Promise<TokenOutcome> {
  const url = `${credentials.baseUrl}${tokenPath(model, (name) => encodeURIComponent(credentials[name]!))}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: model.auth.method,
      ...clientAuthentication(model.auth, credentials),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, message: `${url}: ${(error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message}` };
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  const token = body?.access_token ?? body?.token;
  if (response.ok && typeof token === 'string' && token !== '') {
    return { ok: true, token, ...(typeof body?.expires_in === 'number' ? { expiresIn: body.expires_in } : {}) };
  }
  const retry = response.headers.get('Retry-After');
  const reason = typeof body?.error === 'string' ? ` (${body.error})` : '';
  return { ok: false, message: `${url} answered HTTP ${response.status}${reason}${response.status === 429 && retry ? `; retry after ${retry} s` : ''}` };
}

/** The headers and form body the description says: the client as HTTP Basic or in the form body. */
function clientAuthentication(auth: Auth, credentials: Credentials): { headers: Record<string, string>; body?: URLSearchParams } {
  const headers: Record<string, string> = { ...Object.fromEntries(tokenHeaders(auth)), Accept: 'application/json' };
  if (auth.clientAuthentication === 'basic') headers['Authorization'] = `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, 'utf8').toString('base64')}`;
  const fields = tokenFormFields(auth, { id: credentials.clientId, secret: credentials.clientSecret });
  return auth.body === 'form' ? { headers, body: new URLSearchParams(fields) } : { headers };
}
