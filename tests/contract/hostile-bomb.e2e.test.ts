// Bounded work: every data answer is a gzip bomb (about 100 KB on the wire, 100 MB inflated).
// The run ends within a minute, stays under 500 MiB, and still writes its reports, each small.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { DEMO } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { hostileServer, json } from './hostile-server.js';

const MiB = 1024 * 1024;

it('a gzip bomb on every data answer: the run ends within 60 s, under 500 MiB, with reports under 10 MiB', async () => {
  const bomb = gzipSync(Buffer.alloc(100 * MiB, ' '), { level: 9 });
  expect(bomb.length).toBeLessThan(200 * 1024);
  const server = await hostileServer((req, res) => {
    if (req.url?.startsWith('/token/'))
      return json(res, 200, JSON.stringify({ access_token: 'opaque-bomb-token-0123456789', token_type: 'Bearer', expires_in: 3600 }));
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
    res.end(bomb);
  });
  const reports = mkdtempSync(join(tmpdir(), 'bomb-reports-'));
  const env = {
    SECURITHINGS_BASE_URL: server.url,
    SECURITHINGS_ORGANIZATION: DEMO.organization,
    SECURITHINGS_CLIENT_ID: DEMO.clientId,
    SECURITHINGS_CLIENT_SECRET: 'bomb-test-secret',
  };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  const result = await runCli(['contract', ...fixtureArgs(), '--no-pacing', '--reports', reports], { env });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const sizes = ['contract-junit.xml', 'contract-report.html'].map((file) => statSync(join(reports, file)).size);
  console.log(
    `gzip bomb: ${seconds.toFixed(1)} s, peak rss ${(peak / MiB).toFixed(0)} MiB, reports ${sizes.map((s) => `${(s / 1024).toFixed(0)} KiB`).join(' + ')}`,
  );
  expect(seconds).toBeLessThan(60);
  expect(peak).toBeLessThan(500 * MiB);
  for (const size of sizes) expect(size).toBeLessThan(10 * MiB);
  expect(server.seen.filter((s) => s.url.startsWith('/v1/')).length).toBeGreaterThan(3); // the bombs were really served
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('the answer was larger than 1 MiB (decompressed); not kept, its checks did not run');
  expect(readFileSync(join(reports, 'contract-report.html'), 'utf8')).toContain('the answer was larger than 1 MiB');
}, 180_000);
