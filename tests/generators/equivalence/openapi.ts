// OpenAPI 3.1 document -> canonical form: production server (root or per path) + path key.
import { parse } from 'yaml';
import {
  belowBase,
  fileAt,
  only,
  sortEndpoints,
  sorted,
  type CanonicalAuth,
  type CanonicalEndpoint,
  type CanonicalRequest,
  type Extractor,
} from './canonical.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Server = { url: string; description?: string };
type Parameter = { name: string; in: string };
type Requirement = Record<string, string[]>;
type Operation = { parameters?: Parameter[]; servers?: Server[]; security?: Requirement[] };
type PathItem = Record<string, unknown> & { servers?: Server[]; parameters?: Parameter[] };
type Scheme = { type: string; scheme?: string; flows?: Record<string, { tokenUrl?: string }> } & Record<string, unknown>;
interface Doc {
  servers?: Server[];
  security?: Requirement[];
  paths: Record<string, PathItem>;
  components?: { securitySchemes?: Record<string, Scheme> };
}

/**
 * `tokenUrl` is absolute and written for production; the document says that on another server the
 * token endpoint is `x-token-path` below that server's URL.
 */
function tokenPath(tokenUrl: string, rootUrl: string, otherServers: unknown, production: boolean): string {
  if (production) return belowBase(tokenUrl, rootUrl, 'tokenUrl');
  if (typeof otherServers !== 'string') throw new Error(`no x-token-path for servers other than production`);
  return otherServers;
}

export const extractOpenapi: Extractor = (files, where) => {
  // As a YAML 1.1 reader (js-yaml, most OpenAPI tools) would see it.
  const doc = parse(fileAt(files, `${where.apiId}.openapi.yaml`), { version: '1.1' }) as Doc;
  const name = where.environment.name;
  const rootUrl = only(
    (doc.servers ?? []).filter((s) => s.description === name),
    `root server described ${name}`,
  ).url;
  /** A per-path server list names the environment first: `SecuriThings Production (Devices at /v1/devices)`. */
  const production = (servers: Server[], what: string) =>
    only(
      servers.filter((s) => s.description === name || s.description?.startsWith(`${name} (`)),
      `${what} server for ${name}`,
    ).url;
  const schemes = doc.components?.securitySchemes ?? {};

  const endpoints: CanonicalEndpoint[] = [];
  const tokenRequests: CanonicalRequest[] = [];
  const oauth2Names = new Set<string>();
  for (const [key, item] of Object.entries(doc.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const op = item[method] as Operation;
      const what = `${method.toUpperCase()} ${key}`;
      const server = op.servers ? production(op.servers, what) : item.servers ? production(item.servers, what) : rootUrl;
      const path = belowBase(`${server}${key}`, rootUrl, what);
      const requirements = op.security ?? doc.security ?? [];
      const used = requirements.flatMap((r) => Object.keys(r));
      const types = used.map((s) => {
        const scheme = schemes[s];
        if (!scheme) throw new Error(`${what}: unknown security scheme ${s}`);
        return scheme.type === 'http' ? String(scheme.scheme) : scheme.type;
      });
      if (used.length === 1 && types[0] === 'basic') {
        tokenRequests.push({ method: method.toUpperCase(), path });
        continue;
      }
      if (used.length === 1 && types[0] === 'oauth2') oauth2Names.add(used[0]!);
      // Operation parameters override path-item ones with the same name and location.
      const params = new Map([...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => [`${p.in} ${p.name}`, p]));
      endpoints.push({
        method: method.toUpperCase(),
        path,
        query: sorted([...params.values()].filter((p) => p.in === 'query').map((p) => p.name)),
        pathParams: sorted([...params.values()].filter((p) => p.in === 'path').map((p) => p.name)),
        auth: used.length === 0 ? 'none' : types.join('+'),
      });
    }
  }

  const scheme = schemes[only([...oauth2Names], 'oauth2 scheme the operations use')]!;
  const flow = only(Object.keys(scheme.flows ?? {}), 'oauth2 flow');
  const clientAuthentication = scheme['x-client-authentication'];
  const auth: CanonicalAuth = {
    grant: ({ clientCredentials: 'client_credentials' } as Record<string, string>)[flow] ?? `unknown:${flow}`,
    // `tokenUrl` is a URI, so its placeholders are percent-encoded; the template travels in `x-token-url-template`.
    tokenPath: tokenPath(
      String(scheme['x-token-url-template'] ?? scheme.flows![flow]!.tokenUrl),
      rootUrl,
      scheme['x-token-path'],
      where.environment.id === 'production',
    ),
    clientAuthentication:
      ({ client_secret_basic: 'basic', client_secret_post: 'body' } as Record<string, string>)[String(clientAuthentication)] ??
      `unknown:${String(clientAuthentication)}`,
    // An OpenAPI oauth2 scheme means an RFC 6750 bearer token in the Authorization header; there is no field to say otherwise.
    tokenPlacement: 'header',
    tokenPrefix: 'Bearer',
  };
  return { endpoints: sortEndpoints(endpoints), auth, tokenRequest: tokenRequests.length ? only(tokenRequests, 'token request') : null };
};
