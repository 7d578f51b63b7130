// A self-contained HTML report for people: totals, then every request with its assertions,
// headers and body. It is built only from redacted records, so it cannot hold a secret.
import type { AssertionRecord, ContractReporter, ReportFile, RequestRecord, RunSummary } from '../events.js';

export function htmlReporter(path: string, collect: (file: ReportFile) => void): ContractReporter {
  return { onDone: (summary, requests, assertions) => collect({ path, content: htmlReport(summary, requests, assertions) }) };
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}
.pass{color:#137333}.fail{color:#b3261e}.skip{color:#777}section{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}pre{background:#f6f6f6;padding:.5rem;overflow:auto;max-height:20rem}
summary{cursor:pointer}`;

export function htmlReport(summary: RunSummary, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): string {
  const passed = summary.failures.length + summary.errors.length === 0;
  const sections = requests.map((r, i) => requestSection(r, i, assertionsOf(r, requests, assertions)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contract report</title><style>${STYLE}</style></head>
<body>
<h1>Contract run against ${esc(summary.target)}: <span class="${passed ? 'pass' : 'fail'}">${passed ? 'PASSED' : 'FAILED'}</span></h1>
<table>
<tr><th>Requests</th><td>${summary.requests} (${summary.tokenRequests} to the token endpoint, ${summary.tokensIssued} answered with a token)</td></tr>
<tr><th>Assertions</th><td>${summary.assertions}, ${summary.failures.length} failed</td></tr>
<tr><th>Errors</th><td>${summary.errors.length}</td></tr>
<tr><th>Wall time</th><td>${(summary.wallTimeMs / 1000).toFixed(1)} s</td></tr>
</table>
${list('Failures', summary.failures.map((f) => `${esc(f.item)} &gt; ${esc(f.name)}: ${esc(f.message ?? '')}`), 'fail')}
${list('Errors', summary.errors.map(esc), 'fail')}
${list('Notes', summary.notes.map(esc), 'skip')}
${sections.join('\n')}
<p class="skip">Authorization headers, the client secret and every token are redacted.</p>
</body></html>
`;
}

/** A request's assertions: those of its item, for the last request of that item (retries). */
function assertionsOf(r: RequestRecord, requests: readonly RequestRecord[], assertions: readonly AssertionRecord[]): AssertionRecord[] {
  const last = requests.filter((x) => x.item === r.item).at(-1);
  return last === r ? assertions.filter((a) => a.item === r.item) : [];
}

function requestSection(r: RequestRecord, index: number, assertions: AssertionRecord[]): string {
  const outcome = r.error ? `<span class="fail">${esc(r.error)}</span>` : `${r.status ?? ''} ${esc(r.statusText ?? '')}, ${r.responseTimeMs ?? '?'} ms`;
  const rows = assertions.map((a) => {
    const cls = a.skipped ? 'skip' : a.passed ? 'pass' : 'fail';
    const mark = a.skipped ? 'skipped' : a.passed ? '&#10003;' : '&#10007;';
    return `<tr class="${cls}"><td>${mark}</td><td>${esc(a.name)}${a.message ? `<br>${esc(a.message)}` : ''}</td></tr>`;
  });
  return `<section id="r${index}"><h2>${esc(r.item)}</h2>
<p><code>${esc(r.method)} ${esc(r.url)}</code> &rarr; ${outcome}</p>
<table>${rows.join('')}</table>
<details><summary>Request headers</summary><pre>${esc(headers(r.requestHeaders))}</pre></details>
<details><summary>Response headers</summary><pre>${esc(headers(r.responseHeaders))}</pre></details>
<details${r.tokenRequest ? ' open' : ''}><summary>Response body</summary><pre>${esc(pretty(r.responseBody ?? ''))}</pre></details>
</section>`;
}

function list(title: string, items: string[], cls: string): string {
  return items.length === 0 ? '' : `<h2>${title}</h2><ul class="${cls}">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

const headers = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n');

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
