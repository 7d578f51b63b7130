// An OpenAPI DELETE operation imports as PUT and PATCH do (path, query and header parameters, its
// answers): one answering 204 with no body and one answering a JSON 200 both load and generate every
// client, the 204 one with no body checks; the reference server answers each. A DELETE is a write:
// the contract run never sends it unless a contract case names it (tests/importer/commercetools.e2e.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { startReferenceServer, type RunningServer } from '../../server/index.js';
import { importThings, thingsToken } from '../support/things-openapi.js';

const { model, report } = importThings();
const endpoint = (id: string) => model.resources.flatMap((r) => r.endpoints).find((e) => e.id === id);
const files = generateAll(model, DEFAULT_CTX);
const file = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;

describe('importing DELETE operations', () => {
  it('keeps both, skipping nothing', () => {
    expect(report.skipped).toEqual([]);
    expect(report.kept.filter((k) => k.method === 'DELETE').map((k) => k.id)).toEqual(['deleteThing', 'deleteOther']);
  });

  it('keeps the path, query and header parameters and the answers as the document states them', () => {
    expect(endpoint('deleteThing')).toMatchObject({
      method: 'DELETE',
      path: '/{id}',
      pathParams: [{ name: 'id', example: 't-1' }],
      query: [{ name: 'version', type: 'integer', required: true }],
      headers: { 'If-Match': '{ifMatch}' },
      responses: [{ status: 204 }, { status: 404 }],
    });
    expect(endpoint('deleteThing')!.responses[0]!.schema).toBeUndefined();
    expect(endpoint('deleteOther')).toMatchObject({ method: 'DELETE', responses: [{ status: 200, schema: 'Thing' }] });
  });

  it('generates every client with both requests; the 204 one asks for no body, the JSON 200 one for its schema', () => {
    const postman = JSON.parse(file('.postman_collection.json'));
    const items = postman.item.flatMap((f: { item?: unknown[] }) => f.item ?? []) as Array<{ name: string; request: { method: string }; event: any[] }>;
    const tests = (name: string) => {
      const item = items.find((i) => i.name === name)!;
      expect(item.request.method).toBe('DELETE');
      return item.event.find((e) => e.listen === 'test').script.exec.join('\n') as string;
    };
    expect(tests('deleteThing')).toContain('status is 204');
    expect(tests('deleteThing')).not.toContain('body is JSON');
    expect(tests('deleteThing')).not.toContain('Content-Type is JSON');
    expect(tests('deleteOther')).toContain('body matches the Thing schema');
    const bruno = file('bruno/things/deleteThing.bru');
    expect(bruno).toMatch(/^delete \{\n {2}url: \{\{baseUrl\}\}\/\{\{thingsPath\}\}\/:id\?version=3$/m);
    expect(bruno).not.toContain('body is JSON');
    expect(file('bruno/others/deleteOther.bru')).toContain('body matches the Thing schema');
    for (const insomnia of [file('.insomnia.json'), file('.insomnia.yaml')]) {
      expect(insomnia).toMatch(/"?method"?: "?DELETE"?/);
      expect(insomnia).toContain('body matches the Thing schema');
    }
    const openapi = file('.openapi.yaml');
    expect(openapi).toContain('operationId: deleteThing');
    expect(openapi).toContain('operationId: deleteOther');
  });
});

describe('the reference server answers an imported DELETE', () => {
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    server = await startReferenceServer(model);
    token = await thingsToken(server.url);
  });
  afterAll(() => server.close());

  const remove = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { method: 'DELETE', headers: { authorization: `Bearer ${token}`, ...headers } });

  it('204 with an empty body', async () => {
    const answer = await remove('/things/t-1?version=3', { 'if-match': 'abc' });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
  });

  it('200 with a JSON body of the documented schema', async () => {
    const answer = await remove('/others/o-1');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: expect.any(String) });
  });
});
