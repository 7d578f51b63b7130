// The server serves whatever the description holds: a fixture with resources the server code never
// names (cameras, sites, health) is listed, filtered, paged and fetched as the description says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaCompiler } from '../../loader/schemas.js';
import {
  DEMO,
  OTHER,
  demoTenants,
  seedData,
  startReferenceServer,
  type Item,
  type RunningServer,
  type ServerOptions,
  type Tenant,
} from '../../server/index.js';
import { MALFORMED_JSON } from '../../server/faults.js';
import { fixtureModel } from './fixture.js';
import { getWith, isErrorBody, manualClock, tokenFor } from './helpers.js';

const model = fixtureModel();
const tenants = demoTenants() as [Tenant, Tenant];
const data = seedData(model, tenants);
const sites = data.get(tenants[0])!.get('sites')! as Array<Item & Record<string, any>>;
const otherSites = data.get(tenants[1])!.get('sites')! as Item[];
const cameras = data.get(tenants[0])!.get('cameras')! as Item[];

const servers: RunningServer[] = [];
async function start(options: ServerOptions = {}): Promise<RunningServer> {
  const server = await startReferenceServer(model, options);
  servers.push(server);
  return server;
}
afterAll(() => Promise.all(servers.map((s) => s.close())));

function valid(name: string, value: unknown): boolean {
  const validate = schemaCompiler()(model.schemas[name]!);
  if (typeof validate === 'string') throw new Error(validate);
  return validate(value) as boolean;
}

let server: RunningServer;
let token: string;
let otherToken: string;
beforeAll(async () => {
  server = await start();
  [token, otherToken] = [await tokenFor(server, DEMO), await tokenFor(server, OTHER)];
});
const get = (path: string, jwt = token) => getWith(server, path, jwt);
const ids = (items: Item[]) => items.map((s) => s.id);

