// An OpenAPI HEAD operation imports as a GET does (a read: the contract run sends it). Its answer has
// no body (RFC 9110 section 9.3.2), so no client asks it for JSON, a Content-Type or a schema, and the
// reference server answers it with the documented status and no body. The contract run of it, against
// the embedded server and an independent one: tests/importer/head.e2e.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { startReferenceServer, type RunningServer } from '../../server/index.js';
import { importThings, thingsToken } from '../support/things-openapi.js';
import { lang } from '../generators/bruno/helpers.js';

const { model, report } = importThings();
const files = generateAll(model, DEFAULT_CTX);
const file = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;
const BODY_CHECKS = ['body is JSON', 'Content-Type is JSON', 'body matches'];

describe('importing a HEAD operation', () => {
  it('keeps it, with its path parameter and answers', () => {
    expect(report.kept).toContainEqual({ method: 'HEAD', path: '/things/{id}', id: 'thingExists' });
    expect(report.skipped).toEqual([]);
    const endpoint = model.resources.flatMap((r) => r.endpoints).find((e) => e.id === 'thingExists');
    expect(endpoint).toMatchObject({ method: 'HEAD', path: '/{id}', pathParams: [{ name: 'id' }], responses: [{ status: 200 }, { status: 404 }] });
  });

  it('generates every client with a HEAD request whose checks ask for no body', () => {
    const postman = JSON.parse(file('.postman_collection.json'));
    const item = postman.item.flatMap((f: { item?: unknown[] }) => f.item ?? []).find((i: { name: string }) => i.name === 'thingExists');
    expect(item.request.method).toBe('HEAD');
    const postmanTests = item.event.find((e: { listen: string }) => e.listen === 'test').script.exec.join('\n') as string;
    const bruno = file('bruno/things/thingExists.bru');
    expect(bruno).toMatch(/^head \{$/m);
    const insomnia = JSON.parse(file('.insomnia.json')).resources.find((r: { name: string }) => r.name === 'thingExists');
    expect(insomnia.method).toBe('HEAD');
    for (const tests of [postmanTests, bruno, insomnia.afterResponseScript as string]) {
      expect(tests).toContain('status is 200');
      for (const check of BODY_CHECKS) expect(tests).not.toContain(check);
    }
    expect(file('.openapi.yaml')).toContain('operationId: thingExists');
  });

  it("writes Bruno files Bruno's parser reads, though the document gives no token docs (`bru run` refused an empty docs block)", () => {
    const bru = files.filter((f) => f.path.endsWith('.bru') && !f.path.includes('/environments/'));
    expect(bru.map((f) => f.path)).toContain('bruno/Auth/folder.bru');
    for (const f of bru) {
      const parse = /\/(folder|collection)\.bru$/.test(f.path) ? lang.collectionBruToJson : lang.bruToJsonV2;
      expect(() => parse(f.content), f.path).not.toThrow();
    }
  });
});

describe('the reference server answers an imported HEAD', () => {
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    server = await startReferenceServer(model);
    token = await thingsToken(server.url);
  });
  afterAll(() => server.close());

  it('the documented 200 with no body; 401 without a token', async () => {
    const answer = await fetch(`${server.url}/things/t-1`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
    expect((await fetch(`${server.url}/things/t-1`, { method: 'HEAD' })).status).toBe(401);
  });
});
