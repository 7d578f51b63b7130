// `generate` reads, writes and removes only inside its output folder: a symbolic link anywhere
// below it, on the way to a file it would write or remove, could point anywhere else, so the run
// stops before touching anything. The output folder itself may be a link: the user named it.
import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { printable } from '../contract/printable.js';
import { CliError } from './errors.js';

/** Throws a CliError naming the first link (as `<shownOut>/<path>`) on the way to any of `paths`. */
export function refuseLinks(outDir: string, paths: readonly string[], shownOut: string): void {
  const checked = new Set<string>();
  // nothing below a missing folder exists: a fresh output folder needs no look at each file
  const missing = new Set<string>();
  for (const path of paths) {
    const parts = safeParts(path);
    for (let i = 1; i <= parts.length; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      if (checked.has(prefix)) continue;
      checked.add(prefix);
      if (missing.has(parts.slice(0, i - 1).join('/'))) {
        missing.add(prefix);
        continue;
      }
      const stat = entryAt(join(outDir, prefix));
      if (stat === undefined) missing.add(prefix);
      else if (stat?.isSymbolicLink()) {
        throw new CliError(
          `${printable(`${shownOut}/${prefix}`)} is a symbolic link: generate does not follow links inside its output folder; remove it or choose another --out`,
        );
      }
    }
  }
}

/** A relative path's segments; an absolute path or a `.`/`..` segment would leave the folder. */
export function safeParts(path: string): string[] {
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')))
    throw new Error(`not a path inside the output folder: ${JSON.stringify(path)}`);
  return parts;
}

/** What is at `path`: undefined when nothing; null when it cannot be looked at (writing there says why). */
function entryAt(path: string): Stats | undefined | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
}
