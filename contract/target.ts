// Where the contract run goes: the embedded reference server unless <PREFIX>_BASE_URL says
// otherwise, then with credentials from the same settings (environment or .env, never argv).
// The prefix is the description's `info.envPrefix` (SECURITHINGS for the shipped one).
import { defaultEnvironment, separateTokenHost, type ApiModel, type Environment } from '../model/model.js';
import { fillTemplate } from '../model/urls.js';

/** The settings' names: `<PREFIX>_BASE_URL`, ..., and one per token-path variable (`<PREFIX>_ORGANIZATION`). */
export interface SettingNames {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  environment: string;
  /** `<PREFIX>_TOKEN_BASE_URL`: only on a description whose token endpoint has a host of its own (`tokenBaseUrl`). */
  tokenBaseUrl?: string;
  /** The description's variable (token path, hosts, audience, scope) -> its setting. */
  pathVariables: Record<string, string>;
}

export function settingNames(model: ApiModel): SettingNames {
  const named = (name: string) => `${model.info.envPrefix}_${upperSnake(name)}`;
  return {
    baseUrl: named('baseUrl'),
    clientId: named('clientId'),
    clientSecret: named('clientSecret'),
    environment: named('environment'),
    ...(separateTokenHost(model) ? { tokenBaseUrl: named('tokenBaseUrl') } : {}),
    pathVariables: Object.fromEntries(model.auth.pathVariables.map((name) => [name, named(name)])),
  };
}

/** `organization` -> `ORGANIZATION`, `tenantId` -> `TENANT_ID`. */
export function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * The base URL, the token endpoint's (the base URL's unless the docs put it on a host of its own),
 * the client id, and the value of every variable of the description by its name (`organization`).
 */
export type TokenTarget = { baseUrl: string; tokenBaseUrl?: string; clientId: string } & Record<string, string>;

export type Credentials = TokenTarget & { clientSecret: string };

/** `environmentLabel` is how reports name it: its id, or that no environment matched the base URL. */
export type Target =
  | { kind: 'embedded'; environment: Environment; environmentLabel: string }
  | { kind: 'remote'; environment: Environment; environmentLabel: string; credentials: Credentials };

export class TargetError extends Error {
  override name = 'TargetError';
}

/** One setting's value and where it came from: `the environment` or the dotenv file's name. */
export interface Setting {
  value: string;
  from: string;
}

/** The settings, and the dotenv file they may come from (named in messages). */
export interface Settings {
  vars: Readonly<Record<string, Setting | undefined>>;
  file: string;
}

export interface TargetOptions {
  /** Lets a base URL be `http://` to a host that is not loopback (the secret then travels in clear). */
  allowInsecureHttp?: boolean;
}

export function settleTarget(model: ApiModel, settings: Settings, options: TargetOptions = {}): Target {
  const names = settingNames(model);
  const vars = valuesOf(settings);
  if (!vars[names.baseUrl]?.trim()) return embeddedTarget(model, settings);
  const baseUrl = checkedBaseUrl(model, settings, options);
  const missing = [...Object.values(names.pathVariables), names.clientId, names.clientSecret].filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new TargetError(`${named(settings, names.baseUrl)} is set, so ${missing.join(', ')} must be set too ${where(settings)}`);
  }
  const client = clientOf(model, vars);
  const { environment, label, matched } = pickEnvironment(model, settings.vars[names.environment], baseUrl, client);
  const tokenBaseUrl = settledTokenBaseUrl(model, settings, options, matched ? environment : undefined, client) ?? baseUrl;
  const credentials = { ...client, baseUrl, ...tokenHost(model, tokenBaseUrl), clientSecret: vars[names.clientSecret]! };
  return { kind: 'remote', environment, environmentLabel: label, credentials };
}

/**
 * No base URL: the embedded server, unless a credential is set. A credential without a base URL
 * is a misnamed or forgotten setting: run against the embedded server, a nightly job would pass
 * without ever reaching the API.
 */
function embeddedTarget(model: ApiModel, settings: Settings): Target {
  const names = settingNames(model);
  const credentials = [...Object.values(names.pathVariables), names.clientId, names.clientSecret, ...(names.tokenBaseUrl ? [names.tokenBaseUrl] : [])].filter(
    (name) => settings.vars[name]?.value.trim(),
  );
  if (credentials.length > 0) {
    const blank = settings.vars[names.baseUrl] ? ` (empty in ${settings.vars[names.baseUrl]!.from})` : '';
    throw new TargetError(
      `${names.baseUrl} is not set${blank}, but ${credentials.map((name) => named(settings, name)).join(', ')} ${credentials.length === 1 ? 'is' : 'are'}: ` +
        `set ${names.baseUrl} ${where(settings)} to test the API, or unset ${credentials.length === 1 ? 'it' : 'them'} to run against the embedded reference server`,
    );
  }
  const environment = embeddedEnvironment(model);
  return { kind: 'embedded', environment, environmentLabel: environment.id };
}

/**
 * The environment an embedded run uses (its resource paths and Postman environment file): no id
 * is special. The first whose base URL is loopback (a local reference server), else the last
 * (descriptions list production first, so the last is the sandbox or test one). The embedded
 * server serves every environment's resource paths, so any choice is served.
 */
export function embeddedEnvironment(model: ApiModel): Environment {
  const local = model.environments.find((e) => URL.canParse(e.baseUrl) && isLoopbackHost(new URL(e.baseUrl).hostname));
  return local ?? model.environments[model.environments.length - 1]!;
}