describe('every resource of the description is served', () => {
  it('lists each resource in its declared shape, valid against its schema', async () => {
    const list = await get('/v1/sites?limit=20');
    expect(list.status).toBe(200);
    expect(Object.keys(list.body)).toEqual(['sites', 'total']);
    expect(list.body).toEqual({ sites: sites.slice(0, 20), total: 25 });
    expect(valid('SiteList', list.body)).toBe(true);
    const cams = await get('/v1/cameras');
    expect(Object.keys(cams.body)).toEqual(['cameras', 'count']);
    expect(cams.body.count).toBe(25);
    expect(valid('CameraList', cams.body)).toBe(true);
  });

  it("serves an environment's own path for a resource", async () => {
    expect((await get('/v2/places/3')).body).toEqual(sites[2]);
  });

  it('answers an endpoint that neither lists nor fetches one with a value of its schema', async () => {
    const health = await get('/v1/health');
    expect(health.status).toBe(200);
    expect(Object.keys(health.body).sort()).toEqual(['checkedAt', 'ok']);
    expect(valid('Health', health.body)).toBe(true);
  });

  it('answers 405 with Allow for another method', async () => {
    const response = await fetch(`${server.url}/v1/sites`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('paging as described', () => {
  it("uses the limit parameter's default as the page size", async () => {
    expect(ids((await get('/v1/sites')).body.sites)).toEqual(ids(sites.slice(0, 10)));
  });

  it('pages with limit and offset while the total counts every match', async () => {
    const answer = await get('/v1/sites?limit=4&offset=6');
    expect(ids(answer.body.sites)).toEqual(ids(sites.slice(6, 10)));
    expect(answer.body.total).toBe(25);
    expect(await get('/v1/sites?offset=25').then((a) => a.body)).toEqual({ sites: [], total: 25 });
  });

  it.each(['limit=21', 'limit=0', 'offset=-1', 'offset=x'])('refuses %s with 400 naming the parameter', async (query) => {
    const answer = await get(`/v1/sites?${query}`);
    expect(answer.status).toBe(400);
    expect(isErrorBody(answer.body)).toBe(true);
    expect(answer.body.error_description).toContain(`\`${query.split('=')[0]}\``);
  });

  it('takes the maximum from the description of each list', async () => {
    expect((await get('/v1/sites?limit=20')).body.sites).toHaveLength(20);
    expect((await get('/v1/cameras?limit=50')).body.cameras).toHaveLength(25);
  });
});

describe('filters as described', () => {
  const region = (s: Item) => (s.address as Item).region;
  const armed = (s: Item) => (s.alarm as Item).armed;
  const cases: Array<[query: string, match: (s: Item) => boolean]> = [
    ['kind=store', (s) => s.kind === 'store'],
    ['region=apac', (s) => region(s) === 'apac'],
    ['alarm.armed=1', (s) => armed(s) === true],
    ['isOpen=0', (s) => s.isOpen === false],
  ];
  it.each(cases)('%s (a field of its own name, a named nested field, a dotted name, a flag)', async (query, match) => {
    const expected = sites.filter(match);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(sites.length);
    const answer = await get(`/v1/sites?limit=20&${query}`);
    expect(ids(answer.body.sites)).toEqual(ids(expected.slice(0, 20)));
    expect(answer.body.total).toBe(expected.length);
  });

  it.each([0, 9, 17])('ANDs every filter (values of site %i)', async (index) => {
    const site = sites[index]!;
    const query = `kind=${site.kind}&region=${region(site)}&alarm.armed=${armed(site) ? 1 : 0}&isOpen=${site.isOpen ? 1 : 0}`;
    const expected = sites.filter((s) => s.kind === site.kind && region(s) === region(site) && armed(s) === armed(site) && s.isOpen === site.isOpen);
    const answer = await get(`/v1/sites?${query}`);
    expect(ids(answer.body.sites)).toEqual(ids(expected));
    expect(answer.body.total).toBe(expected.length);
    expect(expected.length).toBeLessThan(sites.filter((s) => s.kind === site.kind).length);
  });

  it('answers an empty page with total 0 when nothing matches', async () => {
    const combos = ['office', 'warehouse', 'store'].flatMap((kind) => ['eu', 'us', 'apac'].flatMap((r) => [0, 1].map((open) => ({ kind, r, open }))));
    const empty = combos.find(({ kind, r, open }) => !sites.some((s) => s.kind === kind && region(s) === r && s.isOpen === (open === 1)))!;
    const answer = await get(`/v1/sites?kind=${empty.kind}&region=${empty.r}&isOpen=${empty.open}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ sites: [], total: 0 });
  });

  it('does not filter on a string parameter without an enum, and refuses a value outside an enum', async () => {
    expect((await get('/v1/sites?search=nothing-matches-this')).body.total).toBe(25);
    expect((await get('/v1/sites?region=mars')).status).toBe(400);
    expect((await get('/v1/sites?isOpen=true')).status).toBe(400);
  });

  it("filters only the caller's own items", async () => {
    const answer = await get('/v1/sites?limit=20&kind=office', otherToken);
    expect(ids(answer.body.sites)).toEqual(ids(otherSites.filter((s) => s.kind === 'office')));
  });
});

describe('fetch-one as described', () => {
  it('answers the item whose key field matches, a string key or an integer one', async () => {
    expect((await get('/v1/sites/5')).body).toEqual(sites[4]);
    expect((await get(`/v1/cameras/${cameras[3]!.serial}`)).body).toEqual(cameras[3]);
    expect(valid('Site', (await get('/v1/sites/5')).body)).toBe(true);
  });

  it("answers 404 for an unknown key and for another tenant's item", async () => {
    for (const path of ['/v1/sites/999', '/v1/sites/05', `/v1/sites/${otherSites[0]!.id}`, '/v1/cameras/no-such-camera']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(isErrorBody(answer.body)).toBe(true);
    }
    expect((await get(`/v1/sites/${otherSites[0]!.id}`, otherToken)).status).toBe(200);
  });
});

describe('violations, faults and rate limits on a described resource', () => {
  it('wrong-field-type: the total a string, the first string field a number, on lists, fetch-ones and other endpoints', async () => {
    const broken = await start({ violations: ['wrong-field-type'] });
    const jwt = await tokenFor(broken, DEMO);
    const list = await getWith(broken, '/v1/sites?limit=2', jwt);
    expect(list.body.total).toBe('25');
    expect(list.body.sites.map((s: Item) => typeof s.name)).toEqual(['number', 'number']);
    expect(valid('SiteList', list.body)).toBe(false);
    const one = await getWith(broken, `/v1/cameras/${cameras[0]!.serial}`, jwt);
    expect(one.body.serial).toBe(1);
    expect(valid('Camera', one.body)).toBe(false);
    expect(valid('Health', (await getWith(broken, '/v1/health', jwt)).body)).toBe(false);
  });

  it('no-auth-required: served without a bearer', async () => {
    const open = await start({ violations: ['no-auth-required'] });
    expect((await getWith(open, '/v1/sites/1')).body).toEqual(sites[0]);
  });

  it('faults hit the described endpoints', async () => {
    const faulty = await start({
      faults: [
        { kind: 'status', status: 503, match: 'data', times: 1 },
        { kind: 'malformed-json', match: 'data', times: 1 },
      ],
    });
    const jwt = await tokenFor(faulty, DEMO);
    expect((await getWith(faulty, '/v1/sites', jwt)).status).toBe(503);
    expect((await getWith(faulty, '/v1/sites/1', jwt)).text).toBe(MALFORMED_JSON);
    expect((await getWith(faulty, '/v1/sites/1', jwt)).status).toBe(200);
  });

  it('limits each described endpoint separately', async () => {
    const clock = manualClock();
    const limited = await start({ rateLimits: true, now: clock.now });
    const jwt = await tokenFor(limited, DEMO);
    expect((await getWith(limited, '/v1/sites', jwt)).status).toBe(200);
    expect((await getWith(limited, '/v1/sites', jwt)).status).toBe(429);
    expect((await getWith(limited, '/v1/sites/1', jwt)).status).toBe(200);
    expect((await getWith(limited, '/v1/cameras', jwt)).status).toBe(200);
    clock.advance(1000);
    expect((await getWith(limited, '/v1/sites', jwt)).status).toBe(200);
  });
});
