import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { GenerateContext } from '../../generators/types.js';
import type { ApiModel } from '../../model/model.js';
import { postman } from '../../generators/postman/index.js';
import { bruRunner } from '../bru-runner.js';
import { CONFIG_DEFAULTS } from '../config.js';
import { CliError } from '../errors.js';
import { DEFAULT_ANSWER_TIMEOUT_S, MIN_RUN_TIMEOUT_S, planContract, type RunTarget } from '../../contract/plan.js';
import { sendsInClear, settleTarget } from '../../contract/target.js';
import { verdictOf } from '../../contract/verdict.js';
import type { CliIO, ExitCode } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';
import { prepareReportsFolder } from '../report-files.js';
import { insecureHttpWarning, readCommandSettings } from '../settings.js';
import { settingsHelpText } from '../settings-help.js';
import { writeFiles } from '../write-files.js';
import { DEFAULT_OUT } from './generate.js';

export interface ContractOptions {
  spec: string;
  collections: string;
  reports: string;
  rateLimits: boolean;
  /** Commander's `--no-pacing`: false turns the collection's rate-limit pacing off. */
  pacing: boolean;
  dotenv?: string;
  allowInsecureHttp: boolean;
  failOnSkip: boolean;
  failOnDrift: boolean;
  /** `--min-coverage N`: the run fails below N percent. */
  minCoverage?: number;
  /** `--answer-timeout S`: seconds one whole answer may take. */
  answerTimeout: number;
  /** `--run-timeout S`: seconds the whole run may take (default: see contract/plan.ts runDeadlineMs). */
  runTimeout?: number;
  /** `--runner`: newman (the default) or bru (Bruno's CLI on the committed Bruno collection). */
  runner: 'newman' | 'bru';
}

const EXIT_HELP = `
Exit codes:
  0  every assertion passed
  1  the API broke the contract (a failed assertion or a script error); also
     a skipped check with --fail-on-skip, drift with --fail-on-drift, and
     coverage below --min-coverage
  2  the run could not be made: bad description or settings, missing file,
     stale collection, unwritable reports folder, unreachable host, credentials
     refused, an answer or the run past its deadline (--answer-timeout,
     --run-timeout)
`;

export function contractCommand(io: CliIO, ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('contract')
    .description(
      'run the committed Postman collection with newman (or, with --runner bru, the committed Bruno collection with bru) against the embedded reference server, or against the API ' +
        'named by the <PREFIX>_* settings (from the environment or .env; never from arguments). The prefix is the ' +
        "description's info.envPrefix; the settings below are named for --spec.",
    )
    .option('--spec <file>', 'the API description', DEFAULT_SPEC)
    .option('--collections <dir>', 'where the committed collections are', DEFAULT_OUT)
    .option('--reports <dir>', 'where to write the reports (JUnit, HTML, drift, coverage)', CONFIG_DEFAULTS.reports)
    .option('--rate-limits', 'make the embedded server enforce the documented rate limits (the run paces itself)', false)
    .option(
      '--no-pacing',
      'do not pace requests to the documented rate limits (for a local or test server without limits; pacing is on against <PREFIX>_BASE_URL and with --rate-limits)',
    )
    .option('--dotenv <file>', 'a dotenv file with <PREFIX>_* settings; must exist when named (default: .env, when present)')
    .option('--allow-insecure-http', 'allow an http:// base URL to a host that is not loopback (the secret travels in clear)', false)
    .option('--fail-on-skip', 'a skipped check fails the run (exit 1)', false)
    .option(
      '--fail-on-drift',
      'exit 1 when the answers hold undocumented fields, statuses, content types or enum values, or when drift could not read an answer (see reports/contract-drift.md)',
      false,
    )
    .option('--min-coverage <percent>', 'exit 1 when coverage (see reports/contract-coverage.json) is below this percentage', percentage)
    .option(
      '--answer-timeout <seconds>',
      'stop the run (exit 2) when one answer takes longer than this, from the request to its last byte',
      seconds('--answer-timeout'),
      DEFAULT_ANSWER_TIMEOUT_S,
    )
    .option(
      '--run-timeout <seconds>',
      `stop the run (exit 2) when it takes longer than this (default: the answer timeout for each request of the collection, at least ${MIN_RUN_TIMEOUT_S})`,
      seconds('--run-timeout'),
    )
    .option(
      '--runner <name>',
      'what runs the contract: newman (the Postman collection) or bru (the Bruno collection, with @usebruno/cli)',
      runnerName,
      'newman',
    )
    .addHelpText('after', settingsHelpText(io, EXIT_HELP))
    .action(async (options: ContractOptions) => done(await runContractCommand(options, io, ctx)));
}

