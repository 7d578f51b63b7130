// Writing generated files: all or nothing, each file atomically (temp file + rename), and a
// check mode that writes nothing and names every stale file.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../types.js';

export function staleFiles(outDir: string, files: readonly OutputFile[]): string[] {
  return files.filter((file) => readOrUndefined(join(outDir, file.path)) !== file.content).map((file) => file.path);
}

/** Writes the files that changed; returns their paths. Temp files are removed if anything fails. */
export function writeFiles(outDir: string, files: readonly OutputFile[]): string[] {
  const changed = files.filter((file) => readOrUndefined(join(outDir, file.path)) !== file.content);
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of changed) {
      const target = join(outDir, file.path);
      const temp = `${target}.${process.pid}.tmp`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  return changed.map((file) => file.path);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
