// One function per kind of assertion, each giving the sandbox source of its pm.test calls.
// Every check reads `body` (the parsed JSON answer, or undefined) declared by testScript().
// Every value, and every test name, goes in through jsLiteral: data, never code.
import type { Auth, Expectation, JsonSchema } from '../../../model/model.js';
import { jsLiteral } from '../../shared/js-literal.js';
import { accessorKeys, indent } from './js.js';
import { tokenChecks as tokenAnswerChecks, type TokenCheck } from '../../shared/token-checks.js';
import { CACHE, cacheKeyJs, storeTokenJs, tokenInJs } from './cache.js';
import { sandboxSchema } from './sandbox-schema.js';
import { CHECK_NAMES } from '../../shared/checks.js';

export type Check = string;

// Own properties only: `toString` or `constructor` is a field of the answer only when the answer holds it.
const own = (value: string, key: string) => `(${value} != null && Object.prototype.hasOwnProperty.call(${value}, ${key}) ? ${value}[${key}] : undefined)`;
const walk = (keys: string, from = 'body') => `${keys}.reduce((v, k) => ${own('v', 'k')}, ${from})`;

/** `pm.test(<name as data>, <fn>);`: `fn` is source, possibly several lines. */
const test = (name: string, fn: string | string[], runner = 'pm.test') => `${runner}(${jsLiteral(name)}, ${[fn].flat().join('\n')});`;

/**
 * A check that means something only when the documented status came: `check`, declared by
 * testScript(), is pm.test then and pm.test.skip otherwise, so a wrong status is one failure
 * and its dependants are reported skipped, not passed on an error body.
 */
const dependent = (name: string, fn: string | string[]) => test(name, fn, 'check');

export function statusCheck(status: number): Check {
  return test(CHECK_NAMES.status(status), `() => pm.response.to.have.status(${jsLiteral(status)})`);
}

export function contentTypeCheck(): Check {
  return dependent(CHECK_NAMES.contentType, "() => pm.expect(pm.response.headers.get('Content-Type') || '').to.match(/^application\\/([\\w.+-]+\\+)?json/i)");
}

export function jsonCheck(contentType: boolean): Check {
  const header = contentType ? `\n${contentTypeCheck()}` : '';
  return `${dependent(CHECK_NAMES.json, "() => pm.expect(body, 'a JSON body').to.not.equal(undefined)")}${header}`;
}

export function schemaCheck(name: string, schema: JsonSchema): Check {
  return dependent(CHECK_NAMES.schema(name), `() => pm.response.to.have.jsonSchema(${jsLiteral(sandboxSchema(schema))}, { ownProperties: true })`);
}

export function timeCheck(ms: number): Check {
  return test(CHECK_NAMES.time(ms), `() => pm.expect(pm.response.responseTime).to.be.below(${jsLiteral(ms)})`);
}

/** A dependent check whose function runs the given statements. */
export function blockCheck(name: string, statements: string[]): Check {
  return dependent(name, ['() => {', ...statements.map((line) => `  ${line}`), '}']);
}

export function everyItemCheck(rule: NonNullable<Expectation['everyItem']>): Check {
  const [items, field] = [jsLiteral(rule.items), jsLiteral(rule.field)];
  return dependent(CHECK_NAMES.everyItem(rule), [
    '() => {',
    `  pm.expect(${own('body', items)}).to.be.an('array');`,
    `  body[${items}].forEach((item, i) => { if (${own('item', field)} !== undefined) pm.expect(String(item[${field}]), ${items} + '[' + i + '].' + ${field}).to.equal(String(${jsLiteral(rule.equals)})); });`,
    '}',
  ]);
}

/** Token answer: the documented token_type and lifetime, and, when the docs say JWT, a JWT that is signed (generators/shared/token-checks.ts). */
export function tokenChecks(auth: Auth): Check {
  const { typeCheck, prelude, checks } = tokenAnswerChecks(auth);
  return [pmCheck(typeCheck), ...prelude, ...checks.map(pmCheck)].join('\n');
}

/** A token check as Postman runs it: one statement as an arrow's body, a few on one line, declarations on lines of their own. */
function pmCheck(check: TokenCheck): Check {
  const statements = check.statements('pm.expect');
  if (statements.length === 1) return dependent(check.name, `() => ${statements[0]!.replace(/;$/, '')}`);
  if (statements.some((line) => line.startsWith('const '))) return dependent(check.name, ['() => {', ...statements.map((line) => `  ${line}`), '}']);
  return dependent(check.name, `() => { ${statements.join(' ')} }`);
}

/** After a successful token answer, cache it exactly as the pre-request script would. */
export function cacheToken(auth: Auth, hosts: readonly string[]): Check {
  return [
    `const answered = ${tokenInJs('body', auth.token.field)};`,
    `if (pm.response.code === 200 && typeof answered === 'string' && answered !== '') {`,
    indent(storeTokenJs(auth.lifetime, { token: 'answered', body: 'body', key: cacheKeyJs(auth, hosts) }), '  '),
    `}`,
  ].join('\n');
}

/** Each captured value goes into the collection variable of its name (a name is data, not a JS identifier). */
export function captureVariables(capture: Record<string, string>): Check {
  return Object.entries(capture)
    .map(([name, path]) =>
      [
        `{ const value = ${walk(accessorKeys(path))};`,
        `  if (value === undefined || value === null) pm.collectionVariables.unset(${jsLiteral(name)}); else pm.collectionVariables.set(${jsLiteral(name)}, String(value)); }`,
      ].join('\n'),
    )
    .join('\n');
}

/** Wraps checks so they stand aside while the recovery script retries this request; `status` is the one the checks expect. */
export function testScript(checks: Check[], status: number): string[] {
  return [
    '(function () {',
    `  if (pm.collectionVariables.get(${jsLiteral(CACHE.retrying)}) === pm.info.requestId) return; // a retry follows`,
    "  if (!pm.response || typeof pm.response.code !== 'number') { pm.test('an answer arrived', () => pm.expect.fail('no answer: see the request error')); return; }",
    // chai quotes at most 40 characters of a value: the runner's redactor must see it whole to hide it
    "  require('chai').config.truncateThreshold = 0;",
    '  const body = (() => { try { return pm.response.json(); } catch (e) { return undefined; } })();',
    `  const check = pm.response.code === ${jsLiteral(status)} ? pm.test : pm.test.skip;`,
    ...checks.filter((check) => check !== '').flatMap((check) => check.split('\n').map((line) => `  ${line}`)),
    '})();',
  ];
}
