// A plan as `npm run contract` builds it from the fixture description and its generated
// collection, for tests that call runContract directly (no pacing).
import type { RequestRecord, RunSummary } from '../../contract/events.js';
import { Redactor } from '../../contract/redact.js';
import { requestKinds } from '../../contract/request-kinds.js';
import { runContract, type ContractPlan } from '../../contract/run.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { DEMO } from '../../server/index.js';
import { fixtureJson } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';

const model = fixtureModel();
export const fixtureCollection = fixtureJson('securithings.postman_collection.json') as object;
const environment = fixtureJson('securithings-local.postman_environment.json') as object;

export function planFor(baseUrl: string, overrides: Partial<Record<'organization' | 'clientId' | 'clientSecret', string>> = {}, collection = fixtureCollection): ContractPlan {
  const values = { baseUrl, organization: DEMO.organization, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, [SCRIPT_VARIABLES.pacing]: 'off', ...overrides };
  return { collection, environment, values, delayRequestMs: 0, timeoutRequestMs: 5000, ...requestKinds(model, values), target: baseUrl };
}

/** Runs a plan, keeping every request record. */
export async function recordedRun(plan: ContractPlan): Promise<{ summary: RunSummary; requests: RequestRecord[] }> {
  const requests: RequestRecord[] = [];
  const summary = await runContract(plan, [{ onRequest: (r) => requests.push(r) }], new Redactor());
  return { summary, requests };
}
