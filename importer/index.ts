// An OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1) -> a description in the format, and a
// report of everything kept, skipped, guessed and rewritten. Pure: the caller hands in a reader
// for the document and the files its `$ref`s name, and writes the result.
import { upperSnake } from '../contract/target.js';
import type { RawEndpoint, RawSpec } from '../loader/raw.js';
import { emptyReport, type ImportContext, type ImportOptions, type ImportReport } from './context.js';
import { type At, type Documents, isObject } from './documents.js';
import { SERVERS_NOTE } from '../generators/openapi/document.js';
import { exampleValidator, validBodyExample, validExamples } from './examples.js';
import { contractFacts, environmentFacts, rateLimitFact, resourceFacts, schemeFacts, type SchemeFacts } from './kit-facts.js';
import { markListsAndItems } from './lists.js';
import { NameBook, slug, text } from './names.js';
import { operationsOf, type EndpointDraft } from './operations.js';
import { groupResources, type ResourceDraft } from './resources.js';
import { SchemaBook, TOKEN_RESPONSE } from './schemas.js';
import { pickScheme, type Scheme } from './security.js';
import { environmentId, serversOf, type Server } from './servers.js';
import { tokenPath } from './token-url.js';
import { versionOf } from './version.js';

export { Documents } from './documents.js';
export { ImportError, type ImportProblem } from './problems.js';
export type { ImportOptions, ImportReport } from './context.js';

export interface Imported {
  description: RawSpec;
  report: ImportReport;
}

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export function importOpenApi(docs: Documents, options: ImportOptions): Imported {
  const version = versionOf(docs);
  const ctx: ImportContext = { docs, version, options, report: emptyReport(docs.main, version) };
  const scheme = pickScheme(docs, version, options.scheme);
  ctx.report.scheme = scheme.name;
  const servers = serversOf(docs, version);
  const facts = schemeFacts(scheme.node);
  const token = facts.path
    ? { path: facts.path, unknowns: [], notes: [`the token path \`${facts.path}\` as \`x-token-path\` states it`] }
    : tokenPath(scheme.tokenUrl, servers);
  if (typeof token === 'string') throw docs.problem(scheme.at, 'bad-token-url', token);
  ctx.report.unknowns.push(...token.unknowns);
  ctx.report.notes.push(...token.notes);

  const endpointIds = new NameBook('endpoint id', ctx.report.renamed);
  const drafts = operationsOf(ctx, scheme.name, endpointIds);
  const root = docs.root as Record<string, unknown>;
  const resources = groupResources(ctx, drafts, servers[0]?.basePath ?? '', new NameBook('resource id', ctx.report.renamed), resourceFacts(root));
  if (resources.length === 0)
    throw docs.problem({ file: docs.main, path: ['paths'] }, 'nothing-to-import', `no operation can be imported: ${summarizeSkips(ctx.report)}`);

  const book = new SchemaBook(ctx);
  const endpoints = new Map<EndpointDraft, RawEndpoint>();
  for (const draft of resources.flatMap((r) => r.endpoints)) {
    const responses = draft.responses.map((r) => ({
      status: r.status,
      description: r.description,
      ...(r.schemaAt ? { schema: { $ref: `#/schemas/${book.nameOfBody(r.schemaAt, `${pascal(draft.endpoint.id)}${r.status}`)}` } } : {}),
    }));
    const body = draft.requestBody;
    const requestBody = body && {
      required: body.required,
      schema: { $ref: `#/schemas/${book.nameOfBody(body.schemaAt, `${pascal(draft.endpoint.id)}Request`)}` },
      ...(body.description ? { description: body.description } : {}),
    };
    endpoints.set(draft, { ...draft.endpoint, ...(requestBody ? { requestBody } : {}), responses });
  }
  const tokenSchema = tokenAnswerAt(docs, facts.path);
  if (tokenSchema) book.nameAs(tokenSchema, 'TokenResponse');
  book.drain();
  const schemas = { TokenResponse: TOKEN_RESPONSE, ...book.schemas };
  const validator = exampleValidator(schemas);
  const examples = validExamples(ctx, validator);
  const bodyExample = validBodyExample(ctx, validator);
  for (const [draft, endpoint] of endpoints) {
    const kept = draft.facts.examples ?? examples(endpoint, draft.responses);
    if (endpoint.requestBody && draft.requestBody && 'example' in draft.requestBody && bodyExample(endpoint, draft.requestBody.example))
      endpoint.requestBody.example = draft.requestBody.example;
    Object.assign(endpoint, draft.facts);
    if (kept) endpoint.examples = kept;
  }
  const headersOf = new Map(
    [...endpoints].map(([draft, endpoint]) => [endpoint, draft.responses.find((r) => r.status >= 200 && r.status < 300)?.headers ?? []]),
  );
  for (const resource of resources.filter((r) => !r.stated))
    markListsAndItems(
      ctx,
      resource.endpoints.map((d) => endpoints.get(d)!),
      schemas,
      (e) => headersOf.get(e) ?? [],
    );

  const envs = environmentFacts(root.servers) ?? environments(ctx, servers, 'tokenBaseUrl' in token ? token.tokenBaseUrl : undefined);
  const statedUnknowns =
    isObject(root.info) && Array.isArray(root.info['x-unknowns']) ? root.info['x-unknowns'].filter((u): u is string => typeof u === 'string') : [];
  const description: RawSpec = {
    format: 1,
    info: info(ctx),
    environments: envs.some((e) => e.id === 'local') ? envs : [...envs, local(token.path, headerVariables(ctx, drafts))],
    auth: auth(ctx, scheme, facts, token.path, drafts),
    resources: resources.map((r) => resource(r, endpoints, servers)),
    schemas: schemas as RawSpec['schemas'],
    contract: contractFacts(root) ?? contract(ctx),
    unknowns: [...statedUnknowns, ...ctx.report.unknowns],
  };
  return { description, report: ctx.report };
}

