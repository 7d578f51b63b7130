// The client-credentials scheme: found among the document's security schemes, picked by name when
// there are several, and refused clearly when there is none or the named one is another flow.
import { isObject, type At, type Documents } from './documents.js';
import { ImportError } from './problems.js';
import type { OpenApiVersion } from './version.js';

export interface Scheme {
  name: string;
  at: At;
  tokenUrl: string;
  /** Declared scopes, by name. */
  scopes: Record<string, string>;
  description: string;
  /** The scheme object, whose `x-` extensions may state more (see kit-facts.ts). */
  node: Record<string, unknown>;
}

interface Found {
  name: string;
  at: At;
  flows: string[];
  node: Record<string, unknown>;
  flowAt?: At;
}

export function pickScheme(docs: Documents, version: OpenApiVersion, wanted: string | undefined): Scheme {
  const found = schemes(docs, version);
  const credentials = found.filter((s) => s.flowAt);
  const listed = found.map((s) => `${s.name} (${s.flows.join(', ') || 'no OAuth 2.0 flow'})`).join(', ') || 'none';
  const root = { file: docs.main, path: version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'] };
  if (wanted !== undefined) {
    const named = found.find((s) => s.name === wanted);
    if (!named) throw docs.problem(root, 'unknown-scheme', `no security scheme \`${wanted}\`; the document has: ${listed}`);
    if (!named.flowAt)
      throw docs.problem(
        named.at,
        'not-client-credentials',
        `scheme \`${wanted}\` has no client-credentials flow (${named.flows.join(', ') || 'not OAuth 2.0'}); import needs one`,
      );
    return toScheme(docs, named);
  }
  if (credentials.length === 0)
    throw docs.problem(root, 'no-client-credentials', `no security scheme has an OAuth 2.0 client-credentials flow; the document has: ${listed}`);
  if (credentials.length > 1) {
    const names = credentials.map((s) => s.name).join(', ');
    throw new ImportError(
      docs.problem(root, 'ambiguous-scheme', `several schemes have a client-credentials flow: ${names}; choose one with --scheme NAME`).problems,
    );
  }
  return toScheme(docs, credentials[0]!);
}

function schemes(docs: Documents, version: OpenApiVersion): Found[] {
  const path = version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  const map = docs.valueAt({ file: docs.main, path });
  if (!isObject(map)) return [];
  return Object.keys(map).map((name) => {
    const { node, at } = docs.resolve({ file: docs.main, path: [...path, name] });
    const scheme = isObject(node) ? node : {};
    if (scheme.type !== 'oauth2') return { name, at, node: scheme, flows: [String(scheme.type ?? 'no type')] };
    if (version === '2.0') {
      const flow = String(scheme.flow);
      return { name, at, node: scheme, flows: [flow], ...(flow === 'application' ? { flowAt: at } : {}) };
    }
    const flows = isObject(scheme.flows) ? Object.keys(scheme.flows) : [];
    const flowAt = flows.includes('clientCredentials') ? { file: at.file, path: [...at.path, 'flows', 'clientCredentials'] } : undefined;
    return { name, at, node: scheme, flows, ...(flowAt ? { flowAt } : {}) };
  });
}

function toScheme(docs: Documents, found: Found): Scheme {
  const flow = docs.valueAt(found.flowAt!) as Record<string, unknown>;
  const urlAt = { file: found.flowAt!.file, path: [...found.flowAt!.path, 'tokenUrl'] };
  if (typeof flow.tokenUrl !== 'string' || flow.tokenUrl.trim() === '')
    throw docs.problem(urlAt, 'bad-token-url', 'the client-credentials flow has no `tokenUrl`');
  const scopes = isObject(flow.scopes) ? Object.fromEntries(Object.entries(flow.scopes).map(([k, v]) => [k, String(v ?? '')])) : {};
  const description = typeof found.node.description === 'string' ? found.node.description : '';
  return { name: found.name, at: urlAt, tokenUrl: flow.tokenUrl.trim(), scopes, description, node: found.node };
}

/** Whether an operation's security (or the document's) lets the scheme in, and with which scopes. */
export function requirementFor(security: unknown, scheme: string): { allowed: boolean; scopes: string[]; others: string[] } {
  if (!Array.isArray(security)) return { allowed: false, scopes: [], others: [] };
  const others: string[] = [];
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    const names = Object.keys(requirement);
    // An AND-ed requirement that needs another scheme as well cannot be met by this one alone.
    if (names.includes(scheme) && names.length === 1) {
      const scopes = requirement[scheme];
      return { allowed: true, scopes: Array.isArray(scopes) ? scopes.map(String) : [], others: [] };
    }
    others.push(names.length === 0 ? 'no authentication' : names.join(' + '));
  }
  return { allowed: false, scopes: [], others };
}
