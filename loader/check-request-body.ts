// Request bodies: only a POST, PUT or PATCH endpoint takes one; a contract case sends a body only
// to an endpoint that takes one, and has one to send when the endpoint requires it.
import type { NodePath, Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

export function checkRequestBodies(spec: RawSpec, report: Report): void {
  spec.resources.forEach((r, i) =>
    r.endpoints.forEach((e, j) => {
      if (e.requestBody && !BODY_METHODS.includes(e.method))
        report(
          'invalid-value',
          ['resources', i, 'endpoints', j, 'requestBody'],
          `a request body applies to ${BODY_METHODS.join(', ')} endpoints; \`${e.id}\` is ${e.method}`,
          'key',
        );
    }),
  );
  spec.contract.cases.forEach((c, i) => checkCaseBody(spec, c, ['contract', 'cases', i], report));
}

function checkCaseBody(spec: RawSpec, c: RawSpec['contract']['cases'][number], path: NodePath, report: Report): void {
  if (c.endpoint === undefined) {
    if (c.body !== undefined) report('invalid-case', [...path, 'body'], '`body` applies to endpoint cases, not token cases', 'key');
    return;
  }
  const endpoint = spec.resources.flatMap((r) => r.endpoints).find((e) => e.id === c.endpoint);
  if (!endpoint) return; // checkCases reports it
  if (!endpoint.requestBody) {
    if (c.body !== undefined)
      report('invalid-case', [...path, 'body'], `endpoint \`${endpoint.id}\` takes no request body (it documents no \`requestBody\`)`, 'key');
    return;
  }
  if (c.body === undefined && endpoint.requestBody.example === undefined && endpoint.requestBody.required !== false)
    report(
      'invalid-case',
      [...path, 'endpoint'],
      `endpoint \`${endpoint.id}\` requires a body: give the case a \`body\`, or the endpoint's \`requestBody\` an \`example\``,
    );
}
