// Section 4: authenticated GET of the device list, our reference server (`mock`, its own process,
// limits off) vs Prism's mock of our OpenAPI export, same autocannon settings, one after the other.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO } from '../server/index.js';
import { ms, section, table } from './markdown.js';
import { cleanEnv } from './stats.js';

interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string> }) => Promise<LoadResult>;

export interface ServerRow {
  name: string;
  url: string;
  result?: LoadResult;
  error?: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Stops a child we started (SIGTERM, then SIGKILL after 5 s); resolves when it is gone. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls `url` until any HTTP answer arrives (at most `seconds`). */
async function waitForHttp(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`nothing answered on ${url} within ${seconds} s`);
}

async function token(baseUrl: string): Promise<string> {
  const basic = Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64');
  const answer = await fetch(`${baseUrl}/token/${DEMO.organization}`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  const body = (await answer.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token request answered ${answer.status}`);
  return body.access_token;
}

export interface LoadSettings {
  seconds: number;
  connections: number;
}

async function measure(name: string, child: ChildProcess, base: string, path: string, bearer: string, load: LoadSettings): Promise<ServerRow> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  try {
    await waitForHttp(`${base}${path}`, child, 60);
    const result = await autocannon({
      url: `${base}${path}`,
      connections: load.connections,
      duration: load.seconds,
      headers: { authorization: `Bearer ${bearer}` },
    });
    return { name, url: path, result };
  } catch (error) {
    return { name, url: path, error: (error as Error).message };
  } finally {
    await stop(child);
  }
}

/** `track` receives every child so the caller can stop it on any failure. */
export async function compareServers(root: string, load: LoadSettings, track: (child: ChildProcess) => void): Promise<ServerRow[]> {
  const oursPort = await freePort();
  const ours = spawn(process.execPath, [join(root, 'bin/securithings-kit.js'), 'mock', '--host', '127.0.0.1', '--port', String(oursPort)], {
    cwd: root,
    env: cleanEnv(),
    stdio: 'ignore',
  });
  track(ours);
  const oursBase = `http://127.0.0.1:${oursPort}`;
  await waitForHttp(`${oursBase}/v1/devices`, ours, 60).catch(() => undefined);
  const bearer = await token(oursBase).catch(() => 'no-token');
  const rows = [await measure('our reference server (`mock`, limits off)', ours, oursBase, '/v1/devices', bearer, load)];
  const prismPort = await freePort();
  const prismArgs = ['mock', join(root, 'collections/securithings.openapi.yaml'), '-p', String(prismPort), '-h', '127.0.0.1', '-v', 'warn'];
  const prism = spawn(join(root, 'bench/tools/node_modules/.bin/prism'), prismArgs, { cwd: root, env: cleanEnv(), stdio: 'ignore' });
  track(prism);
  rows.push(await measure('Prism 5.16.0 mock (static examples, `-v warn`)', prism, `http://127.0.0.1:${prismPort}`, '/devices', bearer, load));
  return rows;
}

export function serverSection(rows: ServerRow[], load: LoadSettings): string {
  const body = rows.map((r) => {
    if (!r.result) return [r.name, r.url, 'failed', r.error ?? '', '', '', '', ''];
    const x = r.result;
    const statuses = Object.entries(x.statusCodeStats)
      .map(([s, { count }]) => `${s}: ${count}`)
      .join(', ');
    return [
      r.name,
      r.url,
      x.requests.average.toFixed(0),
      String(x.latency.p50),
      String(x.latency.p99),
      ms(x.latency.average),
      statuses,
      String(x.errors + x.timeouts),
    ];
  });
  return section(
    '4. Reference server vs Prism',
    `autocannon, ${load.connections} connections, ${load.seconds} s each, one server at a time, each in its own process on 127.0.0.1, \`Authorization: Bearer <token from our server>\`. Our server checks the JWT, filters and pages 25 seeded devices (100 per page by default); Prism validates the request against the OpenAPI (it only checks that a bearer is present) and returns the static example. Prism serves each path as keyed in the document: the device paths carry per-path servers (\`.../v1\`, \`.../v1/assets\`), so Prism answers \`GET /devices\` (and 404s \`/v1/devices\`); that is what it is sent. Prism runs with \`-v warn\` so per-request logging does not dominate.`,
    table(['server', 'path', 'req/s (mean)', 'p50 ms', 'p99 ms', 'mean ms', 'statuses', 'errors + timeouts'], body),
  );
}