/** How a run names the embedded server, and why it is the target: `the embedded reference server (no SECURITHINGS_BASE_URL set)`. */
export function embeddedTargetName(model: ApiModel): string {
  return `the embedded reference server (no ${settingNames(model).baseUrl} set)`;
}

/**
 * The API a token request goes to, without the secret: the base URL when set, else the one of
 * <PREFIX>_ENVIRONMENT, else the first (production).
 */
export function settleTokenTarget(model: ApiModel, settings: Settings, options: TargetOptions = {}): TokenTarget {
  const names = settingNames(model);
  const vars = valuesOf(settings);
  const missing = [...Object.values(names.pathVariables), names.clientId].filter((name) => !vars[name]);
  if (missing.length > 0) throw new TargetError(`set ${missing.join(' and ')} ${where(settings)}`);
  const client = clientOf(model, vars);
  const given = vars[names.baseUrl]?.trim() ? checkedBaseUrl(model, settings, options) : undefined;
  const { environment, matched } = pickEnvironment(model, settings.vars[names.environment], given, client);
  const baseUrl = given ?? fillTemplate(environment.baseUrl, (name) => client[name] ?? '');
  const tokenBaseUrl = settledTokenBaseUrl(model, settings, options, matched || !given ? environment : undefined, client) ?? baseUrl;
  return { ...client, baseUrl, ...tokenHost(model, tokenBaseUrl) };
}

/** `{ tokenBaseUrl }` on a description whose token endpoint has a host of its own, else nothing (the base URL serves it). */
function tokenHost(model: ApiModel, tokenBaseUrl: string): { tokenBaseUrl?: string } {
  return separateTokenHost(model) ? { tokenBaseUrl } : {};
}

/**
 * Where the token request (and the secret) goes, when not to the base URL: <PREFIX>_TOKEN_BASE_URL,
 * else the token host of the environment the run targets, its variables filled in.
 */
function settledTokenBaseUrl(
  model: ApiModel,
  settings: Settings,
  options: TargetOptions,
  environment: Environment | undefined,
  values: Record<string, string>,
): string | undefined {
  const name = settingNames(model).tokenBaseUrl;
  if (name === undefined) return undefined;
  if (settings.vars[name]?.value.trim()) return checkedBaseUrl(model, settings, options, name);
  if (environment === undefined) return undefined;
  const filled = fillTemplate(environment.tokenBaseUrl, (variable) => values[variable] ?? '');
  return checkedBaseUrl(model, { ...settings, vars: { ...settings.vars, [name]: { value: filled, from: `environment ${environment.id}` } } }, options, name);
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

/** The client id and every token-path variable's value, from their settings. */
function clientOf(model: ApiModel, vars: Record<string, string | undefined>): { clientId: string } & Record<string, string> {
  const names = settingNames(model);
  const path = Object.entries(names.pathVariables).map(([variable, setting]) => [variable, vars[setting]!]);
  return { ...Object.fromEntries(path), clientId: vars[names.clientId]! };
}

/** An http(s) base URL (the API's, or the token endpoint's setting) without credentials, query or fragment, and without a trailing slash. */
function checkedBaseUrl(model: ApiModel, settings: Settings, options: TargetOptions, setting = settingNames(model).baseUrl): string {
  const names = settingNames(model);
  const name = named(settings, setting);
  const problem = `${name} must be an http(s) URL such as ${setting === names.baseUrl ? defaultEnvironment(model).baseUrl : defaultEnvironment(model).tokenBaseUrl}`;
  let url: URL;
  try {
    url = new URL(settings.vars[setting]!.value.trim());
  } catch {
    throw new TargetError(problem);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(problem);
  // a user or password in the URL would travel into every report that names the target
  if (url.username || url.password) throw new TargetError(`${name} must not hold credentials; use ${names.clientId} and ${names.clientSecret}`);
  if (url.search || url.hash) throw new TargetError(`${problem}, without a query or fragment`);
  if (sendsInClear(url.href) && !options.allowInsecureHttp) {
    throw new TargetError(
      `${name} is http:// to ${url.hostname}, which is not loopback: the client secret would travel in clear. Use https://, or pass --allow-insecure-http to send it anyway`,
    );
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

/**
 * The named environment, else the one whose base URL (its variables filled from `values`) matches,
 * else the first (production), with how reports name it; `matched` unless it fell back.
 */
function pickEnvironment(
  model: ApiModel,
  setting: Setting | undefined,
  baseUrl: string | undefined,
  values: Record<string, string> = {},
): { environment: Environment; label: string; matched: boolean } {
  const chosen = setting?.value
    ? environmentNamed(model, setting)
    : model.environments.find((e) => fillTemplate(e.baseUrl, (name) => values[name] ?? '') === baseUrl);
  if (chosen) return { environment: chosen, label: chosen.id, matched: true };
  const fallback = defaultEnvironment(model);
  return {
    environment: fallback,
    matched: false,
    label: `none has this base URL (${fallback.id}'s resource paths used; set ${settingNames(model).environment} to choose)`,
  };
}

function environmentNamed(model: ApiModel, { value, from }: { value: string; from?: string }): Environment {
  const found = model.environments.find((e) => e.id === value);
  if (found) return found;
  const known = model.environments.map((e) => e.id).join(', ');
  throw new TargetError(`${settingNames(model).environment}=${value}${from ? ` (from ${from})` : ''} names no environment; known: ${known}`);
}
