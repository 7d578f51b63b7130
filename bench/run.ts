// The benchmark: `npm run bench [-- --quick] [-- --baseline <commit>]`. Never run in CI.
//
// Builds dist/, installs the pinned peers (bench/tools) when missing, then measures side by side in
// one run: generation (ours vs Portman vs openapi-to-postmanv2, optionally ours at another commit),
// the contract run's cost against a fetch floor, token requests per run, our reference server
// vs Prism, and the request phase against the rate-limit floor (alone: `npm run bench:pacing`).
// Writes bench/RESULTS.md. Everything runs on loopback; every loop is bounded.
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBaseline, type Baseline } from './baseline.js';
import { parseOrExplain, usageError } from './command-line.js';
import { environmentSection } from './environment.js';
import { section } from './markdown.js';
import { contractCost, generation, shipped, type Settings } from './sections.js';
import { compareServers, serverSection, stop } from './server.js';
import { PACING_TITLE, pacingRows, pacingSection } from './pacing.js';
import { mustRun } from './stats.js';
import { tokenEconomy, tokenSection } from './tokens.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const children = new Set<ChildProcess>();

const USAGE = `Usage: npm run bench -- [--quick] [--runs N] [--seconds N] [--baseline COMMIT]

Measures, side by side in one run: generation (ours, Portman,
openapi-to-postmanv2), the contract run's cost against a fetch floor, token
requests per run, and the reference server against Prism. Writes
bench/RESULTS.md. Builds dist/ and installs the pinned peers (bench/tools) on
first use. Loopback only; takes several minutes; not run in CI.

Options:
  --quick            few runs: rough numbers, quickly
  --runs N           whole-process runs per measurement, 1-50 (default 7,
                     with --quick 2)
  --seconds N        seconds per server load test, 1-120 (default 10, with
                     --quick 2)
  --baseline COMMIT  also measure our generator at COMMIT
  -h, --help         show this help
`;

function settings(): Settings & { baseline?: string; quick: boolean } {
  const options = {
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    runs: { type: 'string' },
    seconds: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const values = parseOrExplain(() => parseArgs({ options }), USAGE);
  const quick = values.quick === true;
  const bounded = (text: string | undefined, fallback: number, max: number) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) usageError(`expected an integer from 1 to ${max}, got ${text}`, USAGE);
    return n;
  };
  return {
    root: ROOT,
    quick,
    runs: bounded(values.runs, quick ? 2 : 7, 50),
    inProcessRuns: quick ? 2 : 5,
    resources: 100,
    seconds: bounded(values.seconds, quick ? 2 : 10, 120),
    connections: 10,
    log: (s) => console.log(s),
    ...(values.baseline ? { baseline: values.baseline } : {}),
  };
}

async function prepare(log: (s: string) => void): Promise<void> {
  if (!existsSync(join(ROOT, 'bench/tools/node_modules'))) {
    log('installing the pinned peers: npm ci --prefix bench/tools');
    await mustRun('npm', ['ci', '--prefix', 'bench/tools', '--no-audit', '--no-fund'], { cwd: ROOT, timeoutMs: 600_000 });
  }
  log('npm run build');
  await mustRun('npm', ['run', 'build'], { cwd: ROOT, timeoutMs: 300_000 });
}

/** Runs one section; a failure becomes a visible note in RESULTS.md instead of ending the run. */
async function guarded(title: string, log: (s: string) => void, body: () => Promise<string>): Promise<string> {
  log(`== ${title}`);
  try {
    return await body();
  } catch (error) {
    log(`${title} failed: ${(error as Error).stack ?? String(error)}`);
    return section(title, `**Not measured:** ${(error as Error).message}`);
  }
}

async function sections(s: ReturnType<typeof settings>, baseline: Baseline | undefined): Promise<string[]> {
  const sh = shipped(s.root);
  const load = { seconds: s.seconds, connections: s.connections };
  return [
    await guarded('1. Generation', s.log, () => generation(s, baseline)),
    await guarded('2. Contract run cost', s.log, () => contractCost(s, baseline)),
    await guarded('3. Token economy', s.log, async () => tokenSection(await tokenEconomy(sh.model, sh.collection, sh.environment), sh.model)),
    await guarded('4. Reference server vs Prism', s.log, async () => serverSection(await compareServers(s.root, load, (c) => children.add(c)), load)),
    await guarded(PACING_TITLE, s.log, async () => pacingSection(await pacingRows(s.root, undefined, s.log))),
  ];
}

function command(): string {
  const args = process.argv.slice(2);
  return `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
}

async function main(): Promise<void> {
  const s = settings();
  await prepare(s.log);
  let baseline: Baseline | undefined;
  const notes: string[] = [];
  try {
    if (s.baseline)
      baseline = await createBaseline(ROOT, s.baseline, s.log).catch((error: Error) => {
        notes.push(`Baseline ${s.baseline} not measured: ${error.message}`);
        return undefined;
      });
    const head = await environmentSection(ROOT, command());
    const body = await sections(s, baseline);
    const intro = `Generated by \`bench/run.ts\`; do not edit by hand. ${s.quick ? '**Quick setting (few runs): numbers are rough.**' : ''}`;
    const text = `${['# Benchmark results', intro, head, ...notes, ...body].join('\n\n')}\n`;
    writeFileSync(join(ROOT, 'bench/RESULTS.md'), text);
    s.log('wrote bench/RESULTS.md');
  } finally {
    for (const child of children) await stop(child);
    await baseline?.remove();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    for (const child of children) child.kill('SIGKILL');
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
