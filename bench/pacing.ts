// Section 5: the contract run's request phase against a server enforcing the documented limits,
// against the floor: for each endpoint, the least time its requests need under its sliding window
// (N requests per T seconds: floor((n - 1) / N) x T), the largest over the endpoints. The run is
// the real CLI in its own process, pointed at the server through SECURITHINGS_*, as against a real
// API; the server runs in this process and sees every request arrive and every answer leave.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endpointAt, templates } from '../contract/drift/endpoint-of.js';
import { TOKEN_ENDPOINT } from '../model/ids.js';
import { loadSpec } from '../loader/index.js';
import type { ApiModel, RateLimit } from '../model/model.js';
import { DEMO, startReferenceServer } from '../server/index.js';
import type { Baseline } from './baseline.js';
import { startLimitedServer } from './limited-server.js';
import { ms, section, table } from './markdown.js';
import { cleanEnv, mustRun, runProcess } from './stats.js';
import { syntheticSpecYaml } from './synthetic-spec.js';
import { settingNames } from '../contract/target.js';

export const PACING_TITLE = '5. Rate-limit pacing';

interface Target {
  url: string;
  rateLimited(): number;
  close(): Promise<void>;
}

interface Suite {
  name: string;
  model: ApiModel;
  /** The description file and the collections folder a CLI at `root` runs. */
  files(root: string, work: string): Promise<{ spec: string; collections: string }>;
  /** `limits` false: the same server without limits, for the unpaced run. */
  start(limits: boolean): Promise<Target>;
}

export interface PacingRow {
  suite: string;
  cli: string;
  requests: number;
  floorMs: number;
  phaseMs: number;
  paced: boolean;
  rateLimited: number;
  exitCode: number | null;
}

/** 5 resources x 10 endpoints, each limited to 1 request a second per IP and per user (like the real API), and two rounds of cases over the List endpoints. */
const SYNTHETIC = syntheticSpecYaml(5, { rateLimit: { requests: 1, perSeconds: 1, per: ['ip', 'user'] }, listCases: [{ limit: '1' }, { status: 'offline' }] });

function suites(root: string): Suite[] {
  const shippedSpec = join(root, 'spec/securithings.yaml');
  const shipped = loadSpec(readFileSync(shippedSpec), shippedSpec);
  const synthetic = loadSpec(Buffer.from(SYNTHETIC), 'synthetic.yaml');
  return [
    {
      name: 'Shipped suite (reference server, `rateLimits: true`)',
      model: shipped,
      files: async (cli) => ({ spec: join(cli, 'spec/securithings.yaml'), collections: join(cli, 'collections') }),
      start: async (limits) => {
        const server = await startReferenceServer(shipped, { rateLimits: limits });
        return { url: server.url, rateLimited: () => server.stats.rateLimited, close: () => server.close() };
      },
    },
    {
      name: `Synthetic description, ${synthetic.resources.flatMap((r) => r.endpoints).length} endpoints at 1 request/s each (bench/limited-server.ts)`,
      model: synthetic,
      files: async (cli, work) => {
        const spec = join(work, 'synthetic.yaml');
        writeFileSync(spec, SYNTHETIC);
        const collections = join(work, 'collections');
        await mustRun(tsx(cli), ['cli/main.ts', 'generate', '--spec', spec, '--out', collections, '--format', 'postman'], { cwd: cli, env: cleanEnv() });
        return { spec, collections };
      },
      start: (limits) => startLimitedServer(synthetic, limits),
    },
  ];
}

const tsx = (root: string) => join(root, 'node_modules/.bin/tsx');

interface Traffic {
  arrivals: { method: string; url: string; at: number }[];
  lastAnswer: number;
}

/** Every request the server on `port` receives, and when its last answer left. */
function watch(port: number): { traffic: Traffic; stop(): void } {
  const traffic: Traffic = { arrivals: [], lastAnswer: 0 };
  const ours = (m: unknown) => (m as { request: IncomingMessage }).request.socket.localPort === port;
  const start = (m: unknown) => {
    if (ours(m))
      traffic.arrivals.push({
        method: (m as { request: IncomingMessage }).request.method!,
        url: (m as { request: IncomingMessage }).request.url!,
        at: performance.now(),
      });
  };
  const finish = (m: unknown) => {
    if (ours(m)) traffic.lastAnswer = performance.now();
  };
  subscribe('http.server.request.start', start);
  subscribe('http.server.response.finish', finish);
  return {
    traffic,
    stop: () => {
      unsubscribe('http.server.request.start', start);
      unsubscribe('http.server.response.finish', finish);
    },
  };
}

