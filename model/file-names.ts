// File and folder names made from the description's display names, valid and distinct on Linux,
// macOS and Windows. A name is made safe the same way every time; two names that still land on
// the same file (macOS and Windows ignore case) are the loader's to report, with their places.

/**
 * Windows: `<>:"/\|?*` and control characters; with them the characters that hide or reorder what
 * a person reads in a file list (bidi marks, overrides and isolates, line separators, BOM).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff<>:"/\\|?*]/g;
/** Windows device names, reserved with any extension: `CON`, `nul.txt`, `COM1`, `LPT¹`. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;
/** Room for `.bru` and a temp file's `.<pid>.tmp` under the usual 255-byte limit. */
const MAX_BYTES = 200;

/**
 * `name` as one file or folder name: unsafe characters become `-`; leading dots (hidden files,
 * `.`, `..`), leading spaces and the trailing dots and spaces Windows drops are removed; a Windows
 * device name gets a `_`; nothing left becomes `_`.
 */
export function safeFileName(name: string): string {
  const safe = cutToBytes(name.normalize('NFC').replace(UNSAFE, '-'), MAX_BYTES).replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') return '_';
  const base = safe.split('.')[0]!;
  return isWindowsDevice(safe) ? `${base}_${safe.slice(base.length)}` : safe;
}

/** Whether Windows reserves `name` (with or without an extension) for a device. */
export function isWindowsDevice(name: string): boolean {
  return WINDOWS_DEVICE.test(name.split('.')[0]!.trimEnd());
}

/** Two names are the same file on macOS and Windows when their keys are equal. */
export function fileKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** `name`, made safe, with a `_` when it would be one of the names in `taken` (compared as fileKey). */
export function avoiding(name: string, taken: readonly string[], extension = ''): string {
  const safe = safeFileName(name);
  return taken.includes(fileKey(`${safe}${extension}`)) ? `${safe}_` : safe;
}

function cutToBytes(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char, 'utf8') > max) break;
    out += char;
  }
  return out;
}
