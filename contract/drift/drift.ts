// Drift: per endpoint, what the answers held that the description does not say. Built from the
// run's redacted records; names and JSON types only, values only where they break an enum.
import { filterField, type ApiModel, type Endpoint } from '../../model/model.js';
import type { RequestRecord } from '../events.js';
import { endpointOf, templates } from './endpoint-of.js';
import { TOKEN_ENDPOINT } from '../../model/ids.js';
import { documentedStatuses } from '../../model/statuses.js';
import { observe, type Described, type JsonType, type Observation } from './observe.js';
import { documentedPaths } from './schema-shape.js';

export interface FieldDrift {
  path: string;
  types: JsonType[];
  /** In how many answers the path appeared. */
  answers: number;
}

export interface EndpointDrift {
  /** Answers read against a documented schema. */
  answers: number;
  /** Fields the schema does not list, where it lists the object's fields. */
  undocumentedFields: FieldDrift[];
  /** Values outside a documented enum (cut at 64 characters). */
  outOfEnum: { path: string; values: string[] }[];
  undocumentedStatuses: { status: number; answers: number }[];
  undocumentedContentTypes: { contentType: string; answers: number }[];
  /** Rate-limit headers the answers carried (names only): the description documents none. */
  headers: string[];
  /** Fields inside values the description leaves open (an object without properties, an array without items). */
  openFields: FieldDrift[];
  /** Documented fields no answer held. */
  neverSeen: string[];
}

export type DriftReport = Record<string, EndpointDrift>;

const WORTH_KNOWING = /^(retry-after|ratelimit(-.*)?|x-ratelimit-.*)$/i;
const MAX_LIST = 200;

interface Documented {
  statuses: Set<number>;
  /** status -> schema name */
  schemas: Map<number, string>;
  described: Described;
}

export function driftOf(model: ApiModel, requests: readonly RequestRecord[]): DriftReport {
  const known = templates(model);
  const byEndpoint = new Map<string, RequestRecord[]>();
  for (const r of requests) {
    const id = endpointOf(model, r, known);
    if (id && r.status !== undefined) byEndpoint.set(id, [...(byEndpoint.get(id) ?? []), r]);
  }
  const report: DriftReport = {};
  for (const [id, records] of byEndpoint) report[id] = endpointDrift(model, documentedFor(model, id), records);
  return report;
}

function documentedFor(model: ApiModel, id: string): Documented {
  // a rate-limited endpoint may answer 429 whether or not its responses list it
  const documented = documentedStatuses(model, id);
  if (id === TOKEN_ENDPOINT) {
    return { statuses: new Set([...documented, 429]), schemas: new Map([[200, model.auth.responseSchema]]), described: new Map() };
  }
  const resource = model.resources.find((r) => r.endpoints.some((e) => e.id === id))!;
  const endpoint = resource.endpoints.find((e) => e.id === id)!;
  const statuses = new Set([...documented, ...(resource.rateLimit ? [429] : [])]);
  const schemas = new Map(endpoint.responses.filter((r) => r.schema).map((r) => [r.status, r.schema!]));
  return { statuses, schemas, described: describedByFilters(resource.endpoints) };
}

/** Query parameters name the fields they filter on (`probe.agent`, or their `field`): those fields are described, with the parameter's enum. */
function describedByFilters(endpoints: readonly Endpoint[]): Described {
  return new Map(endpoints.flatMap((e) => e.query.map((p) => [filterField(p), p.enum] as const)));
}

