// `npm run bench` still wires up its real-document case: the committed document unpacks, is a real
// OpenAPI document of 300 or more operations with a client-credentials scheme, and our tool is
// `import` then `generate` into the run's own folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, expect, it } from 'vitest';
import { failure, importTable } from '../../bench/generation.js';
import { ourImportTool, REAL_DOCUMENT, realDocumentCase } from '../../bench/real-document.js';
import { REPO } from '../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'st-bench-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('unpacks a real OpenAPI document of 300 or more operations with a client-credentials scheme', () => {
  const input = realDocumentCase(REPO, dir);
  const doc = load(readFileSync(input.openapi, 'utf8')) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { securitySchemes: Record<string, { type: string; flows?: Record<string, unknown> }> };
  };
  expect(doc.openapi).toMatch(/^3\./);
  const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
  const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((key) => methods.has(key)));
  expect(operations.length).toBe(input.endpoints);
  expect(input.endpoints).toBeGreaterThanOrEqual(300);
  expect(Object.values(doc.components.securitySchemes).some((s) => s.type === 'oauth2' && s.flows?.clientCredentials)).toBe(true);
});

it('runs ours as import then generate, writing only into the run folder', () => {
  const input = { name: 'x', spec: '/docs/a b.yaml', openapi: '/docs/a b.yaml', endpoints: 1 };
  const tool = ourImportTool(REPO);
  const [flag, line] = tool.args(input, '/tmp/out');
  expect(tool.command).toBe('/bin/sh');
  expect(flag).toBe('-c');
  expect(line).toContain(`import '/docs/a b.yaml' --out '/tmp/out/description.yaml' ${REAL_DOCUMENT.importFlags.join(' ')}`);
  expect(line).toContain(`generate --spec '/tmp/out/description.yaml' --out '/tmp/out/clients'`);
});

it('shows each tool against ours, and a failed run with its reason', () => {
  const input = { name: 'Doc', spec: 'd', openapi: 'd', endpoints: 321 };
  const text = importTable(input, [
    { tool: 'ours', runs: [100, 120, 110], failures: [] },
    { tool: 'peer', runs: [1100, 1200], failures: ['exit 1: Circular $ref pointer found'] },
  ]);
  expect(text).toContain('**Doc** (321 operations)');
  expect(text).toContain('| ours | 3 | 100 | 110 | 1.00x |');
  expect(text).toContain('| peer | 2 (1 failed) | 1100 | 1150 | 10.45x |');
  expect(text).toContain('- peer failed: exit 1: Circular $ref pointer found');
});

it.each([
  [null, 'Input file: /tmp/doc.yaml', 'no answer within 180 s (killed)'],
  [
    1,
    '\u001b[31m OAS File Error - There is an issue\n\u001b[31m ReferenceError: Circular $ref pointer found at /d.yaml#/x\nPlease see https://x/docs/ERRORS.md\n=====',
    'exit 1: ReferenceError: Circular $ref pointer found at /d.yaml#/x',
  ],
  [2, 'a\nb\nc\nd', 'exit 2: b / c / d'],
])('names why a run failed (exit %s)', (code, output, reason) => {
  expect(failure(code, output)).toBe(reason);
});
