// Request bodies in the description: the model carries them settled (required by default, the
// example kept), a contract case sends its own body or the endpoint's example, and a case that
// must send a body but has none is refused, located.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec, type SpecError, formatDiagnostic } from '../../loader/index.js';
import { findEndpoint, type ApiModel } from '../../model/model.js';

const FILE = fileURLToPath(new URL('../../examples/warehouse-orders.yaml', import.meta.url));
const text = () => readFileSync(FILE, 'utf8');
const load = (yaml: string): ApiModel => loadSpec(Buffer.from(yaml), 'warehouse.yaml');
const problems = (yaml: string): string[] => {
  try {
    load(yaml);
    return [];
  } catch (error) {
    return (error as SpecError).diagnostics.map(formatDiagnostic);
  }
};
const caseTarget = (model: ApiModel, id: string) => model.contract.cases.find((c) => c.id === id)!.target;

describe('request bodies', () => {
  it('the endpoint carries its body: schema, required by default, the example', () => {
    const yaml = text().replace('          required: true\n', '');
    const { endpoint } = findEndpoint(load(yaml), 'createOrder')!;
    expect(endpoint.requestBody).toEqual({
      required: true,
      schema: 'NewOrder',
      example: { sku: 'SKU-12345', quantity: 2, note: 'Fragile' },
      description: 'The article and how many to pick.',
    });
    expect(findEndpoint(load(yaml), 'listOrders')!.endpoint.requestBody).toBeUndefined();
  });

  it("a case sends its own body, else the endpoint's example", () => {
    const model = load(text().replace('      body: { sku: SKU-54321, quantity: 3 }\n', ''));
    expect(caseTarget(model, 'createOrderValid')).toMatchObject({ body: { sku: 'SKU-12345', quantity: 2, note: 'Fragile' } });
    expect(caseTarget(model, 'createOrderBroken')).toMatchObject({ body: { sku: 'not-a-sku', quantity: 0 } });
    expect(caseTarget(model, 'ordersPageSizeOne')).not.toHaveProperty('body');
  });

  it('a case of an endpoint that requires a body, with none to send, is refused where it names the endpoint', () => {
    const yaml = text()
      .replace('          example: { sku: SKU-12345, quantity: 2, note: Fragile }\n', '')
      .replace('      body: { sku: SKU-54321, quantity: 3 }\n', '');
    expect(problems(yaml)).toEqual([
      expect.stringMatching(/^warehouse\.yaml:\d+:17: contract\.cases\[3\]\.endpoint: endpoint `createOrder` requires a body: give the case a `body`/),
    ]);
  });

  it('a body on a token case is refused, located', () => {
    const yaml = text().replace('      token: { credentials: wrong-secret }\n', '      token: { credentials: wrong-secret }\n      body: { a: 1 }\n');
    expect(problems(yaml)).toEqual([expect.stringMatching(/contract\.cases\[0\]\.body: `body` applies to endpoint cases, not token cases \[invalid-case\]$/)]);
  });
});

describe('templates in request bodies', () => {
  it.each([
    ['note: Fragile', 'note: "{{clientSecret}}"', /requestBody\.example\.note: `\{\{clientSecret\}\}` names a credential/],
    [
      'body: { sku: not-a-sku, quantity: 0 }',
      'body: { sku: "{{process.env.HOME}}", quantity: 0 }',
      /cases\[4\]\.body\.sku: `\{\{process\.env\.HOME\}\}` reads the environment/,
    ],
    ['body: { sku: not-a-sku, quantity: 0 }', 'body: { "{% x %}": 1 }', /cases\[4\]\.body\["\{% x %\}"\]: `\{%` starts a template tag/],
  ])('%s -> %s is refused, located', (from, to, message) => {
    expect(problems(text().replace(from, to)).join('\n')).toMatch(message);
  });
});