function endpointDrift(model: ApiModel, doc: Documented, records: RequestRecord[]): EndpointDrift {
  const observations: Observation[] = [];
  const statuses = new Map<number, number>();
  const types = new Map<string, number>();
  const headers = new Set<string>();
  let schemaName: string | undefined;
  for (const r of records) {
    if (!doc.statuses.has(r.status!)) statuses.set(r.status!, (statuses.get(r.status!) ?? 0) + 1);
    const type = contentTypeOf(r);
    if (type && !isJson(type)) types.set(type, (types.get(type) ?? 0) + 1);
    for (const [name] of r.responseHeaders) if (WORTH_KNOWING.test(name)) headers.add(canonical(name));
    const name = doc.schemas.get(r.status!);
    const body = bodyOf(r);
    if (name && body !== undefined && model.schemas[name]) {
      schemaName = name;
      observations.push(observe(model.schemas[name]!, body, doc.described));
    }
  }
  return {
    answers: observations.length,
    undocumentedFields: fields(observations, (o) => o.undocumented),
    outOfEnum: outOfEnum(observations),
    undocumentedStatuses: [...statuses].sort(([a], [b]) => a - b).map(([status, answers]) => ({ status, answers })),
    undocumentedContentTypes: [...types].sort().map(([contentType, answers]) => ({ contentType, answers })),
    headers: [...headers].sort(),
    openFields: fields(observations, (o) => o.open),
    neverSeen: schemaName ? neverSeen(model, schemaName, observations) : [],
  };
}

function fields(observations: Observation[], pick: (o: Observation) => Map<string, Set<JsonType>>): FieldDrift[] {
  const merged = new Map<string, { types: Set<JsonType>; answers: number }>();
  for (const o of observations) {
    for (const [path, types] of pick(o)) {
      const entry = merged.get(path) ?? { types: new Set(), answers: 0 };
      types.forEach((t) => entry.types.add(t));
      entry.answers += 1;
      merged.set(path, entry);
    }
  }
  return [...merged].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, MAX_LIST).map(([path, e]) => ({ path, types: [...e.types].sort(), answers: e.answers }));
}

function outOfEnum(observations: Observation[]): EndpointDrift['outOfEnum'] {
  const merged = new Map<string, Set<string>>();
  for (const o of observations) for (const [path, values] of o.outOfEnum) values.forEach((v) => merged.set(path, (merged.get(path) ?? new Set()).add(v)));
  return [...merged].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, MAX_LIST).map(([path, values]) => ({ path, values: [...values].sort().slice(0, 20) }));
}

function neverSeen(model: ApiModel, schemaName: string, observations: Observation[]): string[] {
  const schema = model.schemas[schemaName]!;
  const seen = new Set(observations.flatMap((o) => [...o.seen]));
  return [...documentedPaths(schema, [schema])].filter((p) => !seen.has(p)).sort();
}

function contentTypeOf(r: RequestRecord): string | undefined {
  if (r.contentType) return r.contentType;
  const header = r.responseHeaders.find(([name]) => /^content-type$/i.test(name))?.[1];
  return header?.split(';')[0]!.trim().toLowerCase().slice(0, 100) || undefined;
}

const isJson = (type: string) => /^application\/([\w.+-]+\+)?json$/.test(type);

/** The runner's parsed answer, else the redacted body when it is whole JSON. */
function bodyOf(r: RequestRecord): unknown {
  if (r.responseJson !== undefined) return r.responseJson;
  if (r.responseBodyCut || !r.responseBody) return undefined;
  try {
    return JSON.parse(r.responseBody) as unknown;
  } catch {
    return undefined;
  }
}

const canonical = (name: string) => name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** What counts as drift for `--fail-on-drift` and the summary: fields, enum values, statuses and content types the description does not document. */
export function driftCount(report: DriftReport): { fields: number; endpoints: number; findings: number } {
  const entries = Object.values(report);
  const findings = (e: EndpointDrift) => e.undocumentedFields.length + e.outOfEnum.length + e.undocumentedStatuses.length + e.undocumentedContentTypes.length;
  return {
    fields: entries.reduce((n, e) => n + e.undocumentedFields.length, 0),
    endpoints: entries.filter((e) => findings(e) > 0).length,
    findings: entries.reduce((n, e) => n + findings(e), 0),
  };
}
