// The terminal view: a line per request as it happens, then the verdict, every failure named once,
// what was skipped and why, and a closing `N passed, N failed, N skipped` line. A run that stopped
// early gets its one stop message instead of the failures that followed from it.
import type { AssertionRecord, ContractReporter, RequestRecord, RunSummary } from '../events.js';
import { printable } from '../printable.js';
import { counts, skipReason, unsentWithoutChecks, verdict } from './tally.js';

export function summaryReporter(output: (text: string) => void): ContractReporter {
  const write = (text: string) => output(printable(text, { lines: true }));
  return {
    onRequest: (r) => write(`  ${requestLine(r)}\n`),
    onNote: (item, message) => write(`  note: ${item ? `${item}: ` : ''}${message}\n`),
    onDone: (summary) => write(summaryText(summary)),
  };
}

function requestLine(r: RequestRecord): string {
  const outcome = r.error ? `error: ${r.error}` : `${r.status} ${r.statusText ?? ''} ${r.responseTimeMs ?? '?'} ms`.replace(/\s+/g, ' ');
  return `${r.item}\n    ${r.method} ${r.url} -> ${outcome}`;
}

export function summaryText(s: RunSummary): string {
  const { passed, failed, skipped } = counts(s);
  const lines = [
    '',
    `Contract run against ${s.target}: ${verdict(s)}`,
    ...(s.stop ? [`  ${s.stop.message}`] : []),
    `  ${plural(s.requests, 'request')} (${s.tokenRequests} to the token endpoint, ${s.tokensIssued} answered with a token), ${plural(s.assertions, 'assertion')}, ${(s.wallTimeMs / 1000).toFixed(1)} s`,
    ...skippedLines(s),
    ...(s.stop ? [] : [...s.failures.map(failLine), ...s.errors.map((e) => `  ERROR ${e}`)]),
    `${passed} passed, ${failed} failed, ${skipped} skipped`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One line per unsent request and per item's skipped checks with one reason. */
function skippedLines(s: RunSummary): string[] {
  const groups = new Map<string, AssertionRecord[]>();
  for (const a of s.skipped) {
    const key = JSON.stringify([a.item, skipReason(a)]);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [
    ...unsentWithoutChecks(s).map(({ item, reason }) => `  SKIP ${item}: not sent, ${reason}`),
    ...[...groups.values()].map((checks) => `  SKIP ${checks[0]!.item}: ${plural(checks.length, 'check')} not run, ${skipReason(checks[0]!)}`),
  ];
}

const failLine = (f: AssertionRecord) => `  FAIL ${f.item} > ${f.name}${f.message ? `: ${f.message}` : ''}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
