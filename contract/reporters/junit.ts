// JUnit XML for CI, in the common (Ant/Jenkins) shape: a test suite per request item, a test case
// per assertion; a `Contract run` suite first for what is outside the checks (a stop, script
// errors). Failures carry the request, the answer's status and a bounded excerpt of its redacted body.
import type { AssertionRecord, ContractReporter, ReportFile, RequestRecord, RunSummary } from '../events.js';
import { bodyExcerpt } from './body-excerpt.js';
import { escapeMarkup } from './markup.js';
import { judgedRequest, skipReason } from './tally.js';

/** The most of a body a failure's text quotes. */
export const BODY_EXCERPT_BYTES = 2048;
const RUN_SUITE = 'Contract run';

export function junitReporter(path: string, collect: (file: ReportFile) => void): ContractReporter {
  return { onDone: (summary, requests, assertions) => collect({ path, content: junitXml(summary, requests, assertions) }) };
}

interface Outcome {
  kind: 'failure' | 'error' | 'skipped';
  message: string;
  type?: string;
  text?: string;
}

interface TestCase {
  name: string;
  classname: string;
  timeMs: number;
  outcome?: Outcome;
}

interface Suite {
  name: string;
  startMs: number;
  timeMs: number;
  cases: TestCase[];
  systemOut?: string;
}

export function junitXml(summary: RunSummary, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): string {
  const items = [...new Set([...requests.map((r) => r.item), ...assertions.map((a) => a.item), ...summary.skippedItems.map((s) => s.item)])];
  const runSuite = outsideTheChecks(summary, requests);
  const suites = [...(runSuite.cases.length > 0 ? [runSuite] : []), ...items.map((item) => itemSuite(item, summary, requests, assertions))];
  const totals = {
    name: `contract: ${summary.target}`,
    ...tally(suites.flatMap((s) => s.cases)),
    time: seconds(summary.wallTimeMs),
    timestamp: timestamp(Date.parse(summary.startedAt)),
  };
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes(totals)}>`, ...suites.map(suiteXml), '</testsuites>', ''].join('\n');
}

function outsideTheChecks(summary: RunSummary, requests: readonly RequestRecord[]): Suite {
  // a request's own transport error is in its suite; the summary lists it as `item: error`
  const failedItems = requests.filter((r) => r.error).map((r) => `${r.item}: `);
  const errors = summary.errors.filter((e) => !failedItems.some((prefix) => e.startsWith(prefix)));
  const stop: TestCase[] = summary.stop ? [runCase('the run completed', { kind: 'error', type: 'RunStopped', message: summary.stop.message })] : [];
  const cases = errors.map((message, i) =>
    runCase(`problem outside the checks${errors.length > 1 ? ` ${i + 1}` : ''}`, { kind: 'error', type: 'RunError', message }),
  );
  return { name: RUN_SUITE, startMs: Date.parse(summary.startedAt), timeMs: summary.wallTimeMs, cases: [...stop, ...cases] };
}

const runCase = (name: string, outcome: Outcome): TestCase => ({ name, classname: RUN_SUITE, timeMs: 0, outcome });

function itemSuite(item: string, summary: RunSummary, allRequests: readonly RequestRecord[], allAssertions: readonly AssertionRecord[]): Suite {
  const requests = allRequests.filter((r) => r.item === item);
  const judged = judgedRequest(item, allRequests);
  const checks = allAssertions.filter((a) => a.item === item).map((a) => checkCase(a, judged));
  const transport = requests.filter((r) => r.error).map((r) => transportCase(r));
  const unsent = summary.skippedItems.filter((s) => s.item === item && checks.length === 0);
  const first = requests[0];
  return {
    name: item,
    startMs: first ? first.at - (first.responseTimeMs ?? 0) : Date.parse(summary.startedAt),
    timeMs: requests.reduce((sum, r) => sum + (r.responseTimeMs ?? 0), 0),
    cases: [
      ...checks,
      ...transport,
      ...unsent.map(({ reason }): TestCase => ({ name: 'request', classname: item, timeMs: 0, outcome: { kind: 'skipped', message: reason } })),
    ],
    ...(requests.length > 0 ? { systemOut: requests.map(requestLine).join('\n') } : {}),
  };
}

/** Assertions check an answer already received: their own time is nil; the request's is the suite's. */
function checkCase(a: AssertionRecord, judged: RequestRecord | undefined): TestCase {
  const base = { name: a.name, classname: a.item, timeMs: 0 };
  if (a.skipped) return { ...base, outcome: { kind: 'skipped', message: skipReason(a) } };
  if (a.passed) return base;
  const message = a.message ?? 'failed';
  return { ...base, outcome: { kind: 'failure', type: 'AssertionError', message, text: failureText(message, a.details, judged) } };
}

function transportCase(r: RequestRecord): TestCase {
  return {
    name: 'request',
    classname: r.item,
    timeMs: r.responseTimeMs ?? 0,
    outcome: { kind: 'error', type: r.errorCode ?? 'TransportError', message: r.error!, text: requestLine(r) },
  };
}

function failureText(message: string, details: string[] | undefined, r: RequestRecord | undefined): string {
  const all = details && details.length > 0 ? [`All ${details.length}:`, ...details.map((d) => `- ${d}`)] : [message];
  if (!r) return all.join('\n');
  const body = bodyExcerpt(r, BODY_EXCERPT_BYTES);
  return [requestLine(r), '', ...all, '', body.text, ...(body.cutNote ? [`(${body.cutNote})`] : [])].join('\n');
}

function requestLine(r: RequestRecord): string {
  const answer = r.error
    ? `no answer: ${r.error}${r.errorCode ? ` (${r.errorCode})` : ''}`
    : [`${r.status ?? '?'} ${r.statusText ?? ''}`.trim(), r.contentType, `${r.responseTimeMs ?? '?'} ms`].filter(Boolean).join(', ');
  return `${r.method} ${r.url} -> ${answer}`;
}

function tally(cases: TestCase[]): { tests: number; failures: number; errors: number; skipped: number } {
  const count = (kind: Outcome['kind']) => cases.filter((c) => c.outcome?.kind === kind).length;
  return { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
}

function suiteXml(s: Suite): string {
  const head = { name: s.name, ...tally(s.cases), time: seconds(s.timeMs), timestamp: timestamp(s.startMs) };
  const out = s.systemOut === undefined ? [] : [`    <system-out>${escapeMarkup(s.systemOut)}</system-out>`];
  return [`  <testsuite${attributes(head)}>`, ...s.cases.map(caseXml), ...out, '  </testsuite>'].join('\n');
}

function caseXml(c: TestCase): string {
  const open = `    <testcase${attributes({ name: c.name, classname: c.classname, time: seconds(c.timeMs) })}`;
  if (!c.outcome) return `${open}/>`;
  const { kind, message, type, text } = c.outcome;
  const element = `<${kind}${attributes({ message, type })}`;
  return `${open}>${text === undefined ? `${element}/>` : `${element}>${escapeMarkup(text)}</${kind}>`}</testcase>`;
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeMarkup(String(v)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
    .join('');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);
/** The JUnit schema's timestamp: ISO 8601 date and time without a zone or fractions; ours are UTC. */
const timestamp = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString().slice(0, 19);
