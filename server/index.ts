// The embedded reference server: a real HTTP server on loopback implementing the documented contract.
import type { AddressInfo } from 'node:net';
import type { ApiModel } from '../model/model.js';
import { buildApp } from './app.js';
import { createContext } from './context.js';
import type { RunningServer, ServerOptions } from './types.js';

export type { Fault, RunningServer, ServerOptions, Tenant, Violation } from './types.js';
export { DEMO, OTHER, demoTenants, seedData } from './seed.js';
export type { Item } from './items.js';

export async function startReferenceServer(model: ApiModel, options: ServerOptions = {}): Promise<RunningServer> {
  const ctx = createContext(model, options);
  const app = buildApp(ctx);
  await app.listen({ host: ctx.host, port: ctx.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () => app.close(),
    stats: ctx.stats,
    get issuedTokens() {
      return [...ctx.recentTokens];
    },
  };
}
