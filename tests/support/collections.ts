// The fixture description's generated collections, written once per test file into a temp folder,
// for tests that run or import the files a user would have (the committed ones belong to the
// shipped description, and only tests/shipped.test.ts reads them).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFiles } from '../../cli/write-files.js';
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
  writeFiles(dir, generateAll(fixtureModel(), DEFAULT_CTX));
  return dir;
}
