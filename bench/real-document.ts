// The real public document `npm run bench` imports: ours imports it and generates every client
// from the description written; the peers convert the same document to one Postman collection.
// Committed gzipped (tests/fixtures/openapi/README.md names its source, commit and licence).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GenerationCase, GenerationTool } from './generation.js';

export const REAL_DOCUMENT = {
  file: 'tests/fixtures/openapi/commercetools-api.openapi.yaml.gz',
  name: 'commercetools Composable Commerce API (commercetools/commercetools-api-reference oas/api/openapi.yaml @ 5867aa2)',
  /** What the document does not state, given as the import's flags. */
  importFlags: ['--client-auth', 'basic'],
};

/** Unpacks the document into `dir`; the case names it for the peers (they read it as it is). */
export function realDocumentCase(root: string, dir: string): GenerationCase {
  const openapi = join(dir, 'commercetools-api.openapi.yaml');
  writeFileSync(openapi, gunzipSync(readFileSync(join(root, REAL_DOCUMENT.file))));
  return { name: REAL_DOCUMENT.name, spec: openapi, openapi, endpoints: operationCount(readFileSync(openapi, 'utf8')) };
}

/** Operations under `paths` (a key of an HTTP method at the path item's indentation plus two). */
export function operationCount(yaml: string): number {
  return (yaml.match(/^ {4}(get|put|post|delete|patch|head|options|trace):/gm) ?? []).length;
}

/** Ours as two processes in one shell line: `import` writes the description, `generate` every client from it. */
export function ourImportTool(root: string): GenerationTool {
  const bin = join(root, 'bin/securithings-kit.js');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    name: 'ours (import, then generate every client)',
    command: '/bin/sh',
    cwd: root,
    args: (c, out) => [
      '-c',
      `${q(process.execPath)} ${q(bin)} import ${q(c.openapi)} --out ${q(join(out, 'description.yaml'))} ${REAL_DOCUMENT.importFlags.join(' ')} >/dev/null && ${q(process.execPath)} ${q(bin)} generate --spec ${q(join(out, 'description.yaml'))} --out ${q(join(out, 'clients'))}`,
    ],
  };
}