function info(ctx: ImportContext): RawSpec['info'] {
  const root = ctx.docs.root as Record<string, unknown>;
  const info = isObject(root.info) ? root.info : {};
  const title = text(info.title, 'Imported API');
  const statedId = typeof info['x-id'] === 'string' && /^[a-z][a-z0-9-]*$/.test(info['x-id']) ? info['x-id'] : undefined;
  const id = ctx.options.id ?? statedId ?? slug(title, 'api');
  if (!ctx.options.id && !statedId && id !== title) ctx.report.renamed.push({ kind: 'info id', from: title, to: id });
  const envPrefix = typeof info['x-env-prefix'] === 'string' && /^[A-Z][A-Z0-9_]*$/.test(info['x-env-prefix']) ? { envPrefix: info['x-env-prefix'] } : {};
  const docs =
    isObject(root.externalDocs) && typeof root.externalDocs.url === 'string' && /^https?:\/\//.test(root.externalDocs.url)
      ? { docs: root.externalDocs.url }
      : {};
  const own = typeof info.description === 'string' ? withoutServersNote(info.description) : '';
  const description = own.trim() ? { description: own } : {};
  return { id, name: title, version: text(info.version === undefined ? undefined : String(info.version), 'unknown'), ...docs, ...description, ...envPrefix };
}

/** The description without the note on moved resources the kit's export appends (the environments state it). */
function withoutServersNote(description: string): string {
  const at = description.indexOf(`\n\n${SERVERS_NOTE}`);
  return at < 0 ? description : description.slice(0, at);
}

