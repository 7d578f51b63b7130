// Writing generated files: each file atomically (temp file + rename), temp files removed if
// anything fails, and a check mode that writes nothing and names every stale file.
// No fsync: a killed process leaves every file old or new either way, and these are regenerable
// outputs; flushing each of a Bruno collection's thousand files would double generate's time.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../generators/types.js';

export function staleFiles(outDir: string, files: readonly OutputFile[]): string[] {
  return files.filter((file) => readOrUndefined(join(outDir, file.path)) !== file.content).map((file) => file.path);
}

/** Removes the files, then each folder they leave empty (a renamed resource's old folder). */
export function removeFiles(outDir: string, paths: readonly string[]): void {
  for (const path of paths) rmSync(join(outDir, path), { force: true });
  const folders = [...new Set(paths.map((path) => dirname(path)))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    try {
      rmdirSync(join(outDir, folder));
    } catch {
      // not empty: it still holds generated files
    }
  }
}

/**
 * Writes the files that changed; returns their paths. Every file is either its old or its new
 * content, whenever the process dies. Temp files are removed if anything fails (writing or
 * renaming), and those an earlier, killed run left behind are removed first.
 */
export function writeFiles(outDir: string, files: readonly OutputFile[]): string[] {
  const targets = files.map((file) => join(outDir, file.path));
  const present = presentFiles(targets);
  const changed = files.filter((file, i) => !present.has(targets[i]!) || readOrUndefined(targets[i]!) !== file.content);
  const folders = new Set<string>();
  const staged: string[] = [];
  try {
    for (const file of changed) {
      const target = join(outDir, file.path);
      const folder = dirname(target);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      staged.push(tempFor(target));
      writeFileSync(tempFor(target), file.content, { flag: 'wx' });
    }
    for (const file of changed) renameSync(tempFor(join(outDir, file.path)), join(outDir, file.path));
  } catch (error) {
    for (const temp of staged) rmSync(temp, { force: true });
    throw error;
  }
  return changed.map((file) => file.path);
}

function tempFor(target: string): string {
  return `${target}.${process.pid}.tmp`;
}

/**
 * Which targets are there already (a folder listing each, not a failed read per new file), and
 * the `<target>.<pid>.tmp` files whose process is gone removed: left by a run that was killed.
 */
function presentFiles(targets: readonly string[]): Set<string> {
  const wanted = new Set(targets);
  const present = new Set<string>();
  for (const dir of new Set(targets.map(dirname))) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (wanted.has(path)) present.add(path);
      const match = /^(.+)\.(\d+)\.tmp$/.exec(name);
      if (match && wanted.has(join(dir, match[1]!)) && !isRunning(Number(match[2]))) rmSync(path, { force: true });
    }
  }
  return present;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
