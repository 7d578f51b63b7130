// An OpenAPI operation's JSON request body imports as the endpoint's body: its schema named and
// rewritten as the answers' are, `required` as stated (OpenAPI's default: optional), the example kept
// only when it matches the schema; a body that is not JSON skips the operation, saying why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../generators/openapi/document.js';
import { loadSpec } from '../../loader/index.js';
import { toYaml } from '../../generators/shared/yaml.js';
import { importDescription } from '../support/import-text.js';

const FILE = 'examples/warehouse-orders.yaml';

/** The kit's export of the warehouse description, changed by `edit`, imported back. */
function imported(edit: (post: Record<string, any>) => void) {
  const doc = openapiDocument(loadSpec(readFileSync(FILE), FILE)) as Record<string, any>;
  const post = Object.values(doc.paths as Record<string, any>).find((p) => p.post?.operationId === 'createOrder').post;
  edit(post);
  const { description, report } = importDescription(toYaml(doc), {}, 'export.openapi.yaml');
  const endpoint = description.resources.flatMap((r) => r.endpoints).find((e) => e.id === 'createOrder');
  return { endpoint, report };
}

describe('importing a JSON request body', () => {
  it('keeps the schema, required and the example that matches', () => {
    const { endpoint } = imported(() => {});
    expect(endpoint?.requestBody).toEqual({
      required: true,
      schema: { $ref: '#/schemas/NewOrder' },
      description: 'The article and how many to pick.',
      example: { sku: 'SKU-12345', quantity: 2, note: 'Fragile' },
    });
  });

  it('leaves out an example that breaks the schema, with a warning; an unstated `required` is false', () => {
    const { endpoint, report } = imported((post) => {
      post.requestBody.content['application/json'].example = { sku: 'nope', quantity: 2 };
      delete post.requestBody.required;
    });
    expect(endpoint?.requestBody).toEqual({ required: false, schema: { $ref: '#/schemas/NewOrder' }, description: 'The article and how many to pick.' });
    expect(report.warnings).toEqual([
      expect.stringMatching(/^createOrder: the request body's example left out: it does not match its schema \(\/sku must match pattern/),
    ]);
  });

  it('skips an operation whose body is not JSON, saying why', () => {
    const { endpoint, report } = imported((post) => {
      post.requestBody.content = { 'application/xml': { schema: { type: 'object' } } };
    });
    expect(endpoint).toBeUndefined();
    expect(report.skipped).toContainEqual({
      method: 'POST',
      path: '/v1/orders',
      reason: 'has a request body of type application/xml; the format sends JSON bodies only',
    });
  });
});
