// Ids, names and statuses that must be unique where they are listed.
import type { NodePath, Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

/** Environments, resources, contract cases and endpoints (across resources) each have distinct ids. */
export function checkIds(spec: RawSpec, report: Report): void {
  checkUnique(spec.environments, ['environments'], 'environment', report);
  checkUnique(spec.resources, ['resources'], 'resource', report);
  checkUnique(spec.contract.cases, ['contract', 'cases'], 'case', report);
  const endpoints = spec.resources.flatMap((r, i) => r.endpoints.map((e, j) => ({ e, path: ['resources', i, 'endpoints', j] as NodePath })));
  checkUnique(
    endpoints.map(({ e }) => e),
    [],
    'endpoint',
    report,
    endpoints.map(({ path }) => path),
  );
}

/** Reports every item whose `field` (id, name, status) repeats an earlier one. */
export function checkUnique(items: { id: string }[], path: NodePath, kind: string, report: Report, paths?: NodePath[], field = 'id'): void {
  const seen = new Map<string, NodePath>();
  items.forEach((item, i) => {
    const here = paths?.[i] ?? [...path, i];
    const first = seen.get(item.id);
    if (first) report('duplicate-id', [...here, field], `${kind} ${field} \`${item.id}\` is already used (first at ${pathText(first)})`);
    else seen.set(item.id, here);
  });
}

function pathText(path: NodePath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}
