// The description's facts OpenAPI has no field for, as `x-` extensions, so that importing the export
// gives back the same description (tests/importer/round-trip.test.ts): each environment's id, values
// and moved resource paths, each resource's id and paths, each endpoint's captures, requirements,
// list or fetch-one shape and full examples, and the contract's budget and cases.
import { listFact } from './list-fact.js';
import { findEndpoint, type ApiModel, type ContractCase, type Endpoint, type Environment, type Resource } from '../../model/model.js';
import type { RawSpec } from '../../loader/raw.js';

type Extensions = Record<string, unknown>;

const nonEmpty = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));

/**
 * `x-environment` on a server: the environment's id, its token host when it has one of its own (`tokenBaseUrl`, a
 * template such as `https://{tenant}.login.example`), its non-empty values and the resource paths it moves.
 */
export function environmentFacts(model: ApiModel, env: Environment): Extensions {
  const values = nonEmpty(env.values);
  const moved = Object.fromEntries(model.resources.filter((r) => env.resourcePaths[r.id] !== r.basePath).map((r) => [r.id, env.resourcePaths[r.id]!]));
  return {
    'x-environment': {
      id: env.id,
      ...(env.tokenBaseUrl !== env.baseUrl ? { tokenBaseUrl: env.tokenBaseUrl } : {}),
      ...(Object.keys(moved).length ? { resourcePaths: moved } : {}),
      ...(Object.keys(values).length ? { values } : {}),
    },
  };
}

/** `x-resource` on a resource's tag: its id, its base path and the part of its path keys before each endpoint's path. */
export function resourceFacts(resource: Resource, pathPrefix: string): Extensions {
  return { 'x-resource': { id: resource.id, basePath: resource.basePath, pathPrefix } };
}

/** On an operation: what the contract run takes from or needs before it, its list or fetch-one shape, and its examples whole. */
export function endpointFacts(endpoint: Endpoint): Extensions {
  return {
    ...(Object.keys(endpoint.capture).length ? { 'x-capture': { ...endpoint.capture } } : {}),
    ...(endpoint.requires.length ? { 'x-requires': [...endpoint.requires] } : {}),
    ...(endpoint.list ? { 'x-list': listFact(endpoint.list) } : {}),
    ...(endpoint.item ? { 'x-item': { ...endpoint.item } } : {}),
    ...(endpoint.examples.length
      ? {
          'x-examples': endpoint.examples.map((e) => ({
            name: e.name,
            status: e.status,
            ...(Object.keys(e.query).length ? { query: { ...e.query } } : {}),
            ...(Object.keys(e.pathParams).length ? { pathParams: { ...e.pathParams } } : {}),
            body: e.body,
          })),
        }
      : {}),
  };
}

function rawCase(model: ApiModel, c: ContractCase): RawSpec['contract']['cases'][number] {
  const { target, expect } = c;
  const expected = {
    status: expect.status,
    ...(expect.json ? { json: true } : {}),
    ...(expect.schema ? { schema: true } : {}),
    ...(expect.page ? { page: rawPage(model, c, expect.page.limit) } : {}),
    ...(expect.everyItem ? { everyItem: expect.everyItem } : {}),
  };
  const on =
    target.kind === 'token'
      ? { token: { credentials: target.credentials } }
      : {
          endpoint: target.endpoint,
          ...(target.auth !== 'inherit' ? { auth: target.auth } : {}),
          ...(Object.keys(target.query).length ? { query: target.query } : {}),
          ...(Object.keys(target.pathParams).length ? { pathParams: target.pathParams } : {}),
          ...(target.body !== undefined ? { body: target.body } : {}),
        };
  return { id: c.id, name: c.name, ...(c.basis ? { basis: c.basis } : {}), ...on, expect: expected };
}

/**
 * A paging case as written, with the endpoint's `items` and body `total` repeated as the format still
 * accepts them: only names its older `expect.page` keys can hold (camel-case ids), since `list` takes
 * more (`total_items`, `meta.count`) and the loader reads them from the endpoint's `list` anyway.
 */
function rawPage(model: ApiModel, c: ContractCase, limit: number): { items?: string; total?: string; limit: number } {
  const list = c.target.kind === 'endpoint' ? findEndpoint(model, c.target.endpoint)?.endpoint.list : undefined;
  const items = list?.items;
  const total = list?.total?.in === 'body' ? list.total.field : undefined;
  return {
    ...(items !== undefined && OLDER_PAGE_KEY.test(items) ? { items } : {}),
    ...(total !== undefined && OLDER_PAGE_KEY.test(total) ? { total } : {}),
    limit,
  };
}

/** spec/format.schema.json `identifier`, the pattern of `expect.page.items` and `.total`. */
const OLDER_PAGE_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** `x-contract` at the root: the response-time budget and the contract cases. */
export function contractFacts(model: ApiModel): Extensions {
  return { 'x-contract': { responseTimeMs: model.contract.responseTimeMs, cases: model.contract.cases.map((c) => rawCase(model, c)) } };
}
