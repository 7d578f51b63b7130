// Real public documents of each version (Swagger 2.0, OpenAPI 3.0, OpenAPI 3.1; sources and
// licences in tests/fixtures/openapi/README.md), imported with and without flags: every generated
// client, read back through the tool's own reader, carries the token URL, client authentication and
// scope the document and the flags say, and the requests the equivalence test expects.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { convert } from 'insomnia-importers';
import sdk from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { openApiDocuments } from '../../cli/read-openapi.js';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX, type OutputFile } from '../../generators/types.js';
import { type ImportOptions, importOpenApi } from '../../importer/index.js';
import { loadSpec } from '../../loader/index.js';
import { extractBruno } from '../generators/equivalence/bruno.js';
import { type CanonicalEndpoint, type Extractor, expectedForm, locator } from '../generators/equivalence/canonical.js';
import { extractInsomniaV4, extractInsomniaV5 } from '../generators/equivalence/insomnia.js';
import { extractOpenapi } from '../generators/equivalence/openapi.js';
import { extractPostman } from '../generators/equivalence/postman.js';

const lang = createRequire(import.meta.url)('@usebruno/lang') as { collectionBruToJson(text: string): { auth: { oauth2?: Record<string, string> } } };

interface Case {
  name: string;
  file: string;
  options: ImportOptions;
  /** What the document (and the flags) say: the token URL, how the client authenticates (`basic` or `body`), the scope. */
  tokenUrl: string;
  clientAuthentication: 'basic' | 'body';
  scope: string;
  endpoints: number;
}

const CASES: Case[] = [
  {
    name: 'eBay Taxonomy (Swagger 2.0, flow: application)',
    file: 'ebay-taxonomy.swagger.yaml',
    options: {},
    tokenUrl: 'https://api.ebay.com/identity/v1/oauth2/token',
    clientAuthentication: 'basic',
    scope: 'https://api.ebay.com/oauth/api_scope https://api.ebay.com/oauth/api_scope/metadata.insights',
    endpoints: 4,
  },
  {
    name: 'SumUp (OpenAPI 3.0, --client-auth post)',
    file: 'sumup-3.0.json',
    options: { clientAuth: 'post' },
    tokenUrl: 'https://api.sumup.com/token',
    clientAuthentication: 'body',
    scope: 'user.subaccounts members.read transactions.history transactions.read readers.read terminals.read',
    endpoints: 4,
  },
  {
    name: 'Scalar Galaxy (OpenAPI 3.1, four flows in one scheme)',
    file: 'scalar-galaxy-3.1.yaml',
    options: {},
    tokenUrl: 'https://galaxy.scalar.com/oauth/token',
    clientAuthentication: 'basic',
    scope: 'read:account',
    endpoints: 1,
  },
];

const EXTRACTORS: Array<[string, Extractor]> = [
  ['postman', extractPostman],
  ['insomnia-v4', extractInsomniaV4],
  ['insomnia-v5', extractInsomniaV5],
  ['bruno', extractBruno],
  ['openapi', extractOpenapi],
];

function imported(c: Case) {
  const docs = openApiDocuments(c.file, resolve('tests/fixtures/openapi'));
  const { description, report } = importOpenApi(docs, c.options);
  const model = loadSpec(new TextEncoder().encode(stringify(description, { lineWidth: 0 })), `${c.file} (imported)`);
  return { model, report, files: generateAll(model, DEFAULT_CTX) };
}

const text = (files: OutputFile[], path: string) => files.find((f) => f.path === path)?.content ?? '';

/**
 * The data requests (those sent with the token), each query name once: a `repeated` array is
 * listed once per value by the tools, which write names percent-encoded (`statuses%5B%5D`), and
 * under `post` the token request is one of no auth.
 */
function requests(endpoints: CanonicalEndpoint[]) {
  return endpoints.filter((e) => e.auth === 'oauth2').map((e) => ({ ...e, query: [...new Set(e.query.map(decodeURIComponent))] }));
}

/** Every object under `node` (depth first). */
function objects(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(objects);
  if (typeof node !== 'object' || node === null) return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(objects)];
}

