// The contract run under Bruno's own CLI: `bru run` on the committed Bruno collection, as a child
// process. The settings reach bru in an environment file (--env-file) written 0600 in a 0700 temp
// folder and removed after the run: the client secret is never on bru's command line (`ps` shows
// that to every user of the machine). bru's JSON report is read back into the kit's records, so
// the same reporters, redaction and exit codes apply. The run deadline kills bru.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_ENDPOINT } from '../model/ids.js';
import { SCRIPT_VARIABLES } from '../model/script-variables.js';
import { bruItem, bruItemName, bruRace, type BruIteration, type BruResult } from './bru-records.js';
import { collector } from './collector.js';
import type { ContractReporter, RunStop, RunSummary } from './events.js';
import { itemPaths } from './item-tracker.js';
import { printable } from './printable.js';
import type { Redactor } from './redact.js';
import type { ItemTarget } from './request-kinds.js';
import type { ContractPlan } from './run.js';
import { outOfTime, stopAfter } from './stop.js';

export const BRU_MISSING =
  "bru (Bruno CLI) was not found in the kit's or the project's node_modules/.bin, or on PATH: install it with `npm install --save-dev @usebruno/cli` (or `npm install -g @usebruno/cli`), or run without --runner bru";
/** The most of bru's own output kept (for a message when it fails): the end of it. */
export const MAX_BRU_OUTPUT_BYTES = 64 * 1024;
/** The largest JSON report read back. */
export const MAX_BRU_REPORT_BYTES = 64 * 1024 * 1024;
/** bru paces with one fixed pause between requests: the documented 1 request per second, with a margin. */
const PACED_DELAY_MS = 1100;
/** bru's race on its first request (tests/support/bru.ts) is run again this many times at most. */
const RACE_RETRIES = 1;

/** The kit's own bru: from the source tree, from dist/, or beside the kit when it is installed as a package. */
const OWN_BRU = ['../node_modules/.bin/bru', '../../node_modules/.bin/bru', '../../../.bin/bru'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export const RACE_MESSAGE =
  'bru judged a request before its answer came (its known race on the first request while it fetches the token), so its checks say nothing about the API: run again.';

/** The bru to run: the kit's own (node_modules/.bin), the project's (`projectDir`/node_modules/.bin), else the first on PATH. */
export function findBru(path = process.env.PATH ?? '', own = OWN_BRU, projectDir?: string): string | undefined {
  const project = projectDir === undefined ? [] : [join(projectDir, 'node_modules', '.bin', 'bru')];
  return [
    ...own,
    ...project,
    ...path
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'bru')),
  ].find((candidate) => existsSync(candidate));
}

interface BruOutcome {
  code: number | null;
  output: string;
  timedOut: boolean;
  iteration?: BruIteration;
}

export async function runBru(plan: ContractPlan, collectionDir: string, bru: string, reporters: ContractReporter[], redactor: Redactor): Promise<RunSummary> {
  redactor.addSecret(plan.values.clientSecret ?? '', plan.values.clientId);
  const totals = collector({ target: redactor.text(plan.target), environment: plan.environmentLabel ?? '', description: plan.descriptionName ?? '' });
  const listeners = [totals, ...reporters];
  const started = Date.now();
  const outcome = await bruOutcome(plan, collectionDir, bru, started);
  const before = stopBefore(outcome, plan, redactor);
  if (before) totals.stopped(before);
  const during = before ? undefined : emitResults(outcome.iteration?.results ?? [], plan, redactor, totals, listeners);
  if (!before && !during && outcome.code !== 0 && outcome.code !== 1) totals.stopped({ exitCode: 2, message: bruFailed(outcome, redactor) });
  const summary = totals.finish(Date.now() - started);
  for (const listener of listeners) listener.onDone?.(summary, totals.requests, totals.assertions);
  return summary;
}

