// The token answer's own checks for Bruno: the shared list (generators/shared/token-checks.ts),
// written with Bruno's `expect`, under the names the Postman collection gives them.
import type { Auth } from '../../model/model.js';
import { tokenChecks } from '../shared/token-checks.js';
import type { BrunoTest } from './checks.js';

export function tokenTests(auth: Auth): BrunoTest[] {
  const { typeCheck, prelude, checks } = tokenChecks(auth);
  return [typeCheck, ...checks].map((check) => ({
    name: check.name,
    dependent: true,
    body: check.statements('expect'),
    ...(check === typeCheck || prelude.length === 0 ? {} : { prelude }),
  }));
}
