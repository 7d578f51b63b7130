// Section 2b: where a contract run's time goes, in this process against one embedded server. Every
// variant runs the collection once and REPEAT times over, so a run's fixed cost (newman's sandbox
// set-up) is told apart from its cost per request: the floor (fetch), newman with and without
// zero-delay timers, with scripts, with jsonSchema checks, and our runner.
import newman from 'newman';
import { runWithReports } from '../contract/run-with-reports.js';
import { demoCredentials } from '../contract/embedded.js';
import { planContract } from '../contract/plan.js';
import { withZeroDelayTimers } from '../contract/zero-delay-timers.js';
import type { ApiModel } from '../model/model.js';
import type { RunningServer } from '../server/index.js';
import { itemCount, repeated, scriptRunsPerRequest, withOneLineScripts, withoutJsonSchema, withoutScripts } from './collection-variants.js';
import { floorRequests, replay } from './floor.js';
import { ms, table } from './markdown.js';
import { median, rotate, timed } from './stats.js';

/** The larger run holds the collection's items this many times. */
export const REPEAT = 4;

export interface InProcessInputs {
  model: ApiModel;
  server: RunningServer;
  collection: object;
  environment: object;
  /** baseUrl, organization, clientId, clientSecret, devicesPath. */
  values: Record<string, string>;
}

/** What each variant isolates; whereTimeGoes subtracts one from another. */
export type VariantKey = 'floor' | 'bare' | 'bareZero' | 'oneLine' | 'noSchema' | 'full' | 'runner' | 'before';

export interface Variant {
  key: VariantKey;
  name: string;
  /** Requests in one pass over the collection. */
  requests: number;
  /** One run over the collection's items `times` (1 or REPEAT) over; resolves with failed assertions + errors. */
  run(times: number): Promise<number>;
}

export interface VariantTimes {
  key: VariantKey;
  name: string;
  requests: number;
  /** Run times at 1 and REPEAT passes. */
  once: number[];
  repeated: number[];
  problems: number;
}

/** Runs one collection with newman's library, no reporters; resolves with failed assertions + errors. */
export function newmanRun(collection: object, environment: object, values: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    newman.run(
      {
        collection,
        environment,
        envVar: Object.entries(values).map(([key, value]) => ({ key, value })),
        reporters: [],
        timeoutRequest: 30_000,
      } as newman.NewmanRunOptions,
      (error, summary) => (error ? reject(error) : resolve(summary.run.failures.length)),
    );
  });
}

