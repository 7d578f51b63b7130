// Load check of the reference server: authenticated `GET /v1/devices` on loopback for a bounded time.
//
//   npx tsx bench/load.ts [--seconds 20] [--connections 10]
//   node --expose-gc --import tsx bench/load.ts --seconds 20     (RSS "after" measured after a full GC)
//
// Starts the reference server on 127.0.0.1 (free port, rate limits off), gets one token, drives the
// list endpoint with autocannon, then prints requests/s, p50/p99 latency, errors and non-2xx answers,
// and the process RSS (and V8 heap) before and after. Exits 1 when any request errored, timed out or was not 2xx.
// The server and autocannon share this process: RSS covers both. Loopback only; not part of `npm test`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { loadSpec } from '../loader/index.js';
import { parseOrExplain, usageError } from './command-line.js';
import { DEMO, startReferenceServer } from '../server/index.js';

/** The part of autocannon 8's API used here (the package ships no types). */
interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p99: number; average: number; max: number };
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<LoadResult>;

const HOST = '127.0.0.1';
const SPEC = 'spec/securithings.yaml';
const MAX_SECONDS = 600;

const USAGE = `Usage: npm run load -- [--seconds N] [--connections N]

Load check of the reference server: starts it on 127.0.0.1 (a free port, rate
limits off), gets one token and drives authenticated GET /v1/devices with
autocannon. Prints requests/s, p50/p99 latency, errors and non-2xx answers, and
the process RSS before and after. Loopback only; not run in CI.

Options:
  --seconds N      how long to drive the server, 1-${MAX_SECONDS} (default 20)
  --connections N  concurrent connections, 1-1000 (default 10)
  -h, --help       show this help

Exit codes: 0 every answer 2xx; 1 some request errored, timed out or was not
2xx; 2 a bad option or the run could not start.
`;

function options(): { seconds: number; connections: number } {
  const config = { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '10' }, help: { type: 'boolean', short: 'h' } } as const;
  const values = parseOrExplain(() => parseArgs({ options: config }), USAGE);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS) usageError(`--seconds must be an integer from 1 to ${MAX_SECONDS}`, USAGE);
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000) usageError('--connections must be an integer from 1 to 1000', USAGE);
  return { seconds, connections };
}

async function fetchToken(baseUrl: string): Promise<string> {
  const answer = await fetch(`${baseUrl}/token/${encodeURIComponent(DEMO.organization)}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}` },
  });
  const body = (await answer.json()) as { access_token?: unknown };
  if (answer.status !== 200 || typeof body.access_token !== 'string') throw new Error(`the token request answered HTTP ${answer.status}`);
  return body.access_token;
}

/** RSS, and the V8 heap in use (RSS rarely shrinks after a GC; a leak shows in the heap). */
function memory(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${mib(rss)} (heap ${mib(heapUsed)}${gc ? ', after GC' : ''})`;
}

async function main(): Promise<number> {
  const { seconds, connections } = options();
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const model = loadSpec(readFileSync(SPEC), SPEC);
  const server = await startReferenceServer(model, { host: HOST, rateLimits: false });
  try {
    const token = await fetchToken(server.url);
    const before = memory();
    console.log(`GET ${server.url}/v1/devices: ${connections} connections for ${seconds} s ...`);
    const result = await autocannon({ url: `${server.url}/v1/devices`, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
    const after = memory();
    const failed = result.errors + result.timeouts + result.non2xx;
    const statuses = Object.entries(result.statusCodeStats)
      .map(([status, { count }]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      [
        `requests/s    ${result.requests.average.toFixed(0)} (mean of per-second samples; ${result.requests.total} answered in ${result.duration.toFixed(1)} s)`,
        `latency       p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `statuses      ${statuses || 'none'}`,
        `errors        ${result.errors} (timeouts ${result.timeouts}, resets ${result.resets}), non-2xx ${result.non2xx}`,
        `RSS           before ${before}, after ${after}`,
        `server        ${server.stats.dataRequests} data requests, ${server.stats.tokensIssued} token issued`,
        failed === 0 ? 'OK: no errors, every answer 2xx' : `FAILED: ${failed} requests errored, timed out or were not 2xx`,
      ].join('\n'),
    );
    return failed === 0 ? 0 : 1;
  } finally {
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
