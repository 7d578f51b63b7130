// Coverage: per endpoint (the token endpoint included), whether the run called it, which of its
// documented statuses it answered with, which documented query parameters it was sent, and the
// contract cases that touched it; plus one percentage over all of that (see `coveragePercent`).
import type { ApiModel } from '../../model/model.js';
import { caseOf, endpointOf, templates } from '../drift/endpoint-of.js';
import { TOKEN_ENDPOINT } from '../../model/ids.js';
import { documentedStatuses } from '../../model/statuses.js';
import type { RequestRecord } from '../events.js';

export interface EndpointCoverage {
  name: string;
  requests: number;
  called: boolean;
  statuses: { documented: number[]; seen: number[] };
  query: { documented: string[]; exercised: string[] };
  cases: string[];
  /** Points this endpoint scores, of how many (see coveragePercent). */
  points: { covered: number; total: number };
}

export interface CoverageReport {
  /** Of every point over all endpoints, the share covered, rounded down to one decimal. */
  percent: number;
  definition: string;
  endpoints: Record<string, EndpointCoverage>;
}

/** 429 is documented, but a paced run avoids it on purpose: it is shown, never counted. */
const NOT_COUNTED = new Set([429]);

export const COVERAGE_DEFINITION =
  'For every endpoint (the token endpoint included): one point for being called, one for each documented status (429 excepted) it answered with, one for each documented query parameter it was sent; the percentage is the points scored over the points possible.';

interface Documented {
  id: string;
  name: string;
  statuses: number[];
  query: string[];
}

function documented(model: ApiModel): Documented[] {
  const token = { id: TOKEN_ENDPOINT, name: 'Token endpoint', statuses: documentedStatuses(model, TOKEN_ENDPOINT), query: [] };
  const data = model.resources.flatMap((r) =>
    r.endpoints.map((e) => ({ id: e.id, name: e.name, statuses: documentedStatuses(model, e.id), query: e.query.map((q) => q.name) })),
  );
  return [token, ...data];
}

export function coverageOf(model: ApiModel, requests: readonly RequestRecord[]): CoverageReport {
  const known = templates(model);
  const endpoints: Record<string, EndpointCoverage> = {};
  for (const doc of documented(model)) {
    const records = requests.filter((r) => endpointOf(model, r, known) === doc.id);
    endpoints[doc.id] = endpointCoverage(model, doc, records);
  }
  const all = Object.values(endpoints);
  const covered = all.reduce((n, e) => n + e.points.covered, 0);
  const total = all.reduce((n, e) => n + e.points.total, 0);
  return { percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10, definition: COVERAGE_DEFINITION, endpoints };
}

function endpointCoverage(model: ApiModel, doc: Documented, records: RequestRecord[]): EndpointCoverage {
  const seen = [...new Set(records.flatMap((r) => (r.status === undefined ? [] : [r.status])))].sort((a, b) => a - b);
  const sent = new Set(records.flatMap((r) => queryNames(r.url)));
  const exercised = doc.query.filter((q) => sent.has(q));
  const cases = [...new Set(records.flatMap((r) => caseOf(model, r)?.id ?? []))].sort();
  const counted = doc.statuses.filter((s) => !NOT_COUNTED.has(s));
  const called = records.some((r) => r.status !== undefined);
  return {
    name: doc.name,
    requests: records.length,
    called,
    statuses: { documented: doc.statuses, seen },
    query: { documented: doc.query, exercised },
    cases,
    points: { covered: (called ? 1 : 0) + counted.filter((s) => seen.includes(s)).length + exercised.length, total: 1 + counted.length + doc.query.length },
  };
}

function queryNames(url: string): string[] {
  try {
    return [...new URL(url).searchParams.keys()];
  } catch {
    return [];
  }
}
