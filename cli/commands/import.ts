// `import <openapi-file> --out <description.yaml>`: reads an OpenAPI document, writes a description
// that loads (checked by the loader before anything is written) and prints the import report.
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { stringify } from 'yaml';
import { printable } from '../../contract/printable.js';
import type { GenerateContext } from '../../generators/types.js';
import { importOpenApi, ImportError, type ImportOptions, type ImportReport } from '../../importer/index.js';
import { formatImportReport } from '../../importer/report.js';
import { loadSpec, SpecError } from '../../loader/index.js';
import { CliError } from '../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { openApiDocuments } from '../read-openapi.js';
import { writeFiles } from '../write-files.js';

interface ImportFlags {
  out: string;
  report?: string;
  force: boolean;
  scheme?: string;
  clientAuth?: 'basic' | 'post';
  tokenLifetime?: number;
  refreshToken?: boolean;
  tokenRateLimit?: { requests: number; perSeconds: number };
  responseTime?: number;
  id?: string;
}

export function importCommand(io: CliIO, _ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('import')
    .description('write a description from an OpenAPI 3.0/3.1 or Swagger 2.0 document with an OAuth 2.0 client-credentials scheme')
    .argument('<openapi-file>', 'the OpenAPI document (YAML or JSON); local $refs may name files beside it')
    .requiredOption('--out <file>', 'the description to write')
    .option('--report <file>', 'also write the import report as JSON')
    .option('--force', 'overwrite --out (and --report) when they exist', false)
    .option('--scheme <name>', 'the client-credentials security scheme to use, when there are several')
    .addOption(new Option('--client-auth <how>', 'how the client authenticates at the token endpoint (not stated by OpenAPI)').choices(['basic', 'post']))
    .option('--token-lifetime <seconds>', 'how long a token is valid', positive)
    .option('--refresh-token <yes|no>', 'whether the token answer holds a refresh token', yesNo)
    .option('--token-rate-limit <requests/seconds>', "the token endpoint's rate limit, e.g. 10/60", rate)
    .option('--response-time <ms>', 'the response-time budget of the contract', positive)
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
  let imported: ReturnType<typeof importOpenApi>;
  try {
    imported = importOpenApi(openApiDocuments(file, io.cwd), options(flags));
  } catch (error) {
    if (error instanceof ImportError) return refuse(error, io);
    throw error;
  }
  const content = describe(imported.report) + stringify(imported.description, { lineWidth: 0 });
  try {
    loadSpec(new TextEncoder().encode(content), flags.out);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    io.stderr(`${printable(error.message, { lines: true })}\n`);
    io.stderr('the imported description does not load (an importer bug: please report it with the document); nothing was written\n');
    return EXIT.badInput;
  }
  writeFiles(dirname(out), [{ path: basename(out), content }]);
  if (report) writeFiles(dirname(report), [{ path: basename(report), content: `${JSON.stringify(imported.report, null, 2)}\n` }]);
  io.stdout(formatImportReport(imported.report, flags.out));
  return EXIT.ok;
}

function refuse(error: ImportError, io: CliIO): ExitCode {
  io.stderr(`${printable(error.message, { lines: true })}\n`);
  io.stderr('nothing was written\n');
  return EXIT.badInput;
}

function describe(report: ImportReport): string {
  const line = (text: string) => text.replace(/[\x00-\x1f\x7f\u2028\u2029]/g, ' ');
  return `# Imported from ${line(report.source)} (${report.openapi === '2.0' ? 'Swagger' : 'OpenAPI'} ${report.openapi}, scheme ${line(report.scheme)}).\n# Read \`unknowns\` at the end: what the document does not state was guessed and is marked there.\n`;
}

function options(flags: ImportFlags): ImportOptions {
  return {
    ...(flags.scheme !== undefined ? { scheme: flags.scheme } : {}),
    ...(flags.clientAuth !== undefined ? { clientAuth: flags.clientAuth } : {}),
    ...(flags.tokenLifetime !== undefined ? { tokenLifetime: flags.tokenLifetime } : {}),
    ...(flags.refreshToken !== undefined ? { refreshToken: flags.refreshToken } : {}),
    ...(flags.tokenRateLimit !== undefined ? { tokenRateLimit: flags.tokenRateLimit } : {}),
    ...(flags.responseTime !== undefined ? { responseTimeMs: flags.responseTime } : {}),
    ...(flags.id !== undefined ? { id: flags.id } : {}),
  };
}

function positive(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
}

function yesNo(value: string): boolean {
  if (value === 'yes' || value === 'no') return value === 'yes';
  throw new InvalidArgumentError('expected yes or no');
}

function rate(value: string): { requests: number; perSeconds: number } {
  const m = /^([1-9]\d{0,5})\/([1-9]\d{0,6})$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected REQUESTS/SECONDS, e.g. 10/60');
  return { requests: Number(m[1]), perSeconds: Number(m[2]) };
}
