// Where the contract run goes: the embedded reference server unless SECURITHINGS_BASE_URL says
// otherwise, then with credentials from the same variables (environment or .env, never argv).
import { defaultEnvironment, type ApiModel, type Environment } from '../model/model.js';

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

type Settings = Readonly<Record<string, string | undefined>>;

export function settleTarget(model: ApiModel, vars: Settings): Target {
  if (!vars[TARGET_VARIABLES.baseUrl]?.trim()) return { kind: 'embedded', environment: pickEnvironment(model, 'local', undefined) };
  const baseUrl = checkedBaseUrl(vars[TARGET_VARIABLES.baseUrl]!);
  const missing = (['organization', 'clientId', 'clientSecret'] as const).filter((key) => !vars[TARGET_VARIABLES[key]]);
  if (missing.length > 0) {
    throw new TargetError(`${TARGET_VARIABLES.baseUrl} is set, so ${missing.map((k) => TARGET_VARIABLES[k]).join(', ')} must be set too (in the environment or .env)`);
  }
  const credentials = { baseUrl, ...clientOf(vars), clientSecret: vars[TARGET_VARIABLES.clientSecret]! };
  return { kind: 'remote', environment: pickEnvironment(model, vars[TARGET_VARIABLES.environment], baseUrl), credentials };
}

/**
 * The API a token request goes to, without the secret: the base URL when set, else the one of
 * SECURITHINGS_ENVIRONMENT, else the first (production).
 */
export function settleTokenTarget(model: ApiModel, vars: Settings): Omit<Credentials, 'clientSecret'> {
  const missing = [TARGET_VARIABLES.organization, TARGET_VARIABLES.clientId].filter((name) => !vars[name]);
  if (missing.length > 0) throw new TargetError(`set ${missing.join(' and ')} (in the environment or .env)`);
  const given = vars[TARGET_VARIABLES.baseUrl]?.trim();
  const baseUrl = given ? checkedBaseUrl(given) : pickEnvironment(model, vars[TARGET_VARIABLES.environment], undefined).baseUrl;
  return { baseUrl, ...clientOf(vars) };
}

function clientOf(vars: Settings): { organization: string; clientId: string } {
  return { organization: vars[TARGET_VARIABLES.organization]!, clientId: vars[TARGET_VARIABLES.clientId]! };
}

/** An http(s) base URL without credentials, query or fragment, and without a trailing slash. */
function checkedBaseUrl(value: string): string {
  const problem = `${TARGET_VARIABLES.baseUrl} must be an http(s) URL such as https://api.securithings.com`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TargetError(problem);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(problem);
  // a user or password in the URL would travel into every report that names the target
  if (url.username || url.password) throw new TargetError(`${TARGET_VARIABLES.baseUrl} must not hold credentials; use ${TARGET_VARIABLES.clientId} and ${TARGET_VARIABLES.clientSecret}`);
  if (url.search || url.hash) throw new TargetError(`${problem}, without a query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The named environment, else the one whose base URL matches, else the first (production). */
function pickEnvironment(model: ApiModel, id: string | undefined, baseUrl: string | undefined): Environment {
  if (id) {
    const named = model.environments.find((e) => e.id === id);
    if (!named) throw new TargetError(`${TARGET_VARIABLES.environment}=${id} names no environment; known: ${model.environments.map((e) => e.id).join(', ')}`);
    return named;
  }
  return model.environments.find((e) => e.baseUrl === baseUrl) ?? defaultEnvironment(model);
}
