// The one YAML writer of the generators: js-yaml's dump, about four times faster than the yaml
// package's stringify on a 1,000-endpoint description. Written for YAML 1.1 readers too: strings
// such as `2024-12-31T23:59:59Z`, `yes` or `1.0` get quotes, so no reader turns them into dates,
// booleans or numbers.
import jsYaml, { type DumpOptions } from 'js-yaml';

const OPTIONS: DumpOptions = { noRefs: true, lineWidth: -1, quotingType: '"' };

export function toYaml(value: unknown): string {
  if (typeof value !== 'object' || value === null) return jsYaml.dump(value, OPTIONS);
  return withBlocksOnce(value);
}

// A check script is the same text on every endpoint that answers alike, and js-yaml scans and
// indents each copy again (most of an Insomnia v5 file's writing time). So each long multi-line
// mapping value that occurs more than once is written once, in its places a plain marker, then put back at
// each marker's indentation. With no line width, js-yaml writes a multi-line string either as a
// literal block, whose lines are indented two past its key's column, or double-quoted on one line:
// nothing else depends on where it stands. Should the marker already be in the document, the plain
// dump is used. (A value that occurs once is left to js-yaml: marking it would cost more.)
const MARKER = 'yamlblockq7z';
const MARKED = new RegExp(`${MARKER}(\\d+)q`, 'g');

function withBlocksOnce(value: object): string {
  const repeated = repeatedBlocks(value);
  if (repeated.size === 0) return jsYaml.dump(value, OPTIONS);
  const blocks = new Map<string, number>();
  let markers = 0;
  const replacer = function (this: unknown, _key: string, item: unknown): unknown {
    if (typeof item !== 'string' || Array.isArray(this) || !repeated.has(item)) return item;
    let index = blocks.get(item);
    if (index === undefined) blocks.set(item, (index = blocks.size));
    markers++;
    return `${MARKER}${index}q`;
  };
  const marked = jsYaml.dump(value, { ...OPTIONS, replacer });
  if (marked.split(MARKER).length - 1 !== markers) return jsYaml.dump(value, OPTIONS);
  const written = [...blocks.keys()].map((text) => jsYaml.dump(text, OPTIONS).slice(0, -1));
  return marked.replace(MARKED, (_match, index: string, offset: number) => {
    const line = marked.slice(marked.lastIndexOf('\n', offset) + 1, offset);
    return indentBlock(written[Number(index)]!, /^(?: |- )*/.exec(line)![0].length);
  });
}

// Shorter text costs js-yaml little; looking it up would cost about as much.
const MIN_LENGTH = 256;

/** The long multi-line strings that are the value of a mapping key more than once. */
function repeatedBlocks(root: object): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const visit = (node: unknown, inMapping: boolean): void => {
    if (typeof node === 'string') {
      if (inMapping && node.length >= MIN_LENGTH && node.includes('\n')) (seen.has(node) ? repeated : seen).add(node);
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) visit((node as Record<string, unknown>)[key], true);
    }
  };
  visit(root, false);
  return repeated;
}

/** A block scalar written at the top level (lines indented by two) moved `by` columns right; empty lines stay empty. */
function indentBlock(scalar: string, by: number): string {
  if (!scalar.startsWith('|') || by === 0) return scalar;
  const pad = ' '.repeat(by);
  return scalar.replace(/\n(?!\n|$)/g, `\n${pad}`);
}
