// The one way a generator puts a value into generated JavaScript: as data, never spliced between
// quotes. JSON is a JavaScript expression; three characters are escaped besides: U+2028 and
// U+2029 (line terminators to engines before ES2019) and `<` (so no `</script>` or `<!--` can
// appear, should a script ever be shown inside HTML). One difference remains: in an object
// literal a `"__proto__"` key sets the prototype, so such a value goes through JSON.parse.

const ESCAPES: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };

const escaped = (json: string) => json.replace(/[<\u2028\u2029]/g, (c) => ESCAPES[c]!);

/** A JavaScript expression that evaluates to exactly `value` (JSON data, `undefined`, `-0` or a non-finite number). */
export function jsLiteral(value: unknown, space?: number): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return Object.is(value, -0) ? '-0' : String(value);
  const json = JSON.stringify(value, null, space);
  return /"__proto__":/.test(json) ? `JSON.parse(${escaped(JSON.stringify(json))})` : escaped(json);
}

/** `object.field`, or `object["field"]` when the field is no identifier: a member read whose name is data, never code. */
export const fieldJs = (object: string, field: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) ? `${object}.${field}` : `${object}[${jsLiteral(field)}]`;
