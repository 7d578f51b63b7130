// Drift: per endpoint, what the answers held that the description does not say. Built from the
// run's redacted records; names and JSON types only, values only where they break an enum.
import { filterField, type ApiModel, type Endpoint } from '../../model/model.js';
import type { RequestRecord } from '../events.js';
import { endpointOf, templates } from './endpoint-of.js';
import { TOKEN_ENDPOINT } from '../../model/ids.js';
import { documentedStatuses } from '../../model/statuses.js';
import type { JsonType } from './json-type.js';
import { observe, type Described } from './observe.js';
import { emptyTally, type EndpointTally, type PathTally, type ValueTally } from './tally.js';
import { documentedPaths } from './schema-shape.js';

export interface FieldDrift {
  path: string;
  types: JsonType[];
  /** In how many answers the path appeared. */
  answers: number;
}

/** A list shown in part: how many entries it shows, of how many were found; `atLeast` when there were more than drift could count. */
export interface ListCut {
  shown: number;
  total: number;
  atLeast?: true;
}

/** Answers drift could not read against their documented schema, by status and why. */
export interface Unread {
  status: number;
  reason: string;
  answers: number;
}

export interface EndpointDrift {
  /** Answers read against a documented schema. */
  answers: number;
  /** Answers that have a documented schema but could not be read: their drift is unknown. */
  unread: Unread[];
  /** Fields the schema does not list, where it lists the object's fields. */
  undocumentedFields: FieldDrift[];
  /** Values outside a documented enum (cut at 64 characters); `valuesCut` when not all are shown. */
  outOfEnum: { path: string; values: string[]; valuesCut?: ListCut }[];
  undocumentedStatuses: { status: number; answers: number }[];
  undocumentedContentTypes: { contentType: string; answers: number }[];
  /** Rate-limit headers the answers carried (names only): the description documents none. */
  headers: string[];
  /** Fields inside values the description leaves open (an object without properties, an array without items). */
  openFields: FieldDrift[];
  /** Documented fields no answer held. */
  neverSeen: string[];
  /** The lists shown in part, by name; absent when every list is whole. */
  cut?: Partial<Record<'undocumentedFields' | 'outOfEnum' | 'openFields', ListCut>>;
}

export type DriftReport = Record<string, EndpointDrift>;

const WORTH_KNOWING = /^(retry-after|ratelimit(-.*)?|x-ratelimit-.*)$/i;
const MAX_LIST = 200;
const MAX_VALUES = 20;

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
  // a rate-limited endpoint may answer 429 whether or not its responses list it; one without a documented limit may not
  const documented = documentedStatuses(model, id);
  if (id === TOKEN_ENDPOINT) {
    return {
      statuses: new Set([...documented, ...(model.auth.rateLimit ? [429] : [])]),
      schemas: new Map([[200, model.auth.responseSchema]]),
      described: new Map(),
    };
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
  const tally = emptyTally();
  const unread = new Map<string, Unread>();
  const statuses = new Map<number, number>();
  const types = new Map<string, number>();
  const headers = new Set<string>();
  let documented: { name: string; paths: Set<string> } | undefined;
  for (const r of records) {
    if (!doc.statuses.has(r.status!)) statuses.set(r.status!, (statuses.get(r.status!) ?? 0) + 1);
    const type = contentTypeOf(r);
    if (type && !isJson(type)) types.set(type, (types.get(type) ?? 0) + 1);
    for (const [name] of r.responseHeaders) if (WORTH_KNOWING.test(name)) headers.add(canonical(name));
    const name = doc.schemas.get(r.status!);
    const schema = name === undefined ? undefined : model.schemas[name];
    if (!schema) continue;
    const paths = documented && documented.name === name ? documented.paths : documentedPaths(schema, [schema]);
    documented = { name: name!, paths };
    const body = bodyOf(r);
    if (body === undefined) noteUnread(unread, r);
    else observe(tally, { root: schema, body, described: doc.described, documented: paths });
  }
  const undocumentedFields = fields(tally.undocumented);
  const openFields = fields(tally.open);
  const outOfEnum = enumValues(tally.outOfEnum);
  const cut = { ...named('undocumentedFields', undocumentedFields.cut), ...named('outOfEnum', outOfEnum.cut), ...named('openFields', openFields.cut) };
  return {
    answers: tally.answers,
    unread: [...unread.values()].sort((a, b) => a.status - b.status || (a.reason < b.reason ? -1 : 1)),
    undocumentedFields: undocumentedFields.list,
    outOfEnum: outOfEnum.list,
    undocumentedStatuses: [...statuses].sort(([a], [b]) => a - b).map(([status, answers]) => ({ status, answers })),
    undocumentedContentTypes: [...types].sort().map(([contentType, answers]) => ({ contentType, answers })),
    headers: [...headers].sort(),
    openFields: openFields.list,
    neverSeen: documented ? neverSeen(documented.paths, tally) : [],
    ...(Object.keys(cut).length > 0 ? { cut } : {}),
  };
}

