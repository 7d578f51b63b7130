// The contract checks as a Bruno `tests` script: one `test(name, fn)` per named check, with the
// names of the Postman collection (generators/shared/checks.ts), so `bru run`'s JUnit report lines up
// with newman's. Every value and every name goes in through jsLiteral: data, never code.
//
// Bruno has no skipped state (a test passes or fails; bru counts any other status as failed and
// prints it with a cross). So a check that needs the expected status is not registered when another
// status came, and the status check's failure message names the checks left out: a wrong status is
// one failure that says what went unchecked, never a pass and never a cascade of failures.
import type { ApiModel, JsonSchema } from '../../model/model.js';
import type { NamedCheck } from '../shared/checks.js';
import { clientSchema } from '../shared/client-schema.js';
import { jsLiteral } from '../shared/js-literal.js';
import { scriptTest, scriptTests, type ScriptTest } from '../shared/script-tests.js';
import { OWN, pageCheckLines, type ScriptApi } from '../shared/page-script.js';

/** One Bruno test (generators/shared/script-tests.ts). */
export type BrunoTest = ScriptTest;

/** The two-page walk (generators/shared/page-script.ts) in Bruno's script API. */
export const BRUNO_SCRIPT_API: ScriptApi = {
  header: (name) => `res.getHeader(String(${name}).toLowerCase())`,
  get: (name) => `bru.getVar(${name})`,
  set: (name, value) => `bru.setVar(${name}, ${value})`,
  interpolate: (template) => `bru.interpolate(${template})`,
  skip: 'bru.runner.skipRequest();',
};

function schemaPrelude(schema: JsonSchema): string[] {
  return ['// The documented schema (draft-07; additional fields are allowed).', `const schema = ${jsLiteral(clientSchema(schema), 2)};`];
}

/** The Bruno source of one shared named check. */
export function brunoTest(model: ApiModel, named: NamedCheck): BrunoTest {
  const test = (body: string[], prelude?: string[]): BrunoTest => scriptTest(named, body, prelude);
  switch (named.kind) {
    case 'status':
      return test([`expect(res.getStatus(), NOT_CHECKED).to.equal(${jsLiteral(named.status)});`]);
    case 'json':
      return test(["expect(body !== undefined && typeof body !== 'string', 'a JSON body').to.equal(true);"]);
    case 'content-type':
      return test(["expect(String(res.getHeader('content-type') || '')).to.match(/^application\\/([\\w.+-]+\\+)?json/i);"]);
    case 'schema':
      return test(['expect(body).to.have.jsonSchema(schema, { ownProperties: true });'], schemaPrelude(model.schemas[named.schema]!));
    case 'page-size':
    case 'page-total':
    case 'page-origin':
    case 'page-fresh':
    case 'page-more':
      return test(pageCheckLines(named, BRUNO_SCRIPT_API, 'expect'), [OWN]);
    case 'every-item': {
      const [items, field] = [jsLiteral(named.rule.items), jsLiteral(named.rule.field)];
      return test(
        [
          `expect(own(body, ${items})).to.be.an('array');`,
          `body[${items}].forEach((item, i) => { if (own(item, ${field}) !== undefined) expect(String(item[${field}]), ${items} + '[' + i + '].' + ${field}).to.equal(String(${jsLiteral(named.rule.equals)})); });`,
        ],
        [OWN],
      );
    }
    case 'time':
      return test([`expect(res.getResponseTime()).to.be.below(${jsLiteral(named.ms)});`]);
  }
}

/** The shared checks, with `extra` (a client's own checks, e.g. the token answer's) before the time check. */
export function brunoTests(model: ApiModel, checks: readonly NamedCheck[], extra: readonly BrunoTest[] = []): BrunoTest[] {
  return scriptTests(checks, (named) => brunoTest(model, named), extra);
}

/** Statements around the tests: declarations after the shared ones (`prelude`) and statements after the tests (`after`). */
export interface Around {
  prelude?: string[];
  after?: string[];
}

/** The `tests` block: declarations, then each test, the dependent ones only when `status` came. */
export function testsScript(status: number, tests: readonly BrunoTest[], around: Around = {}): string {
  const unchecked = tests.filter((t) => t.dependent).map((t) => t.name);
  const preludes = [...new Set(tests.flatMap((t) => t.prelude ?? [])), ...(around.prelude ?? [])];
  return [
    '// Checks named as in the Postman collection. Bruno has no skipped state: a check that needs the',
    '// documented status runs only when it came; otherwise the status check says which were left out.',
    'const body = res.getBody();',
    `const answered = res.getStatus() === ${jsLiteral(status)};`,
    `const NOT_CHECKED = ${jsLiteral(unchecked.length > 0 ? `the status the other checks need (not checked: ${unchecked.join('; ')})` : 'status')};`,
    ...preludes,
    '',
    ...tests.flatMap((t) => [`${t.dependent ? 'if (answered) ' : ''}test(${jsLiteral(t.name)}, function () {`, ...t.body.map((line) => `  ${line}`), '});']),
    ...(around.after ?? []),
  ].join('\n');
}

/** `devices` or `page.total` as a Bruno expression on `res.body` (format.schema.json allows identifier paths only). */
export function bodyExpression(path: string): string {
  return `res.body.${path}`;
}