async function token(values: Record<string, string>): Promise<string> {
  const basic = Buffer.from(`${values.clientId}:${values.clientSecret}`).toString('base64');
  const answer = await fetch(`${values.baseUrl}/token/${values.organization}`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** The collection at 1 and REPEAT passes, copied once here so no copying falls inside a timed run. */
function bySize<T>(collection: object, make: (c: object) => T): (times: number) => T {
  const sizes = new Map([1, REPEAT].map((times) => [times, make(repeated(collection, times))]));
  return (times) => sizes.get(times)!;
}

export async function variants(inputs: InProcessInputs): Promise<Variant[]> {
  const { collection, environment, values } = inputs;
  const accessToken = await token(values);
  const preset = { accessToken, deviceId: 'dev-0001', tamperedToken: `${accessToken}x` };
  const count = itemCount(collection);
  const plain = (c: object) => {
    const at = bySize(c, (copy) => copy);
    return (times: number) => newmanRun(at(times), environment, values);
  };
  const zeroDelay = (c: object) => {
    const run = plain(c);
    return (times: number) => withZeroDelayTimers(() => run(times));
  };
  const floor = bySize(collection, floorRequests);
  const credentials = demoCredentials(inputs.model, inputs.server.url);
  const planAt = bySize(collection, (c) =>
    planContract({ model: inputs.model, collection: c, environment, target: { kind: 'remote', credentials }, pacing: false }),
  );
  const bare = withoutScripts(collection, preset);
  return [
    {
      key: 'floor',
      name: 'floor: fetch, same requests',
      requests: count,
      run: async (times) => (await replay(floor(times), values)).statuses.filter((s) => s >= 500).length,
    },
    { key: 'bare', name: 'newman, no scripts (token pre-set)', requests: count, run: plain(bare) },
    { key: 'bareZero', name: 'newman, no scripts, zero-delay timers', requests: count, run: zeroDelay(bare) },
    {
      key: 'oneLine',
      name: 'newman, every script one line that does nothing, zero-delay timers',
      requests: count,
      run: zeroDelay(withOneLineScripts(collection, preset)),
    },
    { key: 'noSchema', name: 'newman, scripts without jsonSchema checks, zero-delay timers', requests: count, run: zeroDelay(withoutJsonSchema(collection)) },
    { key: 'full', name: 'newman, full collection, zero-delay timers', requests: count, run: zeroDelay(collection) },
    {
      key: 'runner',
      name: 'our runner (runWithReports: zero-delay timers, redaction, JUnit, HTML, drift, coverage)',
      requests: count,
      run: async (times) => {
        const { summary } = await runWithReports(planAt(times), () => undefined, { model: inputs.model, shownDir: 'reports' });
        return summary.failures.length + summary.errors.length;
      },
    },
    { key: 'before', name: 'before: newman, full collection, as newman runs it', requests: count, run: plain(collection) },
  ];
}

/** One warm-up each, then `runs` rounds in rotated order, each variant at 1 and REPEAT passes. */
export async function timeVariants(list: Variant[], runs: number, log: (s: string) => void): Promise<VariantTimes[]> {
  const times = list.map((v) => ({ key: v.key, name: v.name, requests: v.requests, once: [] as number[], repeated: [] as number[], problems: 0 }));
  for (const v of list) await v.run(1);
  for (let round = 0; round < runs; round++) {
    for (const i of rotate(
      list.map((_, k) => k),
      round,
    )) {
      for (const [passes, into] of [
        [1, times[i]!.once],
        [REPEAT, times[i]!.repeated],
      ] as const) {
        const { ms: took, value } = await timed(() => list[i]!.run(passes));
        into.push(took);
        times[i]!.problems += value;
      }
    }
    log(`  in process: round ${round + 1}/${runs}`);
  }
  return times;
}

export interface Costs {
  key: VariantKey;
  name: string;
  /** ms a run costs whatever its length, and ms per request. */
  fixed: number;
  perRequest: number;
  problems: number;
}

export function costs(t: VariantTimes): Costs {
  const [once, many] = [median(t.once), median(t.repeated)];
  const perRequest = (many - once) / ((REPEAT - 1) * t.requests);
  return { key: t.key, name: t.name, fixed: once - perRequest * t.requests, perRequest, problems: t.problems };
}

export function variantTable(times: VariantTimes[]): string {
  const all = times.map(costs);
  const floor = all.find((c) => c.key === 'floor')!.perRequest;
  const rows = all.map((c) => [c.name, ms(c.fixed), ms(c.perRequest), c.key === 'floor' ? '' : ms(c.perRequest - floor), c.problems]);
  return table(
    ['variant (in process, warm)', 'fixed ms per run', 'ms per request', 'ms per request beyond floor', 'failed assertions / errors (all runs)'],
    rows,
  );
}

/** Per request: what each step adds, and the run before and after zero-delay timers. */
export function whereTimeGoes(times: VariantTimes[], collection: object): string {
  const cost = new Map(times.map((t) => [t.key, costs(t)]));
  const at = (key: VariantKey): Costs => cost.get(key)!;
  const step = (label: string, from: VariantKey, to: VariantKey) => `- ${label}: ${ms(at(to).perRequest - at(from).perRequest)} ms`;
  const [before, runner] = [at('before'), at('runner')];
  return [
    `Per request, beyond the floor's ${ms(at('floor').perRequest)} ms:`,
    step("newman waiting on its own zero-delay timers (Node's 1 ms floor; what zero-delay timers remove)", 'bareZero', 'bare'),
    step("newman's own work (request building, auth, events)", 'floor', 'bareZero'),
    step(`newman's sandbox running a script, whatever it holds (${scriptRunsPerRequest(collection)} script runs per request)`, 'bareZero', 'oneLine'),
    step("our scripts' own work (token cache, retry, checks), without jsonSchema", 'oneLine', 'noSchema'),
    step('jsonSchema checks (Ajv in the sandbox)', 'noSchema', 'full'),
    step('our runner (records, redaction, JUnit and HTML reporters)', 'full', 'runner'),
    '',
    `**Before and after.** The full collection costs ${ms(before.perRequest)} ms per request as newman runs it and ${ms(runner.perRequest)} ms through our runner (${ms(before.perRequest - runner.perRequest)} ms less); a run's fixed cost, mostly newman setting up its script sandbox, is ${ms(before.fixed)} and ${ms(runner.fixed)} ms.`,
  ].join('\n');
}
