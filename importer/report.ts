// The import report as text for stdout: counts first, then every skip reason, guess and warning,
// and the schema rewrites and renames grouped by kind (the JSON report lists each one).
import { printable } from '../contract/printable.js';
import type { ImportReport } from './context.js';

const SHOWN = 5;

export function formatImportReport(report: ImportReport, out: string): string {
  const total = report.kept.length + report.skipped.length;
  const lines = [
    `Imported ${report.source} (${report.openapi === '2.0' ? 'Swagger' : 'OpenAPI'} ${report.openapi}) with scheme ${report.scheme} -> ${out}`,
    `Operations: ${report.kept.length} of ${total} kept`,
    ...skipLines(report, total),
    ...section('Guesses (marked under `unknowns`)', report.guesses),
    ...section(
      'Unknowns',
      report.unknowns.filter((u) => !u.startsWith('Guessed: ')),
    ),
    ...section('Warnings', report.warnings),
    ...section('Recognised', report.notes),
    ...grouped(
      'Schema rewrites',
      report.schemaRewrites.map((r) => ({ kind: r.change.replace(/`[^`]*`/g, '`…`'), item: `${r.at}: ${r.change}` })),
    ),
    ...grouped(
      'Names sanitised',
      report.renamed.map((r) => ({ kind: r.kind, item: `${r.from} -> ${r.to}` })),
    ),
  ];
  return `${lines.map((line) => printable(line)).join('\n')}\n`;
}

function skipLines(report: ImportReport, total: number): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of report.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), `${s.method} ${s.path}`]);
  return [...byReason].map(([reason, ops]) => `  skipped ${ops.length} of ${total}: ${reason} (${shown(ops)})`);
}

function section(title: string, items: string[]): string[] {
  return items.length ? [`${title}:`, ...items.map((i) => `  - ${i}`)] : [];
}

function grouped(title: string, entries: Array<{ kind: string; item: string }>): string[] {
  if (entries.length === 0) return [];
  const byKind = new Map<string, string[]>();
  for (const e of entries) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.item]);
  return [
    `${title}: ${entries.length} (each listed in --report FILE)`,
    ...[...byKind].map(([kind, items]) => `  - ${items.length} x ${kind}: ${shown(items)}`),
  ];
}

function shown(items: string[]): string {
  return items.length > SHOWN ? `${items.slice(0, SHOWN).join(', ')}, and ${items.length - SHOWN} more` : items.join(', ');
}
