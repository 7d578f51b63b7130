import { describe, expect, it } from 'vitest';
import { summaryReporter, summaryText } from '../../../contract/reporters/summary.js';
import { brokenRun, failingRun, passingRun, request, stoppedRun } from './records.js';

const lines = (text: string) => text.trimEnd().split('\n');

describe('terminal summary', () => {
  it('closes a passing run with the counts, skipped ones included, and names the unsent request once', () => {
    const text = summaryText(passingRun().summary);
    expect(lines(text)).toEqual([
      '',
      'Contract run against http://127.0.0.1:4010: PASSED',
      '  3 requests (1 to the token endpoint, 1 answered with a token), 5 assertions, 2.3 s',
      '  SKIP Devices / Get Device By ID: not sent, deviceId not set (Get Devices returned no device)',
      '5 passed, 0 failed, 1 skipped',
    ]);
  });

  it('names each failure once and the checks skipped for one reason on one line', () => {
    const out = lines(summaryText(failingRun().summary));
    expect(out[1]).toBe('Contract run against http://127.0.0.1:4010: FAILED');
    expect(out.filter((l) => l.startsWith('  FAIL '))).toEqual([
      '  FAIL Devices / Get Devices > body matches the DeviceList schema: data.items[0].id should be string; data.items[1].id should be string; data.items[2].id should be string (and 23 more)',
      '  FAIL Devices / Get Device By ID > status is 200: expected response to have status code 200 but got 404',
    ]);
    expect(out.filter((l) => l.startsWith('  SKIP '))).toEqual(['  SKIP Devices / Get Device By ID: 2 checks not run, status is 200 failed']);
    expect(out.at(-1)).toBe('2 passed, 2 failed, 2 skipped');
  });

  it('gives a stopped run its one message and no wall of failures', () => {
    const run = stoppedRun();
    expect(lines(summaryText(run.summary))).toEqual([
      '',
      'Contract run against http://127.0.0.1:4010: COULD NOT RUN',
      `  ${run.summary.stop!.message}`,
      '  1 request (1 to the token endpoint, 0 answered with a token), 2 assertions, 2.3 s',
      '  SKIP Auth / Get access token: 1 check not run, status is 200 failed',
      '0 passed, 1 failed, 1 skipped',
    ]);
  });

  it('counts a stopped run as failed even when no check failed', () => {
    const run = stoppedRun();
    run.summary.failures = [];
    expect(lines(summaryText(run.summary)).at(-1)).toBe('1 passed, 1 failed, 1 skipped');
  });

  it('names errors outside the checks, counted with the failures', () => {
    const out = lines(summaryText(brokenRun().summary));
    expect(out.filter((l) => l.startsWith('  ERROR '))).toEqual([
      '  ERROR Devices / Get Devices: connect ECONNREFUSED 127.0.0.1:4010',
      '  ERROR script error: pm.foo is not a function',
    ]);
    expect(out.at(-1)).toBe('0 passed, 3 failed, 0 skipped');
  });

  it('writes a line per request as it happens and the summary at the end', () => {
    const written: string[] = [];
    const reporter = summaryReporter((t) => written.push(t));
    const run = passingRun();
    reporter.onRequest!(request('Devices / Get Devices'));
    reporter.onNote!('Devices / Get Device By ID', 'deviceId not set');
    reporter.onDone!(run.summary, run.requests, run.assertions);
    expect(written.slice(0, 2)).toEqual([
      '  Devices / Get Devices\n    GET http://127.0.0.1:4010/v1/devices -> 200 OK 12 ms\n',
      '  note: Devices / Get Device By ID: deviceId not set\n',
    ]);
    expect(written[2]).toBe(summaryText(run.summary));
  });
});
