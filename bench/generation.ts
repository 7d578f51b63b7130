// Section 1: generation as a whole process (ours, Portman, openapi-to-postmanv2, an optional
// baseline of ours) and in process (our loader and each generator, per endpoint).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATORS } from '../generators/index.js';
import { loadSpec } from '../loader/index.js';
import { DEFAULT_CTX } from '../generators/types.js';
import { ms, ratio, section, table } from './markdown.js';
import { median, min, rotate, runProcess, timed } from './stats.js';

export interface GenerationCase {
  name: string;
  /** Absolute path of our YAML description. */
  spec: string;
  /** Absolute path of its OpenAPI export (what the peers read). */
  openapi: string;
  endpoints: number;
}

export interface GenerationTool {
  name: string;
  command: string;
  /** Arguments for one run writing into `out` (a fresh temporary folder). */
  args(input: GenerationCase, out: string): string[];
  /** Working folder; undefined runs in the temporary folder (so a tool writes nothing into the repository). */
  cwd?: string;
  /** Tools that fail are reported, not fatal. */
}

export interface ToolTimes {
  tool: string;
  runs: number[];
  failures: string[];
}

/** Our CLI through the package bin; `formats` narrows it to the outputs a peer also writes. */
export function ourTool(name: string, root: string, formats: string[] = []): GenerationTool {
  const only = formats.length > 0 ? ['--format', ...formats] : [];
  return {
    name,
    command: process.execPath,
    cwd: root,
    args: (c, out) => [join(root, 'bin/securithings-kit.js'), 'generate', '--spec', c.spec, '--out', out, ...only],
  };
}

export function peerTools(root: string): GenerationTool[] {
  const portman = join(root, 'bench/tools/node_modules/.bin/portman');
  const o2p = join(root, 'node_modules/.bin/openapi2postmanv2');
  return [
    { name: 'Portman 1.33.0', command: portman, args: (c, out) => ['-l', c.openapi, '-o', join(out, 'out.json')] },
    { name: 'openapi-to-postmanv2 6.3.3', command: o2p, args: (c, out) => ['-s', c.openapi, '-o', join(out, 'out.json')] },
  ];
}

// Each run writes into a fresh folder of `scratch`, which the caller removes after the section,
// not between runs: ext4 passes over inodes freed in the last minutes when it allocates new ones
// (recently_deleted in its inode allocator), so removing a run's thousand files made the next
// run's file creation several times slower, a cost of the bench's cleanup that no user pays.
async function runOnce(tool: GenerationTool, input: GenerationCase, scratch: string, into: ToolTimes): Promise<void> {
  const out = mkdtempSync(join(scratch, 'out-'));
  const run = await runProcess(tool.command, tool.args(input, out), { cwd: tool.cwd ?? out, timeoutMs: TIMEOUT_MS });
  if (run.code === 0) into.runs.push(run.ms);
  else into.failures.push(failure(run.code, run.stderr || run.stdout));
}

const TIMEOUT_MS = 180_000;

/** Why a run failed: killed at the time limit, or the line naming the error (Portman ends with a banner), else its last lines. */
export function failure(code: number | null, output: string): string {
  if (code === null) return `no answer within ${TIMEOUT_MS / 1000} s (killed)`;
  const lines = output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const named = lines.find((line) => /^[A-Z][A-Za-z]*Error: /.test(line)) ?? lines.find((line) => /\bError\b/.test(line));
  return `exit ${code}: ${named ?? lines.slice(-3).join(' / ')}`;
}

/** `runs` rounds; each round runs every tool once, in an order rotated per round, writing into folders of `scratch`. */
export async function timeTools(tools: GenerationTool[], input: GenerationCase, runs: number, scratch: string, log: (s: string) => void): Promise<ToolTimes[]> {
  const times = tools.map((tool) => ({ tool: tool.name, runs: [] as number[], failures: [] as string[] }));
  for (let round = 0; round < runs; round++) {
    for (const index of rotate(
      tools.map((_, i) => i),
      round,
    ))
      await runOnce(tools[index]!, input, scratch, times[index]!);
    log(`  ${input.name.split(' (')[0]}: round ${round + 1}/${runs}`);
  }
  return times;
}

/** Ratios to ours writing every client (row 0) and to ours writing what the peers write (row 1). */
export function generationTable(input: GenerationCase, times: ToolTimes[]): string {
  const [all, postman] = [median(times[0]!.runs), median(times[1]!.runs)];
  const rows = times.map((t) => [
    t.tool,
    `${t.runs.length}${t.failures.length ? ` (${t.failures.length} failed)` : ''}`,
    ms(min(t.runs)),
    ms(median(t.runs)),
    ratio(median(t.runs) / all),
    ratio(median(t.runs) / postman),
  ]);
  const failures = times.flatMap((t) => (t.failures.length ? [`- ${t.tool} failed: ${t.failures[0]}`] : []));
  const header = ['tool', 'runs', 'min ms', 'median ms', 'median / ours (all formats)', 'median / ours (Postman only)'];
  return [`**${input.name}** (${input.endpoints} endpoints)`, table(header, rows), ...failures].join('\n\n');
}

/** The real document: each tool's median against ours (row 0), and how many times faster ours is. */
export function importTable(input: GenerationCase, times: ToolTimes[]): string {
  const ours = median(times[0]!.runs);
  const rows = times.map((t) => [
    t.tool,
    `${t.runs.length}${t.failures.length ? ` (${t.failures.length} failed)` : ''}`,
    ms(min(t.runs)),
    ms(median(t.runs)),
    ratio(median(t.runs) / ours),
  ]);
  const failures = times.flatMap((t) => (t.failures.length ? [`- ${t.tool} failed: ${t.failures[0]}`] : []));
  const header = ['tool', 'runs', 'min ms', 'median ms', 'median / ours'];
  return [`**${input.name}** (${input.endpoints} operations)`, table(header, rows), ...failures].join('\n\n');
}

export interface InProcessTimes {
  endpoints: number;
  runs: number;
  /** Step name -> median ms. */
  steps: Array<{ step: string; medianMs: number }>;
}

/** Our loader and each generator, in this process, on one description. */
export async function inProcess(yaml: string, endpoints: number, runs: number): Promise<InProcessTimes> {
  const bytes = Buffer.from(yaml);
  const model = loadSpec(bytes, 'synthetic.yaml'); // warm-up
  const steps: Array<{ step: string; medianMs: number }> = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) load.push((await timed(() => loadSpec(bytes, 'synthetic.yaml'))).ms);
  steps.push({ step: 'loadSpec (parse, validate, compile schemas)', medianMs: median(load) });
  for (const [name, generate] of Object.entries(GENERATORS)) {
    generate(model, DEFAULT_CTX); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await timed(() => generate(model, DEFAULT_CTX))).ms);
    steps.push({ step: `generator ${name}`, medianMs: median(samples) });
  }
  return { endpoints, runs, steps };
}

export function inProcessTable(result: InProcessTimes): string {
  const total = result.steps.reduce((sum, s) => sum + s.medianMs, 0);
  const rows = [...result.steps, { step: 'total', medianMs: total }].map((s) => [s.step, ms(s.medianMs), (s.medianMs / result.endpoints).toFixed(3)]);
  return [
    `In process, synthetic description (${result.endpoints} endpoints), median of ${result.runs} runs after one warm-up:`,
    table(['step', 'median ms', 'ms per endpoint'], rows),
  ].join('\n\n');
}

export function generationSection(tables: string[], inProcessText: string, notes: string[]): string {
  return section('1. Generation', ...notes, ...tables, inProcessText);
}
