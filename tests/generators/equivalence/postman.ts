// Postman v2.1 collection + production environment file -> canonical form.
import {
  belowBase,
  colonParams,
  fileAt,
  MUSTACHE,
  only,
  resolve,
  sortEndpoints,
  sorted,
  type CanonicalAuth,
  type CanonicalEndpoint,
  type CanonicalRequest,
  type Extractor,
} from './canonical.js';

/** Negative and edge cases the contract suite runs: not documented endpoints. */
const CONTRACT_FOLDER = 'Contract checks';

type Attribute = { key: string; value: unknown };
type Auth = { type: string } & Record<string, unknown>;
type Url = string | { raw?: string; host?: string[]; path?: string[]; query?: { key: string }[]; variable?: { key: string }[] };
interface Item {
  name: string;
  item?: Item[];
  auth?: Auth;
  request?: { method: string; url: Url; auth?: Auth };
}

function attributes(auth: Auth): Record<string, unknown> {
  const list = auth[auth.type];
  if (!Array.isArray(list)) throw new Error(`Postman ${auth.type} auth has no attribute list`);
  return Object.fromEntries((list as Attribute[]).map((a) => [a.key, a.value]));
}

/** The URL without its query string, plus the query and path-variable names the tool lists. */
function urlParts(url: Url, what: string): { url: string; query: string[]; variables: string[] } {
  if (typeof url === 'string') {
    const [base, search = ''] = url.split('?');
    return { url: base!, query: search ? search.split('&').map((p) => p.split('=')[0]!) : [], variables: [] };
  }
  const structured = `${(url.host ?? []).join('.')}${(url.path ?? []).map((s) => `/${s}`).join('')}`;
  const raw = url.raw?.split('?')[0];
  if (raw !== undefined && raw !== structured) throw new Error(`${what}: url.raw ${raw} disagrees with host/path ${structured}`);
  return { url: structured, query: (url.query ?? []).map((q) => q.key), variables: (url.variable ?? []).map((v) => v.key) };
}

export const extractPostman: Extractor = (files, where) => {
  const collection = JSON.parse(fileAt(files, `${where.apiId}.postman_collection.json`)) as { item: Item[]; auth?: Auth };
  const environment = JSON.parse(fileAt(files, `${where.apiId}-${where.environment.id}.postman_environment.json`)) as {
    values: { key: string; value: string; enabled?: boolean }[];
  };
  // Only the production environment file's own values: a collection variable is not what production sets.
  const values = Object.fromEntries(environment.values.filter((v) => v.enabled !== false).map((v) => [v.key, v.value]));
  const baseUrl = values['baseUrl'] ?? '';
  const path = (template: string, what: string) => colonParams(belowBase(resolve(template, MUSTACHE, values), baseUrl, what));

  const endpoints: CanonicalEndpoint[] = [];
  const tokenRequests: CanonicalRequest[] = [];
  const holders = new Set<Auth>();
  // Postman's rule: a request without `auth` inherits from its folder, then the collection.
  const walk = (items: Item[], inherited: Auth | undefined) => {
    for (const item of items) {
      if (item.item) {
        if (item.name !== CONTRACT_FOLDER) walk(item.item, item.auth ?? inherited);
        continue;
      }
      const request = item.request!;
      const auth = request.auth ?? inherited;
      const parts = urlParts(request.url, item.name);
      if (request.auth?.type === 'basic') {
        tokenRequests.push({ method: request.method.toUpperCase(), path: path(parts.url, item.name) });
        continue;
      }
      if (auth?.type === 'oauth2') holders.add(auth);
      endpoints.push({
        method: request.method.toUpperCase(),
        path: path(parts.url, item.name),
        query: sorted(parts.query),
        pathParams: sorted(parts.variables),
        auth: auth?.type ?? 'none',
      });
    }
  };
  walk(collection.item, collection.auth);

  const oauth2 = attributes(only([...holders], 'oauth2 block the requests inherit'));
  const auth: CanonicalAuth = {
    grant: String(oauth2['grant_type']),
    tokenPath: path(String(oauth2['accessTokenUrl']), 'accessTokenUrl'),
    // Postman: `header` = "Send as Basic Auth header", `body` = "Send client credentials in body".
    clientAuthentication:
      ({ header: 'basic', body: 'body' } as Record<string, string>)[String(oauth2['client_authentication'])] ?? `unknown:${oauth2['client_authentication']}`,
    // Postman: `header` or `queryParams`.
    tokenPlacement: ({ header: 'header', queryParams: 'query' } as Record<string, string>)[String(oauth2['addTokenTo'])] ?? `unknown:${oauth2['addTokenTo']}`,
    tokenPrefix: String(oauth2['headerPrefix']),
  };
  return { endpoints: sortEndpoints(endpoints), auth, tokenRequest: tokenRequests.length ? only(tokenRequests, 'token request') : null };
};
