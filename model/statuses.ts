// The statuses the description documents for each endpoint key, read by drift and coverage alike.
import { TOKEN_ENDPOINT } from './ids.js';
import type { ApiModel } from './model.js';

/** An endpoint's documented statuses, ascending: its responses (200 for the token endpoint) and those its contract cases expect. */
export function documentedStatuses(model: ApiModel, key: string): number[] {
  const cases = model.contract.cases
    .filter((c) => (c.target.kind === 'token' ? key === TOKEN_ENDPOINT : c.target.endpoint === key))
    .map((c) => c.expect.status);
  const responses =
    key === TOKEN_ENDPOINT
      ? [200]
      : (model.resources
          .flatMap((r) => r.endpoints)
          .find((e) => e.id === key)
          ?.responses.map((r) => r.status) ?? []);
  return [...new Set([...responses, ...cases])].sort((a, b) => a - b);
}
