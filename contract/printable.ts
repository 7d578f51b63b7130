// Text from the network goes to a terminal: control characters (C0, DEL, C1, so every ESC
// sequence too) and the bidi overrides that reorder what a person reads are shown as visible
// escapes (`\x1b`, `\u{202e}`) instead of acting on the terminal.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `text` with every control character escaped; `\n` is kept where `lines` says line breaks are meant. */
export function printable(text: string, { lines = false } = {}): string {
  return text.replace(lines ? UNPRINTABLE_BUT_NEWLINE : UNPRINTABLE, visible);
}
