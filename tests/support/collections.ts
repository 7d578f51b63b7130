// The fixture description's generated collections, written once per test file into a temp folder,
// for tests that run or import the files a user would have (the committed ones belong to the
// shipped description, and only tests/shipped.test.ts reads them).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { FIXTURE_SPEC, fixtureModel } from './model.js';

let written: string | undefined;

/** The folder holding every file `generate` writes for the fixture description. */
export function fixtureCollections(): string {
  written ??= writeCollections();
  return written;
}

/** One of those files, parsed as JSON. */
export function fixtureJson(path: string): any {
  return JSON.parse(readFileSync(join(fixtureCollections(), path), 'utf8'));
}

/** The CLI arguments that make `contract` run the fixture description and its collections. */
export function fixtureArgs(): string[] {
  return ['--spec', FIXTURE_SPEC, '--collections', fixtureCollections()];
}

function writeCollections(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixture-collections-'));
  for (const file of generateAll(fixtureModel(), DEFAULT_CTX)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}
