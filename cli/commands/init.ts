import { Command } from 'commander';
import { FORMATS } from '../../generators/index.js';
import type { GenerateContext } from '../../generators/types.js';
import { printable } from '../../contract/printable.js';
import { CliError } from '../errors.js';
import { LAYOUT, planInit } from '../init/plan.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { writeFiles } from '../write-files.js';
import { runGenerate } from './generate.js';

export interface InitOptions {
  force: boolean;
  from?: string;
}

export function initCommand(io: CliIO, ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('init')
    .description(
      'set this folder up for the kit: a starter description (spec/api.yaml), oauth-contract-kit.config.json, ' +
        '.env.example, .gitignore lines, npm scripts, a GitHub workflow, and the generated collections; ' +
        '`contract` then passes against the embedded reference server',
    )
    .option('--force', 'overwrite the files that are already there', false)
    .option('--from <file>', 'start from an existing API description (not available yet)')
    .addHelpText('after', '\nExit codes:\n  0  written\n  2  a file is already there (nothing written; --force overwrites), or bad input\n')
    .action((options: InitOptions) => done(runInit(options, io, ctx)));
}

export function runInit(options: InitOptions, io: CliIO, ctx: GenerateContext): ExitCode {
  // The hook for the import command: it will turn FILE into the starter description.
  if (options.from !== undefined)
    throw new CliError(
      'init --from is not available yet: run init without it and edit spec/api.yaml, or import the description once the import command exists',
    );
  const plan = planInit(io.cwd);
  if (plan.overwrites.length > 0 && !options.force) {
    io.stderr(`init would overwrite:\n${plan.overwrites.map((path) => `  ${printable(path)}\n`).join('')}nothing written; pass --force to overwrite them\n`);
    return EXIT.badInput;
  }
  const written = writeFiles(io.cwd, plan.files);
  io.stdout(`${written.map((path) => `wrote ${path}\n`).join('')}`);
  const generated = runGenerate({ spec: LAYOUT.spec, out: LAYOUT.collections, check: false, format: [...FORMATS] }, io, ctx);
  if (generated !== EXIT.ok) return generated;
  for (const note of plan.notes) io.stdout(`note: ${note}\n`);
  io.stdout(
    [
      'Next:',
      '  npx oauth-contract-kit contract   # the contract suite against the embedded reference server: passes',
      `  edit ${LAYOUT.spec} into your API, then npx oauth-contract-kit generate and commit ${LAYOUT.collections}/`,
      '  cp .env.example .env and fill it to run the contract against the real API',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
