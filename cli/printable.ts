// Text from the network, made safe to print on a terminal: control characters (C0, DEL, C1),
// line and paragraph separators and bidirectional overrides are shown as \u escapes, so a server
// can neither move the cursor, recolour the screen nor hide text.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
