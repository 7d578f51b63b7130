// A write endpoint's JSON body on the reference server: checked against its schema (400 with the
// reason, in the server's error shape), a valid one answered with the documented success status and
// an answer built from the success schema that echoes the body's fields. Nothing is stored.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../loader/index.js';
import { schemaCompiler } from '../../loader/schemas.js';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { call } from './helpers.js';

const FILE = fileURLToPath(new URL('../../examples/warehouse-orders.yaml', import.meta.url));
const model = loadSpec(readFileSync(FILE), FILE);
let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startReferenceServer(model);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: 'orders:read orders:write',
    client_id: DEMO.clientId,
    client_secret: DEMO.clientSecret,
  });
  const answer = await call(server, '/auth/v1/token', { method: 'POST', body: form });
  token = answer.body.access_token;
});
afterAll(() => server.close());

const post = (body: string | undefined, contentType = 'application/json') =>
  call(server, '/v1/orders', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body === undefined ? {} : { body }),
  });

describe('a JSON request body on the reference server', () => {
  it('a valid body: 201, an Order with the body echoed', async () => {
    const answer = await post(JSON.stringify({ sku: 'SKU-54321', quantity: 3, note: 'Top shelf' }));
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toMatchObject({ sku: 'SKU-54321', quantity: 3, note: 'Top shelf' });
    const validate = schemaCompiler()(model.schemas.Order!);
    expect(typeof validate !== 'string' && validate(answer.body)).toBe(true);
  });

  it.each([
    [
      'a body that breaks the schema',
      JSON.stringify({ sku: 'SKU-54321', quantity: 0 }),
      'application/json',
      'the request body does not match NewOrder: /quantity must be >= 1',
    ],
    [
      'a field the schema does not allow',
      JSON.stringify({ sku: 'SKU-54321', quantity: 1, extra: 1 }),
      'application/json',
      'the request body does not match NewOrder: body must NOT have additional properties',
    ],
    ['a body that is not JSON', '{"sku": ', 'application/json', 'the request body is not valid JSON'],
    ['no body', undefined, 'application/json', 'this endpoint needs a JSON request body (Content-Type: application/json)'],
    [
      'a form instead of JSON',
      'sku=SKU-54321&quantity=1',
      'application/x-www-form-urlencoded',
      'this endpoint needs a JSON request body (Content-Type: application/json)',
    ],
  ])('%s: 400 with the reason', async (_what, body, contentType, reason) => {
    const answer = await post(body, contentType);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: reason });
  });

  it('a body past the size bound: 413, in the same error shape', async () => {
    const answer = await post(JSON.stringify({ sku: 'SKU-54321', quantity: 1, note: 'x'.repeat(70 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('invalid_request');
  });

  it('stateless: a placed order changes no list', async () => {
    const list = () => call(server, '/v1/orders', { headers: { authorization: `Bearer ${token}` } });
    const before = await list();
    await post(JSON.stringify({ sku: 'SKU-11111', quantity: 1 }));
    expect((await list()).body).toEqual(before.body);
  });
});
