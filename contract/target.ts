// Where the contract run goes: the embedded reference server unless SECURITHINGS_BASE_URL says
// otherwise, then with credentials from the same variables (environment or .env, never argv).
import type { ApiModel, Environment } from '../generators/model.js';

export const TARGET_VARIABLES = {
  baseUrl: 'SECURITHINGS_BASE_URL',
  organization: 'SECURITHINGS_ORGANIZATION',
  clientId: 'SECURITHINGS_CLIENT_ID',
  clientSecret: 'SECURITHINGS_CLIENT_SECRET',
  environment: 'SECURITHINGS_ENVIRONMENT',
} as const;

export interface Credentials {
  baseUrl: string;
  organization: string;
  clientId: string;
  clientSecret: string;
}

export type Target =
  | { kind: 'embedded'; environment: Environment }
  | { kind: 'remote'; environment: Environment; credentials: Credentials };

export class TargetError extends Error {
  override name = 'TargetError';
}

export function settleTarget(model: ApiModel, vars: Readonly<Record<string, string | undefined>>): Target {
  const baseUrl = vars[TARGET_VARIABLES.baseUrl]?.trim();
  if (!baseUrl) return { kind: 'embedded', environment: pickEnvironment(model, 'local', undefined) };
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(baseUrl)) {
    throw new TargetError(`${TARGET_VARIABLES.baseUrl} must be an http(s) URL such as https://api.securithings.com`);
  }
  const missing = (['organization', 'clientId', 'clientSecret'] as const).filter((key) => !vars[TARGET_VARIABLES[key]]);
  if (missing.length > 0) {
    throw new TargetError(`${TARGET_VARIABLES.baseUrl} is set, so ${missing.map((k) => TARGET_VARIABLES[k]).join(', ')} must be set too (in the environment or .env)`);
  }
  const credentials: Credentials = {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    organization: vars[TARGET_VARIABLES.organization]!,
    clientId: vars[TARGET_VARIABLES.clientId]!,
    clientSecret: vars[TARGET_VARIABLES.clientSecret]!,
  };
  return { kind: 'remote', environment: pickEnvironment(model, vars[TARGET_VARIABLES.environment], credentials.baseUrl), credentials };
}

/** The named environment, else the one whose base URL matches, else the first (production). */
function pickEnvironment(model: ApiModel, id: string | undefined, baseUrl: string | undefined): Environment {
  if (id) {
    const named = model.environments.find((e) => e.id === id);
    if (!named) throw new TargetError(`${TARGET_VARIABLES.environment}=${id} names no environment; known: ${model.environments.map((e) => e.id).join(', ')}`);
    return named;
  }
  return model.environments.find((e) => e.baseUrl === baseUrl) ?? model.environments[0]!;
}

/** The pause between requests that keeps every endpoint within its documented limit. */
export function pacingMs(model: ApiModel): number {
  const intervals = model.resources.flatMap((r) => (r.rateLimit ? [(1000 * r.rateLimit.perSeconds) / r.rateLimit.requests] : []));
  return intervals.length === 0 ? 0 : Math.ceil(Math.max(...intervals) * 1.1);
}
