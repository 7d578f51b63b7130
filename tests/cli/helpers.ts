// Temp workspaces holding a copy of the description, and snapshots of an output folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withFileLists } from '../../cli/generated-list.js';
import { GENERATOR_NAME } from '../../cli/main.js';
import { generateAll } from '../../generators/index.js';
import { loadSpec } from '../../loader/index.js';
import type { OutputFile } from '../../generators/types.js';
import { FIXTURE_SPEC } from '../support/model.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const TSX = join(REPO, 'node_modules/.bin/tsx');
export const MAIN = join(REPO, 'cli/main.ts');

/** A fresh folder with the fixture description copied in as `spec/securithings.yaml` (the CLI's default); remove it with `dispose`. */
export function workspace(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-'));
  mkdirSync(join(dir, 'spec'));
  copyFileSync(FIXTURE_SPEC, join(dir, 'spec/securithings.yaml'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes a fresh, empty folder below `parent` on each call (`case-0`, `case-1`, ...) and returns its path. */
export function caseFolders(parent: string): () => string {
  let n = 0;
  return () => {
    const dir = join(parent, `case-${n++}`);
    mkdirSync(dir);
    return dir;
  };
}

export interface FileState {
  content: string;
  mtimeMs: number;
}

/** Every file below `dir` (relative path -> content and mtime); empty when `dir` is absent. */
export function snapshot(dir: string): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = { content: readFileSync(path, 'latin1'), mtimeMs: statSync(path).mtimeMs };
    }
  };
  try {
    walk(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return out;
}

/** The tool's name and the package's version, as the CLI records them in its outputs. */
export function packageInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  return { name: GENERATOR_NAME, version: pkg.version };
}

/** What `generate` should write for the description at `specFile`, with the list of the files it wrote in `bruno/`. */
export function expectedFiles(specFile: string): OutputFile[] {
  return withFileLists(generateAll(loadSpec(readFileSync(specFile), specFile), { generator: packageInfo() }));
}
