// The contract runner and the generated collection against a reference server that misbehaves on
// purpose: every run must finish, never throw, and either recover (429, expired token) or name the
// request that went wrong (timeout, 500, reset, broken JSON).
import { dataIntervalSeconds } from '../../model/rate-limits.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestRecord, RunSummary } from '../../contract/events.js';
import { Redactor } from '../../contract/redact.js';
import { summaryReporter } from '../../contract/reporters/summary.js';
import { runContract, type ContractPlan } from '../../contract/run.js';
import { demoCredentials } from '../../contract/embedded.js';
import { planContract } from '../../contract/plan.js';
import { MALFORMED_JSON } from '../../server/faults.js';
import { DEMO, startReferenceServer, type Fault, type RunningServer } from '../../server/index.js';
import { fixtureJson } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';

const model = fixtureModel();
const collection = fixtureJson('securithings.postman_collection.json') as object;
const environment = fixtureJson('securithings-local.postman_environment.json') as object;
const GET_DEVICES = 'Devices / Get Devices';
const GET_DEVICE = 'Devices / Get Device By ID';
/** The wait recover.ts falls back to on a data endpoint's 429 without Retry-After: the documented request interval. */
const DATA_FALLBACK_SECONDS = Math.ceil(dataIntervalSeconds(model));

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface FaultRun {
  summary: RunSummary;
  /** Every request record with the time it was reported. */
  requests: Array<RequestRecord & { at: number }>;
  /** What the terminal reporter printed. */
  terminal: string;
  server: RunningServer;
}

/** A plan as `npm run contract` builds it for the embedded server (no pacing: limits are off). */
function plan(target: RunningServer, timeoutRequestMs: number): ContractPlan {
  return planContract({
    model,
    collection,
    environment,
    target: { kind: 'remote', credentials: demoCredentials(model, target.url) },
    pacing: false,
    idleTimeoutMs: timeoutRequestMs,
  });
}

async function runWith(faults: Fault[], timeoutRequestMs = 30_000): Promise<FaultRun> {
  server = await startReferenceServer(model, { faults });
  const requests: FaultRun['requests'] = [];
  let terminal = '';
  const recorder = { onRequest: (record: RequestRecord) => requests.push({ ...record, at: Date.now() }) };
  const summary = await runContract(plan(server, timeoutRequestMs), [recorder, summaryReporter((text) => (terminal += text))], new Redactor());
  return { summary, requests, terminal, server };
}

const onItem = (run: FaultRun, item: string) => run.requests.filter((r) => r.item === item);
const failedItems = (summary: RunSummary) => [...new Set(summary.failures.map((f) => f.item))];

