// A server may write any character of a value escaped: JSON's `\u0073` or `\/`, JavaScript's
// `\x73` or `\'`, a URL's `%73`, in any mix with plain characters, and may escape the escapes
// again. A view decodes every escape once and remembers where each of its characters came from,
// so what is found in the view can be hidden in the text it was read from.

export interface View {
  text: string;
  /** For each character of `text`, where the source characters it was decoded from start and end. */
  from: number[];
  to: number[];
}

/** How many times an escape may have been escaped again (`\\u0073`) and still be read. */
const LEVELS = 3;
const ESCAPE = /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([^]))|((?:%[0-9a-fA-F]{2})+)/g;
const SHORT: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/** The views of `source` with one, two... levels of escapes decoded, each mapped back to `source`. */
export function unescapedViews(source: string): View[] {
  const views: View[] = [];
  let current: View | undefined = { text: source, from: [], to: [] };
  for (let level = 0; level < LEVELS && current && /[\\%]/.test(current.text); level += 1) {
    const next = decodeOnce(current.text);
    if (next.text === current.text) break;
    const mapped: View = level === 0 ? next : compose(current, next);
    views.push(mapped);
    current = mapped;
  }
  return views;
}

function compose(outer: View, inner: View): View {
  return { text: inner.text, from: inner.from.map((i) => outer.from[i]!), to: inner.to.map((i) => outer.to[i - 1]!) };
}

function decodeOnce(source: string): View {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const emit = (text: string, start: number, end: number) => {
    parts.push(text);
    for (let i = 0; i < text.length; i += 1) {
      from.push(start);
      to.push(end);
    }
  };
  let last = 0;
  for (const m of source.matchAll(ESCAPE)) {
    for (let i = last; i < m.index; i += 1) emit(source[i]!, i, i + 1);
    if (m[5] !== undefined) percentRun(m[5], m.index, emit);
    else emit(escaped(m), m.index, m.index + m[0].length);
    last = m.index + m[0].length;
  }
  for (let i = last; i < source.length; i += 1) emit(source[i]!, i, i + 1);
  return { text: parts.join(''), from, to };
}

function escaped(m: RegExpMatchArray): string {
  const hex = m[1] ?? m[2] ?? m[3];
  if (hex !== undefined) {
    const code = parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m[0];
  }
  return SHORT[m[4]!] ?? m[4]!;
}

/** `%C3%A9%2F` -> `é/`: each character mapped to the escapes of its own UTF-8 bytes. */
function percentRun(run: string, at: number, emit: (text: string, start: number, end: number) => void): void {
  const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const size = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    const end = Math.min(i + size, bytes.length);
    emit(bytes.subarray(i, end).toString('utf8'), at + 3 * i, at + 3 * end);
    i = end;
  }
}
