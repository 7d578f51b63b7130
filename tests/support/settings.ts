// The settings a run against a server reads, as a CI job would set them: the reference server's
// public demo tenant, at `url`.
import { DEMO } from '../../server/index.js';

export function demoSettings(url: string, secret: string = DEMO.clientSecret): NodeJS.ProcessEnv {
  return {
    SECURITHINGS_BASE_URL: url,
    SECURITHINGS_ORGANIZATION: DEMO.organization,
    SECURITHINGS_CLIENT_ID: DEMO.clientId,
    SECURITHINGS_CLIENT_SECRET: secret,
  };
}
