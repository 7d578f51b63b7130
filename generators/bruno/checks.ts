// The positive contract checks Bruno can carry: `assert` pairs and a `tests` script with the schema.
// Only checks that hold for any documented query are carried; the contract runner owns the rest.
import { successResponse, type ApiModel, type ContractCase, type Endpoint } from '../../model/model.js';
import { jsLiteral } from '../shared/js-literal.js';
import type { Pair } from './bru.js';

/** Contract cases that call `endpoint` and expect success. */
function positiveCases(model: ApiModel, endpoint: Endpoint): ContractCase[] {
  return model.contract.cases.filter(
    (c) => c.target.kind === 'endpoint' && c.target.endpoint === endpoint.id && c.target.auth === 'inherit' && c.expect.status < 300,
  );
}

/**
 * A body path such as `devices` or `page.total` as a Bruno expression on `res.body`. Bruno evaluates
 * assert keys and post-response vars as JavaScript, so only paths of identifiers may come here:
 * spec/format.schema.json allows no other (`identifier`, the capture path pattern).
 */
export function bodyExpression(path: string): string {
  return `res.body.${path}`;
}

export function assertions(model: ApiModel, endpoint: Endpoint): Pair[] {
  const success = successResponse(endpoint);
  if (!success) return [];
  const pairs: Pair[] = [{ key: 'res.status', value: `eq ${success.status}` }];
  if (success.schema) pairs.push({ key: 'res.body', value: 'isJson' });
  for (const c of positiveCases(model, endpoint)) {
    if (!c.expect.page) continue;
    pairs.push({ key: bodyExpression(c.expect.page.items), value: 'isArray' });
    pairs.push({ key: bodyExpression(c.expect.page.total), value: 'isNumber' });
  }
  pairs.push({ key: 'res.responseTime', value: `lt ${model.contract.responseTimeMs}` });
  const seen = new Set<string>();
  return pairs.filter((pair) => !seen.has(pair.key) && seen.add(pair.key));
}

/** A `tests` script validating the body against the documented draft-07 schema (Bruno bundles Ajv). */
export function schemaTest(model: ApiModel, endpoint: Endpoint): string | undefined {
  const success = successResponse(endpoint);
  if (!success?.schema) return undefined;
  const schema = model.schemas[success.schema];
  if (!schema) return undefined;
  return [
    '// The documented schema (draft-07; additional fields are allowed).',
    `const schema = ${jsLiteral(schema, 2)};`,
    '',
    `test(${jsLiteral(`${success.status} body matches the ${success.schema} schema`)}, function () {`,
    `  expect(res.getStatus()).to.equal(${jsLiteral(success.status)});`,
    // Own properties only: a field named `toString` is present only when the answer holds it.
    '  expect(res.getBody()).to.have.jsonSchema(schema, { ownProperties: true });',
    '});',
  ].join('\n');
}
