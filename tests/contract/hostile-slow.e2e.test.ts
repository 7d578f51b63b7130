// Bounded time: an answer that trickles a byte at a time (which newman's idle-socket timeout never
// cuts), or a server that holds its answers, stops the run within its deadline (--answer-timeout,
// --run-timeout) with one message, exit 2, the reports written and no connection left open.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineMs } from '../../contract/plan.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { demoSettings } from '../support/settings.js';
import { hostileServer, json, type Handler } from './hostile-server.js';

const TOKEN = JSON.stringify({ access_token: 'opaque-slow-token-0123456789', token_type: 'Bearer', expires_in: 3600 });

/** One byte every 0.3 s, for as long as the connection lives; counts the connections still open. */
function trickle(res: ServerResponse, open: Set<ServerResponse>): void {
  open.add(res);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('[');
  const timer = setInterval(() => res.write(' '), 300);
  res.on('close', () => {
    clearInterval(timer);
    open.delete(res);
  });
}

async function slowRun(handler: Handler, flags: string[]) {
  const server = await hostileServer(handler);
  const reports = mkdtempSync(join(tmpdir(), 'slow-reports-'));
  const started = Date.now();
  const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports, ...flags], {
    env: demoSettings(server.url, 'slow-test-secret'),
  });
  const seconds = (Date.now() - started) / 1000;
  const html = readFileSync(join(reports, 'contract-report.html'), 'utf8');
  const junit = readFileSync(join(reports, 'contract-junit.xml'), 'utf8');
  return { server, result, seconds, html, junit };
}

describe('a run against a slow server', () => {
  // loading newman and the runner takes seconds the first time: not part of the deadlines measured
  beforeAll(async () => void (await import('../../contract/run-with-reports.js')), 30_000);

  it('an answer trickling a byte every 0.3 s: stopped at --answer-timeout, exit 2, one message, reports written, connection closed', async () => {
    const open = new Set<ServerResponse>();
    const run = await slowRun((req, res) => (req.url?.startsWith('/token/') ? json(res, 200, TOKEN) : trickle(res, open)), ['--answer-timeout', '1']);
    expect(run.result.code).toBe(2);
    expect(run.seconds).toBeLessThan(4);
    const message =
      /Too slow: GET http:\/\/127\.0\.0\.1:\d+\/v1\/\S+ gave no whole answer within 1 s \(--answer-timeout\)\. Check SECURITHINGS_BASE_URL and the network, or allow more time with --answer-timeout; the run stopped there\./g;
    expect(run.result.stdout.match(message)).toHaveLength(1);
    expect(run.result.stdout).not.toMatch(/ERROR|FAIL /);
    expect(run.html).toContain('The run stopped early');
    expect(run.html).toContain('gave no whole answer within 1 s');
    expect(run.junit).toContain('gave no whole answer within 1 s');
    expect(run.server.seen.filter((s) => s.url.startsWith('/v1/'))).toHaveLength(1); // nothing sent after the stop
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(open.size).toBe(0);
    expect(run.result.stdout + run.html + run.junit).not.toContain('slow-test-secret');
  }, 20_000);

  it('a token answer whose headers trickle: stopped at --answer-timeout too', async () => {
    const run = await slowRun(
      (req, res) => {
        if (!req.url?.startsWith('/token/')) return json(res, 200, '[]');
        const head = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n';
        let at = 0;
        const timer = setInterval(() => (at < head.length ? req.socket.write(head[at++]!) : req.socket.write('x')), 300);
        req.socket.on('close', () => clearInterval(timer));
      },
      ['--answer-timeout', '1'],
    );
    expect(run.result.code).toBe(2);
    expect(run.seconds).toBeLessThan(4);
    expect(run.result.stdout.match(/Too slow: POST \S+\/token\/\S+ gave no whole answer within 1 s/g)).toHaveLength(1);
  }, 20_000);

  it('a server that holds every data answer: stopped at --run-timeout with what was in flight cut, exit 2, one message, reports written', async () => {
    const open = new Set<ServerResponse>();
    const run = await slowRun(
      (req, res) => {
        if (req.url?.startsWith('/token/')) return json(res, 200, TOKEN);
        open.add(res);
        res.on('close', () => open.delete(res));
      },
      ['--answer-timeout', '60', '--run-timeout', '1.5'],
    );
    expect(run.result.code).toBe(2);
    expect(run.seconds).toBeLessThan(3.5);
    const message =
      /The run took longer than 1\.5 s \(--run-timeout\), during [^.]+\. Check SECURITHINGS_BASE_URL and the network, or allow more time with --run-timeout; the run stopped there\./g;
    expect(run.result.stdout.match(message)).toHaveLength(1);
    expect(run.result.stdout).not.toMatch(/ERROR|FAIL /);
    expect(run.html).toContain('The run took longer than 1.5 s');
    expect(run.junit).toContain('The run took longer than 1.5 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(open.size).toBe(0);
  }, 20_000);

  it('refuses a deadline that is not a positive number of seconds', async () => {
    for (const value of ['0', '-1', 'soon', '']) {
      const result = await runCli(['contract', ...fixtureArgs(), '--answer-timeout', value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--answer-timeout must be a number of seconds above 0 and at most 86400, got ${JSON.stringify(value)}`);
    }
  });

  it('gives a run by default the answer deadline for each request of the collection, at least 10 minutes, within what a timer can hold', () => {
    expect(runDeadlineMs(12, 30_000)).toBe(600_000);
    expect(runDeadlineMs(40, 30_000)).toBe(1_200_000);
    expect(runDeadlineMs(1000, 86_400_000)).toBe(2 ** 31 - 1);
  });
});
