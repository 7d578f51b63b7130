// Which files `generate` wrote in a folder it owns (e.g. `bruno/`), listed in that folder's
// `.generated-files`. A file the generators no longer write (a renamed endpoint's old `.bru` file)
// is removed only when that list names it, so a file the user put there (notes.txt, a request of
// their own) stays. The list is written with the other files: --check notices a stale one.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../generators/types.js';
import { safeParts } from './no-links.js';

export const LIST_NAME = '.generated-files';
const HEADER = '# Written by `generate`: the files it wrote in this folder, the only ones it may remove here.';

/** `files` plus, for each folder they fill, the list of what it holds; sorted by path. */
export function withFileLists(files: readonly OutputFile[]): OutputFile[] {
  return [...files, ...fileLists(files)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** For each folder `files` fill, the list of what it holds. */
export function fileLists(files: readonly OutputFile[]): OutputFile[] {
  return ownedFolders(files).map((folder) => {
    const inside = files.filter((file) => file.path.startsWith(`${folder}/`)).map((file) => file.path.slice(folder.length + 1));
    return { path: `${folder}/${LIST_NAME}`, content: `${[HEADER, ...inside.sort()].join('\n')}\n` };
  });
}

/** Files an earlier run listed as written that this run does not write, and that are still there. */
export function orphanFiles(outDir: string, files: readonly OutputFile[]): string[] {
  const wanted = new Set(files.map((file) => file.path));
  return ownedFolders(files).flatMap((folder) =>
    listed(outDir, folder)
      .map((path) => `${folder}/${path}`)
      .filter((path) => !wanted.has(path) && isFileOrLink(join(outDir, path))),
  );
}

function ownedFolders(files: readonly OutputFile[]): string[] {
  return [...new Set(files.filter((file) => file.path.includes('/')).map((file) => file.path.split('/')[0]!))].sort();
}

/** The paths the folder's list names; a line that is not a plain path inside the folder is ignored. */
function listed(outDir: string, folder: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(outDir, folder, LIST_NAME), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && line !== LIST_NAME && isPlainPath(line));
}

function isPlainPath(path: string): boolean {
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  try {
    safeParts(path);
    return true;
  } catch {
    return false;
  }
}

function isFileOrLink(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
