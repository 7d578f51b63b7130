// bru's JSON report (--reporter-json) turned into the kit's records, through the run's Redactor,
// so the terminal summary, JUnit, HTML, drift and coverage read a `bru run` as they read newman's.
// Every value of the report is from the network or from bru: each is redacted and made printable.
import { keptWhole } from './request-record.js';
import type { AssertionRecord, RequestRecord } from './events.js';
import { printable } from './printable.js';
import type { Redactor } from './redact.js';
import { withoutQuery, type ItemTarget } from './request-kinds.js';

interface BruCheck {
  description?: string;
  lhsExpr?: string;
  rhsExpr?: string;
  status?: string;
  error?: string;
}

export interface BruResult {
  test?: { filename?: string };
  request?: { method?: string; url?: string; headers?: Record<string, unknown> };
  response?: { status?: unknown; statusText?: string; headers?: Record<string, unknown>; data?: unknown; responseTime?: number };
  error?: string | null;
  status?: string;
  testResults?: BruCheck[];
  assertionResults?: BruCheck[];
  preRequestTestResults?: BruCheck[];
  postResponseTestResults?: BruCheck[];
}

export interface BruIteration {
  results?: BruResult[];
}

export interface BruItem {
  request?: RequestRecord;
  assertions: AssertionRecord[];
  /** Set when bru did not send the item's request (its script skipped it). */
  skipped?: string;
}

/** `Folder / Request`, as newman's items are named, from bru's `Folder/Request.bru`. */
export const bruItemName = (filename: string) =>
  filename
    .replace(/\.bru$/, '')
    .split('/')
    .join(' / ');

/** bru's own race: a request judged on an empty answer (no status, no error) while its token fetch was under way. */
export const bruRace = (results: readonly BruResult[]) => results.some((r) => r.status !== 'skipped' && !r.error && typeof r.response?.status !== 'number');

export function bruItem(result: BruResult, context: { tokenUrl: string; targets: ReadonlyMap<string, ItemTarget>; redactor: Redactor }): BruItem {
  // the name is the committed file's (not the network's), shown as newman shows the item's name
  const item = printable(bruItemName(result.test?.filename ?? ''));
  if (result.status === 'skipped') return { assertions: [], skipped: 'skipped by its script' };
  const request = requestOf(result, item, context);
  return { request, assertions: checksOf(result).map((c) => assertionOf(c, item, context.redactor)) };
}

function requestOf(result: BruResult, item: string, { tokenUrl, targets, redactor }: Parameters<typeof bruItem>[1]): RequestRecord {
  const url = String(result.request?.url ?? '');
  const tokenRequest = withoutQuery(url) === withoutQuery(tokenUrl);
  const response = result.response;
  const body = response?.data === undefined ? undefined : typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
  if (tokenRequest && body) redactor.addFromTokenBody(body);
  const target = targets.get(bruItemName(result.test?.filename ?? ''));
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const responseHeaders = headersOf(response?.headers, redactor);
  const contentType = responseHeaders
    .find(([name]) => /^content-type$/i.test(name))?.[1]
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  return {
    item,
    ...(target ? { endpoint: target.endpoint, ...(target.caseId ? { caseId: target.caseId } : {}) } : {}),
    method: printable(redactor.text(String(result.request?.method ?? ''))),
    url: printable(redactor.text(url)),
    requestHeaders: headersOf(result.request?.headers, redactor),
    responseHeaders,
    ...(status === undefined
      ? {}
      : {
          status,
          statusText: printable(redactor.text(String(response?.statusText ?? ''))),
          ...(typeof response?.responseTime === 'number' ? { responseTimeMs: response.responseTime } : {}),
          ...(contentType ? { contentType } : {}),
          ...(body === undefined ? {} : keptWhole(body, redactor)),
        }),
    ...(result.error ? transportError(String(result.error), redactor) : {}),
    tokenRequest,
    at: Date.now(),
  };
}

/** bru reports a transport error as text only (`connect ECONNREFUSED 127.0.0.1:9`): its code is read from it. */
const ERROR_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+|CERT_[A-Z_]+|[A-Z_]+_CERT(?:_[A-Z_]+)?|UNABLE_TO_[A-Z_]+|HOSTNAME_MISMATCH)\b/;

function transportError(error: string, redactor: Redactor): Pick<RequestRecord, 'error' | 'errorCode'> {
  const shown = printable(redactor.text(error));
  const code = ERROR_CODE.exec(shown)?.[1];
  return { error: shown, ...(code ? { errorCode: code } : {}) };
}

function headersOf(headers: Record<string, unknown> | undefined, redactor: Redactor): [string, string][] {
  return Object.entries(headers ?? {}).map(([k, v]) => [printable(redactor.text(k)), printable(redactor.header(k, String(v)))]);
}

function checksOf(result: BruResult): BruCheck[] {
  const asserted = (result.assertionResults ?? []).map((a) => ({ ...a, description: `${a.lhsExpr ?? ''}: ${a.rhsExpr ?? ''}` }));
  return [...(result.preRequestTestResults ?? []), ...(result.testResults ?? []), ...asserted, ...(result.postResponseTestResults ?? [])];
}

/** A long message (a schema error list) is cut only once redacted, as run.ts cuts newman's. */
const MAX_MESSAGE_CHARS = 2000;

function assertionOf(check: BruCheck, item: string, redactor: Redactor): AssertionRecord {
  const shown = (text: string) => {
    const clean = printable(redactor.text(text));
    return clean.length <= MAX_MESSAGE_CHARS ? clean : `${clean.slice(0, MAX_MESSAGE_CHARS)}… (${clean.length - MAX_MESSAGE_CHARS} more characters)`;
  };
  const passed = check.status === 'pass';
  return {
    item,
    name: shown(String(check.description ?? '')),
    passed,
    skipped: false,
    ...(passed ? {} : { message: shown(String(check.error ?? 'failed')) }),
  };
}
