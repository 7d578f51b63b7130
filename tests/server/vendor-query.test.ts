// The reference server reads query parameters by the names the docs spell (`$top`, `page[size]`,
// `for-subadmin`) and a `boolean` as `true`/`false`, answering 400 to any other value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { vendorModel } from '../support/vendor-query.js';
import { call, tokenFor } from './helpers.js';

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await startReferenceServer(vendorModel());
  token = await tokenFor(server, DEMO);
});
afterAll(() => server.close());

const HEADERS = { 'X-EBAY-C-MARKETPLACE-ID': 'EBAY_US', 'X-Api-Version': '2' };
const list = (query: string, headers: Record<string, string> = HEADERS) =>
  call(server, `/v1/devices?${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

describe('vendor-spelled query parameters on the reference server', () => {
  it('accepts them encoded, and filters by the boolean', async () => {
    const all = await list('%24top=5&page%5Bsize%5D=2&for-subadmin=ops&fields=id,name&tag=a&tag=b%20c');
    expect(all.status, all.text).toBe(200);
    const retired = await list('includeRetired=true');
    const kept = await list('includeRetired=false');
    expect(retired.status).toBe(200);
    expect(retired.body.devices.every((d: any) => d.retired === true)).toBe(true);
    expect(kept.body.devices.every((d: any) => d.retired === false)).toBe(true);
    expect(retired.body.total + kept.body.total).toBe(all.body.total);
  });

  it.each([
    ['includeRetired=1', 'query parameter `includeRetired` must be true or false'],
    ['includeRetired=yes', 'query parameter `includeRetired` must be true or false'],
    ['%24top=51', 'query parameter `$top` must be an integer from 1 to 50'],
    ['page%5Bsize%5D=0', 'query parameter `page[size]` must be an integer from 1 to'],
    ['fields=id,bogus', 'query parameter `fields` holds "bogus"; each value must be one of id, name, status'],
    ['fields=id&fields=name', 'query parameter `fields` must be given once, its values separated by commas'],
  ])('%s -> 400 naming the parameter', async (query, message) => {
    const answer = await list(query);
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toContain(message);
  });

  it.each([
    [{ 'X-Api-Version': '2' }, 'header `X-EBAY-C-MARKETPLACE-ID` must be `{marketplaceId}` filled in'],
    [{ 'X-EBAY-C-MARKETPLACE-ID': 'EBAY_US', 'X-Api-Version': '3' }, 'header `X-Api-Version` must be `2`'],
  ])('a documented header missing or wrong -> 400 naming it (%o)', async (headers, message) => {
    const answer = await list('', headers);
    expect(answer.status).toBe(400);
    expect(answer.body.error_description).toBe(message);
  });
});