function environments(ctx: ImportContext, servers: Server[], tokenBaseUrl: string | undefined): RawSpec['environments'] {
  const taken = new Set<string>(['local']);
  const out: RawSpec['environments'] = [];
  const first = servers[0]?.basePath ?? '';
  servers.forEach((server, i) => {
    if (!server.origin) {
      ctx.report.unknowns.push(
        `The server \`${server.url}\` is not an environment: ${server.unusable ?? 'no host'}. The format cannot express host variables yet; set the base URL of a run with <PREFIX>_BASE_URL.`,
      );
      return;
    }
    if (server.hostDefaults.length)
      ctx.report.unknowns.push(
        `The server \`${server.url}\` has host variables, fixed to their defaults (${server.hostDefaults.join(', ')}); the format cannot express host variables yet.`,
      );
    if (server.basePath !== first)
      ctx.report.warnings.push(
        `the server \`${server.url}\` has another base path (${server.basePath || '/'}) than the first; its environment uses the first server's resource paths`,
      );
    const id = environmentId(server, i, taken);
    out.push({ id, name: text(server.description, `${id} (${server.origin})`), baseUrl: server.origin, ...(tokenBaseUrl ? { tokenBaseUrl } : {}) });
  });
  if (out.length === 0)
    ctx.report.warnings.push('no server names a usable host: the only environment is the local reference server; set <PREFIX>_BASE_URL to run against the API');
  return out;
}

/** The embedded reference server's environment, which a contract run without a base URL uses, with its public demo values. */
function local(tokenPath: string, headers: Record<string, string>): RawSpec['environments'][number] {
  const variables = [...tokenPath.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!).filter((name) => name !== 'clientId');
  const values = Object.fromEntries([['clientId', 'demo-client'], ...variables.map((name) => [name, 'demo']), ...Object.entries(headers)]);
  return { id: 'local', name: 'Local reference server', baseUrl: 'http://127.0.0.1:4010', values };
}

/** The variables request headers are sent from, with their local values; each one is a setting a run against the API needs. */
function headerVariables(ctx: ImportContext, drafts: EndpointDraft[]): Record<string, string> {
  const variables: Record<string, string> = Object.assign({}, ...drafts.map((d) => d.variables));
  for (const name of Object.keys(variables))
    ctx.report.unknowns.push(
      `The header variable \`{${name}}\` has a value only on the local reference server; give it for a run against the API (<PREFIX>_${upperSnake(name)}).`,
    );
  return variables;
}

function auth(ctx: ImportContext, scheme: Scheme, facts: SchemeFacts, path: string, drafts: EndpointDraft[]): RawSpec['auth'] {
  const { options, report } = ctx;
  const stated = facts.clientAuthentication ?? (/client_secret=/.test(scheme.description) ? 'post' : undefined);
  const clientAuthentication = options.clientAuth ?? stated ?? 'basic';
  if (!options.clientAuth && stated)
    report.notes.push(
      facts.clientAuthentication
        ? `client authentication: \`${stated}\`, as \`x-client-authentication\` states`
        : "client authentication: `post`, as the scheme's description sends `client_secret=` in the form",
    );
  if (!options.clientAuth && !stated)
    guess(ctx, 'How the client authenticates at the token endpoint is not stated; HTTP Basic (`basic`) was assumed. Give --client-auth basic|post.');
  const lifetimeSeconds = options.tokenLifetime ?? facts.lifetimeSeconds ?? 3600;
  if (options.tokenLifetime === undefined && facts.lifetimeSeconds === undefined)
    guess(ctx, 'The token lifetime is not stated; 3600 seconds was assumed. Give --token-lifetime SECONDS.');
  const refreshToken = options.refreshToken ?? facts.refreshToken ?? false;
  if (options.refreshToken === undefined && facts.refreshToken === undefined)
    guess(
      ctx,
      'Whether the token answer holds a refresh token is not stated; none was assumed (client credentials usually issue none). Give --refresh-token yes|no.',
    );
  const rateLimit = options.tokenRateLimit ? { ...options.tokenRateLimit, per: ['ip'] } : facts.rateLimit;
  if (!rateLimit)
    report.notes.push(
      'token rate limit: none written, as the document states none (the token endpoint is not paced; a `429` is still waited for). Give --token-rate-limit REQUESTS/SECONDS when the docs state one.',
    );
  const scope = scopes(ctx, scheme, drafts);
  const description = tokenOperationDescription(ctx.docs, facts.path) ?? scheme.description;
  return {
    flow: 'client_credentials',
    method: 'POST',
    path,
    clientAuthentication,
    body: 'form',
    ...(scope ? { scope } : {}),
    tokenPrefix: 'Bearer',
    ...facts.rest,
    lifetimeSeconds,
    refreshToken,
    ...(rateLimit ? { rateLimit } : {}),
    response: { schema: { $ref: '#/schemas/TokenResponse' } },
    ...(description.trim() ? { description } : {}),
  } as RawSpec['auth'];
}

