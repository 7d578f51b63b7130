// Names the format accepts, made from names the document uses. Every change is recorded, so the
// report can say which names were rewritten (a name sent on the wire is never rewritten).

export interface Renamed {
  kind: 'endpoint id' | 'resource id' | 'schema name' | 'path parameter' | 'info id';
  from: string;
  to: string;
}

const MAX = 64;

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** A camel-case identifier (`^[A-Za-z][A-Za-z0-9]*$`, at most 64): `invoices.create` -> `invoicesCreate`. */
export function camelIdentifier(text: string, fallback: string): string {
  const parts = words(text);
  let id = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (!/^[A-Za-z]/.test(id)) id = `${fallback}${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  return id.slice(0, MAX);
}

/** A schema name (`^[A-Za-z][A-Za-z0-9_]*$`): `Campaign-2` -> `Campaign_2`, `400` -> `Schema400`. */
export function schemaName(text: string): string {
  let name = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z]/.test(name)) name = `Schema${name}`;
  return name.slice(0, MAX);
}

/** A path parameter's name as the format writes it (it never goes on the wire). */
export function parameterName(text: string): string {
  let name = text.replace(/[^A-Za-z0-9_]+/g, '_');
  if (!/^[A-Za-z]/.test(name)) name = `p${name}`;
  return name;
}

/** A slug (`^[a-z][a-z0-9-]*$`, at most 64). */
export function slug(text: string, fallback: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  return /^[a-z]/.test(s) ? s : `${fallback}${s ? `-${s}` : ''}`.slice(0, MAX);
}

/** Hands out names unique within one namespace, adding 2, 3, ... when one is taken. */
export class NameBook {
  private readonly taken = new Set<string>();

  constructor(
    private readonly kind: Renamed['kind'],
    private readonly renamed: Renamed[],
  ) {}

  claim(original: string, wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${wanted.slice(0, MAX - String(n).length)}${n}`;
    this.taken.add(name.toLowerCase());
    if (name !== original) this.renamed.push({ kind: this.kind, from: original, to: name });
    return name;
  }
}

/** A display text of 1 to 200 characters. */
export function text(value: unknown, fallback: string): string {
  const s = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  const t = s || fallback;
  return t.length > 200 ? `${t.slice(0, 197)}...` : t;
}
