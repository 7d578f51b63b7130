// Section 2a: the contract run as a whole process vs the floor process, and what loading costs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FloorRequest } from './floor.js';
import { ms, table } from './markdown.js';
import { cleanEnv, median, rotate, runProcess } from './stats.js';
import type { ProcessMarks } from './transpile.js';

export interface ProcessCase {
  name: string;
  args: string[];
  /** Whether the process serves HTTP (then the marks are meaningful). */
  serves: boolean;
}

export interface ProcessSample {
  totalMs: number;
  marks?: ProcessMarks;
}

export interface ProcessTimes {
  name: string;
  serves: boolean;
  samples: ProcessSample[];
  failures: string[];
}

export interface ContractProcessInputs {
  root: string;
  /** Folder holding the transpiled floor-process.js and marks.mjs. */
  jsDir: string;
  spec: string;
  requests: FloorRequest[];
  values: Record<string, string>;
  /** Another commit's build, whose `contract` joins the table. */
  baseline?: { short: string; root: string };
}

function importCase(name: string, modules: string[]): ProcessCase {
  const code = modules.map((m) => `await import(${JSON.stringify(m)});`).join(' ');
  return { name, args: ['--input-type=module', '-e', code], serves: false };
}

export function processCases(inputs: ContractProcessInputs, work: string): ProcessCase[] {
  const dist = (path: string) => pathToFileURL(join(inputs.root, 'dist', path)).href;
  const plan = join(work, 'floor-plan.json');
  writeFileSync(
    plan,
    JSON.stringify({
      loadModule: dist('loader/index.js'),
      serverModule: dist('server/index.js'),
      spec: inputs.spec,
      requests: inputs.requests,
      values: inputs.values,
    }),
  );
  const marks = pathToFileURL(join(inputs.jsDir, 'marks.mjs')).href;
  // An empty settings file, so a .env in the repository cannot point the run elsewhere (one that
  // does not exist is refused: the CLI reads a named --dotenv file or stops).
  const envFile = join(work, 'no-settings.env');
  writeFileSync(envFile, '');
  const contract = (root: string) => [
    '--import',
    marks,
    join(root, 'bin/securithings-kit.js'),
    'contract',
    '--reports',
    join(work, 'reports'),
    '--dotenv',
    envFile,
  ];
  const { baseline } = inputs;
  return [
    { name: 'node -e 0 (process start)', args: ['-e', '0'], serves: false },
    importCase('import newman', ['newman']),
    importCase('import our CLI (dist/cli/main.js)', [dist('cli/main.js')]),
    importCase('import CLI + contract runner + server (what `contract` loads)', [
      dist('cli/main.js'),
      dist('contract/run-with-reports.js'),
      dist('server/index.js'),
      dist('contract/target.js'),
    ]),
    { name: 'floor process (server + fetch)', args: ['--import', marks, join(inputs.jsDir, 'floor-process.js'), plan], serves: true },
    { name: 'CLI `contract` (newman)', args: contract(inputs.root), serves: true },
    ...(baseline ? [{ name: `CLI \`contract\` @${baseline.short}`, args: contract(baseline.root), serves: true }] : []),
  ];
}

async function sampleOnce(c: ProcessCase, root: string, work: string, into: ProcessTimes): Promise<void> {
  const marksFile = join(work, 'marks.json');
  rmSync(marksFile, { force: true });
  const run = await runProcess(process.execPath, c.args, { cwd: root, env: cleanEnv({ BENCH_MARKS_FILE: marksFile }), timeoutMs: 120_000 });
  if (run.code !== 0) {
    into.failures.push(`exit ${run.code}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ')}`);
    return;
  }
  const marks = c.serves ? (JSON.parse(readFileSync(marksFile, 'utf8')) as ProcessMarks) : undefined;
  into.samples.push({ totalMs: run.ms, ...(marks ? { marks } : {}) });
}

export async function timeProcesses(inputs: ContractProcessInputs, runs: number, log: (s: string) => void): Promise<ProcessTimes[]> {
  const work = mkdtempSync(join(tmpdir(), 'st-bench-contract-'));
  try {
    const cases = processCases(inputs, work);
    const times = cases.map((c) => ({ name: c.name, serves: c.serves, samples: [] as ProcessSample[], failures: [] as string[] }));
    for (let round = 0; round < runs; round++) {
      for (const i of rotate(
        cases.map((_, k) => k),
        round,
      ))
        await sampleOnce(cases[i]!, inputs.root, work, times[i]!);
      log(`  processes: round ${round + 1}/${runs}`);
    }
    return times;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface PhaseMedians {
  total: number;
  firstRequest: number;
  requestPhase: number;
  afterLast: number;
  requests: number;
}

export function phases(t: ProcessTimes): PhaseMedians {
  const marks = t.samples.map((s) => s.marks).filter((m): m is ProcessMarks => m !== undefined);
  return {
    total: median(t.samples.map((s) => s.totalMs)),
    firstRequest: median(marks.map((m) => m.firstRequest)),
    requestPhase: median(marks.map((m) => m.lastResponse - m.firstRequest)),
    afterLast: median(t.samples.filter((s) => s.marks).map((s) => s.totalMs - s.marks!.lastResponse)),
    requests: median(marks.map((m) => m.requests)),
  };
}

export function processTable(times: ProcessTimes[]): string {
  const base = median(times[0]!.samples.map((s) => s.totalMs));
  const rows = times.map((t, i) => {
    const p = phases(t);
    const fail = t.failures.length ? ` (${t.failures.length} failed: ${t.failures[0]})` : '';
    return [
      t.name + fail,
      t.samples.length,
      ms(p.total),
      i === 0 ? '' : ms(p.total - base),
      t.serves ? ms(p.firstRequest) : '',
      t.serves ? ms(p.requestPhase) : '',
      t.serves ? String(p.requests) : '',
      t.serves ? ms(p.afterLast) : '',
    ];
  });
  return table(
    [
      'process',
      'runs',
      'median total ms',
      'minus `node -e 0`',
      'first request at (ms after start)',
      'first request to last answer ms',
      'HTTP requests',
      'last answer to exit ms',
    ],
    rows,
  );
}
