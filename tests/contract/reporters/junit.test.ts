import { readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { BODY_EXCERPT_BYTES, junitXml } from '../../../contract/reporters/junit.js';
import { brokenRun, failingRun, passingRun, SCHEMA_ERRORS, stoppedRun, type Run } from './records.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const XSD = readFileSync('tests/fixtures/junit/junit.xsd', 'utf8');
const xmlOf = (r: Run) => junitXml(r.summary, r.requests, r.assertions);
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'contract-junit.xml', contents: xml }], schema: [XSD] });

function parse(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const all = (name: string, root: Parameters<typeof DomUtils.getElementsByTagName>[1] = doc) => DomUtils.getElementsByTagName(name, root, true);
  return { root: all('testsuites')[0]!, all, suite: (name: string) => all('testsuite').find((s) => s.attribs.name === name)! };
}
const cases = (suite: Element) => DomUtils.getElementsByTagName('testcase', suite, true);
const numbers = (e: Element, keys: string[]) => Object.fromEntries(keys.map((k) => [k, Number(e.attribs[k])]));
const COUNTS = ['tests', 'failures', 'errors', 'skipped'];

describe('JUnit report', () => {
  it.each([
    ['a passing run with an unsent request', passingRun],
    ['a failing run with a hostile body', failingRun],
    ['a run stopped at the token endpoint', stoppedRun],
    ['a run with no answer and a script error', brokenRun],
  ])('is valid against the common JUnit schema: %s', async (_, make) => {
    const result = await validate(xmlOf(make()));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is checked by a schema that refuses what CI tools choke on (a zoned timestamp, a test case without time)', async () => {
    const xml = xmlOf(passingRun());
    expect((await validate(xml.replace(/timestamp="([^"]+)"/, 'timestamp="$1Z"'))).valid).toBe(false);
    expect((await validate(xml.replace(/(<testcase[^>]*) time="[^"]*"/, '$1'))).valid).toBe(false);
  });

  it('gives every test case a time, every suite a zone-less UTC timestamp, and totals that add up', () => {
    const { root, all } = parse(xmlOf(failingRun()));
    for (const c of all('testcase')) expect(c.attribs.time).toMatch(/^\d+\.\d{3}$/);
    const suites = all('testsuite');
    expect(suites.map((s) => s.attribs.timestamp)).toEqual(['2026-12-01T20:10:03', '2026-12-01T20:10:03', '2026-12-01T20:10:03']);
    for (const key of COUNTS) expect(Number(root.attribs[key])).toBe(suites.reduce((sum, s) => sum + Number(s.attribs[key]), 0));
    expect(numbers(root, COUNTS)).toEqual({ tests: 6, failures: 2, errors: 0, skipped: 2 });
    expect(root.attribs.timestamp).toBe('2026-12-01T20:10:03');
    expect(root.attribs.time).toBe('2.345');
  });

  it('marks skipped checks and unsent requests <skipped> with their reason', () => {
    const failing = parse(xmlOf(failingRun()));
    const skipped = failing.all('skipped');
    expect(skipped.map((s) => [(s.parent as Element).attribs.name, s.attribs.message])).toEqual([
      ['content type is JSON', 'status is 200 failed'],
      ['body matches the Device schema', 'status is 200 failed'],
    ]);
    const unsent = parse(xmlOf(passingRun())).suite('Devices / Get Device By ID');
    expect(numbers(unsent, COUNTS)).toEqual({ tests: 1, failures: 0, errors: 0, skipped: 1 });
    expect(DomUtils.getElementsByTagName('skipped', unsent)[0]!.attribs.message).toBe('deviceId not set (Get Devices returned no device)');
  });

  it('describes a failure with its request, the status and the body, escaped and never re-parsed', () => {
    const suite = parse(xmlOf(failingRun())).suite('Devices / Get Device By ID');
    const failure = DomUtils.getElementsByTagName('failure', suite)[0]!;
    expect(failure.attribs).toMatchObject({ type: 'AssertionError', message: 'expected response to have status code 200 but got 404' });
    expect(DomUtils.textContent(failure)).toBe(
      'GET http://127.0.0.1:4010/v1/devices/dev-1 -> 404 Not Found, application/json, 12 ms\n\n' +
        'expected response to have status code 200 but got 404\n\n' +
        '{\n  "error": "<script>alert(1)</script> & ]]> \ufffd\ufffd \ufffd end"\n}',
    );
  });

  it('quotes at most 2 KiB of a body, says how much of the answer that is, and lists every schema error', () => {
    const suite = parse(xmlOf(failingRun())).suite('Devices / Get Devices');
    const failure = DomUtils.getElementsByTagName('failure', suite)[0]!;
    const text = DomUtils.textContent(failure);
    expect(failure.attribs.message).toBe(`${SCHEMA_ERRORS.slice(0, 3).join('; ')} (and 23 more)`);
    expect(text).toContain(`All 26:\n- ${SCHEMA_ERRORS[0]}\n`);
    expect(text).toContain(`- ${SCHEMA_ERRORS[25]}\n`);
    const body = text.slice(text.indexOf('{'), text.lastIndexOf('\n('));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(BODY_EXCERPT_BYTES);
    expect(Buffer.byteLength(body)).toBeGreaterThan(BODY_EXCERPT_BYTES - 4);
    expect(text.endsWith('\n(showing the first 2 KiB of 300 KiB)')).toBe(true);
  });

  it('puts a stopped run first, as an error naming why', () => {
    const run = stoppedRun();
    const { all } = parse(xmlOf(run));
    const first = all('testsuite')[0]!;
    expect(first.attribs.name).toBe('Contract run');
    const error = DomUtils.getElementsByTagName('error', first)[0]!;
    expect(error.attribs).toEqual({ message: run.summary.stop!.message, type: 'RunStopped' });
    expect((error.parent as Element).attribs.name).toBe('the run completed');
  });

  it('reports a request without an answer in its suite, a script error in the run suite, each once', () => {
    const { root, suite } = parse(xmlOf(brokenRun()));
    const list = suite('Devices / Get Devices');
    const error = DomUtils.getElementsByTagName('error', list)[0]!;
    expect(error.attribs).toEqual({ message: 'connect ECONNREFUSED 127.0.0.1:4010', type: 'ECONNREFUSED' });
    expect(DomUtils.textContent(error)).toBe('GET http://127.0.0.1:4010/v1/devices -> no answer: connect ECONNREFUSED 127.0.0.1:4010 (ECONNREFUSED)');
    const outside = cases(suite('Contract run'));
    expect(outside.map((c) => DomUtils.getElementsByTagName('error', c)[0]!.attribs.message)).toEqual(['script error: pm.foo is not a function']);
    expect(numbers(root, COUNTS)).toEqual({ tests: 3, failures: 1, errors: 2, skipped: 0 });
  });

  it('keeps the request lines of a suite in system-out', () => {
    const suite = parse(xmlOf(passingRun())).suite('Auth / Get access token');
    expect(DomUtils.textContent(DomUtils.getElementsByTagName('system-out', suite)[0]!)).toBe(
      'POST http://127.0.0.1:4010/token/demo -> 200 OK, application/json, 12 ms',
    );
  });
});
