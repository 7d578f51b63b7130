// Named schemas are compiled once each, from one shared document: a description whose schemas
// reach one another does not compile every reached schema again for each schema reaching it (a
// real document of about a thousand schemas took 4 s in that step). A compile problem is still
// reported once, at the schema whose own body has it.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FIXTURE_SPEC, loadText, problemsOf } from '../support/model.js';

const FIXTURE = readFileSync(FIXTURE_SPEC, 'utf8');
const SCHEMAS = '\nschemas:\n';

/** The fixture description with `extra` (YAML lines, indented as named schemas) added to its schemas. */
function withSchemas(extra: string[]): string {
  expect(FIXTURE).toContain(SCHEMAS);
  return FIXTURE.replace(SCHEMAS, `${SCHEMAS}${extra.join('\n')}\n`);
}

/** `count` schemas, each with a few fields and a reference to the next: the first reaches them all. */
function chain(count: number): string[] {
  return Array.from({ length: count }, (_, i) => [
    `  Chain${i}:`,
    '    type: object',
    '    required: [id, name]',
    '    properties:',
    '      id: { type: string, minLength: 1 }',
    '      name: { type: string, maxLength: 200 }',
    '      size: { type: integer, minimum: 0 }',
    '      tags: { type: array, items: { type: string, pattern: "^[a-z]+$" } }',
    ...(i + 1 < count ? [`      next: { $ref: "#/schemas/Chain${i + 1}" }`] : []),
  ]).flat();
}

it('loads 120 schemas that reach one another in well under a second of CPU time', () => {
  const text = withSchemas(chain(120));
  loadText(text); // warm-up: modules and Ajv's formats
  const before = process.cpuUsage();
  const model = loadText(text);
  const used = process.cpuUsage(before);
  expect(Object.keys(model.schemas)).toContain('Chain119');
  // about 0.1 s with each schema compiled once; compiling each with all it reaches took about 10 s
  expect((used.user + used.system) / 1000).toBeLessThan(1500);
});

it.each([
  ['directly', []],
  [
    'through a cycle',
    [
      '  Start:',
      '    type: object',
      '    properties:',
      '      ring: { $ref: "#/schemas/RingA" }',
      '  RingA:',
      '    type: object',
      '    properties:',
      '      next: { $ref: "#/schemas/RingB" }',
      '      inner: { $ref: "#/schemas/Inner" }',
      '  RingB:',
      '    type: object',
      '    properties:',
      '      back: { $ref: "#/schemas/RingA" }',
    ],
  ],
])('reports a schema that does not compile once, at its own body, not at each schema reaching it %s', (_, more) => {
  const text = withSchemas([
    ...more,
    '  Outer:',
    '    type: object',
    '    properties:',
    '      inner: { $ref: "#/schemas/Inner" }',
    '  Middle:',
    '    type: array',
    '    items: { $ref: "#/schemas/Inner" }',
    '  Inner:',
    '    type: object',
    '    required: [kind]',
    '    properties:',
    '      name: { type: string }',
  ]);
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /invalid-schema: schema `Inner` does not compile as draft-07: required property "kind" is not defined at "#" \(strictRequired\)$/,
  );
});
