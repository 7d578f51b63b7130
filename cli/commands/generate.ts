import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { FORMATS, GENERATORS, generateAll } from '../../generators/index.js';
import type { GenerateContext, OutputFile } from '../../generators/types.js';
import { CONFIG_DEFAULTS } from '../config.js';
import type { CliIO, ExitCode } from '../io.js';
import { EXIT } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';
import { printable } from '../../contract/printable.js';
import { fileLists, orphanFiles, withFileLists } from '../generated-list.js';
import { refuseLinks } from '../no-links.js';
import { removeFiles, StagedWrite, staleFiles } from '../write-files.js';

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
    .action(async (options: GenerateOptions) => done(await runGenerate(options, io, ctx)));
}

export async function runGenerate(options: GenerateOptions, io: CliIO, ctx: GenerateContext): Promise<ExitCode> {
  const model = readSpec(options.spec, io.cwd);
  const outDir = resolve(io.cwd, options.out);
  if (options.check) return check(withFileLists(generateAll(model, ctx, options.format)), outDir, options.out, io);
  const staged = new StagedWrite(outDir);
  try {
    const generated: OutputFile[] = [];
    for (const format of writingOrder(options.format)) {
      const files = GENERATORS[format]!(model, ctx);
      refuseLinks(outDir, paths(files), options.out);
      staged.stage(files);
      generated.push(...files);
    }
    const lists = fileLists(generated);
    refuseLinks(outDir, paths(lists), options.out);
    const orphans = orphanFiles(outDir, [...generated, ...lists]);
    refuseLinks(outDir, orphans, options.out);
    staged.stage(lists);
    const written = (await staged.commit()).sort();
    removeFiles(outDir, orphans);
    const out = printable(options.out);
    const removed = orphans.map((p) => `\n  removed ${printable(p)}`).join('');
    io.stdout(
      `${written.length} of ${generated.length + lists.length} files written in ${out}/${written.map((p) => `\n  ${printable(p)}`).join('')}${removed}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    await staged.abort();
    throw error;
  }
}

// Bruno's file per request first: its writing then goes on beside the other formats' generating.
function writingOrder(formats: readonly string[]): string[] {
  return [...formats].sort((a, b) => Number(b === 'bruno') - Number(a === 'bruno'));
}

function check(files: readonly OutputFile[], outDir: string, shownOut: string, io: CliIO): ExitCode {
  refuseLinks(outDir, paths(files), shownOut);
  const orphans = orphanFiles(outDir, files);
  refuseLinks(outDir, orphans, shownOut);
  const out = printable(shownOut);
  const stale = staleFiles(outDir, files);
  for (const path of stale) io.stderr(`stale: ${out}/${printable(path)} (run \`npm run generate\`)\n`);
  for (const path of orphans) io.stderr(`orphan: ${out}/${printable(path)} is no longer generated (run \`npm run generate\`)\n`);
  if (stale.length + orphans.length === 0) io.stdout(`${files.length} files up to date in ${out}/\n`);
  return stale.length + orphans.length > 0 ? EXIT.findings : EXIT.ok;
}

function paths(files: readonly OutputFile[]): string[] {
  return files.map((file) => file.path);
}
