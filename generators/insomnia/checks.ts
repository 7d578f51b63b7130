// The contract checks as an Insomnia after-response script (Insomnia 9+): one `insomnia.test(name, fn)`
// per named check, with the names of the Postman collection (generators/shared/checks.ts), written
// only with the documented script API (insomnia.test, insomnia.test.skip, insomnia.expect,
// insomnia.response.code/json/headers.get/responseTime/to.have.jsonSchema). Every value and every
// name goes in through jsLiteral: data, never code.
//
// Insomnia documents a skipped state (`insomnia.test.skip`), so a check that needs the documented
// status is reported skipped when another status came, as Postman does: one failure, no cascade.
import type { ApiModel, JsonSchema } from '../../model/model.js';
import type { NamedCheck } from '../shared/checks.js';
import { clientSchema } from '../shared/client-schema.js';
import { jsLiteral } from '../shared/js-literal.js';
import { scriptTest, scriptTests, type ScriptTest } from '../shared/script-tests.js';
import { formatPrelude, schemaWithoutFormats, usedFormats } from './schema-formats.js';
import { OWN, pageCheckLines, type ScriptApi } from '../shared/page-script.js';

/** One Insomnia test (generators/shared/script-tests.ts). */
export type InsomniaTest = ScriptTest;

// `{{ _.name }}` in an environment value (a host variable) filled from the active environment, one level deep
const FILL = 'replace(/\\{\\{\\s*_\\.([\\w.-]+)\\s*\\}\\}/g, (m, n) => (insomnia.environment.get(n) === undefined ? m : String(insomnia.environment.get(n))))';

/**
 * The two-page walk (generators/shared/page-script.ts) in Insomnia's script API: the walk's
 * variables in the active environment (what `{{ _.name }}` reads; a pre-request script runs
 * before the templates are rendered), a request skipped with `insomnia.execution.skipRequest()`.
 */
export const INSOMNIA_SCRIPT_API: ScriptApi = {
  header: (name) => `insomnia.response.headers.get(${name})`,
  get: (name) => `insomnia.environment.get(${name})`,
  set: (name, value) => `insomnia.environment.set(${name}, ${value})`,
  interpolate: (template) => `String(insomnia.environment.get(${template}.slice(2, -2)) || '').${FILL}`,
  skip: 'insomnia.execution.skipRequest();',
};

/**
 * Insomnia's `to.have.jsonSchema` builds a default Ajv, which throws on `format: date-time` and has
 * no format to check it with: it gets the schema without `format`, and the formats the schema uses
 * are checked by a statement of their own in the same test (./schema-formats.ts).
 */
function schemaTest(documented: JsonSchema): { body: string[]; prelude: string[] } {
  const schema = clientSchema(documented);
  const formats = usedFormats(schema);
  const prelude = ["// The documented schema (draft-07; additional fields are allowed), without `format` for Insomnia's default Ajv."];
  if (formats.length === 0) {
    return { body: ['insomnia.response.to.have.jsonSchema(schema);'], prelude: [...prelude, `const schema = ${jsLiteral(schemaWithoutFormats(schema), 2)};`] };
  }
  return {
    body: [
      'insomnia.response.to.have.jsonSchema(schema);',
      "insomnia.expect(formatErrors(formatSchema, formatSchema, body, 'body'), 'values in their documented format').to.deep.equal([]);",
    ],
    prelude: [
      ...prelude,
      `const schema = ${jsLiteral(schemaWithoutFormats(schema), 2)};`,
      `const formatSchema = ${jsLiteral(schema)};`,
      ...formatPrelude(formats),
    ],
  };
}

/** The Insomnia source of one shared named check. */
export function insomniaTest(model: ApiModel, named: NamedCheck): InsomniaTest {
  const test = (body: string[], prelude?: string[]): InsomniaTest => scriptTest(named, body, prelude);
  switch (named.kind) {
    case 'status':
      return test([`insomnia.expect(insomnia.response.code).to.equal(${jsLiteral(named.status)});`]);
    case 'json':
      return test(["insomnia.expect(body, 'a JSON body').to.not.equal(undefined);"]);
    case 'content-type':
      return test(["insomnia.expect(String(insomnia.response.headers.get('Content-Type') || '')).to.match(/^application\\/([\\w.+-]+\\+)?json/i);"]);
    case 'schema': {
      const { body, prelude } = schemaTest(model.schemas[named.schema]!);
      return test(body, prelude);
    }
    case 'page-size':
    case 'page-total':
    case 'page-origin':
    case 'page-fresh':
    case 'page-more':
      return test(pageCheckLines(named, INSOMNIA_SCRIPT_API, 'insomnia.expect'), [OWN]);
    case 'every-item': {
      const [items, field] = [jsLiteral(named.rule.items), jsLiteral(named.rule.field)];
      return test(
        [
          `insomnia.expect(own(body, ${items})).to.be.an('array');`,
          `body[${items}].forEach((item, i) => { if (own(item, ${field}) !== undefined) insomnia.expect(String(item[${field}]), ${items} + '[' + i + '].' + ${field}).to.equal(String(${jsLiteral(named.rule.equals)})); });`,
        ],
        [OWN],
      );
    }
    case 'time':
      return test([`insomnia.expect(insomnia.response.responseTime).to.be.below(${jsLiteral(named.ms)});`]);
  }
}

/** The shared checks, with `extra` (the token answer's) before the time check, as Postman orders them. */
export function insomniaTests(model: ApiModel, checks: readonly NamedCheck[], extra: readonly InsomniaTest[] = []): InsomniaTest[] {
  return scriptTests(checks, (named) => insomniaTest(model, named), extra);
}

/** The after-response script: declarations, then each test; the dependent ones are skipped unless `status` came. */
export function afterResponseScript(status: number, tests: readonly InsomniaTest[], around: { prelude?: string[]; after?: string[] } = {}): string {
  const preludes = [...new Set(tests.flatMap((t) => t.prelude ?? [])), ...(around.prelude ?? [])];
  return [
    '// Checks named as in the Postman collection. A check that needs the documented status is reported',
    '// skipped (insomnia.test.skip) when another status came, so a wrong status is one failure.',
    '(function () {',
    '  const body = (() => { try { return insomnia.response.json(); } catch (e) { return undefined; } })();',
    `  const answered = insomnia.response.code === ${jsLiteral(status)};`,
    '  const check = (name, fn) => (answered ? insomnia.test(name, fn) : insomnia.test.skip(name, fn));',
    ...preludes.flatMap((line) => line.split('\n').map((l) => `  ${l}`)),
    ...tests.flatMap((t) => [`  ${t.dependent ? 'check' : 'insomnia.test'}(${jsLiteral(t.name)}, () => {`, ...t.body.map((line) => `    ${line}`), '  });']),
    ...(around.after ?? []).flatMap((line) => line.split('\n').map((l) => `  ${l}`)),
    '})();',
  ].join('\n');
}
