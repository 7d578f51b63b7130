// The contract run: newman's library API around the committed collection. The runner only
// orchestrates; it turns newman's events into redacted records and hands them to reporters.
// It stops the run (and says why, once) when the host cannot be reached or no token comes.
import newman from 'newman';
import { collector } from './collector.js';
import type { AssertionRecord, ContractReporter, RunStop, RunSummary } from './events.js';
import { ItemTracker, type SdkItem } from './item-tracker.js';
import { printable } from './printable.js';
import type { Redactor } from './redact.js';
import { redirectNote } from './redirect-note.js';
import { TOKEN_ENDPOINT } from '../model/ids.js';
import type { ItemTarget } from './request-kinds.js';
import { requestRecord, type RequestArgs } from './request-record.js';
import { withAnswerDeadline, type TimedRun } from './answer-deadline.js';
import { withResponseLimit } from './response-limit.js';
import { shortSchemaMessage } from './schema-message.js';
import { outOfTime, stopAfter } from './stop.js';
import type { SettingNames } from './target.js';
import { withZeroDelayTimers } from './zero-delay-timers.js';

export interface ContractPlan {
  collection: object;
  environment: object;
  /** Values laid over the environment file in memory (never written anywhere). */
  values: Record<string, string>;
  /** Pause between requests, so a rate-limited API is never over its documented limits. */
  delayRequestMs: number;
  /** newman's timeoutRequest: how long the socket may stay idle (connecting, or between bytes). */
  timeoutRequestMs: number;
  /** How long one whole answer may take, from the request to its last byte; past it the run stops (exit 2). */
  answerTimeoutMs?: number;
  /** How long the whole run may take; past it the run stops (exit 2), cutting what is in flight. */
  runTimeoutMs?: number;
  /** The token endpoint's URL with the organization filled in (request-kinds.ts): how a token request is told. */
  tokenUrl: string;
  /** The names of the settings the run's messages point to (<PREFIX>_BASE_URL, ...). */
  settings: SettingNames;
  /** What each item of the collection exercises, by item id (request-kinds.ts). */
  itemTargets: Readonly<Record<string, ItemTarget>>;
  target: string;
  /** The description's environment the run uses, as the reports name it (its id, or that none matched). */
  environmentLabel?: string;
  /** The description's name and version, for the reports. */
  descriptionName?: string;
}

interface AssertionArgs {
  assertion: string;
  skipped: boolean;
  item: SdkItem;
}

interface RuntimeRun {
  abort(): void;
}

export function runContract(plan: ContractPlan, reporters: ContractReporter[], redactor: Redactor): Promise<RunSummary> {
  redactor.addSecret(plan.values.clientSecret ?? '', plan.values.clientId);
  const items = new ItemTracker(plan.collection, plan.itemTargets);
  const totals = collector({ target: redactor.text(plan.target), environment: plan.environmentLabel ?? '', description: plan.descriptionName ?? '' });
  const listeners = [totals, ...reporters];
  const emit = <K extends keyof ContractReporter>(event: K, ...args: Parameters<NonNullable<ContractReporter[K]>>) => {
    for (const listener of listeners) (listener[event] as ((...a: typeof args) => void) | undefined)?.(...args);
  };
  let runtime: RuntimeRun | undefined;
  let stop: RunStop | undefined;

  const onRequest = (error: Error | null, args: RequestArgs) => {
    const own = items.sent(args.item);
    const target = items.target();
    const record = requestRecord(error, args, { item: items.nameOf(args.item), target, ownRequest: own, tokenUrl: plan.tokenUrl, redactor });
    const stopping = stop ? undefined : stopAfter(record, own && target?.endpoint === TOKEN_ENDPOINT && !target.caseId, plan.settings);
    if (stopping) totals.stopped((stop = stopping));
    emit('onRequest', record);
    const redirected = redirectNote(record);
    if (redirected) emit('onNote', record.item, redirected);
    if (stopping) runtime?.abort();
  };
  const onAssertion = (error: Error | null, args: AssertionArgs) => {
    if (stop) return; // the run is over; what the aborted item still checks says nothing new
    const record = assertionRecord(error, args, items.nameOf(args.item), redactor);
    if (!record.passed && !record.skipped) items.failed(record.name);
    emit('onAssertion', record.skipped ? { ...record, skipReason: items.skipReason() } : record);
  };
  const onItemDone = () => {
    const skipped = items.leave();
    if (skipped === undefined || stop) return;
    emit('onAssertion', { item: skipped.item, name: 'request sent', passed: false, skipped: true, skipReason: skipped.reason });
    totals.skippedItem(skipped.item, skipped.reason);
  };

  const started = Date.now();
  const run = (timed: TimedRun): Promise<RunSummary> =>
    new Promise((resolve) => {
      const deadline =
        plan.runTimeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              if (stop) return;
              totals.stopped((stop = outOfTime(plan.runTimeoutMs!, items.nameOf(undefined), plan.settings)));
              runtime?.abort();
              timed.cutAll(new Error('the run deadline passed'));
            }, plan.runTimeoutMs);
      newman
        .run({ ...newmanOptions(plan), requestAgents: timed.key } as newman.NewmanRunOptions)
        .on('start', (_error: Error | null, args: { run: RuntimeRun }) => void (runtime = args.run))
        .on('beforeItem', (_error: Error | null, args: { item: SdkItem }) => items.enter(args.item))
        .on('request', onRequest)
        .on('assertion', onAssertion)
        .on('item', onItemDone)
        .on('console', (_error: Error | null, args: { messages: unknown[] }) => {
          const message = printable(redactor.text(args.messages.map(String).join(' ')));
          items.noted(message);
          if (!stop) emit('onNote', items.nameOf(undefined), message);
        })
        .on('exception', (_error: Error | null, args: { error: Error }) => emit('onError', `script error: ${printable(redactor.text(args.error.message))}`))
        .on('done', (error: Error | null) => {
          clearTimeout(deadline);
          if (error) emit('onError', `newman: ${printable(redactor.text(error.message))}`);
          const summary = totals.finish(Date.now() - started);
          emit('onDone', summary, totals.requests, totals.assertions);
          resolve(summary);
        });
    });
  return withResponseLimit(() => withZeroDelayTimers(() => withAnswerDeadline(plan.answerTimeoutMs, run)));
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
    // a 3xx is the answer: following it could carry Authorization to another origin
    ignoreRedirects: true,
    bail: false,
  } as newman.NewmanRunOptions;
}

/** The scripts let chai quote values whole (so the redactor sees them whole); a message is cut only once redacted. */
const MAX_MESSAGE_CHARS = 2000;

function assertionRecord(error: Error | null, args: AssertionArgs, item: string, redactor: Redactor): AssertionRecord {
  const shown = (text: string) => clipped(printable(redactor.text(text)));
  // redacted whole before it is split into schema errors: a split could cut a secret in two
  const message = error ? shortSchemaMessage(redactor.text(error.message)) : undefined;
  return {
    item,
    name: shown(args.assertion),
    passed: !error,
    skipped: args.skipped,
    ...(message ? { message: shown(message.message), ...(message.details ? { details: message.details.map(shown) } : {}) } : {}),
  };
}

function clipped(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length - MAX_MESSAGE_CHARS} more characters)`;
}
