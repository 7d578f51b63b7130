// Where the contract run goes: the embedded reference server unless <PREFIX>_BASE_URL says
// otherwise, then with credentials from the same settings (environment or .env, never argv).
// The prefix is the description's `info.envPrefix` (SECURITHINGS for the shipped one).
import { defaultEnvironment, type ApiModel, type Environment } from '../model/model.js';

/** The settings' names: `<PREFIX>_BASE_URL`, ..., and one per token-path variable (`<PREFIX>_ORGANIZATION`). */
export interface SettingNames {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  environment: string;
  /** Token-path variable -> its setting. */
  pathVariables: Record<string, string>;
}

export function settingNames(model: ApiModel): SettingNames {
  const named = (name: string) => `${model.info.envPrefix}_${upperSnake(name)}`;
  return {
    baseUrl: named('baseUrl'),
    clientId: named('clientId'),
    clientSecret: named('clientSecret'),
    environment: named('environment'),
    pathVariables: Object.fromEntries(model.auth.pathVariables.map((name) => [name, named(name)])),
  };
}

/** `organization` -> `ORGANIZATION`, `tenantId` -> `TENANT_ID`. */
export function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The base URL, the client id, and the value of every token-path variable by its name (`organization`). */
export type TokenTarget = { baseUrl: string; clientId: string } & Record<string, string>;

export type Credentials = TokenTarget & { clientSecret: string };

export type Target =
  | { kind: 'embedded'; environment: Environment }
  | { kind: 'remote'; environment: Environment; credentials: Credentials };

export class TargetError extends Error {
  override name = 'TargetError';
}

type Settings = Readonly<Record<string, string | undefined>>;

export function settleTarget(model: ApiModel, vars: Settings): Target {
  const names = settingNames(model);
  if (!vars[names.baseUrl]?.trim()) return { kind: 'embedded', environment: pickEnvironment(model, 'local', undefined) };
  const baseUrl = checkedBaseUrl(model, vars[names.baseUrl]!);
  const missing = [...Object.values(names.pathVariables), names.clientId, names.clientSecret].filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new TargetError(`${names.baseUrl} is set, so ${missing.join(', ')} must be set too (in the environment or .env)`);
  }
  const credentials = { ...clientOf(model, vars), baseUrl, clientSecret: vars[names.clientSecret]! };
  return { kind: 'remote', environment: pickEnvironment(model, vars[names.environment], baseUrl), credentials };
}

/**
 * The API a token request goes to, without the secret: the base URL when set, else the one of
 * <PREFIX>_ENVIRONMENT, else the first (production).
 */
export function settleTokenTarget(model: ApiModel, vars: Settings): TokenTarget {
  const names = settingNames(model);
  const missing = [...Object.values(names.pathVariables), names.clientId].filter((name) => !vars[name]);
  if (missing.length > 0) throw new TargetError(`set ${missing.join(' and ')} (in the environment or .env)`);
  const given = vars[names.baseUrl]?.trim();
  const baseUrl = given ? checkedBaseUrl(model, given) : pickEnvironment(model, vars[names.environment], undefined).baseUrl;
  return { ...clientOf(model, vars), baseUrl };
}

/** The client id and every token-path variable's value, from their settings. */
function clientOf(model: ApiModel, vars: Settings): { clientId: string } & Record<string, string> {
  const names = settingNames(model);
  const path = Object.entries(names.pathVariables).map(([variable, setting]) => [variable, vars[setting]!]);
  return { ...Object.fromEntries(path), clientId: vars[names.clientId]! };
}

/** An http(s) base URL without credentials, query or fragment, and without a trailing slash. */
function checkedBaseUrl(model: ApiModel, value: string): string {
  const names = settingNames(model);
  const problem = `${names.baseUrl} must be an http(s) URL such as ${defaultEnvironment(model).baseUrl}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TargetError(problem);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(problem);
  // a user or password in the URL would travel into every report that names the target
  if (url.username || url.password) throw new TargetError(`${names.baseUrl} must not hold credentials; use ${names.clientId} and ${names.clientSecret}`);
  if (url.search || url.hash) throw new TargetError(`${problem}, without a query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The named environment, else the one whose base URL matches, else the first (production). */
function pickEnvironment(model: ApiModel, id: string | undefined, baseUrl: string | undefined): Environment {
  if (id) {
    const named = model.environments.find((e) => e.id === id);
    if (!named) throw new TargetError(`${settingNames(model).environment}=${id} names no environment; known: ${model.environments.map((e) => e.id).join(', ')}`);
    return named;
  }
  return model.environments.find((e) => e.baseUrl === baseUrl) ?? defaultEnvironment(model);
}
