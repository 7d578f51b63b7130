// An imported HEAD end to end: the description of tests/support/things-openapi.ts, imported through the
// CLI with no hand edit, generates every client and passes its contract run against the embedded
// server (newman and `bru run`) and against an independent one (tests/support/things-server.ts); each
// run sends the HEAD and no DELETE (a write is sent only for a contract case that names it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { THINGS_CLIENT, startThingsServer, type ThingsServer } from '../support/things-server.js';
import { THINGS_OPENAPI } from '../support/things-openapi.js';

const SKIPPED_DELETE = /^ {2}SKIP .*: a DELETE request changes data; the contract run sends it only for a contract case that names the endpoint\.$/gm;

let dir: string;
let spec: string;
let things: ThingsServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-head-'));
  writeFileSync(join(dir, 'things.yaml'), THINGS_OPENAPI);
  spec = join(dir, 'api.yaml');
  const imported = await runCli(['import', 'things.yaml', '--out', spec, '--client-auth', 'basic'], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain('Operations: 4 of 4 kept');
  const generated = await runCli(['generate', '--spec', spec, '--out', join(dir, 'collections')], { cwd: dir });
  expect(generated.code, generated.stderr).toBe(0);
  things = await startThingsServer();
});
afterAll(() => things?.close());

const contract = (reports: string, env: NodeJS.ProcessEnv = {}) =>
  runCli(['contract', '--spec', spec, '--collections', join(dir, 'collections'), '--reports', join(dir, reports)], { cwd: dir, env });

describe('an imported HEAD in the contract run', () => {
  it('is sent to the embedded server and passes; no DELETE is sent', async () => {
    const run = await contract('embedded');
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Contract run against the embedded reference server .*: PASSED/);
    expect(run.stdout).toMatch(/^ {4}HEAD http:\/\/127\.0\.0\.1:\d+\/things\/t-1 -> 200 /m);
    expect(run.stdout).not.toMatch(/^\s+DELETE http/m);
    expect(run.stdout.match(SKIPPED_DELETE)).toHaveLength(2);
  });

  it('is sent by `bru run` to the embedded server and passes; no DELETE is sent', async () => {
    const run = await runCli(['contract', '--runner', 'bru', '--spec', spec, '--collections', join(dir, 'collections'), '--reports', join(dir, 'bru')], {
      cwd: dir,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {4}HEAD http:\/\/127\.0\.0\.1:\d+\/things\/t-1 -> 200 /m);
    expect(run.stdout).not.toMatch(/^\s+DELETE http/m);
    expect(run.stdout.match(/^ {2}SKIP \w+ \/ delete\w+: not sent/gm)).toHaveLength(2);
  });

  it('is sent to an independent server and passes; the server saw the GET and the HEAD, no DELETE', async () => {
    const run = await contract('independent', {
      THINGS_BASE_URL: things.url,
      THINGS_CLIENT_ID: THINGS_CLIENT.clientId,
      THINGS_CLIENT_SECRET: THINGS_CLIENT.clientSecret,
      THINGS_IF_MATCH: 'abc',
    });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/: PASSED/);
    expect(run.stdout).not.toContain(THINGS_CLIENT.clientSecret);
    expect(things.dataRequests.map((r) => `${r.method} ${r.path} ${r.status}`).sort()).toEqual(['GET /things/t-1 200', 'HEAD /things/t-1 200']);
    expect(run.stdout.match(SKIPPED_DELETE)).toHaveLength(2);
  });
});
