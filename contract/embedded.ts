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
    credentials: demoCredentials(model, server.url),
    close: () => server.close(),
  };
}

/** The reference server's public demo credentials at `baseUrl`: every variable names the demo tenant; it serves its token endpoint too. */
export function demoCredentials(model: ApiModel, baseUrl: string): Credentials {
  const path = Object.fromEntries(model.auth.pathVariables.map((name) => [name, DEMO.organization]));
  return { ...path, baseUrl, tokenBaseUrl: baseUrl, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };
}
