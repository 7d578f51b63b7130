// A write endpoint's JSON body in every client, read back through each client's own reader: the
// postman-collection SDK, insomnia-importers, Bruno's @usebruno/lang, and the OpenAPI export. The
// documented request sends the example; a contract case sends its own body.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convert } from 'insomnia-importers';
import sdk from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';
import { lang } from './bruno/helpers.js';
import { postmanSchemaValidator } from '../support/postman-schema.js';

const FILE = fileURLToPath(new URL('../../examples/warehouse-orders.yaml', import.meta.url));
const model = loadSpec(readFileSync(FILE), FILE);
const files = Object.fromEntries(generateAll(model, DEFAULT_CTX).map((f) => [f.path, f.content]));
const EXAMPLE = { sku: 'SKU-12345', quantity: 2, note: 'Fragile' };
const VALID = { sku: 'SKU-54321', quantity: 3 };
const BROKEN = { sku: 'not-a-sku', quantity: 0 };
const CASE_VALID = 'Create order with a valid body answers 201 with the new order';
const CASE_BROKEN = 'Create order with a body that breaks NewOrder answers 400';

describe('a JSON request body in every client', () => {
  it('Postman: the collection with bodies validates against the official v2.1.0 JSON Schema', () => {
    const validate = postmanSchemaValidator();
    expect(validate(JSON.parse(files['warehouse-orders.postman_collection.json']!)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('Postman, through the postman-collection SDK: raw JSON with Content-Type on the write requests only', () => {
    const collection = new sdk.Collection(JSON.parse(files['warehouse-orders.postman_collection.json']!));
    const sent: Record<string, { method: string; body: unknown; language: unknown; contentType: string | undefined }> = {};
    collection.forEachItem((item) => {
      const { request } = item;
      sent[item.name] = {
        method: request.method,
        body: request.body?.mode === 'raw' ? JSON.parse(request.body.raw!) : request.body?.mode,
        language: (request.body as unknown as { options?: { raw?: { language?: string } } } | undefined)?.options?.raw?.language,
        contentType: request.headers.get('Content-Type'),
      };
    });
    expect(sent['Create order']).toEqual({ method: 'POST', body: EXAMPLE, language: 'json', contentType: 'application/json' });
    expect(sent[CASE_VALID]).toMatchObject({ method: 'POST', body: VALID, contentType: 'application/json' });
    expect(sent[CASE_BROKEN]).toMatchObject({ method: 'POST', body: BROKEN, contentType: 'application/json' });
    expect(sent['List orders']).toEqual({ method: 'GET', body: undefined, language: undefined, contentType: undefined });
  });

  it('Insomnia v4, through insomnia-importers: mimeType application/json and the JSON text', async () => {
    const result = await convert(files['warehouse-orders.insomnia.json']!);
    const requests = (result.data.resources as unknown as { _type: string; name: string; method: string; body: { mimeType?: string; text?: string } }[]).filter(
      (r) => r._type === 'request',
    );
    const byName = Object.fromEntries(requests.map((r) => [r.name, r]));
    expect(byName['Create order']!.body.mimeType).toBe('application/json');
    expect(JSON.parse(byName['Create order']!.body.text!)).toEqual(EXAMPLE);
    expect(JSON.parse(byName[CASE_BROKEN]!.body.text!)).toEqual(BROKEN);
    expect(byName['List orders']!.body).toEqual({});
  });

  it('Insomnia v5: the same body on the request', () => {
    const v5 = parse(files['warehouse-orders.insomnia.yaml']!);
    const walk = (nodes: any[]): any[] => nodes.flatMap((n) => (n.children ? walk(n.children) : [n]));
    const byName = Object.fromEntries(walk(v5.collection).map((r) => [r.name, r]));
    expect(byName['Create order'].body.mimeType).toBe('application/json');
    expect(JSON.parse(byName['Create order'].body.text)).toEqual(EXAMPLE);
    expect(JSON.parse(byName[CASE_VALID].body.text)).toEqual(VALID);
    expect(byName['Create order'].headers).toContainEqual({ name: 'Content-Type', value: 'application/json' });
  });

  it('Bruno, through @usebruno/lang: `body: json` and a body:json block', () => {
    const saved = lang.bruToJsonV2(files['bruno/Orders/Create order.bru']!) as unknown as {
      http: { body: string };
      body: { json: string };
      headers: { name: string; value: string }[];
    };
    expect(saved.http.body).toBe('json');
    expect(JSON.parse(saved.body.json)).toEqual(EXAMPLE);
    expect(saved.headers).toContainEqual(expect.objectContaining({ name: 'Content-Type', value: 'application/json' }));
    const broken = lang.bruToJsonV2(files[`bruno/Contract checks/${CASE_BROKEN}.bru`]!) as unknown as { http: { body: string }; body: { json: string } };
    expect(broken.http.body).toBe('json');
    expect(JSON.parse(broken.body.json)).toEqual(BROKEN);
    expect(lang.bruToJsonV2(files['bruno/Orders/List orders.bru']!).http.body).toBe('none');
  });

  it('OpenAPI: requestBody with the schema, required, the example', () => {
    const doc = parse(files['warehouse-orders.openapi.yaml']!);
    const post = (Object.values(doc.paths) as any[]).find((p) => p.post?.operationId === 'createOrder').post;
    expect(post.requestBody).toEqual({
      description: 'The article and how many to pick.',
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewOrder' }, example: EXAMPLE } },
    });
    const get = (Object.values(doc.paths) as any[]).find((p) => p.get?.operationId === 'listOrders').get;
    expect(get.requestBody).toBeUndefined();
  });

  it('a body text is serialised data: quotes, braces and line breaks arrive as written', () => {
    const tricky = { sku: 'SKU-00001', quantity: 1, note: '"}\n{{not}}\\ ' };
    const other = loadSpec(Buffer.from(readFileSync(FILE, 'utf8').replace('body: { sku: SKU-54321, quantity: 3 }', `body: ${JSON.stringify(tricky)}`)), FILE);
    const out = Object.fromEntries(generateAll(other, DEFAULT_CTX).map((f) => [f.path, f.content]));
    const collection = new sdk.Collection(JSON.parse(out['warehouse-orders.postman_collection.json']!));
    let raw = '';
    collection.forEachItem((item) => {
      if (item.name === CASE_VALID) raw = item.request.body!.raw!;
    });
    expect(JSON.parse(raw)).toEqual(tricky);
    const bru = lang.bruToJsonV2(out[`bruno/Contract checks/${CASE_VALID}.bru`]!) as unknown as { body: { json: string } };
    expect(JSON.parse(bru.body.json)).toEqual(tricky);
  });
});

describe("a documented write request in the kit's contract run", () => {
  const collection = JSON.parse(files['warehouse-orders.postman_collection.json']!);
  const item = (name: string) => collection.item.flatMap((f: any) => f.item).find((i: any) => i.name === name);
  const prerequest = (name: string) => (item(name).event ?? []).filter((e: any) => e.listen === 'prerequest').flatMap((e: any) => e.script.exec) as string[];

  it('Postman and Bruno: the documented POST skips itself, saying why, when contractRun is on; reads and the cases do not', () => {
    expect(prerequest('Create order').join('\n')).toMatch(/if \(pm\.variables\.get\("contractRun"\) === 'on'\) \{/);
    expect(prerequest('Create order').join('\n')).toContain('pm.execution.skipRequest();');
    expect(prerequest('List orders')).toEqual([]);
    expect(prerequest(CASE_VALID)).toEqual([]);
    const bru = lang.bruToJsonV2(files['bruno/Orders/Create order.bru']!);
    expect(bru.script?.req).toMatch(/if \(bru\.getEnvVar\("contractRun"\) === 'on' \|\| bru\.getVar\("contractRun"\) === 'on'\) \{/);
    expect(bru.script?.req).toContain('bru.runner.skipRequest();');
    expect(lang.bruToJsonV2(files['bruno/Orders/List orders.bru']!).script?.req ?? '').not.toContain('contractRun');
  });

  it('Insomnia v4 (through insomnia-importers) and v5: the documented POST skips itself the same way; reads do not', async () => {
    const result = await convert(files['warehouse-orders.insomnia.json']!);
    const requests = (result.data.resources as unknown as { _type: string; name: string; preRequestScript?: string }[]).filter((r) => r._type === 'request');
    const v4 = Object.fromEntries(requests.map((r) => [r.name, r.preRequestScript ?? '']));
    const skip =
      /if \(insomnia\.environment\.get\("contractRun"\) === 'on' \|\| insomnia\.baseEnvironment\.get\("contractRun"\) === 'on'\) \{\n.*\n {2}insomnia\.execution\.skipRequest\(\);/;
    expect(v4['Create order']).toMatch(skip);
    expect(v4['List orders']).toBe('');
    expect(v4[CASE_VALID]).toBe('');
    const walk = (nodes: any[]): any[] => nodes.flatMap((n) => (n.children ? walk(n.children) : [n]));
    const v5 = Object.fromEntries(walk(parse(files['warehouse-orders.insomnia.yaml']!).collection).map((r) => [r.name, r.scripts?.preRequest ?? '']));
    expect(v5['Create order']).toMatch(skip);
    expect(v5['List orders']).toBe('');
  });

  it('every client says, with the request, what body it sends and that a contract run does not send it', async () => {
    const body = '**Request body** (`application/json`, required): matches `NewOrder`. The article and how many to pick.';
    const note = 'A contract run does not send this request (it may change data): only the contract cases that name this endpoint do.';
    const postman = item('Create order').description.content as string;
    const bru = lang.bruToJsonV2(files['bruno/Orders/Create order.bru']!).docs ?? '';
    const result = await convert(files['warehouse-orders.insomnia.json']!);
    const insomnia = (result.data.resources as unknown as { _type: string; name: string; description: string }[]).find(
      (r) => r._type === 'request' && r.name === 'Create order',
    )!.description;
    for (const text of [postman, bru, insomnia]) {
      expect(text).toContain(body);
      expect(text).toContain(note);
    }
    expect(item('List orders').description.content).not.toContain(note);
  });
});
