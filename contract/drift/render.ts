// Drift for people: the Markdown file, the HTML report's section and the summary line. Paths and
// values come from the network: cut short by the walk, escaped here for where they go.
import type { ExtraSection } from '../reporters/html.js';
import { escapeMarkup as esc } from '../reporters/markup.js';
import { driftCount, type DriftReport, type EndpointDrift, type FieldDrift } from './drift.js';
import { MAX_PATH } from './observe.js';
import { cutNotes, plural, shown, unreadNotes } from './notes.js';

export const DRIFT_FILES = { json: 'contract-drift.json', md: 'contract-drift.md' } as const;

export function driftLine(report: DriftReport, mdPath: string): string {
  const { fields, endpoints, findings, unread } = driftCount(report);
  const others = findings - fields - unread;
  const more = others > 0 ? ` and ${plural(others, 'other finding')} (statuses, content types, enum values)` : '';
  const ids = Object.keys(report).sort();
  const unreadPart = unread > 0 ? `could not read ${plural(unread, 'answer')} (${perEndpoint(report, ids, unreadNotes)}), so their drift is unknown; ` : '';
  const cuts = perEndpoint(report, ids, cutNotes);
  const cutPart = cuts ? `; lists cut: ${cuts}` : '';
  return `Drift: ${unreadPart}${plural(fields, 'undocumented field')}${more} on ${plural(endpoints, 'endpoint')}${cutPart} (see ${mdPath})`;
}

/** `getDevice: 1 answer with status 200: its body is not JSON; listDevices: ...`, or '' when no endpoint has any. */
function perEndpoint(report: DriftReport, ids: string[], notes: (e: EndpointDrift) => string[]): string {
  return ids.flatMap((id) => notes(report[id]!).map((note) => `${id}: ${note}`)).join('; ');
}

/** A code span that holds any text: backticks become their JSON escape, controls are escaped by JSON. */
const code = (text: string) => `\`${JSON.stringify(text).slice(1, -1).replace(/`/g, '\\u0060').replace(/\|/g, '\\|')}\``;
const fieldRow = (f: FieldDrift) => `| ${code(f.path)} | ${f.types.join(', ')} | ${f.answers} |`;

