// Contract cases: each tests the token endpoint or one endpoint that exists, with values that fit
// its parameters and expectations that apply to it.
import { closest } from './closest.js';
import { checkValues } from './check-values.js';
import type { NodePath, Report } from './diagnostics.js';
import type { RawEndpoint, RawSpec } from './raw.js';

type RawCase = RawSpec['contract']['cases'][number];

export function checkCases(spec: RawSpec, report: Report): void {
  spec.contract.cases.forEach((c, i) => {
    const path: NodePath = ['contract', 'cases', i];
    if (c.token !== undefined && c.endpoint !== undefined) {
      report('invalid-case', [...path, 'endpoint'], 'a case tests either the token endpoint (`token`) or an API endpoint (`endpoint`), not both', 'key');
      return;
    }
    if (c.token === undefined && c.endpoint === undefined) {
      report('invalid-case', path, 'a case needs `token` (to test the token endpoint) or `endpoint` (to test an API endpoint)');
      return;
    }
    if (c.token) {
      for (const key of ['auth', 'query', 'pathParams'] as const) {
        if (c[key] !== undefined) report('invalid-case', [...path, key], `\`${key}\` applies to endpoint cases, not token cases`, 'key');
      }
      if (c.expect.page || c.expect.everyItem) report('invalid-case', [...path, 'expect'], '`page` and `everyItem` apply to endpoint cases');
      return;
    }
    const endpoint = spec.resources.flatMap((r) => r.endpoints).find((e) => e.id === c.endpoint);
    if (!endpoint) {
      const ids = [...new Set(spec.resources.flatMap((r) => r.endpoints.map((e) => e.id)))];
      const hint = closest(c.endpoint!, ids);
      report(
        'unknown-endpoint',
        [...path, 'endpoint'],
        `no endpoint has the id \`${c.endpoint}\`${hint ? ` (did you mean \`${hint}\`?)` : `; endpoints: ${ids.join(', ')}`}`,
      );
      return;
    }
    checkValues(c.query, endpoint.query ?? [], [...path, 'query'], report);
    checkValues(c.pathParams, endpoint.pathParams ?? [], [...path, 'pathParams'], report);
    if (c.expect.page) checkPage(c.expect.page, endpoint, [...path, 'expect', 'page'], report);
    if (c.expect.schema && !endpoint.responses.some((r) => r.status === c.expect.status && r.schema)) {
      report('invalid-case', [...path, 'expect', 'schema'], `endpoint \`${endpoint.id}\` documents no schema for status ${c.expect.status}`);
    }
  });
}

/** A paging case walks a list endpoint; its older `items`/`total` keys, when given, repeat the endpoint's `list`. */
function checkPage(page: NonNullable<RawCase['expect']['page']>, endpoint: RawEndpoint, path: NodePath, report: Report): void {
  const list = endpoint.list;
  if (!list) return void report('invalid-case', path, `\`page\` walks the pages of a list endpoint, and \`${endpoint.id}\` has no \`list\``, 'key');
  for (const key of ['items', 'total'] as const) {
    if (page[key] !== undefined && page[key] !== list[key])
      report(
        'invalid-case',
        [...path, key],
        `\`${key}\` must repeat the endpoint's \`list.${key}\` (${list[key] === undefined ? 'which is not given' : `\`${list[key]}\``}), or be left out: the walk reads the list's shape from the endpoint`,
      );
  }
}
