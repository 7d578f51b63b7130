// The library entry point (contract/index.ts) runs a contract the way the CLI does: plan, run, verdict.
import { describe, expect, it } from 'vitest';
import { planContract, runWithReports, startEmbedded, verdictOf } from '../../contract/index.js';
import { fixtureJson } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';

describe('the contract library', () => {
  it('plans, runs against the embedded server and judges, with every report as a value', async () => {
    const model = fixtureModel();
    const server = await startEmbedded(model, false);
    try {
      const plan = planContract({
        model,
        collection: fixtureJson('securithings.postman_collection.json'),
        environment: fixtureJson('securithings-local.postman_environment.json'),
        target: { kind: 'embedded', url: server.url, credentials: server.credentials, rateLimits: false, environmentLabel: 'local' },
      });
      expect(plan.target).toBe(`the embedded reference server (no SECURITHINGS_BASE_URL set) at ${server.url}`);
      expect(plan.values.rateLimitPacing).toBe('off');
      let printed = '';
      const result = await runWithReports(plan, (text) => (printed += text), { model, shownDir: 'reports' });
      expect(result.files.map((f) => f.path)).toEqual([
        'contract-drift.json',
        'contract-drift.md',
        'contract-coverage.json',
        'contract-junit.xml',
        'contract-report.html',
      ]);
      // the HTML is rendered from the drift and coverage values, whatever order anything ran in
      const html = result.files.find((f) => f.path === 'contract-report.html')!.content;
      expect(html).toContain('Drift');
      expect(html).toContain(`${result.coverage!.percent}%`);
      expect(printed).toMatch(/PASSED/);
      expect(verdictOf(result, { minCoverage: 100 }).exitCode).toBe(result.coverage!.percent < 100 ? 1 : 0);
      expect(verdictOf(result)).toEqual({ exitCode: 0, failedGates: [] });
    } finally {
      await server.close();
    }
  });
});
