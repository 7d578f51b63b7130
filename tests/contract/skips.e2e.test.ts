// Skipped is visible: an item whose script skipped its request, and checks newman reports as
// skipped, each come out as skipped assertion records with the reason.
import { afterAll, describe, expect, it } from 'vitest';
import { demoTenants, startReferenceServer, type RunningServer } from '../../server/index.js';
import { fixtureModel } from '../support/model.js';
import { planFor, recordedRun } from './plan.js';
import { Redactor } from '../../contract/redact.js';
import { runContract } from '../../contract/run.js';
import type { AssertionRecord } from '../../contract/events.js';

const servers: RunningServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function server(options: Parameters<typeof startReferenceServer>[1]): Promise<RunningServer> {
  const started = await startReferenceServer(fixtureModel(), options);
  servers.push(started);
  return started;
}

describe('skipped items and checks', () => {
  it('an item skipped by its pre-request script (empty device list) is one skipped record, with its console reason', async () => {
    const empty = await server({ tenants: demoTenants().map((t) => ({ ...t, items: 0 })) });
    const { summary } = await recordedRun(planFor(empty.url));
    const reason = 'Skipped "Get Device By ID": deviceId not set (the request that captures it returned nothing to use).';
    // and page 2 of the paging case: page 1 said there is no more
    const pageTwo = 'Contract checks / Get Devices with limit=1 returns at most one device and a consistent total, page 2';
    const noMore = 'Skipped "Get Devices with limit=1 returns at most one device and a consistent total, page 2": page 1 said there is no more (0 in all)';
    expect(summary.skippedItems).toEqual([
      { item: 'Devices / Get Device By ID', reason },
      { item: pageTwo, reason: noMore },
    ]);
    expect(summary.skipped).toEqual([
      { item: 'Devices / Get Device By ID', name: 'request sent', passed: false, skipped: true, skipReason: reason },
      { item: pageTwo, name: 'request sent', passed: false, skipped: true, skipReason: noMore },
    ]);
    expect(summary.failures).toEqual([]);
  });

  it("a check newman reports as skipped gets the item's failed check as its reason", async () => {
    const target = await server({});
    const collection = {
      info: { name: 'skips', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          id: 'skip-item',
          name: 'Unauthenticated list',
          request: { method: 'GET', url: '{{baseUrl}}/v1/devices' },
          event: [
            {
              listen: 'test',
              script: {
                exec: ["pm.test('status is 200', () => pm.response.to.have.status(200));", "pm.test.skip('body matches the DeviceList schema', () => {});"],
              },
            },
          ],
        },
      ],
    };
    const assertions: AssertionRecord[] = [];
    await runContract({ ...planFor(target.url, {}, collection), itemTargets: {} }, [{ onAssertion: (a) => assertions.push(a) }], new Redactor());
    expect(assertions.map((a) => [a.name, a.passed, a.skipped, a.skipReason])).toEqual([
      ['status is 200', false, false, undefined],
      ['body matches the DeviceList schema', true, true, 'status is 200 failed'],
    ]);
  });
});
