// Connections: an idle keep-alive connection is closed after the keep-alive timeout, close() closes idle
// connections at once, and a started-then-closed server leaves no open handle behind.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../server/context.js';
import type { RunningServer } from '../../server/index.js';
import { start } from './helpers.js';

/** A keep-alive connection that has had one answer (a 404, so no token is needed) and now sits idle. */
function idleConnection(server: RunningServer): Promise<{ socket: Socket; head: string; closed: Promise<number> }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    let received = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('}')) resolve({ socket, head: received.slice(0, received.indexOf('\r\n\r\n')), closed });
    });
  });
}

/** Open sockets, servers and timers, by kind. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (/TCP|Timeout|Pipe/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The handles once no TCP handle is left closing (a closed server's handle goes a moment after close() resolves). */
async function quiet(withinMs = 2000): Promise<Record<string, number>> {
  const until = Date.now() + withinMs;
  while (Object.keys(handles()).some((kind) => kind.startsWith('TCP')) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  return handles();
}

describe('keep-alive connections', () => {
  it("stay open 5 s by default (node's own default, not fastify's 72 s) and say so", async () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBe(5000);
    const server = await start();
    try {
      const { socket, head } = await idleConnection(server);
      expect(head).toMatch(/^keep-alive: timeout=5$/im);
      socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('are closed by the server once idle for the keep-alive timeout', async () => {
    const server = await start({ keepAliveTimeoutMs: 300 });
    try {
      const { closed } = await idleConnection(server);
      const idleSince = Date.now();
      const closedAt = await closed;
      expect(closedAt - idleSince).toBeGreaterThanOrEqual(250);
      expect(closedAt - idleSince).toBeLessThan(3000);
    } finally {
      await server.close();
    }
  });
});

describe('close()', () => {
  it('closes idle connections at once and leaves no open handle', async () => {
    const before = await quiet();
    const server = await start();
    const { closed } = await idleConnection(server);
    const closing = Date.now();
    await server.close();
    expect((await closed) - closing).toBeLessThan(1000); // not the 5 s keep-alive timeout
    expect(await quiet()).toEqual(before);
  });
});
