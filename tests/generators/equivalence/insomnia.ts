// Insomnia v4 export (JSON) and v5 collection (YAML) -> canonical form. Both are first turned into
// the same tree (folders, requests, environments), then read the way Insomnia does.
import { parse } from 'yaml';
import { CONTRACT_FOLDER } from '../../../generators/insomnia/contract.js';
import { resolveAuth, type Auth } from '../insomnia/helpers.js';
import {
  belowBase,
  fileAt,
  INSOMNIA,
  only,
  resolve,
  sortEndpoints,
  sorted,
  type CanonicalAuth,
  type CanonicalEndpoint,
  type CanonicalForm,
  type CanonicalRequest,
  type Extractor,
  type Locator,
} from './canonical.js';

interface Node {
  name: string;
  description?: string;
  authentication?: Auth;
  /** Folders only. */
  children?: Node[];
  /** Requests only. */
  method?: string;
  url?: string;
  parameters?: { name: string }[];
}

interface Tree {
  root: Node[];
  base: Record<string, string>;
  subs: { name: string; data: Record<string, string> }[];
}

type V4Resource = Node & { _id: string; _type: string; parentId: string | null; data?: Record<string, string> };

function v4Tree(text: string): Tree {
  const resources = (JSON.parse(text) as { resources: V4Resource[] }).resources;
  const workspace = only(
    resources.filter((r) => r._type === 'workspace'),
    'Insomnia workspace',
  );
  const base = only(
    resources.filter((r) => r._type === 'environment' && r.parentId === workspace._id),
    'base environment',
  );
  const childrenOf = (id: string): Node[] =>
    resources
      .filter((r) => r.parentId === id && (r._type === 'request_group' || r._type === 'request'))
      .map((r) => (r._type === 'request_group' ? { ...r, children: childrenOf(r._id) } : r));
  return {
    root: childrenOf(workspace._id),
    base: base.data ?? {},
    subs: resources.filter((r) => r._type === 'environment' && r.parentId === base._id).map((r) => ({ name: r.name, data: r.data ?? {} })),
  };
}

type V5Node = Node & { meta?: { description?: string }; children?: V5Node[] };

function v5Tree(text: string): Tree {
  const doc = parse(text) as {
    collection: V5Node[];
    environments: { data?: Record<string, string>; subEnvironments?: { name: string; data?: Record<string, string> }[] };
  };
  // v5 keeps descriptions under meta; a node without `authentication` inherits.
  const node = (n: V5Node): Node => ({ ...n, description: n.meta?.description ?? n.description, ...(n.children ? { children: n.children.map(node) } : {}) });
  return {
    root: doc.collection.map(node),
    base: doc.environments.data ?? {},
    subs: (doc.environments.subEnvironments ?? []).map((s) => ({ name: s.name, data: s.data ?? {} })),
  };
}

/**
 * Insomnia v4 URLs have no path-parameter syntax: `{id}` is an environment variable (`deviceId`),
 * and the request description names the parameter it stands for. Returns variable -> parameter.
 */
function pathParamNames(description: string): Map<string, string> {
  const lines = description.matchAll(/\*\*Path parameter `([^`]+)`:\*\*[^\n]*?environment variable `([^`]+)`/g);
  return new Map([...lines].map((m) => [m[2]!, m[1]!]));
}

function canonical(tree: Tree, where: Locator): CanonicalForm {
  const production = only(
    tree.subs.filter((s) => s.name === where.environment.name),
    `sub-environment ${where.environment.name}`,
  );
  const values = { ...tree.base, ...production.data };
  const baseUrl = values['baseUrl'] ?? '';
  const path = (url: string, what: string) => belowBase(resolve(url, INSOMNIA, values), baseUrl, what);

  const endpoints: CanonicalEndpoint[] = [];
  const tokenRequests: CanonicalRequest[] = [];
  const holders = new Set<Auth>();
  const walk = (nodes: Node[], ancestors: Node[]) => {
    for (const node of nodes) {
      if (node.children) {
        // The contract cases are compared by check names (check-names.test.ts), as in Postman and Bruno.
        if (node.name !== CONTRACT_FOLDER) walk(node.children, [node, ...ancestors]);
        continue;
      }
      const what = node.name;
      if (node.authentication?.type === 'basic' && !node.authentication.disabled) {
        tokenRequests.push({ method: node.method!.toUpperCase(), path: path(node.url!, what) });
        continue;
      }
      const auth = resolveAuth([node, ...ancestors]);
      if (auth.type === 'oauth2') holders.add(auth);
      const rename = pathParamNames(node.description ?? '');
      const resolved = path(node.url!, what);
      // Placeholders left after resolution are path parameters (their variable has no production value).
      const placeholders = [...resolved.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
      endpoints.push({
        method: node.method!.toUpperCase(),
        path: resolved.replace(/\{([^{}]+)\}/g, (_, name: string) => `{${rename.get(name) ?? name}}`),
        query: sorted((node.parameters ?? []).map((p) => p.name)),
        pathParams: sorted(placeholders.map((name) => rename.get(name) ?? name)),
        auth: String(auth.type),
      });
    }
  };
  walk(tree.root, []);

  const oauth2 = only([...holders], 'oauth2 block the requests inherit');
  const auth: CanonicalAuth = {
    grant: String(oauth2['grantType']),
    tokenPath: path(String(oauth2['accessTokenUrl']), 'accessTokenUrl'),
    // Insomnia tests truthiness: a truthy credentialsInBody sends the credentials in the body.
    clientAuthentication: oauth2['credentialsInBody'] ? 'body' : 'basic',
    // Insomnia always sends the token as an Authorization header.
    tokenPlacement: 'header',
    tokenPrefix: String(oauth2['tokenPrefix']),
  };
  return { endpoints: sortEndpoints(endpoints), auth, tokenRequest: tokenRequests.length ? only(tokenRequests, 'token request') : null };
}

export const extractInsomniaV4: Extractor = (files, where) => canonical(v4Tree(fileAt(files, `${where.apiId}.insomnia.json`)), where);
export const extractInsomniaV5: Extractor = (files, where) => canonical(v5Tree(fileAt(files, `${where.apiId}.insomnia.yaml`)), where);
