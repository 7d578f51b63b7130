// The planner (contract/plan.ts) settles every choice of a run once.
import { describe, expect, it } from 'vitest';
import { planContract } from '../../contract/plan.js';
import { fixtureModel } from '../support/model.js';

describe('the planner', () => {
  const model = fixtureModel();
  const input = { model, collection: {}, environment: {} };
  const credentials = { baseUrl: 'https://api.example', clientId: 'c', clientSecret: 's', organization: 'o' };

  it('paces against a remote API and against an embedded server enforcing the limits, unless told not to', () => {
    expect(planContract({ ...input, target: { kind: 'remote', credentials } }).values.rateLimitPacing).toBe('on');
    expect(planContract({ ...input, target: { kind: 'remote', credentials }, pacing: false }).values.rateLimitPacing).toBe('off');
    expect(planContract({ ...input, target: { kind: 'embedded', url: 'http://127.0.0.1:1', credentials, rateLimits: true } }).values.rateLimitPacing).toBe(
      'on',
    );
  });

  it('fills the deadlines once: the idle and answer timeouts default to 30 s, the run to at least 600 s', () => {
    const plan = planContract({ ...input, target: { kind: 'remote', credentials } });
    expect([plan.timeoutRequestMs, plan.answerTimeoutMs, plan.runTimeoutMs]).toEqual([30_000, 30_000, 600_000]);
    expect(plan.tokenUrl).toBe('https://api.example/token/o');
    expect(plan.target).toBe('https://api.example');
  });
});
