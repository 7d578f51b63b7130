// The .bru text grammar (usebruno/bruno packages/bruno-lang/v2), written the way `jsonToBru` writes it:
// blocks separated by one blank line, two-space indentation, `~` before a disabled pair.

export interface Pair {
  key: string;
  value: string | number | boolean;
  enabled?: boolean;
}

/** Keys holding `:`, `"`, `{`, `}` or a space are quoted (bru-lang `getKeyString`). */
export function bruKey(key: string): string {
  return /[:"{} ]/.test(key) ? `"${key.replaceAll('"', '\\"')}"` : key;
}

/** A single-line value; a line break would end the pair, so it is folded into a space. */
export function bruValue(value: string | number | boolean): string {
  return String(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

function pairLine({ key, value, enabled = true }: Pair): string {
  const text = bruValue(value);
  return `  ${enabled ? '' : '~'}${bruKey(key)}:${text === '' ? '' : ` ${text}`}`;
}

/** `name { key: value ... }`: meta, get, auth, params:query, vars, assert, ... */
export function dictBlock(name: string, pairs: readonly Pair[]): string {
  return [`${name} {`, ...pairs.map(pairLine), '}'].join('\n');
}

/** `name [ a, b ]`: the environment's `vars:secret` list. */
export function listBlock(name: string, items: readonly string[]): string {
  return [`${name} [`, items.map((item) => `  ${item}`).join(',\n'), ']'].join('\n');
}

/**
 * `name { text }`: docs, tests, scripts. Each line is indented by two spaces (the parser strips them),
 * so no line can start with the `}` that closes the block; empty lines stay empty. A blank text gives
 * no block: Bruno's parser refuses `docs {` with no line of text, and `bru run` then runs nothing.
 */
export function textBlock(name: string, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const lines = text
    .trimEnd()
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '' : `  ${line.trimEnd()}`));
  return [`${name} {`, ...lines, '}'].join('\n');
}

/** A whole file: the non-empty blocks, a blank line between them, a trailing newline. */
export function bruFile(blocks: ReadonlyArray<string | undefined>): string {
  return `${blocks.filter((block): block is string => block !== undefined).join('\n\n')}\n`;
}
