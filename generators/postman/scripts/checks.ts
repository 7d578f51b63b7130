// One function per kind of assertion, each giving the sandbox source of its pm.test calls.
// Every check reads `body` (the parsed JSON answer, or undefined) declared by testScript().
// Every value, and every test name, goes in through jsLiteral: data, never code.
import type { Auth, Expectation, JsonSchema, Lifetime } from '../../../model/model.js';
import { isFixed, lifetimeText } from '../../../model/token-answer.js';
import { jsLiteral } from '../../shared/js-literal.js';
import { accessorKeys, indent } from './js.js';
import { CACHE, cacheKeyJs, fieldJs, storeTokenJs, tokenInJs } from './cache.js';
import { sandboxSchema } from './sandbox-schema.js';

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
  return test(`status is ${status}`, `() => pm.response.to.have.status(${jsLiteral(status)})`);
}

export function jsonCheck(contentType: boolean): Check {
  const header = contentType
    ? `\n${dependent('Content-Type is JSON', "() => pm.expect(pm.response.headers.get('Content-Type') || '').to.match(/^application\\/([\\w.+-]+\\+)?json/i)")}`
    : '';
  return `${dependent('body is JSON', "() => pm.expect(body, 'a JSON body').to.not.equal(undefined)")}${header}`;
}

export function schemaCheck(name: string, schema: JsonSchema): Check {
  return dependent(`body matches the ${name} schema`, `() => pm.response.to.have.jsonSchema(${jsLiteral(sandboxSchema(schema))}, { ownProperties: true })`);
}

export function timeCheck(ms: number): Check {
  return test(`answers within ${ms} ms`, `() => pm.expect(pm.response.responseTime).to.be.below(${jsLiteral(ms)})`);
}

export function pageCheck(page: NonNullable<Expectation['page']>): Check {
  const items = own('body', jsLiteral(page.items));
  const total = own('body', jsLiteral(page.total));
  const limit = jsLiteral(page.limit);
  return [
    dependent(`${page.items} holds at most ${page.limit}`, `() => { pm.expect(${items}).to.be.an('array'); pm.expect((${items}).length).to.be.at.most(${limit}); }`),
    dependent(`${page.total} counts every match (an integer, at least the page size; a full page when there are matches)`, [
      '() => {',
      `  const items = ${items}; const total = ${total};`,
      `  pm.expect(Number.isInteger(total), ${jsLiteral(`${page.total} is an integer`)}).to.equal(true);`,
      `  pm.expect(total).to.be.at.least(items.length);`,
      `  pm.expect(items.length).to.equal(Math.min(${limit}, total));`,
      '}',
    ]),
  ].join('\n');
}

export function everyItemCheck(rule: NonNullable<Expectation['everyItem']>): Check {
  const [items, field] = [jsLiteral(rule.items), jsLiteral(rule.field)];
  return dependent(`every ${rule.items} entry that reports ${rule.field} has ${rule.field} = ${String(rule.equals)}`, [
    '() => {',
    `  pm.expect(${own('body', items)}).to.be.an('array');`,
    `  body[${items}].forEach((item, i) => { if (${own('item', field)} !== undefined) pm.expect(String(item[${field}]), ${items} + '[' + i + '].' + ${field}).to.equal(String(${jsLiteral(rule.equals)})); });`,
    '}',
  ]);
}

/** Token answer: the documented token_type and lifetime, and, when the docs say JWT, a JWT that is signed. */
export function tokenChecks(auth: Auth): Check {
  const { token } = auth;
  const value = fieldJs('body', token.field);
  const jwt = token.format === 'jwt';
  return [
    dependent(`token_type is ${token.type} (any case)`, `() => pm.expect(String(body && body.token_type).toLowerCase()).to.equal(${jsLiteral(token.type.toLowerCase())})`),
    ...(jwt
      ? [
          `const CryptoJS = require('crypto-js');`,
          `const jwt = (() => { try { return String(${value}).split('.').slice(0, 2).map((part) => JSON.parse(CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Base64.parse(part.replace(/-/g, '+').replace(/_/g, '/'))))); } catch (e) { return undefined; } })();`,
          // the token itself is never what an assertion quotes: a failure says what is wrong with it, not what it is
          dependent(`${token.field} is a JWT: three base64url parts, JSON header and claims`, `() => { pm.expect(/^[\\w-]+\\.[\\w-]+\\.[\\w-]*$/.test(String(body && ${value})), 'three base64url parts').to.equal(true); pm.expect(jwt, 'decodable header and claims').to.be.an('array'); }`),
          dependent(`${token.field} is signed (alg is not none)`, `() => { pm.expect(jwt && jwt[0].alg).to.be.a('string'); pm.expect(String(jwt[0].alg).toLowerCase()).to.not.equal('none'); pm.expect(String(${value}).split('.')[2] !== '', 'a signature part').to.equal(true); }`),
        ]
      : []),
    lifetimeCheck(auth.lifetime, jwt),
  ].join('\n');
}

/** The documented lifetime against expires_in (and a JWT's exp - iat); not documented: only that what is given is positive. */
function lifetimeCheck(lifetime: Lifetime | undefined, jwt: boolean): Check {
  const sources = jwt ? 'expires_in and exp - iat' : 'expires_in';
  const given = jwt
    ? [`  const claims = jwt ? jwt[1] : {};`, `  const given = [body.expires_in, Number.isInteger(claims.exp) && Number.isInteger(claims.iat) ? claims.exp - claims.iat : undefined].filter((v) => v !== undefined);`]
    : [`  const given = [body.expires_in].filter((v) => v !== undefined);`];
  if (!lifetime) return dependent(`${sources}, where given, ${jwt ? 'are' : 'is'} a positive number of seconds (no lifetime documented)`, ['() => {', ...given, `  given.forEach((seconds) => pm.expect(seconds).to.be.a('number').above(0));`, '}']);
  const name = isFixed(lifetime) ? `the token lives the documented ${lifetime.min} s (${sources}, where given)` : `the token lives ${lifetimeText(lifetime)} as documented (${sources}, where given)`;
  return dependent(name, ['() => {', ...given, `  pm.expect(given.length, ${jwt ? "'expires_in or exp/iat present'" : "'expires_in present'"}).to.be.above(0);`, `  given.forEach((seconds) => ${lifetimeAssertion(lifetime)});`, '}']);
}

function lifetimeAssertion(lifetime: Lifetime): string {
  if (isFixed(lifetime)) return `pm.expect(seconds).to.equal(${jsLiteral(lifetime.min)})`;
  const atMost = lifetime.max === undefined ? '' : `.and.to.be.at.most(${jsLiteral(lifetime.max)})`;
  return `pm.expect(seconds).to.be.a('number').and.to.be.at.least(${jsLiteral(lifetime.min)})${atMost}`;
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
