#!/usr/bin/env node
// The CLI root: one program, a subcommand per job. Handlers return exit codes; only this file
// turns errors into printed lines and sets the process's exit code.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printable } from '../contract/printable.js';
import { TargetError } from '../contract/target.js';
import { SpecError } from '../loader/index.js';
import type { GenerateContext } from '../generators/types.js';
import { contractCommand } from './commands/contract.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { mockCommand } from './commands/mock.js';
import { tokenCommand } from './commands/token.js';
import { applyConfig } from './apply-config.js';
import { CliError } from './errors.js';
import { EXIT, processIO, type CliIO, type ExitCode } from './io.js';

const COMMANDS = [initCommand, importCommand, generateCommand, contractCommand, mockCommand, tokenCommand];

/**
 * The tool name written into outputs (Insomnia v4's `__export_source`). It keeps the kit's first
 * name, not the package's, so a rename does not change every committed collection.
 */
export const GENERATOR_NAME = 'securithings-kit';

function packageInfo(): { name: string; version: string } {
  // cli/main.ts, or dist/cli/main.js and dist/bundle/bin.js once compiled
  const candidates = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)];
  for (const candidate of candidates) {
    try {
      const pkg = JSON.parse(readFileSync(fileURLToPath(candidate), 'utf8')) as { name: string; version: string };
      if (pkg.name) return { name: pkg.name, version: pkg.version };
    } catch {
      // compiled under dist/: the package file is one level further up
    }
  }
  return { name: 'oauth-contract-kit', version: '0.0.0' };
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const pkg = packageInfo();
  const ctx: GenerateContext = { generator: { name: GENERATOR_NAME, version: pkg.version } };
  let code: ExitCode = EXIT.ok;
  const done = (result: ExitCode) => {
    code = result;
  };
  const program = new Command(pkg.name)
    .description('One API description -> Postman, Insomnia and CI contract tests, with OAuth 2.0 client credentials.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .hook('preAction', (_program, command) => applyConfig(command, io));
  for (const command of COMMANDS) {
    program.addCommand(command(io, ctx, done).exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError());
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIO): ExitCode {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof SpecError || error instanceof CliError || error instanceof TargetError) {
    io.stderr(`${printable(error.message, { lines: true })}\n`);
    return EXIT.badInput;
  }
  io.stderr(`error: ${(error as Error).message ?? String(error)}\n`);
  if (io.env.DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
  return EXIT.badInput;
}

// `tsx cli/main.ts` (the npm scripts) runs here. In the bundle this module is part of bin.js, which
// runs the CLI itself: started directly, `node dist/bundle/bin.js` would otherwise run it twice.
const entry = process.argv[1];
if (entry && /[\\/]main\.[jt]s$/.test(entry) && fileURLToPath(import.meta.url) === entry) {
  run(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
