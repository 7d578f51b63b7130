// Request-level pre-request scripts.
import { jsLiteral } from '../../shared/js-literal.js';
import { CACHE } from './cache.js';
import { UNSIGNED_TOKEN } from '../../shared/contract-values.js';
import type { Endpoint } from '../../../model/model.js';
import { SCRIPT_VARIABLES } from '../../../model/script-variables.js';
import { writeSkipNote } from '../../shared/write-requests.js';

/** Skips the request, saying why, when a variable it needs was not captured. */
export function requiresScript(variables: string[], name: string): string[] {
  return [
    `const missing = ${jsLiteral(variables)}.filter((name) => !pm.variables.get(name));`,
    'if (missing.length > 0) {',
    `  console.warn(${jsLiteral(`Skipped "${name}": `)} + missing.join(', ') + ' not set (the request that captures it returned nothing to use).');`,
    '  pm.execution.skipRequest();',
    '}',
  ];
}

/** Skips a documented write request, saying why, in the kit's contract run. */
export function writeSkipScript(endpoint: Pick<Endpoint, 'name' | 'method'>): string[] {
  return [
    `if (pm.variables.get(${jsLiteral(SCRIPT_VARIABLES.contractRun)}) === 'on') {`,
    `  console.warn(${jsLiteral(writeSkipNote(endpoint))});`,
    '  pm.execution.skipRequest();',
    '}',
  ];
}

/** Puts the cached token, with its signature altered, in a local variable. */
export function tamperScript(variable: string): string[] {
  return [
    `const token = pm.collectionVariables.get(${jsLiteral(CACHE.token)}) || '${UNSIGNED_TOKEN}';`,
    "const [header, claims, signature = ''] = token.split('.');",
    "const altered = signature.split('').map((c, i) => (i % 3 === 0 ? (c === 'A' ? 'B' : 'A') : c)).join('') || 'AAAA';",
    `pm.variables.set(${jsLiteral(variable)}, [header, claims, altered].join('.'));`,
  ];
}
