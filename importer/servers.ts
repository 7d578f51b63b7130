// Servers -> environments: each server with a usable host becomes an environment, its path the
// base every resource path starts with. A placeholder or variable host is never written as an
// environment: the token request (and the client secret) would go there.
import { isObject, type Documents } from './documents.js';
import { slug } from './names.js';
import type { OpenApiVersion } from './version.js';

export interface Server {
  /** `https://host[:port]`, or undefined when the server names no usable host. */
  origin?: string;
  /** The server URL's path without a trailing slash: `''` or e.g. `/v1`. */
  basePath: string;
  url: string;
  description: string;
  /** Why the host is not used, when it is not. */
  unusable?: string;
  /** Host variables replaced by their defaults. */
  hostDefaults: string[];
}

const URL_PARTS = /^(https?):\/\/([^/?#]*)([^?#]*)/i;
const PLACEHOLDER = /(^|[.-])(example|your|my|tenant|placeholder|domain|company|instance|subdomain|customer|xxx+|host(name)?|server)([.-]|$)|[<>{}]/i;

export function serversOf(docs: Documents, version: OpenApiVersion): Server[] {
  const root = docs.root as Record<string, unknown>;
  if (version === '2.0') return [swaggerServer(root)];
  const list = Array.isArray(root.servers) ? root.servers : [];
  if (list.length === 0) return [fromUrl('/', '', {})];
  return list
    .filter(isObject)
    .map((s) => fromUrl(String(s.url ?? '/'), typeof s.description === 'string' ? s.description : '', isObject(s.variables) ? s.variables : {}));
}

function swaggerServer(root: Record<string, unknown>): Server {
  const schemes = Array.isArray(root.schemes) ? root.schemes.map(String) : [];
  const scheme = schemes.includes('https') || schemes.length === 0 ? 'https' : schemes[0]!;
  const basePath = typeof root.basePath === 'string' ? root.basePath : '';
  if (typeof root.host !== 'string' || root.host === '')
    return { basePath: trimSlash(basePath), url: basePath || '/', description: '', unusable: 'the document names no `host`', hostDefaults: [] };
  return fromUrl(`${scheme}://${root.host}${basePath}`, '', {});
}

function fromUrl(raw: string, description: string, variables: Record<string, unknown>): Server {
  const hostDefaults: string[] = [];
  const fill = (text: string, inHost: boolean) =>
    text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
      const variable = variables[name];
      const value = isObject(variable) && variable.default !== undefined ? String(variable.default) : undefined;
      if (value === undefined) return whole;
      if (inHost) hostDefaults.push(`{${name}} = ${value}`);
      return value;
    });
  // A scheme given by a variable (`{protocol}://host`) is its default, as a host variable is.
  const parts = URL_PARTS.exec(raw.replace(/^\{([^{}]*)\}(?=:\/\/)/, (whole) => fill(whole, false)));
  if (!parts)
    return { basePath: trimSlash(fill(raw.replace(/[?#].*$/, ''), false)), url: raw, description, unusable: 'a relative URL names no host', hostDefaults };
  const host = fill(parts[2]!, true);
  const server: Server = { origin: `${parts[1]!.toLowerCase()}://${host}`, basePath: trimSlash(fill(parts[3]!, false)), url: raw, description, hostDefaults };
  if (host === '' || PLACEHOLDER.test(host)) return { ...server, origin: undefined, unusable: `its host \`${host}\` is a placeholder or a variable` };
  return server;
}

export function isPlaceholderHost(host: string): boolean {
  return host === '' || PLACEHOLDER.test(host);
}

function trimSlash(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' || p.startsWith('/') ? p : `/${p}`;
}

export function environmentId(server: Server, index: number, taken: Set<string>): string {
  const host = server.origin?.replace(/^https?:\/\//, '') ?? '';
  const words = `${server.description} ${host}`.toLowerCase();
  const guess = /sandbox/.test(words)
    ? 'sandbox'
    : /stag/.test(words)
      ? 'staging'
      : /test/.test(words)
        ? 'test'
        : /dev/.test(words)
          ? 'development'
          : index === 0
            ? 'production'
            : slug(host, 'server');
  let id = guess;
  for (let n = 2; taken.has(id); n++) id = `${guess}-${n}`;
  taken.add(id);
  return id;
}
