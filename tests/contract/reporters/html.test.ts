import { createHash } from 'node:crypto';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../contract/reporters/html.js';
import { failingRun, passingRun, request, run, SCHEMA_ERRORS, stoppedRun, type Run } from './records.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

function parse(r: Run) {
  const doc = parseDocument(htmlReport(r.summary, r.requests, r.assertions));
  const byId = (id: string) => DomUtils.getElementById(id, doc)!;
  const all = (tag: string, root: Element | typeof doc = doc) => DomUtils.getElementsByTagName(tag, root, true);
  return { doc, byId, all };
}
const text = (e: Element) => DomUtils.textContent(e).replace(/\s+/g, ' ').trim();
const section = (page: ReturnType<typeof parse>, item: string) =>
  page.all('section').find((s) => s.attribs.class?.includes('request') && text(page.all('h3', s)[0]!) === item)!;

describe('HTML report', () => {
  it('opens with the verdict and the run: start time, wall time, target, environment, description', () => {
    const page = parse(failingRun());
    expect(text(page.byId('verdict'))).toBe('FAILED');
    const facts = page.all('div', page.byId('run')).map((d) => [text(page.all('dt', d)[0]!), text(page.all('dd', d)[0]!)]);
    expect(facts).toEqual([
      ['Started', '2026-12-01 20:10:03 UTC'],
      ['Wall time', '2.3 s'],
      ['Target', 'http://127.0.0.1:4010'],
      ['Environment', 'local'],
      ['Description', 'SecuriThings API v1'],
    ]);
    expect(page.all('time')[0]!.attribs.datetime).toBe('2026-12-01T20:10:03.250Z');
    expect(text(parse(passingRun()).byId('verdict'))).toBe('PASSED');
  });

  it('says COULD NOT RUN for a stopped run, with its message in a box of its own', () => {
    const r = stoppedRun();
    const page = parse(r);
    expect(text(page.byId('verdict'))).toBe('COULD NOT RUN');
    expect(text(page.all('p', page.byId('stop'))[0]!)).toBe(r.summary.stop!.message);
  });

  it('sums up with a passed/failed/skipped bar drawn by its own style sheet, and counts per folder', () => {
    const page = parse(failingRun());
    const bars = page.all('div').filter((d) => d.attribs.class?.startsWith('bar '));
    expect(bars.map((b) => b.attribs['aria-label'])).toEqual([
      '2 passed, 2 failed, 2 skipped',
      '1 passed, 0 failed, 0 skipped',
      '1 passed, 2 failed, 2 skipped',
    ]);
    const style = text(page.all('style')[0]!);
    expect(style).toContain('.bar-0 .p{flex-grow:2}.bar-0 .f{flex-grow:2}.bar-0 .s{flex-grow:2}');
    expect(style).toContain('.bar-2 .p{flex-grow:1}.bar-2 .f{flex-grow:2}.bar-2 .s{flex-grow:2}');
    const rows = page.all('tr', page.all('tbody', page.byId('folders'))[0]!).map((tr) => page.all('td', tr).slice(0, 4).map(text));
    expect(rows).toEqual([
      ['Auth', '1', '0', '0'],
      ['Devices', '1', '2', '2'],
    ]);
  });

  it('lists the failures first, each linked to the section of the request it judged', () => {
    const page = parse(failingRun());
    const order = page.all('section').map((s) => s.attribs.id);
    expect(order.slice(0, 3)).toEqual(['summary', 'failures', 'skipped']);
    const links = page.all('a', page.byId('failures'));
    expect(links.map((a) => [text(a), a.attribs.href])).toEqual([
      ['Devices / Get Devices', '#req-1'],
      ['Devices / Get Device By ID', '#req-2'],
    ]);
    for (const a of links) expect(text(page.all('h3', page.byId(a.attribs.href!.slice(1)))[0]!)).toBe(text(a));
  });

  it('summarises a long error list: the short message shown, every error folded beneath', () => {
    const page = parse(failingRun());
    const first = page.all('li', page.byId('failures'))[0]!;
    expect(text(page.all('div', first)[0]!)).toBe(`${SCHEMA_ERRORS.slice(0, 3).join('; ')} (and 23 more)`);
    const folded = page.all('details', first)[0]!;
    expect(folded.attribs.open).toBeUndefined();
    expect(text(page.all('summary', folded)[0]!)).toBe('all 26 errors');
    expect(page.all('li', folded).map(text)).toEqual(SCHEMA_ERRORS);
  });

  it('unfolds a failing body and shows it exactly as recorded, only escaped', () => {
    const r = failingRun();
    const page = parse(r);
    const failed = section(page, 'Devices / Get Device By ID');
    expect(failed.attribs.class).toContain('failed');
    const body = page.all('details', failed).find((d) => text(page.all('summary', d)[0]!) === 'Response body')!;
    expect(body.attribs.open).toBe('');
    expect(DomUtils.textContent(page.all('pre', body)[0]!)).toBe('{\n  "error": "<script>alert(1)</script> & ]]> \ufffd\ufffd \ufffd end"\n}');
    const passed = section(page, 'Auth / Get access token');
    expect(page.all('details', passed).every((d) => d.attribs.open === undefined)).toBe(true);
  });

  it('never re-formats a body', () => {
    const compact = '{"devices":[],"total":0}';
    const page = parse(run([request('Devices / Get Devices', { responseBody: compact })], []));
    expect(DomUtils.textContent(page.all('pre').at(-1)!)).toBe(compact);
  });

  it('notes how much of a cut body it shows', () => {
    const page = parse(failingRun());
    const cut = page.all('p', section(page, 'Devices / Get Devices')).find((p) => p.attribs.class === 'cut')!;
    expect(text(cut)).toBe('showing the first 5.9 KiB of 300 KiB');
  });

  it('shows skipped checks and unsent requests with their reasons, also beside the request', () => {
    const failing = parse(failingRun());
    expect(failing.all('li', failing.byId('skipped')).map(text)).toEqual([
      'Devices / Get Device By ID › content type is JSON: status is 200 failed',
      'Devices / Get Device By ID › body matches the Device schema: status is 200 failed',
    ]);
    const checks = failing.all('li', section(failing, 'Devices / Get Device By ID')).filter((li) => li.attribs.class === 'skip');
    expect(checks.map(text)).toEqual([
      'content type is JSON (skipped: status is 200 failed)',
      'body matches the Device schema (skipped: status is 200 failed)',
    ]);
    const passing = parse(passingRun());
    expect(passing.all('li', passing.byId('skipped')).map(text)).toEqual([
      'Devices / Get Device By ID: not sent, deviceId not set (Get Devices returned no device)',
    ]);
  });

  it('allows no script and nothing from outside: a CSP with only its own style, by hash', () => {
    for (const make of [passingRun, failingRun, stoppedRun]) {
      const page = parse(make());
      const csp = page.all('meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')!.attribs.content!;
      const style = DomUtils.textContent(page.all('style')[0]!);
      expect(csp).toBe(`default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'`);
      expect(page.all('script')).toEqual([]);
      const elements = DomUtils.findAll(() => true, page.doc.children);
      expect(elements.flatMap((e) => Object.keys(e.attribs)).filter((a) => a.startsWith('on') || a === 'style' || a === 'src')).toEqual([]);
      expect(elements.filter((e) => e.attribs.href !== undefined).every((e) => e.attribs.href!.startsWith('#'))).toBe(true);
    }
  });
});
