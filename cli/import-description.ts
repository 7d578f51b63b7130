// The importer's one front door for the CLI: `import` and `init --from` both turn an OpenAPI
// document into description text here, checked by the loader before either writes anything.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'yaml';
import { printable } from '../contract/printable.js';
import { importOpenApi, ImportError, type ImportOptions, type ImportReport } from '../importer/index.js';
import { loadSpec, SpecError } from '../loader/index.js';
import { EXIT, type CliIO, type ExitCode } from './io.js';
import { openApiDocuments } from './read-openapi.js';

/** What the document does not state (or states several ways), given as flags. */
export interface ImportSettings {
  scheme?: string;
  clientAuth?: 'basic' | 'post';
  tokenLifetime?: number;
  refreshToken?: boolean;
  tokenRateLimit?: { requests: number; perSeconds: number };
  responseTime?: number;
  id?: string;
}

export type DescriptionImport = { ok: true; content: string; report: ImportReport } | { ok: false; code: ExitCode };

/** The flags both commands take for what the document leaves open. */
export function importSettingOptions(command: Command): Command {
  return command
    .option('--scheme <name>', 'the client-credentials security scheme to use, when there are several')
    .addOption(new Option('--client-auth <how>', 'how the client authenticates at the token endpoint (not stated by OpenAPI)').choices(['basic', 'post']))
    .option('--token-lifetime <seconds>', 'how long a token is valid', positive)
    .option('--refresh-token <yes|no>', 'whether the token answer holds a refresh token', yesNo)
    .option('--token-rate-limit <requests/seconds>', "the token endpoint's rate limit, e.g. 10/60", rate)
    .option('--response-time <ms>', 'the response-time budget of the contract', positive);
}

/** `file` imported as the text of a description that loads as `shownOut`; on a refusal, said on stderr. */
export function importDescription(file: string, settings: ImportSettings, shownOut: string, io: CliIO): DescriptionImport {
  let imported: ReturnType<typeof importOpenApi>;
  try {
    imported = importOpenApi(openApiDocuments(file, io.cwd), options(settings));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`${printable(error.message, { lines: true })}\n`);
    io.stderr('nothing was written\n');
    return { ok: false, code: EXIT.badInput };
  }
  const content = describe(imported.report) + stringify(imported.description, { lineWidth: 0 });
  try {
    loadSpec(new TextEncoder().encode(content), shownOut);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    io.stderr(`${printable(error.message, { lines: true })}\n`);
    io.stderr('the imported description does not load (an importer bug: please report it with the document); nothing was written\n');
    return { ok: false, code: EXIT.badInput };
  }
  return { ok: true, content, report: imported.report };
}

function describe(report: ImportReport): string {
  const line = (text: string) => text.replace(/[\x00-\x1f\x7f\u2028\u2029]/g, ' ');
  return `# Imported from ${line(report.source)} (${report.openapi === '2.0' ? 'Swagger' : 'OpenAPI'} ${report.openapi}, scheme ${line(report.scheme)}).\n# Read \`unknowns\` at the end: what the document does not state was guessed and is marked there.\n`;
}

function options(settings: ImportSettings): ImportOptions {
  return {
    ...(settings.scheme !== undefined ? { scheme: settings.scheme } : {}),
    ...(settings.clientAuth !== undefined ? { clientAuth: settings.clientAuth } : {}),
    ...(settings.tokenLifetime !== undefined ? { tokenLifetime: settings.tokenLifetime } : {}),
    ...(settings.refreshToken !== undefined ? { refreshToken: settings.refreshToken } : {}),
    ...(settings.tokenRateLimit !== undefined ? { tokenRateLimit: settings.tokenRateLimit } : {}),
    ...(settings.responseTime !== undefined ? { responseTimeMs: settings.responseTime } : {}),
    ...(settings.id !== undefined ? { id: settings.id } : {}),
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
