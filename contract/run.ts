// The contract run: newman's library API around the committed collection. The runner only
// orchestrates; it turns newman's events into redacted records and hands them to reporters.
import newman, { type NewmanRunExecution } from 'newman';
import type { AssertionRecord, ContractReporter, RequestRecord, RunSummary } from './events.js';
import type { Redactor } from './redact.js';

export interface ContractPlan {
  collection: object;
  environment: object;
  /** Values laid over the environment file in memory (never written anywhere). */
  values: Record<string, string>;
  /** Pause between requests, so a rate-limited API is never over its documented limits. */
  delayRequestMs: number;
  timeoutRequestMs: number;
  /** Path prefix of the token endpoint (`/token/`), to count token requests. */
  tokenPathPrefix: string;
  target: string;
}

interface SdkItem {
  id: string;
  name: string;
}

interface CollectionNode {
  id?: string;
  name?: string;
  item?: CollectionNode[];
}

/** `Folder / Request` for every item id of a collection (newman's items carry no parents). */
export function itemPaths(collection: CollectionNode, prefix: string[] = [], into = new Map<string, string>()): Map<string, string> {
  for (const child of collection.item ?? []) {
    const path = [...prefix, child.name ?? ''];
    if (child.id) into.set(child.id, path.join(' / '));
    itemPaths(child, path, into);
  }
  return into;
}

export function runContract(plan: ContractPlan, reporters: ContractReporter[], redactor: Redactor): Promise<RunSummary> {
  if (plan.values.clientSecret) redactor.addSecret(plan.values.clientSecret);
  const requests: RequestRecord[] = [];
  const assertions: AssertionRecord[] = [];
  const summary: RunSummary = { target: redactor.text(plan.target), wallTimeMs: 0, requests: 0, tokenRequests: 0, tokensIssued: 0, assertions: 0, failures: [], errors: [], notes: [], skippedItems: [] };
  const paths = itemPaths(plan.collection as CollectionNode);
  // Console messages carry no item, and a script's pm.sendRequest gets a fresh nameless one: both belong to the current item.
  let currentItem = '';
  const itemPath = (item: SdkItem | undefined) => (item && (paths.get(item.id) ?? item.name)) || currentItem;
  const started = Date.now();
  const emit = <K extends keyof ContractReporter>(event: K, ...args: Parameters<NonNullable<ContractReporter[K]>>) => {
    for (const reporter of reporters) (reporter[event] as ((...a: typeof args) => void) | undefined)?.(...args);
  };

  return new Promise((resolve) => {
    newman
      .run({
        collection: plan.collection,
        environment: plan.environment,
        envVar: Object.entries(plan.values).map(([key, value]) => ({ key, value })),
        reporters: [],
        delayRequest: plan.delayRequestMs,
        timeoutRequest: plan.timeoutRequestMs,
        timeoutScript: 180_000,
        bail: false,
      } as newman.NewmanRunOptions)
      .on('beforeItem', (_error: Error | null, args: { item: SdkItem }) => {
        currentItem = itemPath(args.item);
      })
      .on('request', (error: Error | null, args: RequestArgs) => {
        const record = requestRecord(error, args, itemPath(args.item), plan.tokenPathPrefix, redactor);
        requests.push(record);
        summary.requests += 1;
        if (record.tokenRequest) summary.tokenRequests += 1;
        if (record.tokenRequest && record.status !== undefined && record.status >= 200 && record.status < 300) summary.tokensIssued += 1;
        if (record.error) summary.errors.push(`${record.item}: ${record.error}`);
        emit('onRequest', record);
      })
      .on('assertion', (error: Error | null, args: { assertion: string; skipped: boolean; item: SdkItem }) => {
        const record: AssertionRecord = {
          item: itemPath(args.item),
          name: redactor.text(args.assertion),
          passed: !error,
          skipped: args.skipped,
          ...(error ? { message: redactor.text(error.message) } : {}),
        };
        assertions.push(record);
        summary.assertions += 1;
        if (!record.passed && !record.skipped) summary.failures.push(record);
        emit('onAssertion', record);
      })
      .on('console', (_error: Error | null, args: { messages: unknown[]; cursor: unknown; item?: SdkItem }) => {
        const message = redactor.text(args.messages.map(String).join(' '));
        const item = itemPath(args.item);
        summary.notes.push(item ? `${item}: ${message}` : message);
        if (/^Skipped "/.test(message)) summary.skippedItems.push(item);
        emit('onNote', item, message);
      })
      .on('exception', (_error: Error | null, args: { error: Error }) => {
        summary.errors.push(`script error: ${redactor.text(args.error.message)}`);
      })
      .on('done', (error: Error | null) => {
        if (error) summary.errors.push(`newman: ${redactor.text(error.message)}`);
        summary.wallTimeMs = Date.now() - started;
        emit('onDone', summary, requests, assertions);
        resolve(summary);
      });
  });
}

interface RequestArgs {
  item: SdkItem;
  request: NewmanRunExecution['request'];
  response?: NewmanRunExecution['response'];
}

function requestRecord(error: Error | null, args: RequestArgs, item: string, tokenPathPrefix: string, redactor: Redactor): RequestRecord {
  const { request, response } = args;
  const url = request.url.toString();
  const tokenRequest = request.url.getPath().startsWith(tokenPathPrefix);
  const requestHeaders = request.headers.all().map((h) => [h.key, h.value] as [string, string]);
  for (const [name, value] of requestHeaders) {
    if (/^authorization$/i.test(name)) redactor.add(value.replace(/^\S+\s+/, ''));
  }
  const body = response ? response.text() : undefined;
  if (tokenRequest && body) redactor.addFromTokenBody(body);
  return {
    item,
    method: request.method,
    url: redactor.text(url),
    requestHeaders: requestHeaders.map(([k, v]) => [k, redactor.header(k, v)]),
    ...(response
      ? {
          status: response.code,
          statusText: response.status,
          responseTimeMs: response.responseTime,
          responseHeaders: response.headers.all().map((h) => [h.key, redactor.header(h.key, h.value)] as [string, string]),
          responseBody: redactor.text(body ?? ''),
        }
      : { responseHeaders: [] }),
    ...(error ? { error: redactor.text(error.message) } : {}),
    tokenRequest,
  };
}
