// Bruno collection folder (.bru files, read with @usebruno/lang) -> canonical form.
import { lang, type BruCollection } from '../bruno/helpers.js';
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

const ROOT = 'bruno';
/** Negative and edge cases the contract suite runs: not documented endpoints. */
const CONTRACT_FOLDER = `${ROOT}/Contract checks/`;
/** The token request, with the token answer's checks. */
const AUTH_FOLDER = `${ROOT}/Auth/`;

type Holder = { mode: string; oauth2?: Record<string, unknown>; basic?: unknown };

function mapped(table: Record<string, string>, value: unknown): string {
  return table[String(value)] ?? `unknown:${String(value)}`;
}

export const extractBruno: Extractor = (files, where) => {
  const environment = lang.bruToEnvJsonV2(fileAt(files, `${ROOT}/environments/${where.environment.id}.bru`));
  const values = Object.fromEntries(environment.variables.filter((v) => v.enabled && !v.secret).map((v) => [v.name, v.value]));
  const baseUrl = values['baseUrl'] ?? '';
  const path = (url: string, what: string) => colonParams(belowBase(resolve(url.split('?')[0]!, MUSTACHE, values), baseUrl, what));

  const collection = lang.collectionBruToJson(fileAt(files, `${ROOT}/collection.bru`)) as BruCollection;
  const folders = new Map<string, BruCollection>(
    files.filter((f) => f.path.endsWith('/folder.bru')).map((f) => [f.path.slice(0, -'/folder.bru'.length), lang.collectionBruToJson(f.content)]),
  );
  /** Bruno's rule: `inherit` walks up the folders (folder.bru) to collection.bru. */
  const inherited = (dir: string): Holder => {
    for (let d = dir; d.startsWith(ROOT) && d !== ROOT; d = d.slice(0, d.lastIndexOf('/'))) {
      const folder = folders.get(d);
      if (folder && folder.auth.mode !== 'inherit') return folder.auth;
    }
    return collection.auth;
  };

  const requests = files.filter(
    (f) =>
      f.path.endsWith('.bru') &&
      !f.path.startsWith(`${ROOT}/environments/`) &&
      !f.path.startsWith(CONTRACT_FOLDER) &&
      f.path !== `${ROOT}/collection.bru` &&
      !f.path.endsWith('/folder.bru'),
  );
  const endpoints: CanonicalEndpoint[] = [];
  const tokenRequests: CanonicalRequest[] = [];
  const holders = new Set<Holder>();
  for (const file of requests) {
    const request = lang.bruToJsonV2(file.content);
    const what = file.path;
    const own = request.http.auth;
    if (file.path.startsWith(AUTH_FOLDER)) {
      tokenRequests.push({ method: request.http.method.toUpperCase(), path: path(request.http.url, what) });
      continue;
    }
    const holder: Holder = own === 'inherit' ? inherited(file.path.slice(0, file.path.lastIndexOf('/'))) : { mode: own };
    if (holder.mode === 'oauth2') holders.add(holder);
    const params = request.params ?? [];
    endpoints.push({
      method: request.http.method.toUpperCase(),
      path: path(request.http.url, what),
      query: sorted(params.filter((p) => p.type === 'query').map((p) => p.name)),
      pathParams: sorted(params.filter((p) => p.type === 'path').map((p) => p.name)),
      auth: holder.mode,
    });
  }

  const oauth2 = only([...holders], 'oauth2 block the requests inherit').oauth2 ?? {};
  const auth: CanonicalAuth = {
    grant: String(oauth2['grantType']),
    tokenPath: path(String(oauth2['accessTokenUrl']), 'access_token_url'),
    clientAuthentication: mapped({ basic_auth_header: 'basic', body: 'body' }, oauth2['credentialsPlacement']),
    tokenPlacement: mapped({ header: 'header', url: 'query' }, oauth2['tokenPlacement']),
    tokenPrefix: String(oauth2['tokenHeaderPrefix']),
  };
  return { endpoints: sortEndpoints(endpoints), auth, tokenRequest: tokenRequests.length ? only(tokenRequests, 'token request') : null };
};
