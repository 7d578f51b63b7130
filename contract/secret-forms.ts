// Every form in which a server or a report may hand back a value: raw, base64 and base64url
// (with and without padding, alone or inside a longer encoded blob), each of those JSON-escaped
// (JSON.stringify's way, and the PHP and Python way: `\/` and `\uXXXX` for non-ASCII, in lower or
// upper hex) and URL-encoded (encodeURIComponent, form `+` for space, URLSearchParams, lower or
// upper hex).

const base64Forms = (value: string): string[] => {
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  const base64url = Buffer.from(value, 'utf8').toString('base64url');
  return [base64, base64.replace(/=+$/, ''), base64url, `${base64url}${'='.repeat((4 - (base64url.length % 4)) % 4)}`];
};

/**
 * The part of base64(...value...) that is the same wherever `value` sits in a longer blob: one per
 * offset mod 3, without the groups it shares with its neighbours (each leaks at most two bytes).
 */
const embeddedBase64Forms = (value: string): string[] =>
  [0, 1, 2].flatMap((offset) => {
    const shifted = Buffer.concat([Buffer.alloc(offset), Buffer.from(value, 'utf8')]);
    const from = offset === 0 ? 0 : 4;
    const to = Math.floor(shifted.length / 3) * 4;
    return [shifted.toString('base64').slice(from, to), shifted.toString('base64url').slice(from, to)];
  });

const lowerHex = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());

function urlForms(value: string): string[] {
  const component = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [component, component.replace(/%20/g, '+'), form].flatMap((encoded) => [encoded, lowerHex(encoded)]);
}

function jsonForms(value: string): string[] {
  const standard = JSON.stringify(value).slice(1, -1);
  const ascii = (hex: (h: string) => string) => standard.replace(/[\u007f-\uffff]/g, (c) => `\\u${hex(c.charCodeAt(0).toString(16).padStart(4, '0'))}`);
  const styles = [standard, ascii((h) => h), ascii((h) => h.toUpperCase())];
  return styles.flatMap((escaped) => [escaped, escaped.replace(/\//g, '\\/')]);
}

/** The distinct forms of `value`, the value itself first. */
export function secretForms(value: string): string[] {
  const bases = [value, ...base64Forms(value), ...embeddedBase64Forms(value)];
  return [...new Set(bases.flatMap((base) => [base, ...jsonForms(base), ...urlForms(base)]))];
}

/** HTTP Basic's credentials, `base64(id:secret)`, in every form. */
export function basicForms(clientId: string, clientSecret: string): string[] {
  return secretForms(`${clientId}:${clientSecret}`).slice(1);
}
