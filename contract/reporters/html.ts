// A self-contained HTML report for people: the run and its verdict at the top, a summary taken in
// at a glance (a passed/failed/skipped bar, counts per folder), the failures linked to their
// request, what was skipped and why, then every request with its checks, headers and body.
// It is built only from redacted records, rendered as given and only escaped; its
// Content-Security-Policy allows no script and nothing from outside, only its own style.
import { createHash } from 'node:crypto';
import type { AssertionRecord, RequestRecord, RunSummary } from '../events.js';
import { bodyExcerpt } from './body-excerpt.js';
import { escapeMarkup as esc } from './markup.js';
import { counts, countsByFolder, judgedRequest, skipReason, unsentWithoutChecks, verdict, type Counts, type Verdict } from './tally.js';

/** A section another module adds (drift, coverage): its markup and the style it needs (the CSP allows only this page's own style). */
export interface ExtraSection {
  html: string;
  style: string;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:72rem;margin:0 auto;padding:1rem 2rem 3rem}
header{padding:1.2rem 2rem;color:#fff}header.PASSED{background:#1a7f37}header.FAILED{background:#cf222e}header.COULD-NOT-RUN{background:#9a6700}
header h1{margin:0 0 .6rem;font-size:1.6rem}header dl{display:flex;flex-wrap:wrap;gap:.4rem 2rem;margin:0}
header dt{font-size:.75rem;text-transform:uppercase;opacity:.85}header dd{margin:0;font-weight:600;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem}.card>h2:first-child{margin-top:0}h3{font-size:1rem;margin:0 0 .4rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.stop{border:2px solid #9a6700;background:#fff8c5;font-size:1.05rem}
.totals{font-size:1.1rem;margin:.2rem 0 .6rem}.totals b{margin-right:1rem}
.bar{display:flex;height:1.1rem;border-radius:4px;overflow:hidden;background:#d0d7de;min-width:6rem}.bar span{flex-basis:0}
.bar .p{background:#2da44e}.bar .f{background:#cf222e}.bar .s{background:#bf8700}
.pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#9a6700}.muted{color:#57606a}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #eaeef2}td.n,th.n{text-align:right;width:5rem}td.b{width:40%}
ol,ul{margin:.2rem 0;padding-left:1.4rem}li{margin:.25rem 0}.msg{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
section.request.failed{border-left:4px solid #cf222e}section.request:target{outline:2px solid #0969da}
.checks{list-style:none;padding:0;margin:.3rem 0}.checks li::before{display:inline-block;width:1.3rem;font-weight:700}
.checks .pass::before{content:"\\2713"}.checks .fail::before{content:"\\2717"}.checks .skip::before{content:"\\2013"}
code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:30rem;margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
summary{cursor:pointer;color:#0969da}.cut{color:#9a6700;font-weight:600;margin:.3rem 0}footer{color:#57606a;margin-top:2rem}`;

export function htmlReport(
  summary: RunSummary,
  requests: readonly RequestRecord[],
  assertions: readonly AssertionRecord[],
  extra: ExtraSection[] = [],
): string {
  const folders = [...countsByFolder(assertions, summary)];
  const style = [STYLE, barWidths([counts(summary), ...folders.map(([, c]) => c)]), ...extra.map((x) => x.style)].join('\n');
  const anchors = anchorsOf(requests);
  const body = [
    runHeader(summary),
    '<main>',
    summary.stop ? `<section class="card stop" id="stop"><h2>The run stopped early</h2><p>${esc(summary.stop.message)}</p></section>` : '',
    summarySection(summary, folders),
    failuresSection(summary.failures, anchors),
    listSection(
      'errors',
      'Problems outside the checks',
      summary.errors.map((e) => `<span class="msg">${esc(e)}</span>`),
      'fail',
    ),
    skippedSection(summary, anchors),
    listSection('notes', 'Notes', summary.notes.map(esc), 'muted'),
    ...extra.map((x) => x.html),
    `<h2>Requests (${requests.length})</h2>`,
    ...requests.map((r, i) => requestSection(r, i, checksOf(r, requests, assertions))),
    '<footer>Authorization headers, the client secret and every token are redacted. Bodies are shown as the run recorded them.</footer>',
    '</main>',
  ];
  return page(verdict(summary), style, body.filter(Boolean).join('\n'));
}

function page(v: Verdict, style: string, body: string): string {
  const csp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contract report: ${v}</title><style>${style}</style></head>
<body>
${body}
</body></html>
`;
}

function runHeader(s: RunSummary): string {
  const v = verdict(s);
  const facts: [string, string][] = [
    ['Started', `<time datetime="${esc(s.startedAt)}">${esc(when(s.startedAt))}</time>`],
    ['Wall time', `${(s.wallTimeMs / 1000).toFixed(1)} s`],
    ['Target', esc(s.target)],
    ['Environment', esc(s.environment || 'unknown')],
    ['Description', esc(s.description || 'unknown')],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('');
  return `<header class="${v.replace(/ /g, '-')}"><h1>Contract run: <span id="verdict">${v}</span></h1><dl id="run">${dl}</dl></header>`;
}

/** `2026-12-01 20:10:03 UTC` from an ISO 8601 time; anything else as given. */
function when(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}

function summarySection(s: RunSummary, folders: [string, Counts][]): string {
  const c = counts(s);
  const rows = folders.map(
    ([name, f], i) =>
      `<tr><td>${esc(name)}</td><td class="n">${f.passed}</td><td class="n">${f.failed}</td><td class="n">${f.skipped}</td><td class="b">${bar(f, i + 1)}</td></tr>`,
  );
  return `<section class="card" id="summary"><h2>Summary</h2>
<p class="totals"><b class="pass">${c.passed} passed</b><b class="fail">${c.failed} failed</b><b class="skip">${c.skipped} skipped</b></p>
${bar(c, 0)}
<p class="muted">${plural(s.assertions, 'check')} in ${plural(s.requests, 'request')} (${s.tokenRequests} to the token endpoint, ${s.tokensIssued} answered with a token).</p>
${rows.length > 0 ? `<table id="folders"><thead><tr><th>Folder</th><th class="n">Passed</th><th class="n">Failed</th><th class="n">Skipped</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
</section>`;
}

function bar(c: Counts, index: number): string {
  return `<div class="bar bar-${index}" role="img" aria-label="${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped"><span class="p"></span><span class="f"></span><span class="s"></span></div>`;
}

/** The bars' proportions live in the hashed style sheet, so the page needs no inline style attributes. */
function barWidths(all: Counts[]): string {
  return all.map((c, i) => `.bar-${i} .p{flex-grow:${c.passed}}.bar-${i} .f{flex-grow:${c.failed}}.bar-${i} .s{flex-grow:${c.skipped}}`).join('\n');
}

/** Each item's section anchor: that of its last request, the one its checks judged. */
function anchorsOf(requests: readonly RequestRecord[]): Map<string, string> {
  return new Map(requests.map((r, i) => [r.item, `req-${i}`]));
}

function linked(item: string, anchors: Map<string, string>): string {
  const anchor = anchors.get(item);
  return anchor ? `<a href="#${anchor}">${esc(item)}</a>` : esc(item);
}

function failuresSection(failures: readonly AssertionRecord[], anchors: Map<string, string>): string {
  const items = failures.map((f) => `${linked(f.item, anchors)} &rsaquo; ${esc(f.name)}${failureDetail(f)}`);
  return listSection('failures', 'Failures', items, 'fail', 'ol');
}

function failureDetail(a: AssertionRecord): string {
  const message = a.message ? `<div class="msg">${esc(a.message)}</div>` : '';
  const all =
    a.details && a.details.length > 0
      ? `<details><summary>all ${a.details.length} errors</summary><ol class="msg">${a.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ol></details>`
      : '';
  return message + all;
}

function skippedSection(s: RunSummary, anchors: Map<string, string>): string {
  const unsent = unsentWithoutChecks(s).map(({ item, reason }) => `${esc(item)}: not sent, ${esc(reason)}`);
  const checks = s.skipped.map((a) => `${linked(a.item, anchors)} &rsaquo; ${esc(a.name)}: ${esc(skipReason(a))}`);
  return listSection('skipped', 'Skipped', [...unsent, ...checks], 'skip');
}

function listSection(id: string, title: string, items: string[], cls: string, tag: 'ul' | 'ol' = 'ul'): string {
  if (items.length === 0) return '';
  return `<section class="card" id="${id}"><h2 class="${cls}">${title} (${items.length})</h2><${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}></section>`;
}

function checksOf(r: RequestRecord, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): AssertionRecord[] {
  return judgedRequest(r.item, requests) === r ? assertions.filter((a) => a.item === r.item) : [];
}

function requestSection(r: RequestRecord, index: number, checks: AssertionRecord[]): string {
  const failed = checks.some((a) => !a.passed && !a.skipped) || r.error !== undefined;
  return `<section class="card request${failed ? ' failed' : ''}" id="req-${index}"><h3>${esc(r.item)}</h3>
<p><code>${esc(r.method)} ${esc(r.url)}</code> &rarr; ${answer(r)}</p>
${checksDetails(checks)}
<details><summary>Request headers</summary><pre>${esc(headers(r.requestHeaders))}</pre></details>
<details><summary>Response headers</summary><pre>${esc(headers(r.responseHeaders))}</pre></details>
${r.responseBody === undefined ? '' : bodyDetails(r, failed)}
</section>`;
}

function answer(r: RequestRecord): string {
  if (r.error) return `<strong class="fail">no answer: ${esc(r.error)}${r.errorCode ? ` (${esc(r.errorCode)})` : ''}</strong>`;
  const facts = [r.contentType, `${r.responseTimeMs ?? '?'} ms`].filter(Boolean).map((f) => esc(f!));
  return `<strong>${r.status ?? '?'} ${esc(r.statusText ?? '')}</strong>, ${facts.join(', ')}`;
}

/** Unfolded when something in it failed or was skipped. */
function checksDetails(checks: AssertionRecord[]): string {
  if (checks.length === 0) return '';
  const failed = checks.filter((a) => !a.passed && !a.skipped).length;
  const skipped = checks.filter((a) => a.skipped).length;
  const tally = [`${checks.length - failed - skipped} passed`, failed ? `${failed} failed` : '', skipped ? `${skipped} skipped` : '']
    .filter(Boolean)
    .join(', ');
  return `<details class="checks"${failed + skipped > 0 ? ' open' : ''}><summary>${plural(checks.length, 'check')}: ${tally}</summary><ul class="checks">${checks.map(checkItem).join('')}</ul></details>`;
}

function checkItem(a: AssertionRecord): string {
  if (a.skipped) return `<li class="skip">${esc(a.name)} <span class="muted">(skipped: ${esc(skipReason(a))})</span></li>`;
  if (a.passed) return `<li class="pass">${esc(a.name)}</li>`;
  return `<li class="fail">${esc(a.name)}${failureDetail(a)}</li>`;
}

function bodyDetails(r: RequestRecord, open: boolean): string {
  const { text, cutNote } = bodyExcerpt(r);
  const note = cutNote ? `<p class="cut">${esc(cutNote)}</p>` : '';
  return `<details${open ? ' open' : ''}><summary>Response body</summary>${note}<pre>${esc(text)}</pre></details>`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const headers = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
