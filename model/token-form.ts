// What a token request carries besides the path, as the description says: where the client
// credentials go, and the form fields. Every client, the CLI and the reference server read it here.
import type { Auth } from './model.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const GRANT_TYPE = 'client_credentials';

/** The form fields the description fixes, in order: grant_type, then scope and audience when given. */
export function describedFormFields(auth: Auth): [name: string, value: string][] {
  if (auth.body !== 'form') return [];
  return [['grant_type', GRANT_TYPE], ...(auth.scope ? [['scope', auth.scope] as [string, string]] : []), ...(auth.audience ? [['audience', auth.audience] as [string, string]] : [])];
}

/** The form fields that carry the client under client_secret_post. */
export const CLIENT_FIELDS = { id: 'client_id', secret: 'client_secret' } as const;
