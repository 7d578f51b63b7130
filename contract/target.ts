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

/** One setting's value and where it came from: `the environment` or the dotenv file's name. */
export interface Setting {
  value: string;
  from: string;
}

/** The SECURITHINGS_* settings, and the dotenv file they may come from (named in messages). */
export interface Settings {
  vars: Readonly<Record<string, Setting | undefined>>;
  file: string;
}

export interface TargetOptions {
  /** Lets a base URL be `http://` to a host that is not loopback (the secret then travels in clear). */
  allowInsecureHttp?: boolean;
}

export function settleTarget(model: ApiModel, settings: Settings, options: TargetOptions = {}): Target {
  const vars = valuesOf(settings);
  if (!vars[TARGET_VARIABLES.baseUrl]?.trim()) return { kind: 'embedded', environment: environmentNamed(model, { value: 'local' }) };
  const baseUrl = checkedBaseUrl(settings, options);
  const missing = (['organization', 'clientId', 'clientSecret'] as const).filter((key) => !vars[TARGET_VARIABLES[key]]);
  if (missing.length > 0) {
    throw new TargetError(`${named(settings, TARGET_VARIABLES.baseUrl)} is set, so ${missing.map((k) => TARGET_VARIABLES[k]).join(', ')} must be set too ${where(settings)}`);
  }
  const credentials = { baseUrl, ...clientOf(vars), clientSecret: vars[TARGET_VARIABLES.clientSecret]! };
  return { kind: 'remote', environment: pickEnvironment(model, settings.vars[TARGET_VARIABLES.environment], baseUrl), credentials };
}

/**
 * The API a token request goes to, without the secret: the base URL when set, else the one of
 * SECURITHINGS_ENVIRONMENT, else the first (production).
 */
export function settleTokenTarget(model: ApiModel, settings: Settings, options: TargetOptions = {}): Omit<Credentials, 'clientSecret'> {
  const vars = valuesOf(settings);
  const missing = [TARGET_VARIABLES.organization, TARGET_VARIABLES.clientId].filter((name) => !vars[name]);
  if (missing.length > 0) throw new TargetError(`set ${missing.join(' and ')} ${where(settings)}`);
  const baseUrl = vars[TARGET_VARIABLES.baseUrl]?.trim() ? checkedBaseUrl(settings, options) : pickEnvironment(model, settings.vars[TARGET_VARIABLES.environment], undefined).baseUrl;
  return { baseUrl, ...clientOf(vars) };
}

/** `(in the environment or .env)`: where a missing setting may be given. */
export function where(settings: Settings): string {
  return `(in the environment or ${settings.file})`;
}

/** `SECURITHINGS_BASE_URL (from .env)`: a setting named with where its value came from. */
function named(settings: Settings, name: string): string {
  return `${name} (from ${settings.vars[name]?.from ?? 'nowhere'})`;
}

function valuesOf(settings: Settings): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(settings.vars).map(([name, setting]) => [name, setting?.value]));
}

function clientOf(vars: Record<string, string | undefined>): { organization: string; clientId: string } {
  return { organization: vars[TARGET_VARIABLES.organization]!, clientId: vars[TARGET_VARIABLES.clientId]! };
}

/** An http(s) base URL without credentials, query or fragment, and without a trailing slash. */
function checkedBaseUrl(settings: Settings, options: TargetOptions): string {
  const name = named(settings, TARGET_VARIABLES.baseUrl);
  const problem = `${name} must be an http(s) URL such as https://api.securithings.com`;
  let url: URL;
  try {
    url = new URL(settings.vars[TARGET_VARIABLES.baseUrl]!.value.trim());
  } catch {
    throw new TargetError(problem);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(problem);
  // a user or password in the URL would travel into every report that names the target
  if (url.username || url.password) throw new TargetError(`${name} must not hold credentials; use ${TARGET_VARIABLES.clientId} and ${TARGET_VARIABLES.clientSecret}`);
  if (url.search || url.hash) throw new TargetError(`${problem}, without a query or fragment`);
  if (sendsInClear(url.href) && !options.allowInsecureHttp) {
    throw new TargetError(`${name} is http:// to ${url.hostname}, which is not loopback: the client secret would travel in clear. Use https://, or pass --allow-insecure-http to send it anyway`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** True for an `http://` URL to a host that is not loopback: what is sent there travels in clear. */
export function sendsInClear(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** localhost, 127.0.0.0/8 and ::1 (bracketed or not). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** The named environment, else the one whose base URL matches, else the first (production). */
function pickEnvironment(model: ApiModel, setting: Setting | undefined, baseUrl: string | undefined): Environment {
  if (setting?.value) return environmentNamed(model, setting);
  return model.environments.find((e) => e.baseUrl === baseUrl) ?? defaultEnvironment(model);
}

function environmentNamed(model: ApiModel, { value, from }: { value: string; from?: string }): Environment {
  const found = model.environments.find((e) => e.id === value);
  if (found) return found;
  const known = model.environments.map((e) => e.id).join(', ');
  throw new TargetError(`${TARGET_VARIABLES.environment}=${value}${from ? ` (from ${from})` : ''} names no environment; known: ${known}`);
}

