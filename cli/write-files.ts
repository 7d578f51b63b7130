// Writing generated files: each file atomically (temp file + rename), temp files removed if
// anything fails, and a check mode that writes nothing and names every stale file.
// No fsync: a killed process leaves every file old or new either way, and these are regenerable
// outputs; flushing each of a Bruno collection's thousand files would double generate's time.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  const changed = changedFiles(outDir, files);
  const temps = changed.map((file) => tempOf(outDir, file));
  const made: string[] = [];
  try {
    writeTemps(temps, new Set(), made, { mkdirSync, writeFileSync }, dirname);
    renameAll(outDir, changed);
  } catch (error) {
    undo(
      temps.map(([temp]) => temp),
      made,
    );
    throw error;
  }
  return changed.map((file) => file.path);
}

/**
 * The same writes, staged batch by batch as a caller produces them (`generate`: a format at a
 * time). A large batch's temp files are written by a worker thread while the caller goes on: on a
 * thousand-file Bruno collection that hides most of the writing behind the generating. A small
 * batch is written here, as starting the worker would cost more. Nothing is renamed into place
 * before `commit`; `abort` (or a failed write) removes every temp file and every folder made.
 */
export class StagedWrite {
  private readonly changed: OutputFile[] = [];
  private readonly temps: string[] = [];
  private readonly folders = new Set<string>();
  private readonly made: string[] = [];
  private readonly worker = new TempWriter();

  constructor(private readonly outDir: string) {}

  stage(files: readonly OutputFile[]): void {
    const changed = changedFiles(this.outDir, files);
    const temps = changed.map((file) => tempOf(this.outDir, file));
    this.changed.push(...changed);
    this.temps.push(...temps.map(([temp]) => temp));
    if (temps.length >= OFF_THREAD_FROM) this.worker.write(temps);
    else writeTemps(temps, this.folders, this.made, { mkdirSync, writeFileSync }, dirname);
  }

  /** Puts every staged file in place; returns their paths, in the order staged. */
  async commit(): Promise<string[]> {
    try {
      await this.worker.finish();
      renameAll(this.outDir, this.changed);
    } catch (error) {
      this.undo();
      throw error;
    }
    return this.changed.map((file) => file.path);
  }

  async abort(): Promise<void> {
    await this.worker.finish().catch(() => undefined);
    this.undo();
  }

  private undo(): void {
    undo(this.temps, [...this.made, ...this.worker.made]);
  }
}

/** Starting the worker costs about as much as writing this many small files here. */
const OFF_THREAD_FROM = 100;

/** A temp file's path and content: text on this thread; bytes for the worker, moved to it, not copied. */
type Temp = [temp: string, content: string | Uint8Array];

function tempOf(outDir: string, file: OutputFile): Temp {
  return [tempFor(join(outDir, file.path)), file.content];
}

/** Those of `files` whose content differs from what is there (orphan temps removed on the way). */
function changedFiles(outDir: string, files: readonly OutputFile[]): OutputFile[] {
  const targets = files.map((file) => join(outDir, file.path));
  const present = presentFiles(targets);
  return files.filter((file, i) => !present.has(targets[i]!) || readOrUndefined(targets[i]!) !== file.content);
}

/**
 * Writes each temp file, making its folder first (once per folder). Runs on this thread and, as
 * its source text, in the worker: so it names nothing from outside but its parameters.
 */
function writeTemps(
  temps: readonly Temp[],
  folders: Set<string>,
  made: string[],
  fs: { mkdirSync: typeof mkdirSync; writeFileSync: typeof writeFileSync },
  folderOf: (path: string) => string,
): void {
  for (const [temp, content] of temps) {
    const folder = folderOf(temp);
    if (!folders.has(folder)) {
      const first = fs.mkdirSync(folder, { recursive: true });
      if (first !== undefined) made.push(first);
    }
    folders.add(folder);
    fs.writeFileSync(temp, content, { flag: 'wx' });
  }
}

// The worker: each batch is written in turn and answered; after a failure it writes nothing more
// and answers the failure, so every temp file exists or not before the caller cleans up.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { dirname } = require('node:path');
const writeTemps = ${writeTemps.toString()};
const folders = new Set();
let failure;
parentPort.on('message', (temps) => {
  const made = [];
  if (failure === undefined) {
    try {
      writeTemps(temps, folders, made, fs, dirname);
    } catch (error) {
      failure = { message: error.message, code: error.code };
    }
  }
  parentPort.postMessage({ failure, made });
});
`;

const ENCODER = new TextEncoder();

/** A worker thread writing batches of temp files, started with the first batch. */
class TempWriter {
  private worker: Worker | undefined;
  private sent = 0;
  private answered = 0;
  private failure: Error | undefined;
  private settle: (() => void) | undefined;
  /** The first folder each of the worker's mkdir calls created. */
  readonly made: string[] = [];

  write(temps: readonly Temp[]): void {
    this.worker ??= this.start();
    this.sent++;
    const bytes = temps.map(([temp, content]): Temp => [temp, typeof content === 'string' ? ENCODER.encode(content) : content]);
    this.worker.postMessage(
      bytes,
      bytes.map(([, content]) => (content as Uint8Array).buffer as ArrayBuffer),
    );
  }

  /** Waits for every batch's answer, stops the worker, and throws the first failure. */
  async finish(): Promise<void> {
    if (this.worker === undefined) return;
    if (this.answered < this.sent && this.failure === undefined) await new Promise<void>((resolve) => (this.settle = resolve));
    await this.worker.terminate();
    this.worker = undefined;
    if (this.failure) throw this.failure;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ failure, made }: { failure?: { message: string; code?: string }; made: string[] }) => {
      this.answered++;
      this.made.push(...made);
      if (failure && !this.failure) this.failure = Object.assign(new Error(failure.message), { code: failure.code });
      if (this.answered === this.sent) this.settle?.();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.settle?.();
    });
    return worker;
  }
}

function renameAll(outDir: string, files: readonly OutputFile[]): void {
  for (const file of files) renameSync(tempFor(join(outDir, file.path)), join(outDir, file.path));
}

/** After a failure: every temp file removed, then each folder the write made, if empty, deepest first. */
function undo(temps: readonly string[], made: readonly string[]): void {
  for (const temp of temps) removeIfThere(temp);
  const madeHere = (folder: string) => made.some((top) => folder === top || folder.startsWith(`${top}${sep}`));
  const folders = new Set<string>();
  for (const temp of temps) for (let folder = dirname(temp); madeHere(folder); folder = dirname(folder)) folders.add(folder);
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(folder);
    } catch {
      // not empty: something else is in it now
    }
  }
}

/** Removes a file; one whose folder is not there (or is a file) is not there either. */
function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
  }
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