describe('the contract run under faults', () => {
  it('names a request that outlives timeoutRequest, and goes on without waiting for it', async () => {
    const run = await runWith([{ kind: 'latency', ms: 15_000, match: 'data', times: 1 }], 1000);
    expect(run.summary.errors).toEqual([`${GET_DEVICES}: ESOCKETTIMEDOUT`]);
    expect(run.terminal).toContain(`ERROR ${GET_DEVICES}: ESOCKETTIMEDOUT`);
    expect(run.summary.wallTimeMs).toBeLessThan(10_000);
    expect(failedItems(run.summary)).toEqual([GET_DEVICES]);
    expect(run.summary.failures.map((f) => f.name)).toEqual(['an answer arrived']); // one clear failure, not one per check
    expect(run.summary.skippedItems.map((s) => s.item)).toEqual([GET_DEVICE]); // it needs the id Get Devices did not deliver
    expect(run.requests.at(-1)).toMatchObject({ item: 'Contract checks / Get Device By ID answers 404 for an unknown id', status: 404 });
  });

  it('names the assertion a 500 breaks', async () => {
    const run = await runWith([{ kind: 'status', status: 500, match: 'data', times: 1 }]);
    expect(run.summary.errors).toEqual([]);
    expect(run.summary.failures).toEqual([expect.objectContaining({ item: GET_DEVICES, name: 'status is 200', message: expect.stringContaining('got 500') })]);
    expect(run.terminal).toContain(`FAIL ${GET_DEVICES} > status is 200`);
    expect(onItem(run, GET_DEVICES)).toHaveLength(1); // a 500 is not retried
  });

  it('reports the checks that need the documented status as skipped, with the reason, when the status is wrong', async () => {
    const run = await runWith([{ kind: 'status', status: 404, match: 'data', times: 1 }]);
    expect(run.summary.failures.map((f) => `${f.item} > ${f.name}`)).toEqual([`${GET_DEVICES} > status is 200`]);
    const skipped = run.summary.skipped.filter((a) => a.item === GET_DEVICES);
    expect(skipped.map((a) => a.name)).toEqual(['body is JSON', 'Content-Type is JSON', 'body matches the DeviceList schema']);
    for (const check of skipped) expect(check.skipReason).toBe('status is 200 failed');
    expect(run.terminal).toMatch(/\d+ passed, 1 failed, [1-9]\d* skipped/);
  });

  it('recovers from a 429 with Retry-After: 1 by waiting and retrying once', async () => {
    const run = await runWith([{ kind: 'rate-limit', retryAfter: 1, match: 'data', times: 1 }]);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.errors).toEqual([]);
    const [limited, retry, ...more] = onItem(run, GET_DEVICES);
    expect([limited?.status, retry?.status, more.length]).toEqual([429, 200, 0]);
    expect(retry!.at - limited!.at).toBeGreaterThanOrEqual(950);
    expect(run.summary.notes).toContain(`${GET_DEVICES}: Get Devices: HTTP 429, retrying once in 1 s.`);
    expect(run.server.stats.rateLimited).toBe(1);
  });

  it(`recovers from a 429 without Retry-After after the fallback wait (${DATA_FALLBACK_SECONDS} s, the documented interval)`, async () => {
    const run = await runWith([{ kind: 'rate-limit', match: 'data', times: 1 }]);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.errors).toEqual([]);
    const [limited, retry, ...more] = onItem(run, GET_DEVICES);
    expect([limited?.status, retry?.status, more.length]).toEqual([429, 200, 0]);
    expect(limited!.responseHeaders.some(([name]) => /^retry-after$/i.test(name))).toBe(false);
    expect(retry!.at - limited!.at).toBeGreaterThanOrEqual(DATA_FALLBACK_SECONDS * 1000 - 50);
    expect(run.summary.notes).toContain(`${GET_DEVICES}: Get Devices: HTTP 429, retrying once in ${DATA_FALLBACK_SECONDS} s.`);
  });

  it('names a reset connection as an error of that request, and goes on', async () => {
    const run = await runWith([{ kind: 'reset', match: 'data', times: 1 }]);
    expect(run.summary.errors).toHaveLength(1);
    expect(run.summary.errors[0]).toMatch(new RegExp(`^${GET_DEVICES}: (socket hang up|read ECONNRESET)$`));
    expect(failedItems(run.summary)).toEqual([GET_DEVICES]);
    expect(run.requests.at(-1)?.status).toBe(404);
  });

  it('names the JSON and schema assertions a malformed body breaks', async () => {
    const run = await runWith([{ kind: 'malformed-json', match: 'data', times: 1 }]);
    expect(run.summary.errors).toEqual([]);
    const [answer] = onItem(run, GET_DEVICES);
    expect(answer).toMatchObject({ status: 200, responseBody: MALFORMED_JSON });
    expect(run.summary.failures.map((f) => `${f.item} > ${f.name}`)).toEqual([
      `${GET_DEVICES} > body is JSON`,
      `${GET_DEVICES} > body matches the DeviceList schema`,
    ]);
  });

  it('recovers from a token that expires mid-run: one retry with a new token, two tokens in all', async () => {
    const run = await runWith([{ kind: 'token-expiry', afterDataRequests: 1 }]);
    expect(run.summary.failures).toEqual([]);
    expect(run.summary.errors).toEqual([]);
    expect(run.server.stats.tokensIssued).toBe(2);
    expect(onItem(run, GET_DEVICE).map((r) => [r.status, r.tokenRequest])).toEqual([
      [401, false],
      [200, true], // the pre-request script's new token, sent from the same item
      [200, false],
    ]);
    expect(run.summary.notes).toContain(`${GET_DEVICE}: Get Device By ID: HTTP 401, retrying once in 0 s.`);
  });
});

describe('the fault mode itself', () => {
  const token = async (target: RunningServer) => {
    const answer = await fetch(`${target.url}/token/${DEMO.organization}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}` },
    });
    return { status: answer.status, token: ((await answer.json()) as { access_token?: string }).access_token };
  };
  const devices = async (target: RunningServer, bearer = '') => {
    const answer = await fetch(`${target.url}/v1/devices`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: answer.status, retryAfter: answer.headers.get('retry-after'), text: await answer.text() };
  };

  it('hits only the matching requests, only `times` times, in order', async () => {
    server = await startReferenceServer(model, {
      faults: [
        { kind: 'status', status: 503, match: 'data', times: 2 },
        { kind: 'rate-limit', retryAfter: 7, match: 'data', times: 1 },
      ],
    });
    const { status, token: bearer } = await token(server);
    expect(status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await devices(server, bearer));
    expect(statuses.map((s) => s.status)).toEqual([503, 503, 429, 200]);
    expect(statuses[2]!.retryAfter).toBe('7');
    expect(JSON.parse(statuses[0]!.text)).toEqual({ error: 'server_error', error_description: 'fault injected by the reference server (HTTP 503)' });
  });

  it('hits the token endpoint with match: token', async () => {
    server = await startReferenceServer(model, { faults: [{ kind: 'rate-limit', match: 'token', times: 1 }] });
    const refused = await fetch(`${server.url}/token/${DEMO.organization}`, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect((await token(server)).status).toBe(200);
  });

  it('leaves unknown routes alone', async () => {
    server = await startReferenceServer(model, { faults: [{ kind: 'status', status: 500 }] });
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
  });

  it('refuses a fault that makes no sense, naming it', async () => {
    const bad: Array<[Fault, RegExp]> = [
      [{ kind: 'status', status: 200 }, /faults\[0\] \(status\): status must be 400-599/],
      [{ kind: 'latency', ms: -1 }, /ms must be a number >= 0/],
      [{ kind: 'reset', times: 0 }, /times must be an integer >= 1/],
      [{ kind: 'token-expiry', afterDataRequests: 1.5 }, /afterDataRequests must be an integer >= 0/],
    ];
    for (const [fault, message] of bad) await expect(startReferenceServer(model, { faults: [fault] })).rejects.toThrow(message);
  });
});
