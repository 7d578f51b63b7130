// `contract --runner bru`: settled before anything starts, so a missing bru or a stale Bruno
// collection is a clear exit 2, not a half-made run.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BRU_MISSING, findBru, runBru } from '../contract/bru-runner.js';
import type { RunWithReportsRunner } from '../contract/run-with-reports.js';
import { bruno, ROOT } from '../generators/bruno/index.js';
import type { GenerateContext } from '../generators/types.js';
import type { ApiModel } from '../model/model.js';
import { CliError } from './errors.js';
import type { CliIO } from './io.js';

export function bruRunner(model: ApiModel, options: { collections: string }, io: CliIO, ctx: GenerateContext): RunWithReportsRunner {
  const bru = findBru(undefined, undefined, io.cwd);
  if (!bru) throw new CliError(BRU_MISSING);
  const collections = resolve(io.cwd, options.collections);
  for (const file of bruno(model, ctx)) {
    const path = join(collections, file.path);
    if (readOrUndefined(path) !== file.content)
      throw new CliError(`${relative(io.cwd, path)} is missing, stale or edited by hand: run \`npm run generate\` and commit the result`);
  }
  const dir = join(collections, ROOT);
  return (plan, reporters, redactor) => runBru(plan, dir, bru, reporters, redactor);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
