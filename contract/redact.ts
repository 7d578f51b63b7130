// Everything the contract run shows or writes passes through one Redactor: the client secret,
// every token seen on the wire (each in every form a server may echo it, see secret-forms.ts),
// Authorization values and anything shaped like a JWT. Structured data is redacted value by value
// before anything renders it; text is redacted as it is, and as it reads with its escapes decoded
// (unescaped-view.ts), so a value written with any of its characters escaped is hidden too. Parts
// of a remembered value are hidden as well (fragments.ts). Matching ignores case.
import { BESIDE_ELLIPSIS, Fragments, type Range } from './fragments.js';
import { basicForms, secretForms } from './secret-forms.js';
import { unescapedViews } from './unescaped-view.js';

export const REDACTED = '[REDACTED]';
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const AUTHORIZATION_VALUE = /\b(?:Basic|Bearer)\s+([\w.~+/=-]+)/dgi;
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;
/** Shorter values would hide ordinary words; the client secret itself is hidden whatever its length. */
const MIN_LENGTH = 8;
const TOKEN_FIELDS = ['access_token', 'token', 'refresh_token', 'id_token'];
/** Deeper JSON is redacted as text rather than walked. */
export const MAX_JSON_DEPTH = 200;

export class TooDeep extends Error {}

export class Redactor {
  private readonly forms = new Set<string>();
  private readonly fragments = new Fragments();
  /** Whether a form is shorter than Fragments sees (a very short client secret). */
  private shortForms = false;
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
    const found = this.ranges(value);
    for (const view of unescapedViews(value)) {
      if (found === undefined) break;
      const inView = this.ranges(view.text);
      if (inView === undefined) return REDACTED;
      for (const [start, end] of inView) found.push([view.from[start]!, view.to[end - 1]!]);
    }
    return found === undefined ? REDACTED : replaced(value, found);
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

  /** Where anything to hide stands in `text`; `undefined` when all of it must be hidden. */
  private ranges(text: string): Range[] | undefined {
    const found = this.fragments.in(text);
    if (found === undefined) return undefined;
    const add = (pattern: RegExp, group = 0) => {
      for (const m of text.matchAll(pattern)) found.push(group === 0 ? [m.index, m.index + m[0].length] : m.indices![group]!);
    };
    // the pattern is long (every form of every token): it is run only on text that may hold one
    if (this.pattern && (this.shortForms || this.fragments.mayHold(text))) add(this.pattern);
    add(JWT);
    add(AUTHORIZATION_VALUE, 1);
    return found;
  }

  private remember(forms: string[]): void {
    const before = this.forms.size;
    const kept = forms.filter((form) => form.length >= MIN_LENGTH || forms[0] === form);
    for (const form of kept) this.forms.add(form);
    if (this.forms.size === before) return;
    this.fragments.add(kept);
    this.shortForms ||= kept.some((form) => form.length < BESIDE_ELLIPSIS);
    const longestFirst = [...this.forms].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(longestFirst.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  }
}

/** `text` with each range (overlapping ones merged) replaced by REDACTED. */
function replaced(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text;
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) {
      at = Math.max(at, end);
      continue;
    }
    parts.push(text.slice(at, start), REDACTED);
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}