/** For each endpoint, floor((n - 1) / N) x T for its n requests; the largest. */
export function floorMs(model: ApiModel, arrivals: Traffic['arrivals']): number {
  const known = templates(model);
  const counts = new Map<string, number>();
  for (const a of arrivals) {
    const id = endpointAt(a.method, `http://localhost${a.url}`, known);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const limitOf = (id: string): RateLimit | undefined =>
    id === TOKEN_ENDPOINT ? model.auth.rateLimit : model.resources.find((r) => r.endpoints.some((e) => e.id === id))?.rateLimit;
  return Math.max(
    0,
    ...[...counts].map(([id, n]) => {
      const limit = limitOf(id);
      return limit ? Math.floor((n - 1) / limit.requests) * limit.perSeconds * 1000 : 0;
    }),
  );
}

interface Cli {
  root: string;
  label: string;
  /** false: the unpaced run (`--no-pacing`, the server without limits). */
  paced: boolean;
}

async function measure(suite: Suite, cli: Cli): Promise<PacingRow> {
  const work = mkdtempSync(join(tmpdir(), 'st-bench-pacing-'));
  const target = await suite.start(cli.paced);
  try {
    const { spec, collections } = await suite.files(cli.root, work);
    const seen = watch(Number(new URL(target.url).port));
    const names = settingNames(suite.model);
    const pathValues = Object.fromEntries(Object.values(names.pathVariables).map((setting) => [setting, DEMO.organization]));
    const env = cleanEnv({ [names.baseUrl]: target.url, ...pathValues, [names.clientId]: DEMO.clientId, [names.clientSecret]: DEMO.clientSecret });
    const run = await runProcess(
      tsx(cli.root),
      ['cli/main.ts', 'contract', '--spec', spec, '--collections', collections, '--reports', join(work, 'reports'), ...(cli.paced ? [] : ['--no-pacing'])],
      { cwd: cli.root, env, timeoutMs: 600_000 },
    );
    seen.stop();
    const { arrivals, lastAnswer } = seen.traffic;
    const phaseMs = arrivals.length > 0 ? lastAnswer - arrivals[0]!.at : NaN;
    return {
      suite: suite.name,
      cli: cli.label,
      paced: cli.paced,
      requests: arrivals.length,
      floorMs: floorMs(suite.model, arrivals),
      phaseMs,
      rateLimited: target.rateLimited(),
      exitCode: run.code,
    };
  } finally {
    await target.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Goal: within 1.3x the floor plus 1.5 s, with no 429. */
const goalMs = (floor: number) => floor * 1.3 + 1500;

export async function pacingRows(root: string, before: Baseline | undefined, log: (s: string) => void): Promise<PacingRow[]> {
  const clis: Cli[] = [
    { root, label: 'unpaced: this checkout, `--no-pacing`, limits off', paced: false },
    ...(before ? [{ root: before.root, label: `before (@${before.short})`, paced: true }] : []),
    { root, label: 'this checkout', paced: true },
  ];
  const rows: PacingRow[] = [];
  for (const suite of suites(root)) {
    for (const cli of clis) {
      log(`  ${suite.name}: ${cli.label}`);
      rows.push(await measure(suite, cli));
    }
  }
  return rows;
}

export function pacingSection(rows: PacingRow[]): string {
  const s = (value: number) => `${ms(value / 1000)} s`;
  const unpaced = (suite: string) => rows.find((r) => r.suite === suite && !r.paced)?.phaseMs ?? NaN;
  const body = rows.map((r) => {
    const judged = r.paced
      ? [s(goalMs(r.floorMs)), r.phaseMs <= goalMs(r.floorMs) && r.rateLimited === 0 ? 'yes' : 'no', s(r.phaseMs - unpaced(r.suite))]
      : ['', '', ''];
    return [r.suite, r.cli, r.requests, s(r.floorMs), s(r.phaseMs), ...judged, r.rateLimited, String(r.exitCode)];
  });
  return section(
    PACING_TITLE,
    'The request phase (first request arriving at the server to the last answer leaving it) of `tsx cli/main.ts contract`, in its own process, pointed through `SECURITHINGS_*` at a server in the bench process that enforces the documented limits (a sliding window per endpoint, per IP and per user; 429 with Retry-After past it). The floor: for each endpoint, the least time its n requests need under its window of N requests per T seconds, floor((n - 1) / N) x T; the largest over the endpoints. Goal: within 1.3x the floor plus 1.5 s, with no 429. "before" paces with one pause (1.1x the longest interval) between all requests; "this checkout" paces in the collection\'s scripts, per endpoint. The unpaced row is the same run with `--no-pacing` against the same server without limits: what the requests cost on this machine without any wait, so "paced - unpaced" is the time pacing adds, to hold against the floor.',
    table(['suite', 'run', 'requests', 'floor', 'request phase', 'goal', 'within goal', 'paced - unpaced', '429s', 'exit'], body),
  );
}
