// The terminal view: a line per request as it happens, then the totals and every failure by name.
import type { ContractReporter, RequestRecord, RunSummary } from '../events.js';

export function summaryReporter(write: (text: string) => void): ContractReporter {
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
  const failed = s.failures.length + s.errors.length;
  const lines = [
    '',
    `Contract run against ${s.target}: ${failed === 0 ? 'PASSED' : 'FAILED'}`,
    `  ${s.requests} requests (${s.tokenRequests} to the token endpoint, ${s.tokensIssued} answered with a token), ${s.assertions} assertions, ${s.failures.length} failed, ${s.errors.length} errors, ${(s.wallTimeMs / 1000).toFixed(1)} s`,
    ...s.skippedItems.map(({ item }) => `  skipped: ${item}`),
    ...s.failures.map((f) => `  FAIL ${f.item} > ${f.name}${f.message ? `: ${f.message}` : ''}`),
    ...s.errors.map((e) => `  ERROR ${e}`),
    `${s.assertions - s.failures.length} passed, ${s.failures.length + s.errors.length} failed`,
  ];
  return `${lines.join('\n')}\n`;
}
