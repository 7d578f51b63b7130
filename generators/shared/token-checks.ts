// The token answer's own checks (token_type, JWT shape and signature, lifetime), client-neutral:
// one list of names and statements that every client writes with its own `expect`, so Postman and
// Bruno check the token alike, under the same names. The token itself is never what an assertion
// quotes: a failure says what is wrong with it, not what it is.
import type { Auth, Lifetime } from '../../model/model.js';
import { isFixed, lifetimeText } from '../../model/token-answer.js';
import { fieldJs, jsLiteral } from './js-literal.js';

export interface TokenCheck {
  name: string;
  /** Statements run when the documented status came; `expect` is the client's assertion function. */
  statements: (expect: string) => string[];
}

export interface TokenChecks {
  /** Declarations the checks share (the decoded JWT), before the first check that needs them. */
  prelude: string[];
  checks: TokenCheck[];
}

export function tokenChecks(auth: Auth): { typeCheck: TokenCheck } & TokenChecks {
  const { token } = auth;
  const value = fieldJs('body', token.field);
  const jwt = token.format === 'jwt';
  const typeCheck: TokenCheck = {
    name: `token_type is ${token.type} (any case)`,
    statements: (e) => [`${e}(String(body && body.token_type).toLowerCase()).to.equal(${jsLiteral(token.type.toLowerCase())});`],
  };
  if (!jwt) return { typeCheck, prelude: [], checks: [lifetimeCheck(auth.lifetime, false)] };
  return {
    typeCheck,
    prelude: [
      `const CryptoJS = require('crypto-js');`,
      `const jwt = (() => { try { return String(${value}).split('.').slice(0, 2).map((part) => JSON.parse(CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Base64.parse(part.replace(/-/g, '+').replace(/_/g, '/'))))); } catch (e) { return undefined; } })();`,
    ],
    checks: [
      {
        name: `${token.field} is a JWT: three base64url parts, JSON header and claims`,
        statements: (e) => [
          `${e}(/^[\\w-]+\\.[\\w-]+\\.[\\w-]*$/.test(String(body && ${value})), 'three base64url parts').to.equal(true);`,
          `${e}(jwt, 'decodable header and claims').to.be.an('array');`,
        ],
      },
      {
        name: `${token.field} is signed (alg is not none)`,
        statements: (e) => [
          `${e}(jwt && jwt[0].alg).to.be.a('string');`,
          `${e}(String(jwt[0].alg).toLowerCase()).to.not.equal('none');`,
          `${e}(String(${value}).split('.')[2] !== '', 'a signature part').to.equal(true);`,
        ],
      },
      lifetimeCheck(auth.lifetime, true),
    ],
  };
}

/** The documented lifetime against expires_in (and a JWT's exp - iat); not documented: only that what is given is positive. */
function lifetimeCheck(lifetime: Lifetime | undefined, jwt: boolean): TokenCheck {
  const sources = jwt ? 'expires_in and exp - iat' : 'expires_in';
  const given = jwt
    ? [
        'const claims = jwt ? jwt[1] : {};',
        'const given = [body.expires_in, Number.isInteger(claims.exp) && Number.isInteger(claims.iat) ? claims.exp - claims.iat : undefined].filter((v) => v !== undefined);',
      ]
    : ['const given = [body.expires_in].filter((v) => v !== undefined);'];
  if (!lifetime) {
    return {
      name: `${sources}, where given, ${jwt ? 'are' : 'is'} a positive number of seconds (no lifetime documented)`,
      statements: (e) => [...given, `given.forEach((seconds) => ${e}(seconds).to.be.a('number').above(0));`],
    };
  }
  const name = isFixed(lifetime)
    ? `the token lives the documented ${lifetime.min} s (${sources}, where given)`
    : `the token lives ${lifetimeText(lifetime)} as documented (${sources}, where given)`;
  const present = jwt ? "'expires_in or exp/iat present'" : "'expires_in present'";
  return {
    name,
    statements: (e) => [...given, `${e}(given.length, ${present}).to.be.above(0);`, `given.forEach((seconds) => ${lifetimeAssertion(lifetime, e)});`],
  };
}

function lifetimeAssertion(lifetime: Lifetime, e: string): string {
  if (isFixed(lifetime)) return `${e}(seconds).to.equal(${jsLiteral(lifetime.min)})`;
  const atMost = lifetime.max === undefined ? '' : `.and.to.be.at.most(${jsLiteral(lifetime.max)})`;
  return `${e}(seconds).to.be.a('number').and.to.be.at.least(${jsLiteral(lifetime.min)})${atMost}`;
}
