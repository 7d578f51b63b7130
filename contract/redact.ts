// Everything the contract run shows or writes passes through one Redactor: the client secret,
// every token seen on the wire (each in every form a server may echo it, see secret-forms.ts),
// Authorization values and anything shaped like a JWT. Structured data is redacted value by value
// before anything renders it; text is redacted as it is.
import { basicForms, secretForms } from './secret-forms.js';

export const REDACTED = '[REDACTED]';
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const AUTHORIZATION_VALUE = /\b(Basic|Bearer)\s+[\w.~+/=-]+/gi;
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;
/** Shorter values would hide ordinary words; the client secret itself is hidden whatever its length. */
const MIN_LENGTH = 8;
const TOKEN_FIELDS = ['access_token', 'token', 'refresh_token', 'id_token'];
/** Deeper JSON is redacted as text rather than walked. */
export const MAX_JSON_DEPTH = 200;

export class TooDeep extends Error {}

export class Redactor {
  private readonly forms = new Set<string>();
  private pattern: RegExp | undefined;
  private readonly tokenFields: string[];

  /** `tokenField`: the member the description says holds the token, learned besides the usual ones. */
  constructor(tokenField?: string) {
    this.tokenFields = tokenField === undefined || TOKEN_FIELDS.includes(tokenField) ? TOKEN_FIELDS : [...TOKEN_FIELDS, tokenField];
  }

  /** Remembers a value seen on the wire (a token) to hide from now on, in all its forms. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= MIN_LENGTH) this.remember(secretForms(secret));
  }

  /** Remembers the client secret, and the Basic credentials made from it when the client id is given. */
  addSecret(secret: string, clientId?: string): void {
    if (!secret) return;
    this.remember([secret, ...secretForms(secret), ...(clientId === undefined ? [] : basicForms(clientId, secret))]);
  }

  /** Remembers the tokens inside a token-endpoint answer, JSON or form-encoded. */
  addFromTokenBody(body: string): void {
    const fields = jsonObject(body) ?? Object.fromEntries(new URLSearchParams(body));
    for (const key of this.tokenFields) if (typeof fields[key] === 'string') this.add(fields[key]);
  }

  text(value: string): string {
    const known = this.pattern ? value.replace(this.pattern, REDACTED) : value;
    return known.replace(JWT, REDACTED).replace(AUTHORIZATION_VALUE, (_, scheme: string) => `${scheme} ${REDACTED}`);
  }

  /** A parsed JSON value with every string in it (keys too) redacted; throws TooDeep past MAX_JSON_DEPTH. */
  json(value: unknown, depth = 0): unknown {
    if (depth > MAX_JSON_DEPTH) throw new TooDeep();
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v, depth + 1));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.json(v, depth + 1)]));
  }

  header(name: string, value: string): string {
    return SENSITIVE_HEADER.test(name) ? REDACTED : this.text(value);
  }

  private remember(forms: string[]): void {
    const before = this.forms.size;
    for (const form of forms) if (form.length >= MIN_LENGTH || forms[0] === form) this.forms.add(form);
    if (this.forms.size === before) return;
    const longestFirst = [...this.forms].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(longestFirst.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }
}

function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}
