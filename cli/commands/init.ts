import { Command } from 'commander';
import { printable } from '../../contract/printable.js';
import { CliError } from '../errors.js';
import { FORMATS } from '../../generators/index.js';
import type { GenerateContext } from '../../generators/types.js';
import { formatImportReport } from '../../importer/report.js';
import { importDescription, importSettingOptions, type ImportSettings } from '../import-description.js';
import { LAYOUT, planInit } from '../init/plan.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { writeFiles } from '../write-files.js';
import { runGenerate } from './generate.js';

export interface InitOptions extends Omit<ImportSettings, 'id'> {
  force: boolean;
  from?: string;
}

export function initCommand(io: CliIO, ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  const command = new Command('init')
    .description(
      'set this folder up for the kit: a starter description (spec/api.yaml), oauth-contract-kit.config.json, ' +
        '.env.example, .gitignore lines, npm scripts, a GitHub workflow, and the generated collections; ' +
        '`contract` then passes against the embedded reference server',
    )
    .option('--force', 'overwrite the files that are already there', false)
    .option('--from <file>', 'start from an OpenAPI 3.0/3.1 or Swagger 2.0 document: spec/api.yaml is imported from it (as `import` does)');
  return importSettingOptions(command)
    .addHelpText(
      'after',
      '\nThe flags after --from are for it only (what the document does not state; see `import --help`).\n' +
        '\nExit codes:\n  0  written\n  2  a file is already there (nothing written; --force overwrites), or bad input (a document that does not import: nothing written)\n',
    )
    .action(async (options: InitOptions) => done(await runInit(options, io, ctx)));
}

export async function runInit(options: InitOptions, io: CliIO, ctx: GenerateContext): Promise<ExitCode> {
  const given = Object.keys(settings(options));
  if (options.from === undefined && given.length > 0)
    throw new CliError(`${given.map(flagName).join(', ')}: only with --from FILE (what the document does not state); the starter description states it all`);
  // Imported before anything is planned or written: a document that does not import leaves the folder as it was.
  const imported = options.from === undefined ? undefined : importDescription(options.from, settings(options), LAYOUT.spec, io);
  if (imported && !imported.ok) return imported.code;
  const plan = planInit(io.cwd, imported?.content);
  if (plan.overwrites.length > 0 && !options.force) {
    io.stderr(`init would overwrite:\n${plan.overwrites.map((path) => `  ${printable(path)}\n`).join('')}nothing written; pass --force to overwrite them\n`);
    return EXIT.badInput;
  }
  const written = writeFiles(io.cwd, plan.files);
  io.stdout(`${written.map((path) => `wrote ${path}\n`).join('')}`);
  if (imported) io.stdout(formatImportReport(imported.report, LAYOUT.spec));
  const generated = await runGenerate({ spec: LAYOUT.spec, out: LAYOUT.collections, check: false, format: [...FORMATS] }, io, ctx);
  if (generated !== EXIT.ok) return generated;
  for (const note of plan.notes) io.stdout(`note: ${note}\n`);
  io.stdout(nextSteps(imported !== undefined));
  return EXIT.ok;
}

/** Only the import's own settings: `force` and `from` are init's. */
function settings({ force: _force, from: _from, ...rest }: InitOptions): ImportSettings {
  return rest;
}

function flagName(option: string): string {
  return `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function nextSteps(imported: boolean): string {
  const edit = imported
    ? `read the \`unknowns\` at the end of ${LAYOUT.spec} (what the document did not state was guessed), correct it, then npx oauth-contract-kit generate and commit ${LAYOUT.collections}/`
    : `edit ${LAYOUT.spec} into your API, then npx oauth-contract-kit generate and commit ${LAYOUT.collections}/`;
  return [
    'Next:',
    '  npx oauth-contract-kit contract   # the contract suite against the embedded reference server: passes',
    `  ${edit}`,
    '  cp .env.example .env and fill it to run the contract against the real API',
    '',
  ].join('\n');
}