/** `{{baseUrl}}/token` with the production environment's values filled in. */
function filled(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(?:_\.)?([A-Za-z_][\w.-]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

describe.each(CASES)('$name', (c) => {
  const { model, report, files } = imported(c);
  const id = model.info.id;
  const production = model.environments.find((e) => e.id === 'production')!;
  const values = { baseUrl: production.baseUrl, ...production.values };

  it.each(EXTRACTORS)('%s carries the data requests, token path and client authentication the document and flags say', (_name, extract) => {
    const form = extract(files, locator(model));
    const expected = expectedForm(model, { tokenRequest: true });
    expect(requests(form.endpoints)).toEqual(requests(expected.endpoints));
    expect(requests(form.endpoints)).toHaveLength(c.endpoints);
    expect(`${production.baseUrl}${form.auth.tokenPath}`).toBe(c.tokenUrl);
    expect(form.auth.clientAuthentication).toBe(c.clientAuthentication);
  });

  it('Postman, read with postman-collection: the token URL, client authentication and scope', () => {
    const collection = new sdk.Collection(JSON.parse(text(files, `${id}.postman_collection.json`)));
    const auth = Object.fromEntries(
      collection
        .auth!.parameters()
        .all()
        .map((p) => [p.key, p.value]),
    );
    expect(filled(String(auth.accessTokenUrl), values)).toBe(c.tokenUrl);
    expect(auth.client_authentication).toBe(c.clientAuthentication === 'basic' ? 'header' : 'body');
    expect(auth.scope).toBe(c.scope);
  });

  it('Insomnia v4, read with insomnia-importers: the token URL, client authentication and scope', async () => {
    const result = await convert(text(files, `${id}.insomnia.json`));
    const resources = result.data.resources as unknown as Array<{ authentication?: Record<string, unknown> }>;
    const oauth = resources.map((r) => r.authentication).filter((a) => a?.type === 'oauth2');
    expect(oauth).toHaveLength(1);
    expect(filled(String(oauth[0]!.accessTokenUrl), values)).toBe(c.tokenUrl);
    expect(oauth[0]!.credentialsInBody).toBe(c.clientAuthentication === 'body');
    expect(oauth[0]!.scope).toBe(c.scope);
  });

  it('Insomnia v5: the token URL, client authentication and scope', () => {
    const oauth = objects(parse(text(files, `${id}.insomnia.yaml`)))
      .map((o) => o.authentication as Record<string, unknown> | undefined)
      .filter((a) => a?.type === 'oauth2') as Record<string, unknown>[];
    expect(oauth).toHaveLength(1);
    expect(filled(String(oauth[0]!.accessTokenUrl), values)).toBe(c.tokenUrl);
    expect(oauth[0]!.credentialsInBody).toBe(c.clientAuthentication === 'body');
    expect(oauth[0]!.scope).toBe(c.scope);
  });

  it('Bruno, read with @usebruno/lang: the token URL, client authentication and scope', () => {
    const oauth = lang.collectionBruToJson(text(files, 'bruno/collection.bru')).auth.oauth2!;
    expect(filled(oauth.accessTokenUrl!, values)).toBe(c.tokenUrl);
    expect(oauth.credentialsPlacement).toBe(c.clientAuthentication === 'basic' ? 'basic_auth_header' : 'body');
    expect(oauth.scope).toBe(c.scope);
  });

  it('keeps no format Postman refuses as unknown (`int64`, `float`): each one dropped and reported', () => {
    const formats = new Set(
      Object.values(model.schemas).flatMap((schema) =>
        objects(schema)
          .map((o) => o.format)
          .filter((f) => typeof f === 'string'),
      ),
    );
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) expect(formats).not.toContain(format);
    const dropped = report.schemaRewrites.filter((r) => /Postman's validator refuses it/.test(r.change)).map((r) => r.change);
    if (c.file !== 'ebay-taxonomy.swagger.yaml')
      expect(dropped).toContain(
        c.file.startsWith('sumup')
          ? "dropped format `float` (Postman's validator refuses it as unknown)"
          : "dropped format `int64` (Postman's validator refuses it as unknown)",
      );
  });

  it('OpenAPI: the client-credentials token URL and its scopes', () => {
    const doc = parse(text(files, `${id}.openapi.yaml`)) as { components: { securitySchemes: Record<string, { flows?: Record<string, unknown> }> } };
    const flows = Object.values(doc.components.securitySchemes).flatMap((s) => (s.flows?.clientCredentials ? [s.flows.clientCredentials] : []));
    expect(flows).toHaveLength(1);
    const flow = flows[0] as { tokenUrl: string; scopes: Record<string, string> };
    expect(flow.tokenUrl).toBe(c.tokenUrl);
    expect(Object.keys(flow.scopes)).toEqual(c.scope.split(' '));
  });
});

describe('Scalar Galaxy servers', () => {
  it('a server whose scheme is a variable (`{protocol}://void.scalar.com/{path}`) is an environment, the variables at their defaults', () => {
    const { model, report } = imported(CASES.find((c) => c.file === 'scalar-galaxy-3.1.yaml')!);
    expect(model.environments.map((e) => [e.id, e.baseUrl])).toEqual([
      ['production', 'https://galaxy.scalar.com'],
      ['void-scalar-com', 'https://void.scalar.com'],
      ['local', 'http://127.0.0.1:4010'],
    ]);
    expect(report.unknowns.join('\n')).not.toMatch(/relative URL/);
  });
});
