// The contract run: newman's library API around the committed collection. The runner only
// orchestrates; it turns newman's events into redacted records and hands them to reporters.
import newman, { type NewmanRunExecution } from 'newman';
import { collector } from './collector.js';
import type { AssertionRecord, ContractReporter, RequestRecord, RunSummary } from './events.js';
import type { Redactor } from './redact.js';
import { withZeroDelayTimers } from './zero-delay-timers.js';

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
  /** The description's environment the run uses (its id), for the reports. */
  environmentId?: string;
  /** The description's name and version, for the reports. */
  descriptionName?: string;
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
function itemPaths(collection: CollectionNode, prefix: string[] = [], into = new Map<string, string>()): Map<string, string> {
  for (const child of collection.item ?? []) {
    const path = [...prefix, child.name ?? ''];
    if (child.id) into.set(child.id, path.join(' / '));
    itemPaths(child, path, into);
  }
  return into;
}

export function runContract(plan: ContractPlan, reporters: ContractReporter[], redactor: Redactor): Promise<RunSummary> {
  if (plan.values.clientSecret) redactor.addSecret(plan.values.clientSecret);
  const names = itemNamer(plan.collection as CollectionNode);
  const totals = collector({ target: redactor.text(plan.target), environment: plan.environmentId ?? '', description: plan.descriptionName ?? '' });
  const listeners = [totals, ...reporters];
  const emit = <K extends keyof ContractReporter>(event: K, ...args: Parameters<NonNullable<ContractReporter[K]>>) => {
    for (const listener of listeners) (listener[event] as ((...a: typeof args) => void) | undefined)?.(...args);
  };
  const started = Date.now();
  const run = (): Promise<RunSummary> => new Promise((resolve) => {
    newman
      .run(newmanOptions(plan))
      .on('beforeItem', (_error: Error | null, args: { item: SdkItem }) => names.enter(args.item))
      .on('request', (error: Error | null, args: RequestArgs) => emit('onRequest', requestRecord(error, args, names.of(args.item), plan.tokenPathPrefix, redactor)))
      .on('assertion', (error: Error | null, args: AssertionArgs) => emit('onAssertion', assertionRecord(error, args, names.of(args.item), redactor)))
      .on('console', (_error: Error | null, args: { messages: unknown[]; item?: SdkItem }) => emit('onNote', names.of(args.item), redactor.text(args.messages.map(String).join(' '))))
      .on('exception', (_error: Error | null, args: { error: Error }) => emit('onError', `script error: ${redactor.text(args.error.message)}`))
      .on('done', (error: Error | null) => {
        if (error) emit('onError', `newman: ${redactor.text(error.message)}`);
        const summary = totals.finish(Date.now() - started);
        emit('onDone', summary, totals.requests, totals.assertions);
        resolve(summary);
      });
  });
  return withZeroDelayTimers(run);
}

function newmanOptions(plan: ContractPlan): newman.NewmanRunOptions {
  return {
    collection: plan.collection,
    environment: plan.environment,
    envVar: Object.entries(plan.values).map(([key, value]) => ({ key, value })),
    reporters: [],
    delayRequest: plan.delayRequestMs,
    timeoutRequest: plan.timeoutRequestMs,
    timeoutScript: 180_000,
    bail: false,
  } as newman.NewmanRunOptions;
}

/**
 * Names items `Folder / Request`. Console messages carry no item, and a script's pm.sendRequest
 * gets a fresh nameless one: both belong to the item being run.
 */
function itemNamer(collection: CollectionNode): { enter(item: SdkItem): void; of(item: SdkItem | undefined): string } {
  const paths = itemPaths(collection);
  let current = '';
  const of = (item: SdkItem | undefined) => (item && (paths.get(item.id) ?? item.name)) || current;
  return { enter: (item) => void (current = of(item)), of };
}

interface AssertionArgs {
  assertion: string;
  skipped: boolean;
  item: SdkItem;
}

function assertionRecord(error: Error | null, args: AssertionArgs, item: string, redactor: Redactor): AssertionRecord {
  return {
    item,
    name: redactor.text(args.assertion),
    passed: !error,
    skipped: args.skipped,
    ...(error ? { message: redactor.text(error.message) } : {}),
  };
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
    at: Date.now(),
  };
}
