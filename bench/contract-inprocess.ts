// Section 2b: where a contract run's time goes, in this process against one embedded server:
// the fetch floor, newman without scripts, with scripts but no jsonSchema checks, full, and our runner.
import newman from 'newman';
import { runWithReports } from '../contract/run-with-reports.js';
import type { RunningServer } from '../server/index.js';
import { itemCount, withoutJsonSchema, withoutScripts } from './collection-variants.js';
import { floorRequests, replay } from './floor.js';
import { ms, table } from './markdown.js';
import { median, rotate, timed } from './stats.js';

export interface InProcessInputs {
  server: RunningServer;
  collection: object;
  environment: object;
  /** baseUrl, organization, clientId, clientSecret, devicesPath. */
  values: Record<string, string>;
}

export interface Variant {
  name: string;
  requests: number;
  run(): Promise<number>;
}

export interface VariantTimes {
  name: string;
  requests: number;
  samples: number[];
  problems: number;
}

/** Runs one collection with newman's library, no reporters; resolves with failed assertions + errors. */
export function newmanRun(collection: object, environment: object, values: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    newman.run(
      { collection, environment, envVar: Object.entries(values).map(([key, value]) => ({ key, value })), reporters: [], timeoutRequest: 30_000 } as newman.NewmanRunOptions,
      (error, summary) => (error ? reject(error) : resolve(summary.run.failures.length)),
    );
  });
}

async function token(values: Record<string, string>): Promise<string> {
  const basic = Buffer.from(`${values.clientId}:${values.clientSecret}`).toString('base64');
  const answer = await fetch(`${values.baseUrl}/token/${values.organization}`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  return ((await answer.json()) as { access_token: string }).access_token;
}

export async function variants(inputs: InProcessInputs): Promise<Variant[]> {
  const { collection, environment, values } = inputs;
  const requests = floorRequests(collection);
  const accessToken = await token(values);
  const bare = withoutScripts(collection, { accessToken, deviceId: 'dev-0001', tamperedToken: `${accessToken}x` });
  const noSchema = withoutJsonSchema(collection);
  const count = itemCount(collection);
  return [
    { name: 'floor: fetch, same requests', requests: requests.length, run: async () => (await replay(requests, values)).statuses.filter((s) => s >= 500).length },
    { name: 'newman, no scripts (token pre-set)', requests: count, run: () => newmanRun(bare, environment, values) },
    { name: 'newman, scripts without jsonSchema checks', requests: count, run: () => newmanRun(noSchema, environment, values) },
    { name: 'newman, full collection', requests: count, run: () => newmanRun(collection, environment, values) },
    {
      name: 'our runner (runWithReports: redaction, JUnit, HTML)',
      requests: count,
      run: async () => {
        const plan = { collection, environment, values, delayRequestMs: 0, timeoutRequestMs: 30_000, tokenPathPrefix: '/token/', target: 'bench' };
        const { summary } = await runWithReports(plan, () => undefined);
        return summary.failures.length + summary.errors.length;
      },
    },
  ];
}

/** One warm-up each, then `runs` rounds in rotated order. */
export async function timeVariants(list: Variant[], runs: number, log: (s: string) => void): Promise<VariantTimes[]> {
  const times = list.map((v) => ({ name: v.name, requests: v.requests, samples: [] as number[], problems: 0 }));
  for (const v of list) await v.run();
  for (let round = 0; round < runs; round++) {
    for (const i of rotate(list.map((_, k) => k), round)) {
      const { ms: took, value } = await timed(() => list[i]!.run());
      times[i]!.samples.push(took);
      times[i]!.problems += value;
    }
    log(`  in process: round ${round + 1}/${runs}`);
  }
  return times;
}

export function variantTable(times: VariantTimes[]): string {
  const floor = median(times[0]!.samples);
  let previous = floor;
  const rows = times.map((t, i) => {
    const m = median(t.samples);
    const row = [t.name, t.requests, ms(m), ms(m / t.requests), i === 0 ? '' : ms((m - floor) / t.requests), i === 0 ? '' : ms((m - previous) / t.requests), t.problems];
    previous = m;
    return row;
  });
  return table(['variant (in process, warm)', 'requests', 'median ms per run', 'ms per request', 'ms per request beyond floor', 'ms per request added by this step', 'failed assertions / errors (all runs)'], rows);
}
