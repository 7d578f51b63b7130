// Why an operation is not imported, and how the report names the operation a note is about.
import type { At } from './documents.js';

/** Thrown while reading an operation the format cannot express: it is skipped with this reason. */
export class Skip extends Error {}

/** `GET /path` for a place inside an operation, else the place itself. */
export function opLabel(at: At): string {
  const path = at.path;
  const i = path.indexOf('paths');
  return i >= 0 && path.length > i + 2 ? `${String(path[i + 2]).toUpperCase()} ${String(path[i + 1])}` : `${at.file}#/${path.join('/')}`;
}
