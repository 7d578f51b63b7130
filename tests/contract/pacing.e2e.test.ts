// Rate-limit pacing, done by the collection's own scripts: against a server enforcing the
// documented limits the run gets no 429 and costs about the floor (for each endpoint, the least
// time its requests need under its sliding window), because a request waits only for earlier
// requests to its own endpoint.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../contract/redact.js';
import { runContract } from '../../contract/run.js';
import { postman } from '../../generators/postman/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import type { ApiModel } from '../../model/model.js';
import { demoCredentials } from '../../contract/embedded.js';
import { planContract } from '../../contract/plan.js';
import { startReferenceServer, type RunningServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { modelWith, fixtureModel } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

interface Arrival {
  at: number;
  key: string;
}

/** Every request the server at `url` receives, keyed `token`, `list` or `get` (the fixture's endpoints). */
function arrivalsAt(url: string): { arrivals: Arrival[]; stop(): void } {
  const port = Number(new URL(url).port);
  const arrivals: Arrival[] = [];
  const listener = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request;
    if (request.socket.localPort !== port) return;
    const path = request.url!.split('?')[0]!;
    arrivals.push({ at: Date.now(), key: path.startsWith('/token/') ? 'token' : path === '/v1/devices' ? 'list' : 'get' });
  };
  subscribe('http.server.request.start', listener);
  return { arrivals, stop: () => unsubscribe('http.server.request.start', listener) };
}

const of = (arrivals: Arrival[], key: string) => arrivals.filter((a) => a.key === key).map((a) => a.at);
const phase = (arrivals: Arrival[]) => arrivals.at(-1)!.at - arrivals[0]!.at;

/** The least time `count` requests need under a window of `requests` per `seconds`. */
const floorMs = (count: number, requests: number, seconds: number) => Math.floor(Math.max(0, count - 1) / requests) * seconds * 1000;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('pacing against a server enforcing the documented limits', () => {
  it('gets no 429 and costs about the floor: each endpoint waits only for itself', async () => {
    server = await startReferenceServer(fixtureModel(), { rateLimits: true });
    const watch = arrivalsAt(server.url);
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', mkdtempSync(join(tmpdir(), 'pacing-'))], { env: demoSettings(server.url) });
    watch.stop();
    expect(result.code).toBe(0);
    expect(server.stats.rateLimited).toBe(0);
    const list = of(watch.arrivals, 'list');
    const get = of(watch.arrivals, 'get');
    expect([list.length, get.length]).toEqual([6, 2]); // the paging case's page 2 is a list request too
    list.slice(1).forEach((at, i) => expect(at - list[i]!).toBeGreaterThanOrEqual(1000));
    const floor = Math.max(floorMs(list.length, 1, 1), floorMs(get.length, 1, 1));
    expect(phase(watch.arrivals)).toBeGreaterThanOrEqual(floor);
    expect(phase(watch.arrivals)).toBeLessThan(floor * 1.3 + 1500);
    // Get Device By ID follows Get Devices at once: a different endpoint, a different window. An
    // order, not a margin in ms: it comes before the second list request, which waits out its second.
    expect(get[0]!).toBeLessThan(list[1]!);
  });

  it('keeps a window of N requests per T seconds: the k-th waits for the answer to request k-N, T seconds on', async () => {
    const model = modelWith((m) => (m.resources[0]!.rateLimit = { requests: 2, perSeconds: 2, per: ['ip', 'user'] }));
    server = await startReferenceServer(model, { rateLimits: true });
    const watch = arrivalsAt(server.url);
    const summary = await runGenerated(model, server, 'on');
    watch.stop();
    expect(summary.failures).toEqual([]);
    expect(server.stats.rateLimited).toBe(0);
    const list = of(watch.arrivals, 'list');
    expect(list).toHaveLength(6);
    list.slice(2).forEach((at, i) => expect(at - list[i]!).toBeGreaterThanOrEqual(2000));
    expect(list[1]! - list[0]!).toBeLessThan(1000); // two fit in one window: the second does not wait
    expect(phase(watch.arrivals)).toBeLessThan(floorMs(6, 2, 2) * 1.3 + 1500);
  });

  it('is off when the pacing variable says so: the same run then meets 429s', async () => {
    const model = fixtureModel();
    server = await startReferenceServer(model, { rateLimits: true });
    const watch = arrivalsAt(server.url);
    await runGenerated(model, server, 'off');
    watch.stop();
    expect(server.stats.rateLimited).toBeGreaterThan(0);
  });

  it('--no-pacing turns it off from the command line', async () => {
    server = await startReferenceServer(fixtureModel(), { rateLimits: true });
    const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', mkdtempSync(join(tmpdir(), 'pacing-'))], {
      env: demoSettings(server.url),
    });
    expect(result.stdout).toContain('retrying once');
    expect(server.stats.rateLimited).toBeGreaterThan(0);
  });
});

/** Runs the collection generated from `model` (not the fixture's usual one) with the pacing switch set. */
async function runGenerated(model: ApiModel, target: RunningServer, pacing: 'on' | 'off') {
  const files = postman(model, DEFAULT_CTX);
  const json = (suffix: string) => JSON.parse(files.find((f) => f.path.endsWith(suffix))!.content) as object;
  const credentials = demoCredentials(model, target.url);
  const plan = planContract({
    model,
    collection: json('.postman_collection.json'),
    environment: json('-local.postman_environment.json'),
    target: { kind: 'remote', credentials },
    pacing: pacing === 'on',
  });
  return runContract(plan, [], new Redactor());
}
