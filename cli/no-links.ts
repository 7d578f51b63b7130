// `generate` reads, writes and removes only inside its output folder: a symbolic link anywhere
// below it, on the way to a file it would write or remove, could point anywhere else, so the run
// stops before touching anything. The output folder itself may be a link: the user named it.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { printable } from '../contract/printable.js';
import { CliError } from './errors.js';

/** Throws a CliError naming the first link (as `<shownOut>/<path>`) on the way to any of `paths`. */
export function refuseLinks(outDir: string, paths: readonly string[], shownOut: string): void {
  const checked = new Set<string>();
  for (const path of paths) {
    const parts = safeParts(path);
    for (let i = 1; i <= parts.length; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      if (checked.has(prefix)) continue;
      checked.add(prefix);
      if (isLink(join(outDir, prefix))) {
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

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
