// The one YAML writer of the generators, byte for byte js-yaml's dump (block style, no line
// width, double quotes; written for YAML 1.1 readers too: `2024-12-31T23:59:59Z`, `yes` or `1.0`
// get quotes, so no reader turns them into dates, booleans or numbers).
// js-yaml decides how each scalar is written; the mappings and lists around them are laid out
// here, because js-yaml scans every copy of a repeated value again: a check script is the same
// text on every endpoint that answers alike, and a key such as `name` occurs thousands of times.
// Here each distinct scalar is written once, which halves the writing time of an Insomnia v5 file
// and an OpenAPI document on a 1,000-endpoint description.
import jsYaml, { type DumpOptions } from 'js-yaml';

const OPTIONS: DumpOptions = { noRefs: true, lineWidth: -1, quotingType: '"' };
// A key is written on one line: js-yaml double-quotes a key that holds a line break.
const KEY_OPTIONS: DumpOptions = { ...OPTIONS, forceQuotes: true };
// js-yaml writes a key longer than this as an explicit pair (`? key`).
const EXPLICIT_KEY_LENGTH = 1024;
const LITERAL = '|'.charCodeAt(0);

export function toYaml(value: unknown): string {
  const written = new Writer().node(0, value, true);
  return written === undefined ? '' : `${written}\n`;
}

class Writer {
  private readonly values = new Map<unknown, string>();
  private readonly keys = new Map<string, string>();
  /** A literal block's text moved to each depth it was met at. */
  private readonly blocks = new Map<string, string[]>();
  private readonly pads: string[] = [''];
  /**
   * Whether the text `node` last returned starts on a new line (a list or mapping not written
   * compact). Known from what was written, not read from the text: reading a character of a
   * string built by `+=` makes V8 copy it whole, at every depth.
   */
  private startsOnNewLine = false;

  /** How js-yaml writes `value` at `level`; undefined where it leaves the pair out. */
  node(level: number, value: unknown, compact: boolean): string | undefined {
    let written: string | undefined;
    let block = false;
    if (value === undefined) written = undefined;
    else if (typeof value === 'string') written = this.text(level, value);
    else if (Array.isArray(value)) {
      written = value.length === 0 ? '[]' : this.list(level, value, compact);
      block = !compact && value.length > 0;
    } else if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
      written = this.mapping(level, value, compact);
      block = !compact && written !== '{}';
    } else written = this.scalar(value);
    this.startsOnNewLine = block;
    return written;
  }

  private list(level: number, items: readonly unknown[], compact: boolean): string {
    let out = '';
    for (const item of items) {
      if (!compact || out !== '') out += `\n${this.pad(level)}`;
      // an item is written compact: it never starts on a new line
      out += `- ${this.node(level + 1, item === undefined ? null : item, true)}`;
    }
    return out;
  }

  private mapping(level: number, value: object, compact: boolean): string {
    let out = '';
    for (const name of Object.keys(value)) {
      const key = this.key(name);
      const explicit = key.length > EXPLICIT_KEY_LENGTH;
      const written = this.node(level + 1, (value as Record<string, unknown>)[name], explicit);
      if (written === undefined) continue;
      const block = this.startsOnNewLine;
      if (!compact || out !== '') out += `\n${this.pad(level)}`;
      out += explicit ? `? ${key}\n${this.pad(level)}` : key;
      out += block ? ':' : ': ';
      out += written;
    }
    return out || '{}';
  }

  /** js-yaml indents a literal block by two columns per level (at least two): written once at level 1, moved right for deeper ones. */
  private text(level: number, value: string): string {
    const written = this.scalar(value);
    if (level <= 1 || written.charCodeAt(0) !== LITERAL) return written;
    let byLevel = this.blocks.get(value);
    if (byLevel === undefined) this.blocks.set(value, (byLevel = []));
    return (byLevel[level] ??= written.replace(/\n(?!\n|$)/g, `\n${this.pad(level - 1)}`));
  }

  private scalar(value: unknown): string {
    if (Object.is(value, -0)) return jsYaml.dump(value, OPTIONS).slice(0, -1); // a Map holds -0 and 0 as one key
    let written = this.values.get(value);
    if (written === undefined) this.values.set(value, (written = jsYaml.dump(value, OPTIONS).slice(0, -1)));
    return written;
  }

  private key(name: string): string {
    let written = this.keys.get(name);
    if (written === undefined) this.keys.set(name, (written = jsYaml.dump(name, name.includes('\n') ? KEY_OPTIONS : OPTIONS).slice(0, -1)));
    return written;
  }

  private pad(level: number): string {
    return (this.pads[level] ??= '  '.repeat(level));
  }
}
