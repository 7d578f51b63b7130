// The shared named checks as the clients with a test-script API carry them (Bruno `test`, Insomnia
// `insomnia.test`): one test per check, each with its name, whether it needs the documented status,
// its function's body and the declarations it reads. Each client writes the bodies in its own API.
import type { Auth } from '../../model/model.js';
import { dependsOnStatus, type NamedCheck } from './checks.js';
import { tokenChecks } from './token-checks.js';

export interface ScriptTest {
  name: string;
  dependent: boolean;
  body: string[];
  prelude?: string[];
}

/** A named check with the body a client writes for it. */
export function scriptTest(named: NamedCheck, body: string[], prelude?: string[]): ScriptTest {
  return { name: named.name, dependent: dependsOnStatus(named), body, ...(prelude ? { prelude } : {}) };
}

/** Each check rendered, with `extra` (the token answer's) before the time check, as Postman orders them. */
export function scriptTests(checks: readonly NamedCheck[], render: (named: NamedCheck) => ScriptTest, extra: readonly ScriptTest[] = []): ScriptTest[] {
  const tests = checks.map(render);
  const time = checks.findIndex((named) => named.kind === 'time');
  return time < 0 ? [...tests, ...extra] : [...tests.slice(0, time), ...extra, ...tests.slice(time)];
}

/** The token answer's own checks (token-checks.ts) written with the client's `expect` function. */
export function tokenScriptTests(auth: Auth, expect: string): ScriptTest[] {
  const { typeCheck, prelude, checks } = tokenChecks(auth);
  return [typeCheck, ...checks].map((check) => ({
    name: check.name,
    dependent: true,
    body: check.statements(expect),
    ...(check === typeCheck || prelude.length === 0 ? {} : { prelude }),
  }));
}
