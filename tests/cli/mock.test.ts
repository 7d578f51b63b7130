// `npm run mock`: loopback unless --allow-remote says otherwise, and a taken port gets a hint.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runMock, type MockOptions } from '../../cli/commands/mock.js';
import type { CliIO } from '../../cli/io.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

const options = (overrides: Partial<MockOptions>): MockOptions => ({
  spec: FIXTURE_SPEC,
  host: '127.0.0.1',
  port: 0,
  rateLimits: false,
  allowRemote: false,
  ...overrides,
});

function capture(): CliIO & { out: () => string } {
  let out = '';
  return { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, cwd: process.cwd(), interactive: false, out: () => out };
}

/** Starts the mock and, once it printed its banner, fetches its URL and stops it. */
async function serveOnce(mock: MockOptions): Promise<{ banner: string; status: number }> {
  const io = capture();
  let status = 0;
  await runMock(mock, io, async () => {
    const url = /listening on (\S+)/.exec(io.out())![1]!;
    status = (await fetch(`${url.replace('0.0.0.0', '127.0.0.1')}/v1/devices`)).status;
  });
  return { banner: io.out(), status };
}

let taken: Server;
afterAll(() => new Promise((resolve) => taken?.close(resolve)));

describe('mock', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', 'example.com'])('refuses --host %s without --allow-remote, before listening', async (host) => {
    const result = await runCli(['mock', '--spec', FIXTURE_SPEC, '--host', host, '--port', '0']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `--host ${host} is not loopback: the server hands out public demo credentials; pass --allow-remote to serve it there anyway\n`,
    });
  });

  it('serves a host that is not loopback when --allow-remote says so', async () => {
    const { banner, status } = await serveOnce(options({ host: '0.0.0.0', allowRemote: true }));
    expect(banner).toMatch(/listening on http:\/\/0\.0\.0\.0:\d+/);
    expect(status).toBe(401);
  });

  it.each(['127.0.0.1', 'localhost'])('serves loopback (%s) as before', async (host) => {
    const { banner, status } = await serveOnce(options({ host }));
    expect(banner).toContain('Demo credentials (public, valid only on this local server):');
    expect(status).toBe(401);
  });

  it('names a taken port with the way out instead of a raw EADDRINUSE', async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const result = await runCli(['mock', '--spec', FIXTURE_SPEC, '--port', String(port)]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `port ${port} is in use: pass --port 0 to pick a free one\n` });
  });
});
