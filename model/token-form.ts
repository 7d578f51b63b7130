// What a token request carries besides the path, as the description says: where the client
// credentials go, and the form fields. Every client, the CLI and the reference server read it here.
import type { Auth } from './model.js';
import { fillTemplate } from './urls.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const GRANT_TYPE = 'client_credentials';

/**
 * The form fields the description fixes, in order: grant_type, then scope and audience when given,
 * their `{variable}`s written by `variable` (a tool's syntax, or the values); as described without it.
 */
export function describedFormFields(auth: Auth, variable?: (name: string) => string): [name: string, value: string][] {
  if (auth.body !== 'form') return [];
  const filled = (value: string) => (variable ? fillTemplate(value, variable) : value);
  return [
    ['grant_type', GRANT_TYPE],
    ...(auth.scope ? [['scope', filled(auth.scope)] as [string, string]] : []),
    ...(auth.audience ? [['audience', filled(auth.audience)] as [string, string]] : []),
  ];
}

/** The form fields that carry the client under client_secret_post. */
export const CLIENT_FIELDS = { id: 'client_id', secret: 'client_secret' } as const;

/**
 * Every form field of a token request: the described ones, then, under client_secret_post, the
 * client as given (values, or a tool's variables); none when the body is not a form.
 */
export function tokenFormFields(
  auth: Auth,
  client: { id: string; secret: string } | undefined,
  variable?: (name: string) => string,
): [name: string, value: string][] {
  const own: [string, string][] =
    auth.clientAuthentication === 'post' && client
      ? [
          [CLIENT_FIELDS.id, client.id],
          [CLIENT_FIELDS.secret, client.secret],
        ]
      : [];
  return auth.body === 'form' ? [...describedFormFields(auth, variable), ...own] : [];
}

/** The header that states the body's type, when the description sets one (in any case). */
export function contentTypeHeader(headers: Record<string, string>): [name: string, value: string] | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type');
}

/** The described headers, plus the form's Content-Type when the body is a form and they set none. */
export function tokenHeaders(auth: Auth): [name: string, value: string][] {
  const headers = Object.entries(auth.headers);
  return auth.body === 'form' && !contentTypeHeader(auth.headers) ? [...headers, ['Content-Type', FORM_CONTENT_TYPE]] : headers;
}
