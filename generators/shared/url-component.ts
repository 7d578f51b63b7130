// A literal query key or value, or path parameter value, written so that every client sends it
// unchanged: percent-encoded, with the clients' `{{variable}}` references kept. Postman and
// Insomnia leave an existing `%XX` as it is and Bruno sends the URL as written, so a raw `+` (read
// as a space), `&`, `#`, `/` or `%41` would reach the server as another value.
const VARIABLE = /(\{\{[^{}]*\}\})/;
/** encodeURIComponent throws on half a surrogate pair (YAML can write one as `\ud800`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function urlComponent(text: string): string {
  return text
    .split(VARIABLE)
    .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part.replace(LONE_SURROGATE, '\uFFFD'))))
    .join('');
}
