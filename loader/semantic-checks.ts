// What a JSON Schema cannot say about a description, listed in one place. Each check is a
// function of its own file; each reports located diagnostics and never throws.
import { checkAuth, checkRequestHeaders } from './check-auth.js';
import { checkCases } from './check-cases.js';
import { checkEndpoints } from './check-endpoints.js';
import { checkFileNames } from './check-file-names.js';
import { checkIds } from './check-ids.js';
import { checkRequestBodies } from './check-request-body.js';
import { checkRequestValues } from './check-request-values.js';
import { checkResourcePaths } from './check-resource-paths.js';
import { checkServed } from './check-served.js';
import type { Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

export const SEMANTIC_CHECKS: readonly ((spec: RawSpec, report: Report) => void)[] = [
  checkIds,
  checkAuth,
  checkRequestHeaders,
  checkResourcePaths,
  checkEndpoints,
  checkCases,
  checkRequestBodies,
  checkRequestValues,
  checkServed,
  checkFileNames,
];

export function runSemanticChecks(spec: RawSpec, report: Report): void {
  for (const check of SEMANTIC_CHECKS) check(spec, report);
}
