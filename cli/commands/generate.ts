import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { FORMATS, generateAll } from '../../generators/index.js';
import type { GenerateContext } from '../../generators/types.js';
import { CONFIG_DEFAULTS } from '../config.js';
import type { CliIO, ExitCode } from '../io.js';
import { EXIT } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';
import { printable } from '../../contract/printable.js';
import { orphanFiles, withFileLists } from '../generated-list.js';
import { refuseLinks } from '../no-links.js';
import { removeFiles, staleFiles, writeFiles } from '../write-files.js';

export interface GenerateOptions {
  spec: string;
  out: string;
  check: boolean;
  format: string[];
}

export const DEFAULT_OUT = CONFIG_DEFAULTS.collections;

export function generateCommand(io: CliIO, ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('generate')
    .description('write every client (Postman, Insomnia, ...) from the description')
    .option('--spec <file>', 'the API description', DEFAULT_SPEC)
    .option('--out <dir>', 'the folder to write into', DEFAULT_OUT)
    .option('--check', 'write nothing; exit 1 naming each file that differs from a fresh generation', false)
    .addOption(new Option('--format <names...>', 'only these outputs').choices(FORMATS).default(FORMATS, 'all'))
    .addHelpText(
      'after',
      '\nExit codes:\n  0  written, or (with --check) up to date\n  1  --check found stale or orphan files\n  2  bad description, options or file\n',
    )
    .action((options: GenerateOptions) => done(runGenerate(options, io, ctx)));
}

export function runGenerate(options: GenerateOptions, io: CliIO, ctx: GenerateContext): ExitCode {
  const model = readSpec(options.spec, io.cwd);
  const files = withFileLists(generateAll(model, ctx, options.format));
  const outDir = resolve(io.cwd, options.out);
  const out = printable(options.out);
  refuseLinks(
    outDir,
    files.map((file) => file.path),
    options.out,
  );
  const orphans = orphanFiles(outDir, files);
  refuseLinks(outDir, orphans, options.out);
  if (options.check) {
    const stale = staleFiles(outDir, files);
    for (const path of stale) io.stderr(`stale: ${out}/${printable(path)} (run \`npm run generate\`)\n`);
    for (const path of orphans) io.stderr(`orphan: ${out}/${printable(path)} is no longer generated (run \`npm run generate\`)\n`);
    if (stale.length + orphans.length === 0) io.stdout(`${files.length} files up to date in ${out}/\n`);
    return stale.length + orphans.length > 0 ? EXIT.findings : EXIT.ok;
  }
  const written = writeFiles(outDir, files);
  removeFiles(outDir, orphans);
  const removed = orphans.map((p) => `\n  removed ${printable(p)}`).join('');
  io.stdout(`${written.length} of ${files.length} files written in ${out}/${written.map((p) => `\n  ${printable(p)}`).join('')}${removed}\n`);
  return EXIT.ok;
}
