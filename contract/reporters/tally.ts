// What every report says the same way: the verdict, the passed/failed/skipped counts, the folder
// of an item, and which request an item's checks judged.
import type { AssertionRecord, RequestRecord, RunSummary } from '../events.js';

export type Verdict = 'PASSED' | 'FAILED' | 'COULD NOT RUN';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export function verdict(s: RunSummary): Verdict {
  if (s.stop) return s.stop.exitCode === 2 ? 'COULD NOT RUN' : 'FAILED';
  return s.failures.length + s.errors.length === 0 ? 'PASSED' : 'FAILED';
}

/** A stopped run counts as failed even when no check got to fail. */
export function counts(s: RunSummary): Counts {
  return {
    passed: s.assertions - s.failures.length - s.skipped.length,
    failed: Math.max(s.failures.length + s.errors.length, s.stop ? 1 : 0),
    skipped: s.skipped.length + unsentWithoutChecks(s).length,
  };
}

/** Items whose request was not sent and that reported no skipped check of their own, so each skip is counted once. */
export function unsentWithoutChecks(s: RunSummary): RunSummary['skippedItems'] {
  return s.skippedItems.filter(({ item }) => !s.skipped.some((a) => a.item === item));
}

/** The first segment of `Folder / Request` (Auth, Devices, Contract checks...). */
export function folderOf(item: string): string {
  return item.split(' / ')[0]!;
}

export function countsByFolder(assertions: readonly AssertionRecord[], s: RunSummary): Map<string, Counts> {
  const byFolder = new Map<string, Counts>();
  const add = (item: string, key: keyof Counts) => {
    const folder = byFolder.get(folderOf(item)) ?? { passed: 0, failed: 0, skipped: 0 };
    folder[key] += 1;
    byFolder.set(folderOf(item), folder);
  };
  for (const a of assertions) add(a.item, a.skipped ? 'skipped' : a.passed ? 'passed' : 'failed');
  for (const { item } of unsentWithoutChecks(s)) add(item, 'skipped');
  return byFolder;
}

/** The request an item's checks judged: its last one (a token fetched by its script, or a retry, comes before). */
export function judgedRequest(item: string, requests: readonly RequestRecord[]): RequestRecord | undefined {
  return requests.findLast((r) => r.item === item);
}

export function skipReason(a: AssertionRecord): string {
  return a.skipReason ?? 'not run';
}
