// Coverage for people: the HTML report's section, read at a glance (a bar per endpoint, a chip per
// documented status and query parameter, filled when the run exercised it), and the summary line.
import type { ExtraSection } from '../reporters/html.js';
import { escapeMarkup as esc } from '../reporters/markup.js';
import type { CoverageReport, EndpointCoverage } from './coverage.js';

export const COVERAGE_FILE = 'contract-coverage.json';

export function coverageLine(report: CoverageReport, jsonPath: string): string {
  const all = Object.values(report.endpoints);
  return `Coverage: ${report.percent}% (${all.filter((e) => e.called).length} of ${all.length} endpoints called; see ${jsonPath})`;
}

const STYLE = `#coverage .meter{display:inline-block;width:10rem;height:.8rem;background:#d0d7de;border-radius:3px;vertical-align:middle;overflow:hidden}
#coverage .meter span{display:block;height:100%;background:#2da44e}
#coverage .chip{display:inline-block;margin:1px;padding:0 .35rem;border-radius:3px;font:12px/1.5 ui-monospace,monospace;border:1px solid #afb8c1;color:#57606a}
#coverage .chip.hit{background:#2da44e;border-color:#2da44e;color:#fff}
#coverage .chip.extra{background:#bf8700;border-color:#bf8700;color:#fff}
#coverage td>code{overflow-wrap:normal;white-space:nowrap}`;

/** A meter's width comes from a class: the page's CSP allows no style attribute. */
const meter = (percent: number, label: string) => `<span class="meter w${Math.round(percent)}" role="img" aria-label="${esc(label)}"><span></span></span>`;

export function coverageHtml(report: CoverageReport): ExtraSection {
  const entries = Object.entries(report.endpoints);
  const percents = [report.percent, ...entries.map(([, e]) => endpointPercent(e))];
  const widths = [...new Set(percents.map((p) => Math.round(p)))].map((w) => `#coverage .w${w} span{width:${w}%}`);
  const html = `<section class="card" id="coverage"><h2>Coverage: ${report.percent}%</h2>
<p>${meter(report.percent, `${report.percent}% covered`)} ${esc(report.definition)}</p>
<table><tr><th>Endpoint</th><th>Covered</th><th>Statuses</th><th>Query parameters</th><th>Contract cases</th></tr>
${entries.map(([id, e]) => endpointRow(id, e)).join('\n')}</table>
<p class="muted">Filled: exercised by this run. Outlined: documented, not exercised. Amber: answered, not documented.</p></section>`;
  return { html, style: [STYLE, ...widths].join('\n') };
}

const endpointPercent = (e: EndpointCoverage) => (e.points.total === 0 ? 100 : Math.floor((e.points.covered / e.points.total) * 100));

function endpointRow(id: string, e: EndpointCoverage): string {
  const percent = endpointPercent(e);
  const chip = (text: string, cls: string) => `<span class="chip${cls}">${esc(text)}</span>`;
  const statuses = [
    ...e.statuses.documented.map((s) => chip(String(s), e.statuses.seen.includes(s) ? ' hit' : '')),
    ...e.statuses.seen.filter((s) => !e.statuses.documented.includes(s)).map((s) => chip(String(s), ' extra')),
  ];
  const query = e.query.documented.map((q) => chip(q, e.query.exercised.includes(q) ? ' hit' : ''));
  const called = e.called ? `${e.requests} request${e.requests === 1 ? '' : 's'}` : '<span class="fail">not called</span>';
  return `<tr><td><code>${esc(id)}</code><br><span class="muted">${esc(e.name)}</span></td><td>${meter(percent, `${percent}%`)} ${percent}%<br><span class="muted">${called}</span></td><td>${statuses.join(' ')}</td><td>${query.join(' ') || '&mdash;'}</td><td>${e.cases.map((c) => `<code>${esc(c)}</code>`).join('<br>') || '&mdash;'}</td></tr>`;
}
