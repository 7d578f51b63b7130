// The floor as its own process: load the description, start the embedded server (as the CLI's
// contract command does), send the collection's requests with fetch, stop. run.ts transpiles this
// file and floor.ts to plain JS in a temporary folder and runs `node floor-process.js <plan.json>`.
import { readFileSync } from 'node:fs';
import { replay, type FloorRequest } from './floor.js';

interface FloorPlan {
  /** file: URLs of the compiled loader and server (dist/). */
  loadModule: string;
  serverModule: string;
  spec: string;
  requests: FloorRequest[];
  values: Record<string, string>;
}

interface Running {
  url: string;
  close(): Promise<void>;
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as FloorPlan;
const { loadSpec } = (await import(plan.loadModule)) as { loadSpec(bytes: Uint8Array, file: string): unknown };
const { startReferenceServer } = (await import(plan.serverModule)) as { startReferenceServer(model: unknown, options: object): Promise<Running> };
const server = await startReferenceServer(loadSpec(readFileSync(plan.spec), plan.spec), { rateLimits: false });
try {
  const result = await replay(plan.requests, { ...plan.values, baseUrl: server.url });
  process.stdout.write(JSON.stringify(result));
} finally {
  await server.close();
}
