// JUnit XML for CI: a test suite per request, a test case per assertion.
import type { AssertionRecord, ContractReporter, ReportFile, RequestRecord, RunSummary } from '../events.js';

export function junitReporter(path: string, collect: (file: ReportFile) => void): ContractReporter {
  return { onDone: (summary, requests, assertions) => collect({ path, content: junitXml(summary, requests, assertions) }) };
}

export function junitXml(summary: RunSummary, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): string {
  const items = [...new Set([...requests.map((r) => r.item), ...assertions.map((a) => a.item)])];
  const suites = items.map((item) => suiteXml(item, requests.filter((r) => r.item === item), assertions.filter((a) => a.item === item)));
  const failures = summary.failures.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="contract: ${attr(summary.target)}" tests="${summary.assertions}" failures="${failures}" errors="${summary.errors.length}" time="${seconds(summary.wallTimeMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteXml(item: string, requests: RequestRecord[], assertions: AssertionRecord[]): string {
  const time = requests.reduce((sum, r) => sum + (r.responseTimeMs ?? 0), 0);
  const cases = assertions.map((a) => caseXml(item, a));
  const errors = requests.filter((r) => r.error).map((r) => `    <testcase classname="${attr(item)}" name="request"><error message="${attr(r.error!)}"/></testcase>`);
  const failures = assertions.filter((a) => !a.passed && !a.skipped).length;
  return [
    `  <testsuite name="${attr(item)}" tests="${assertions.length + errors.length}" failures="${failures}" errors="${errors.length}" time="${seconds(time)}">`,
    ...cases,
    ...errors,
    '  </testsuite>',
  ].join('\n');
}

function caseXml(item: string, a: AssertionRecord): string {
  const open = `    <testcase classname="${attr(item)}" name="${attr(a.name)}"`;
  if (a.skipped) return `${open}><skipped/></testcase>`;
  if (a.passed) return `${open}/>`;
  return `${open}><failure message="${attr(a.message ?? 'failed')}" type="AssertionError"/></testcase>`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