export function driftMarkdown(report: DriftReport): string {
  const ids = Object.keys(report).sort();
  const lines = [
    '# Contract drift',
    '',
    'What the answers held that the description does not say, per endpoint: names and JSON types only (values only where they break an enum).',
    `Paths longer than ${MAX_PATH} characters are cut (\u2026) and hold what lies below them.`,
    '',
  ];
  const { unread } = driftCount(report);
  if (unread > 0) lines.push(`**Could not read ${plural(unread, 'answer')}**: their drift is unknown (see the endpoints below).`, '');
  if (ids.length === 0) lines.push('No endpoint answered.');
  for (const id of ids) lines.push(...endpointMarkdown(id, report[id]!), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function endpointMarkdown(id: string, e: EndpointDrift): string[] {
  const lines = [`## ${code(id)}`, '', `${plural(e.answers, 'answer')} read against the documented schema.`];
  for (const note of unreadNotes(e)) lines.push('', `**Could not read** ${note}.`);
  const title = (text: string, list: keyof NonNullable<EndpointDrift['cut']>) => `${text}${e.cut?.[list] ? ` (${shown(e.cut[list])})` : ''}:`;
  const table = (heading: string, rows: FieldDrift[]) =>
    rows.length === 0 ? [] : ['', heading, '', '| path | types | answers |', '| --- | --- | --- |', ...rows.map(fieldRow)];
  lines.push(...table(title('Undocumented fields', 'undocumentedFields'), e.undocumentedFields));
  if (e.outOfEnum.length > 0)
    lines.push(
      '',
      title('Values outside the documented enum', 'outOfEnum'),
      '',
      ...e.outOfEnum.map((x) => `- ${code(x.path)}: ${x.values.map(code).join(', ')}${x.valuesCut ? ` (${shown(x.valuesCut)})` : ''}`),
    );
  if (e.undocumentedStatuses.length > 0)
    lines.push('', `Undocumented statuses: ${e.undocumentedStatuses.map((s) => `${s.status} (${plural(s.answers, 'answer')})`).join(', ')}`);
  if (e.undocumentedContentTypes.length > 0)
    lines.push(
      '',
      `Undocumented content types: ${e.undocumentedContentTypes.map((c) => `${code(c.contentType)} (${plural(c.answers, 'answer')})`).join(', ')}`,
    );
  if (e.headers.length > 0) lines.push('', `Rate-limit headers seen: ${e.headers.map(code).join(', ')}`);
  lines.push(...table(title('Fields inside values the description leaves open', 'openFields'), e.openFields));
  if (e.neverSeen.length > 0) lines.push('', `Documented but never seen: ${e.neverSeen.map(code).join(', ')}`);
  if (driftCount({ [id]: e }).findings === 0) lines.push('', 'No drift.');
  return lines;
}

/** The HTML report's drift section. */
export function driftHtml(report: DriftReport): ExtraSection {
  const { fields, endpoints, findings, unread } = driftCount(report);
  const rows = Object.keys(report)
    .sort()
    .map((id) => endpointRow(id, report[id]!));
  const verdict =
    findings === 0
      ? '<p class="pass">No drift: every answer held only what the description says.</p>'
      : `<p class="fail">${unread > 0 ? `Could not read ${esc(plural(unread, 'answer'))}: their drift is unknown. ` : ''}${esc(plural(fields, 'undocumented field'))}, ${esc(plural(findings - fields - unread, 'other finding'))}, on ${esc(plural(endpoints, 'endpoint'))}.</p>`;
  const html = `<section class="card" id="drift"><h2>Drift</h2>${verdict}
<table><tr><th>Endpoint</th><th>Answers</th><th>Undocumented fields (types, answers)</th><th>Other findings</th><th>Also seen</th></tr>
${rows.join('\n')}</table>
<p class="muted">Names and types only; values only where they break a documented enum. Full list: contract-drift.md.</p></section>`;
  return { html, style: '#drift tr.drifted td:first-child{border-left:4px solid #cf222e}' };
}

function endpointRow(id: string, e: EndpointDrift): string {
  const fieldList =
    [
      ...e.undocumentedFields.map((f) => `<code>${esc(f.path)}</code> (${esc(f.types.join(', '))}, ${f.answers})`),
      ...cutNotes(e).map((note) => `<b class="cut">${esc(note)}</b>`),
    ].join('<br>') || '&mdash;';
  const others = [
    ...unreadNotes(e).map((note) => `<b class="fail">could not read ${esc(note)}</b>`),
    ...e.outOfEnum.map(
      (x) =>
        `<code>${esc(x.path)}</code> outside its enum: ${x.values.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(', ')}${x.valuesCut ? ` (${esc(shown(x.valuesCut))})` : ''}`,
    ),
    ...e.undocumentedStatuses.map((s) => `status ${s.status} (${s.answers})`),
    ...e.undocumentedContentTypes.map((c) => `content type <code>${esc(c.contentType)}</code> (${c.answers})`),
  ];
  const also = [
    ...(e.headers.length > 0 ? [`headers: ${e.headers.map((h) => `<code>${esc(h)}</code>`).join(', ')}`] : []),
    ...(e.openFields.length > 0 ? [`${plural(e.cut?.openFields?.total ?? e.openFields.length, 'field')} inside open values`] : []),
    ...(e.neverSeen.length > 0 ? [`never seen: ${e.neverSeen.map((p) => `<code>${esc(p)}</code>`).join(', ')}`] : []),
  ];
  const drifted = e.undocumentedFields.length + others.length > 0;
  return `<tr${drifted ? ' class="drifted"' : ''}><td><code class="${drifted ? 'fail' : 'pass'}">${esc(id)}</code></td><td>${e.answers}</td><td>${fieldList}</td><td>${others.join('<br>') || '&mdash;'}</td><td class="muted">${also.join('<br>') || '&mdash;'}</td></tr>`;
}