/** bru's run (run again on its first-request race when that is safe), with the environment file's folder removed after. */
async function bruOutcome(plan: ContractPlan, collectionDir: string, bru: string, started: number): Promise<BruOutcome> {
  const folder = await mkdtemp(join(tmpdir(), 'contract-bru-'));
  try {
    const envFile = join(folder, 'environment.json');
    await writeFile(envFile, JSON.stringify(bruEnvironment(plan)), { mode: 0o600 });
    let outcome = await runOnce(plan, collectionDir, bru, envFile, join(folder, 'run-0.json'), started);
    // a paced run is against rate limits: running again would ask for tokens over the documented limit
    const retries = paced(plan) ? 0 : RACE_RETRIES;
    for (let retry = 1; retry <= retries && !outcome.timedOut && bruRace(outcome.iteration?.results ?? []); retry += 1)
      outcome = await runOnce(plan, collectionDir, bru, envFile, join(folder, `run-${retry}.json`), started);
    return outcome;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Why bru's report cannot be read as the API's answers: the run deadline passed, bru made no report, or it raced. */
function stopBefore(outcome: BruOutcome, plan: ContractPlan, redactor: Redactor): RunStop | undefined {
  if (outcome.timedOut) return outOfTime(plan.runTimeoutMs!, '', plan.settings);
  if (!outcome.iteration) return { exitCode: 2, message: bruFailed(outcome, redactor) };
  if (bruRace(outcome.iteration.results ?? [])) return { exitCode: 2, message: RACE_MESSAGE };
  return undefined;
}

/** Hands each of bru's results to the listeners; the stop, when one request ends the run (no token, unreachable host). */
function emitResults(
  results: readonly BruResult[],
  plan: ContractPlan,
  redactor: Redactor,
  totals: ReturnType<typeof collector>,
  listeners: ContractReporter[],
): RunStop | undefined {
  const targets = targetsByName(plan);
  for (const result of results) {
    const item = bruItem(result, { tokenUrl: plan.tokenUrl, targets, redactor });
    const name = bruItemName(result.test?.filename ?? '');
    if (item.skipped) {
      totals.skippedItem(printable(name), item.skipped);
      continue;
    }
    const target = targets.get(name);
    const stop = stopAfter(item.request!, target?.endpoint === TOKEN_ENDPOINT && !target.caseId, plan.settings);
    if (stop) totals.stopped(stop);
    for (const listener of listeners) listener.onRequest?.(item.request!);
    if (stop) return stop;
    for (const assertion of item.assertions) for (const listener of listeners) listener.onAssertion?.(assertion);
  }
  return undefined;
}

/** What each item exercises, by its `Folder / Request` name (bru's report has no Postman ids). */
function targetsByName(plan: ContractPlan): Map<string, ItemTarget> {
  const targets = new Map<string, ItemTarget>();
  for (const [id, path] of itemPaths(plan.collection as never)) if (plan.itemTargets[id]) targets.set(path, plan.itemTargets[id]!);
  return targets;
}

/** The Postman environment's values with the run's laid over, in bru's JSON environment shape. */
function bruEnvironment(plan: ContractPlan): object {
  const values: Record<string, string> = {};
  const file = plan.environment as { values?: { key: string; value?: unknown }[] };
  for (const v of file.values ?? []) values[v.key] = String(v.value ?? '');
  Object.assign(values, plan.values);
  const variables = Object.entries(values).map(([name, value]) => ({ name, value, enabled: true, secret: name === 'clientSecret', type: 'text' }));
  return { name: 'contract', variables };
}

const paced = (plan: ContractPlan) => plan.values[SCRIPT_VARIABLES.pacing] === 'on';

function bruArgs(plan: ContractPlan, envFile: string, report: string): string[] {
  return ['run', '-r', '--env-file', envFile, '--reporter-json', report, ...(paced(plan) ? ['--delay', String(PACED_DELAY_MS)] : [])];
}

function runOnce(plan: ContractPlan, cwd: string, bru: string, envFile: string, report: string, started: number): Promise<BruOutcome> {
  return new Promise((resolve) => {
    const child = spawn(bru, bruArgs(plan, envFile, report), { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_BRU_OUTPUT_BYTES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const left = plan.runTimeoutMs === undefined ? undefined : Math.max(0, plan.runTimeoutMs - (Date.now() - started));
    const deadline =
      left === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, left);
    const finish = async (code: number | null, spawnError?: Error) => {
      clearTimeout(deadline);
      if (spawnError) output += `\n${spawnError.message}`;
      resolve({ code, output, timedOut, ...(timedOut ? {} : await readReport(report)) });
    };
    child.on('error', (error) => void finish(null, error));
    child.on('close', (code) => void finish(code));
  });
}

async function readReport(path: string): Promise<{ iteration?: BruIteration }> {
  try {
    if ((await stat(path)).size > MAX_BRU_REPORT_BYTES) return {};
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return Array.isArray(parsed) && parsed[0] && typeof parsed[0] === 'object' ? { iteration: parsed[0] as BruIteration } : {};
  } catch {
    return {};
  }
}

/** bru could not make the run: its exit code and the last lines it printed, redacted. */
function bruFailed(outcome: BruOutcome, redactor: Redactor): string {
  const lines = printable(redactor.text(outcome.output), { lines: true }).trim().split('\n').slice(-5).join('\n    ');
  return `bru run could not make the run (exit code ${outcome.code ?? 'none'}).${lines ? ` It said:\n    ${lines}` : ''}`;
}
