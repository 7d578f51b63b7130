// A plan from the front door (contract/plan.ts) for the fixture description and its generated
// collection, for tests that call runContract directly (no pacing).
import type { RequestRecord, RunSummary } from '../../contract/events.js';
import { Redactor } from '../../contract/redact.js';
import { planContract } from '../../contract/plan.js';
import { runContract, type ContractPlan } from '../../contract/run.js';
import { demoCredentials } from '../../contract/embedded.js';
import { fixtureJson } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';

const model = fixtureModel();
export const fixtureCollection = fixtureJson('securithings.postman_collection.json') as object;
const environment = fixtureJson('securithings-local.postman_environment.json') as object;

export function planFor(
  baseUrl: string,
  overrides: Partial<Record<'organization' | 'clientId' | 'clientSecret', string>> = {},
  collection = fixtureCollection,
): ContractPlan {
  const credentials = { ...demoCredentials(model, baseUrl), ...overrides };
  return planContract({ model, collection, environment, target: { kind: 'remote', credentials }, pacing: false, idleTimeoutMs: 5000 });
}

/** Runs a plan, keeping every request record. */
export async function recordedRun(plan: ContractPlan): Promise<{ summary: RunSummary; requests: RequestRecord[] }> {
  const requests: RequestRecord[] = [];
  const summary = await runContract(plan, [{ onRequest: (r) => requests.push(r) }], new Redactor());
  return { summary, requests };
}
