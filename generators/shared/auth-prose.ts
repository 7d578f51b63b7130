// How the auth is worded in every output's descriptions, from the description's own facts
// (which variables a person fills in, how the client authenticates), so no output assumes one API.
import { filledVariables, type ApiModel, type Auth } from '../../model/model.js';
import { isFixed, lifetimeText } from '../../model/token-answer.js';
import { describedFormFields } from '../../model/token-form.js';

/** `a`, `a or b`, `a, b or c`. */
export function either(items: readonly string[]): string {
  return joined(items, 'or');
}

/** `a`, `a and b`, `a, b and c`. */
export function both(items: readonly string[]): string {
  return joined(items, 'and');
}

function joined(items: readonly string[], word: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}` : (items[0] ?? '');
}

/** `` `organization` and `clientId` ``: what a person fills in besides the secret. */
export function filledNames(auth: Auth): string {
  return both(filledVariables(auth).map((name) => `\`${name}\``));
}

/** The environments' ids as a choice: `production, staging or local`. */
export function environmentChoice(model: ApiModel): string {
  return either(model.environments.map((e) => e.id));
}

/** `as HTTP Basic`, or `in the form body (client_secret_post)`: where the client id and secret travel. */
export function credentialsPlacement(auth: Auth): string {
  return auth.clientAuthentication === 'basic' ? 'as HTTP Basic' : 'in the form body (client_secret_post)';
}

/** `` (form body: `grant_type=client_credentials` and `scope=read`)`` for a form body, else nothing. */
export function formFieldsNote(auth: Auth): string {
  const fields = describedFormFields(auth);
  return fields.length > 0 ? ` (form body: ${both(fields.map(([k, v]) => `\`${k}=${v}\``))})` : '';
}

/** `3600 seconds`, `between 3000 and 3600 s`, or what the answer's expires_in says when the docs state nothing. */
export function lifetimeProse(auth: Auth): string {
  if (!auth.lifetime) return 'as long as its `expires_in` says (the docs state no lifetime)';
  return isFixed(auth.lifetime) ? `${auth.lifetime.min} seconds` : lifetimeText(auth.lifetime);
}

/**
 * What a client that reads the token only from the fields it knows cannot do: `readable` are those
 * fields. Empty when the documented field is one of them.
 */
export function tokenFieldNote(auth: Auth, client: string, readable: readonly string[]): string[] {
  if (readable.includes(auth.token.field)) return [];
  return [
    '',
    `**Token field.** This API answers the token in \`${auth.token.field}\`, but ${client} reads it only from ${either(readable.map((f) => `\`${f}\``))},`,
    `so its automatic token fetch finds no token: send the token request yourself and paste the \`${auth.token.field}\` value into a Bearer Token auth.`,
  ];
}
