// The run's totals, built by listening like any reporter (newman's RunSummary does the same).
import type { AssertionRecord, ContractReporter, RequestRecord, RunStop, RunSummary } from './events.js';

export interface Collector extends ContractReporter {
  readonly requests: readonly RequestRecord[];
  readonly assertions: readonly AssertionRecord[];
  /** An item whose request was not sent. */
  skippedItem(item: string, reason: string): void;
  /** The run stops: `stop` says why, once, in place of the error of the request that stopped it. */
  stopped(stop: RunStop): void;
  /** The summary, once the run is over. */
  finish(wallTimeMs: number): RunSummary;
}

export function collector(about: Pick<RunSummary, 'target' | 'environment' | 'description'>): Collector {
  const requests: RequestRecord[] = [];
  const assertions: AssertionRecord[] = [];
  const summary: RunSummary = {
    ...about,
    startedAt: new Date().toISOString(),
    wallTimeMs: 0,
    requests: 0,
    tokenRequests: 0,
    tokensIssued: 0,
    assertions: 0,
    failures: [],
    skipped: [],
    errors: [],
    notes: [],
    skippedItems: [],
  };
  return {
    requests,
    assertions,
    onRequest(record) {
      requests.push(record);
      summary.requests += 1;
      if (record.tokenRequest) summary.tokenRequests += 1;
      if (record.tokenRequest && record.status !== undefined && record.status >= 200 && record.status < 300) summary.tokensIssued += 1;
      if (record.error && !summary.stop) summary.errors.push(`${record.item}: ${record.error}`);
    },
    onAssertion(record) {
      assertions.push(record);
      summary.assertions += 1;
      if (!record.passed && !record.skipped) summary.failures.push(record);
      if (record.skipped) summary.skipped.push(record);
    },
    onNote(item, message) {
      summary.notes.push(item ? `${item}: ${message}` : message);
    },
    skippedItem(item, reason) {
      summary.skippedItems.push({ item, reason });
    },
    stopped(stop) {
      summary.stop = stop;
    },
    onError(message) {
      summary.errors.push(message);
    },
    finish(wallTimeMs) {
      summary.wallTimeMs = wallTimeMs;
      return summary;
    },
  };
}
