// The token answer's own checks (type, JWT shape, signature, lifetime) for Bruno, named as the
// Postman collection names them (generators/postman/scripts/checks.ts, tokenChecks). Kept apart from
// the shared checks: the token part of the description is changing, and these follow it.
import type { Auth } from '../../model/model.js';
import { jsLiteral } from '../shared/js-literal.js';
import type { BrunoTest } from './checks.js';

// the token itself is never what an assertion quotes: a failure says what is wrong with it, not what it is
const JWT = [
  "const CryptoJS = require('crypto-js');",
  "const jwt = (() => { try { return String(body.access_token).split('.').slice(0, 2).map((part) => JSON.parse(CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Base64.parse(part.replace(/-/g, '+').replace(/_/g, '/'))))); } catch (e) { return undefined; } })();",
];

export function tokenTests(auth: Auth): BrunoTest[] {
  const dependent = (name: string, body: string[], prelude?: string[]): BrunoTest => ({ name, dependent: true, body, ...(prelude ? { prelude } : {}) });
  return [
    dependent(`token_type is ${auth.tokenPrefix} (any case)`, [`expect(String(body && body.token_type).toLowerCase()).to.equal(${jsLiteral(auth.tokenPrefix.toLowerCase())});`]),
    dependent(
      'access_token is a JWT: three base64url parts, JSON header and claims',
      ["expect(/^[\\w-]+\\.[\\w-]+\\.[\\w-]*$/.test(String(body && body.access_token)), 'three base64url parts').to.equal(true);", "expect(jwt, 'decodable header and claims').to.be.an('array');"],
      JWT,
    ),
    dependent(
      'access_token is signed (alg is not none)',
      [
        "expect(jwt && jwt[0].alg).to.be.a('string');",
        "expect(String(jwt[0].alg).toLowerCase()).to.not.equal('none');",
        "expect(String(body.access_token).split('.')[2] !== '', 'a signature part').to.equal(true);",
      ],
      JWT,
    ),
    dependent(
      `the token lives the documented ${auth.lifetimeSeconds} s (expires_in and exp - iat, where given)`,
      [
        'const claims = jwt ? jwt[1] : {};',
        'const given = [body.expires_in, Number.isInteger(claims.exp) && Number.isInteger(claims.iat) ? claims.exp - claims.iat : undefined].filter((v) => v !== undefined);',
        "expect(given.length, 'expires_in or exp/iat present').to.be.above(0);",
        `given.forEach((seconds) => expect(seconds).to.equal(${jsLiteral(auth.lifetimeSeconds)}));`,
      ],
      JWT,
    ),
  ];
}
