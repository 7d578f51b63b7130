// `import <openapi-file> --out <description.yaml>`: reads an OpenAPI document, writes a description
// that loads (checked by the loader before anything is written) and prints the import report.
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { printable } from '../../contract/printable.js';
import type { GenerateContext } from '../../generators/types.js';
import { formatImportReport } from '../../importer/report.js';
import { CliError } from '../errors.js';
import { importDescription, importSettingOptions, type ImportSettings } from '../import-description.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { writeFiles } from '../write-files.js';

interface ImportFlags extends ImportSettings {
  out: string;
  report?: string;
  force: boolean;
}

export function importCommand(io: CliIO, _ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  const command = new Command('import')
    .description('write a description from an OpenAPI 3.0/3.1 or Swagger 2.0 document with an OAuth 2.0 client-credentials scheme')
    .argument('<openapi-file>', 'the OpenAPI document (YAML or JSON); local $refs may name files beside it')
    .requiredOption('--out <file>', 'the description to write')
    .option('--report <file>', 'also write the import report as JSON')
    .option('--force', 'overwrite --out (and --report) when they exist', false);
  return importSettingOptions(command)
    .option('--id <slug>', "the description's id (default: from the document's title)")
    .addHelpText('after', '\nExit codes:\n  0  description written\n  2  bad document or options; nothing written\n')
    .action((file: string, flags: ImportFlags) => done(runImport(file, flags, io)));
}

export function runImport(file: string, flags: ImportFlags, io: CliIO): ExitCode {
  const out = resolve(io.cwd, flags.out);
  const report = flags.report === undefined ? undefined : resolve(io.cwd, flags.report);
  for (const [target, shown] of [
    [out, flags.out],
    [report, flags.report],
  ] as const) {
    if (target && existsSync(target) && !flags.force) throw new CliError(`${printable(shown!)} exists; give --force to overwrite it`);
  }
  const imported = importDescription(file, flags, flags.out, io);
  if (!imported.ok) return imported.code;
  writeFiles(dirname(out), [{ path: basename(out), content: imported.content }]);
  if (report) writeFiles(dirname(report), [{ path: basename(report), content: `${JSON.stringify(imported.report, null, 2)}\n` }]);
  io.stdout(formatImportReport(imported.report, flags.out));
  return EXIT.ok;
}
