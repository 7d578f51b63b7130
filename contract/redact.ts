// Everything the contract run shows or writes passes through one Redactor: the client secret,
// every token seen on the wire, Authorization values and anything shaped like a JWT.

export const REDACTED = '[REDACTED]';
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const AUTHORIZATION_VALUE = /\b(Basic|Bearer)\s+[\w.~+/=-]+/gi;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value seen on the wire (a token) to hide from now on; very short ones would hide ordinary words. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  /** Remembers the client secret: hidden whatever its length. */
  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  /** Remembers the tokens inside a token-endpoint answer. */
  addFromTokenBody(body: string): void {
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      for (const key of ['access_token', 'token', 'refresh_token', 'id_token']) {
        if (typeof parsed[key] === 'string') this.add(parsed[key]);
      }
    } catch {
      // not JSON: nothing to learn
    }
  }

  text(value: string): string {
    let out = value;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
    return out.replace(JWT, REDACTED).replace(AUTHORIZATION_VALUE, (_, scheme: string) => `${scheme} ${REDACTED}`);
  }

  header(name: string, value: string): string {
    return /^(authorization|proxy-authorization|cookie|set-cookie)$/i.test(name) ? REDACTED : this.text(value);
  }
}
