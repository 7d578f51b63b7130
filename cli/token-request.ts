// One OAuth 2.0 client-credentials token request, as the description defines it.
import type { ApiModel } from '../model/model.js';
import { tokenPath } from '../model/urls.js';
import type { Credentials } from '../contract/target.js';

export type TokenOutcome =
  | { ok: true; token: string; expiresIn?: number }
  | { ok: false; message: string };

export async function requestToken(model: ApiModel, credentials: Credentials, timeoutMs = 30_000): Promise<TokenOutcome> {
  const url = `${credentials.baseUrl}${tokenPath(model, (name) => encodeURIComponent(name === 'organization' ? credentials.organization : credentials.clientId))}`;
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, 'utf8').toString('base64');
  let response: Response;
  try {
    response = await fetch(url, {
      method: model.auth.method,
      headers: { ...model.auth.headers, Accept: 'application/json', Authorization: `Basic ${basic}` },
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
