// The embedded reference server as a contract target, with its public demo credentials.
import type { ApiModel } from '../model/model.js';
import { DEMO, startReferenceServer } from '../server/index.js';
import type { Credentials } from './target.js';

export interface EmbeddedTarget {
  url: string;
  credentials: Credentials;
  close(): Promise<void>;
}

export async function startEmbedded(model: ApiModel, rateLimits: boolean): Promise<EmbeddedTarget> {
  const server = await startReferenceServer(model, { rateLimits });
  return {
    url: server.url,
    credentials: { ...demoPathValues(model), baseUrl: server.url, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret },
    close: () => server.close(),
  };
}

/** Every token-path variable names the demo tenant (the reference server matches each against its organization). */
function demoPathValues(model: ApiModel): Record<string, string> {
  return Object.fromEntries(model.auth.pathVariables.map((name) => [name, DEMO.organization]));
}
