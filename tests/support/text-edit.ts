// Exact text edits on a description, for test cases written as "this description, but with ...".
// A snippet an edit names must occur exactly once (or, for `replace`/`remove` given `after`, at
// least once after it), so a change to the text it edits fails loudly instead of editing
// something else.

/**
 * One change: `replace` becomes `with`; `insert` (one or more whole lines, no final newline) goes
 * right after the line on which `after` ends; `remove` drops the whole lines it spans. For
 * replace and remove, `after` means the first occurrence after that (unique) text.
 */
export type Edit = { replace: string; with: string; after?: string } | { insert: string; after: string } | { remove: string; after?: string };

export interface Edited {
  text: string;
  /** Where the text the edit put in starts in `text`, and that text ('' for a removal). */
  start: number;
  added: string;
}

/** The offset of `needle`, which must occur exactly once in `text` at or after `from`. */
export function onlyOccurrence(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (needle === '' || at < 0) throw new Error(`${JSON.stringify(needle)} does not occur`);
  if (text.indexOf(needle, at + 1) >= 0) throw new Error(`${JSON.stringify(needle)} occurs more than once`);
  return at;
}

export function applyEdit(text: string, edit: Edit): Edited {
  const after = 'after' in edit ? edit.after : undefined;
  const from = after === undefined ? undefined : onlyOccurrence(text, after) + after.length;
  if ('insert' in edit) {
    const start = lineEnd(text, (from ?? 0) - 1) + 1;
    return splice(text, start, start, `${edit.insert}\n`);
  }
  const needle = 'remove' in edit ? edit.remove : edit.replace;
  const at = from === undefined ? onlyOccurrence(text, needle) : firstOccurrence(text, needle, from);
  if ('remove' in edit) return splice(text, lineStart(text, at), lineEnd(text, at + needle.length - 1) + 1, '');
  return splice(text, at, at + needle.length, edit.with);
}

function firstOccurrence(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  if (needle === '' || at < 0) throw new Error(`${JSON.stringify(needle)} does not occur after ${from}`);
  return at;
}

/** The 1-based line and column (in UTF-16 units) of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1) ?? '').length + 1 };
}

function splice(text: string, start: number, end: number, added: string): Edited {
  return { text: text.slice(0, start) + added + text.slice(end), start, added };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the newline ending the line that holds `offset`. */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