export async function runContractCommand(options: ContractOptions, io: CliIO, ctx: GenerateContext): Promise<ExitCode> {
  const reportsDir = resolve(io.cwd, options.reports);
  prepareReportsFolder(reportsDir, options.reports);
  const model = readSpec(options.spec, io.cwd);
  const collection = committedCollection(model, options, io, ctx);
  const bru = options.runner === 'bru' ? bruRunner(model, options, io, ctx) : undefined;
  const target = settleTarget(model, readCommandSettings(io, options.dotenv), options);
  if (target.kind === 'remote' && sendsInClear(target.credentials.baseUrl)) io.stderr(insecureHttpWarning(target.credentials.baseUrl));
  const environment = readJson(join(resolve(io.cwd, options.collections), `${model.info.id}-${target.environment.id}.postman_environment.json`));
  // the reference server (fastify, jose) loads only when it is the target
  const server = target.kind === 'embedded' ? await (await import('../../contract/embedded.js')).startEmbedded(model, options.rateLimits) : undefined;
  try {
    const runTarget: RunTarget =
      target.kind === 'remote'
        ? { kind: 'remote', credentials: target.credentials, environmentLabel: target.environmentLabel }
        : { kind: 'embedded', url: server!.url, credentials: server!.credentials, rateLimits: options.rateLimits, environmentLabel: target.environmentLabel };
    const plan = planContract({
      model,
      collection,
      environment,
      target: runTarget,
      ...(options.pacing ? {} : { pacing: false }),
      answerTimeoutMs: options.answerTimeout * 1000,
      ...(options.runTimeout === undefined ? {} : { runTimeoutMs: options.runTimeout * 1000 }),
    });
    io.stdout(`Contract run${bru ? ' (bru)' : ''} against ${plan.target}\n`);
    const { runWithReports } = await import('../../contract/run-with-reports.js');
    const result = await runWithReports(plan, io.stdout, {
      model,
      shownDir: relative(io.cwd, resolve(io.cwd, options.reports)) || '.',
      ...(bru ? { runner: bru } : {}),
    });
    writeFiles(reportsDir, result.files);
    io.stdout(`Reports: ${result.files.map((f) => relative(io.cwd, join(reportsDir, f.path))).join(', ')}\n`);
    const verdict = verdictOf(result, options);
    for (const gate of verdict.failedGates) io.stdout(`FAILED ${gate}\n`);
    return verdict.exitCode;
  } finally {
    await server?.close();
  }
}

function seconds(flag: string): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 86_400)
      throw new CliError(`${flag} must be a number of seconds above 0 and at most 86400, got ${JSON.stringify(text)}`);
    return value;
  };
}

function runnerName(text: string): ContractOptions['runner'] {
  if (text === 'newman' || text === 'bru') return text;
  throw new CliError(`--runner must be newman or bru, got ${JSON.stringify(text)}`);
}

function percentage(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100)
    throw new CliError(`--min-coverage must be a number from 0 to 100, got ${JSON.stringify(text)}`);
  return value;
}

function committedCollection(model: ApiModel, options: ContractOptions, io: CliIO, ctx: GenerateContext): object {
  const fresh = postman(model, ctx).find((f) => f.path.endsWith('.postman_collection.json'))!;
  const path = join(resolve(io.cwd, options.collections), fresh.path);
  const committed = readText(path);
  if (committed !== fresh.content) {
    throw new CliError(`${relative(io.cwd, path)} is stale or edited by hand: run \`npm run generate\` and commit the result`);
  }
  return JSON.parse(committed) as object;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(missing ? `${path} is missing: run \`npm run generate\`` : `cannot read ${path}: ${(error as Error).message}`);
  }
}

function readJson(path: string): object {
  try {
    return JSON.parse(readText(path)) as object;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path} is not valid JSON (${(error as Error).message}): run \`npm run generate\``);
  }
}
