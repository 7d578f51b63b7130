import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type RunningServer, type ServerOptions } from '../../server/index.js';
import { getWith, model, requestToken, schemaValidator, start, tokenFor } from './helpers.js';

const validList = schemaValidator('DeviceList');
const validDevice = schemaValidator('Device');

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startWith(options: ServerOptions): Promise<RunningServer> {
  server = await start(options);
  return server;
}

describe('without violations', () => {
  it('answers match the documented schemas', async () => {
    const s = await startWith({});
    const token = await tokenFor(s, DEMO);
    const list = await getWith(s, '/v1/devices', token);
    expect(validList(list.body)).toBe(true);
    expect(validDevice((await getWith(s, `/v1/devices/${list.body.devices[0].id}`, token)).body)).toBe(true);
  });
});

describe('violations', () => {
  it('wrong-field-type: total is a string and ids are numbers, so the schemas fail', async () => {
    const s = await startWith({ violations: ['wrong-field-type'] });
    const token = await tokenFor(s, DEMO);
    const list = await getWith(s, '/v1/devices?limit=2', token);
    expect(typeof list.body.total).toBe('string');
    expect(list.body.devices.map((d: { id: unknown }) => typeof d.id)).toEqual(['number', 'number']);
    expect(validList(list.body)).toBe(false);
    const one = await getWith(s, '/v1/devices/dev-demo-0001', token);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(1);
    expect(validDevice(one.body)).toBe(false);
  });

  it('token-lifetime: tokens live 1800 s instead of the documented lifetime', async () => {
    const s = await startWith({ violations: ['token-lifetime'] });
    const answer = await requestToken(s, DEMO);
    expect(model.auth.lifetime!.min).not.toBe(1800);
    expect(answer.body.expires_in).toBe(1800);
    const claims = decodeJwt(answer.body.access_token);
    expect(claims.exp! - claims.iat!).toBe(1800);
  });

  it('no-auth-required: data is served without a bearer token', async () => {
    const s = await startWith({ violations: ['no-auth-required'] });
    const list = await getWith(s, '/v1/devices');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    expect((await getWith(s, '/v1/devices', 'tampered.token.value')).status).toBe(200);
    expect((await getWith(s, '/v1/devices/dev-demo-0001')).status).toBe(200);
  });

  it('wrong-status: data endpoints answer 202, not the documented 200', async () => {
    const s = await startWith({ violations: ['wrong-status'] });
    const token = await tokenFor(s, DEMO);
    expect((await getWith(s, '/v1/devices', token)).status).toBe(202);
    expect((await getWith(s, '/v1/devices/dev-demo-0001', token)).status).toBe(202);
  });

  it('paging-ignored: a list answers every match whatever limit and offset say', async () => {
    const fair = await startWith({});
    const all = (await getWith(fair, '/v1/devices?limit=1000', await tokenFor(fair, DEMO))).body;
    await fair.close();
    const s = await startWith({ violations: ['paging-ignored'] });
    const page = (await getWith(s, '/v1/devices?limit=1&offset=1', await tokenFor(s, DEMO))).body;
    expect(all.devices.length).toBeGreaterThan(1);
    expect(page.devices).toHaveLength(all.devices.length);
    expect(page.total).toBe(all.total);
  });

  it('filter-ignored: a list answers every item whatever the filter asks', async () => {
    const s = await startWith({ violations: ['filter-ignored'] });
    const token = await tokenFor(s, DEMO);
    const offline = (await getWith(s, '/v1/devices?status=offline&limit=1000', token)).body;
    const statuses = new Set(offline.devices.map((d: { status: string }) => d.status));
    expect(statuses.size).toBeGreaterThan(1);
    expect(offline.total).toBe((await getWith(s, '/v1/devices?limit=1000', token)).body.total);
  });
});