/** The token operation at the path `x-token-path` states, when the document documents it. */
function tokenOperation(docs: Documents, path: string | undefined): { node: Record<string, unknown>; at: At } | undefined {
  if (path === undefined) return undefined;
  const at = { file: docs.main, path: ['paths', path, 'post'] };
  const node = docs.valueAt(at);
  return isObject(node) ? { node, at } : undefined;
}

function tokenOperationDescription(docs: Documents, path: string | undefined): string | undefined {
  const op = tokenOperation(docs, path)?.node;
  return op && typeof op.description === 'string' ? op.description : undefined;
}

/** Where the token operation's JSON 200 answer schema is, which then names `TokenResponse`. */
function tokenAnswerAt(docs: Documents, path: string | undefined): At | undefined {
  const op = tokenOperation(docs, path);
  if (!op) return undefined;
  const at = { file: op.at.file, path: [...op.at.path, 'responses', '200', 'content', 'application/json', 'schema'] };
  return isObject(docs.valueAt(at)) ? at : undefined;
}

function scopes(ctx: ImportContext, scheme: Scheme, drafts: EndpointDraft[]): string | undefined {
  const union = [...new Set(drafts.flatMap((d) => d.scopes))];
  const undeclared = union.filter((s) => !(s in scheme.scopes));
  if (undeclared.length) ctx.report.warnings.push(`operations ask for scopes the scheme does not declare: ${undeclared.join(', ')}`);
  const usable = union.filter((s) => SCOPE_TOKEN.test(s));
  if (usable.length !== union.length)
    ctx.report.warnings.push(
      `scopes that are not RFC 6749 scope tokens were left out: ${union
        .filter((s) => !usable.includes(s))
        .map((s) => JSON.stringify(s))
        .join(', ')}`,
    );
  return usable.length ? usable.join(' ') : undefined;
}

function resource(draft: ResourceDraft, endpoints: Map<EndpointDraft, RawEndpoint>, _servers: Server[]): RawSpec['resources'][number] {
  const description = draft.stated?.description ? { description: draft.stated.description } : {};
  const rateLimit = draft.stated && draft.endpoints[0] ? rateLimitFact(draft.endpoints[0].operation) : undefined;
  return {
    id: draft.id,
    name: draft.name,
    basePath: draft.basePath,
    ...description,
    ...(rateLimit ? { rateLimit } : {}),
    endpoints: draft.endpoints.map((d) => endpoints.get(d)!),
  };
}

function contract(ctx: ImportContext): RawSpec['contract'] {
  const responseTimeMs = ctx.options.responseTimeMs ?? 10_000;
  if (ctx.options.responseTimeMs === undefined) guess(ctx, 'No response-time budget is stated; 10000 ms was assumed. Give --response-time MS.');
  return { responseTimeMs, cases: [] };
}

function guess(ctx: ImportContext, sentence: string): void {
  ctx.report.guesses.push(sentence);
  ctx.report.unknowns.push(`Guessed: ${sentence}`);
}

function pascal(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export function summarizeSkips(report: ImportReport): string {
  const byReason = new Map<string, number>();
  for (const s of report.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  const total = report.kept.length + report.skipped.length;
  if (total === 0) return 'the document has no operations';
  return [...byReason].map(([reason, n]) => `${n} of ${total} ${reason}`).join('; ');
}