/** An answer with a documented schema and no JSON to read it by: empty, or not JSON. */
function noteUnread(unread: Map<string, Unread>, r: RequestRecord): void {
  const reason = r.responseBody ? 'its body is not JSON' : 'its body is empty';
  const key = `${r.status} ${reason}`;
  const entry = unread.get(key) ?? { status: r.status!, reason, answers: 0 };
  entry.answers += 1;
  unread.set(key, entry);
}

const named = <K extends string>(name: K, cut: ListCut | undefined) => (cut ? ({ [name]: cut } as Record<K, ListCut>) : {});

/** The first `max` of `total` entries; the cut when some are left out. */
function shownOf<T>(sorted: T[], full: boolean, max = MAX_LIST): { list: T[]; cut?: ListCut } {
  const list = sorted.slice(0, max);
  if (list.length === sorted.length && !full) return { list };
  return { list, cut: { shown: list.length, total: sorted.length, ...(full ? { atLeast: true as const } : {}) } };
}

const byPath = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : 1);

function fields(tally: PathTally): { list: FieldDrift[]; cut?: ListCut } {
  const sorted = [...tally.entries].sort(byPath).map(([path, e]) => ({ path, types: [...e.types].sort(), answers: e.answers }));
  return shownOf(sorted, tally.full);
}

function enumValues(tally: ValueTally): { list: EndpointDrift['outOfEnum']; cut?: ListCut } {
  const sorted = [...tally.byPath].sort(byPath).map(([path, e]) => {
    const values = shownOf([...e.values].sort(), e.full, MAX_VALUES);
    return { path, values: values.list, ...(values.cut ? { valuesCut: values.cut } : {}) };
  });
  return shownOf(sorted, tally.full);
}

function neverSeen(documented: Set<string>, tally: EndpointTally): string[] {
  return [...documented].filter((p) => !tally.seen.has(p)).sort();
}

function contentTypeOf(r: RequestRecord): string | undefined {
  if (r.contentType) return r.contentType;
  const header = r.responseHeaders.find(([name]) => /^content-type$/i.test(name))?.[1];
  return header?.split(';')[0]?.trim().toLowerCase().slice(0, 100) || undefined;
}

const isJson = (type: string) => /^application\/([\w.+-]+\+)?json$/.test(type);

/** The runner's parsed answer (the whole answer, at any depth), else the body when it is whole JSON. */
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

/** What counts as drift for `--fail-on-drift` and the summary: fields, enum values, statuses and content types the description does not document, and answers drift could not read. */
export function driftCount(report: DriftReport): { fields: number; endpoints: number; findings: number; unread: number } {
  const entries = Object.values(report);
  const fieldCount = (e: EndpointDrift) => e.cut?.undocumentedFields?.total ?? e.undocumentedFields.length;
  const unread = (e: EndpointDrift) => e.unread.reduce((n, u) => n + u.answers, 0);
  const findings = (e: EndpointDrift) =>
    fieldCount(e) + (e.cut?.outOfEnum?.total ?? e.outOfEnum.length) + e.undocumentedStatuses.length + e.undocumentedContentTypes.length + unread(e);
  return {
    fields: entries.reduce((n, e) => n + fieldCount(e), 0),
    endpoints: entries.filter((e) => findings(e) > 0).length,
    findings: entries.reduce((n, e) => n + findings(e), 0),
    unread: entries.reduce((n, e) => n + unread(e), 0),
  };
}

/** Why `--fail-on-drift` fails the run: the answers drifted, or drift could not read some of them (so they may have). */
export function driftGate(report: DriftReport): string[] {
  const { findings, unread } = driftCount(report);
  return [
    ...(findings > unread ? ['--fail-on-drift: the answers drifted from the description'] : []),
    ...(unread > 0 ? [`--fail-on-drift: drift could not read ${unread} answer${unread === 1 ? '' : 's'}, so they may have drifted unseen`] : []),
  ];
}
