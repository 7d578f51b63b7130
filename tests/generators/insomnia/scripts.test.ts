// Insomnia's runner (inso >= 10) cannot run here (client-runners.md section 1), so its scripts are
// proved statically: each parses, reads only the documented `insomnia.*` API, hands jsonSchema a
// schema without `format`, and requires only documented modules. Then each runs under node:vm with
// a small fake `insomnia` built from our reading of that API (default Ajv, Chai): that proves our
// code against the documentation, not against inso.
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { Ajv } from 'ajv';
import { chai, describe, expect, it } from 'vitest';
import { insomniaV4 } from '../../../generators/insomnia/v4.js';
import { insomniaV5 } from '../../../generators/insomnia/v5.js';
import { schemaWithoutFormats } from '../../../generators/insomnia/schema-formats.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { FIXTURE_AND_WITH_SITES, fixtureModel } from '../../support/model.js';
import { insomniaChains, parseScript, v4Scripts, v5Scripts } from './scripts.js';

/**
 * client-runners.md, "Script API": insomnia.test(name, fn) and insomnia.test.skip; insomnia.expect (Chai 4); insomnia.response .code, .responseTime, .headers.get(name), .json(), .to.have.jsonSchema;
 * insomnia.environment (the paging walk keeps page 1's state there) and insomnia.execution.skipRequest().
 */
const DOCUMENTED = new Set([
  'insomnia.environment.get',
  'insomnia.environment.set',
  'insomnia.execution.skipRequest',
  'insomnia.test',
  'insomnia.test.skip',
  'insomnia.expect',
  'insomnia.response.code',
  'insomnia.response.responseTime',
  'insomnia.response.headers.get',
  'insomnia.response.json',
  'insomnia.response.to.have.jsonSchema',
]);
/** client-runners.md: `require` for ajv, chai, ..., crypto-js, ... */
const REQUIRABLE = new Set(['crypto-js']);

const both = (model = fixtureModel()) => ({
  v5: v5Scripts(insomniaV5(model, DEFAULT_CTX)[0]!.content),
  v4: v4Scripts(insomniaV4(model, DEFAULT_CTX)[0]!.content),
});

type Json = Record<string, unknown>;
const nodesOf = (node: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(node)) node.forEach((n) => nodesOf(n, out));
  else if (node && typeof node === 'object') {
    if (typeof (node as Json).type === 'string') out.push(node as Json);
    Object.values(node).forEach((v) => nodesOf(v, out));
  }
  return out;
};

it('the walker sees every insomnia.* chain, computed steps included', () => {
  expect(insomniaChains("insomnia.environment.set('a', insomnia.response['code']); const f = () => insomnia.test.skip;")).toEqual([
    'insomnia.environment.set',
    'insomnia.response.[]',
    'insomnia.test.skip',
  ]);
});

describe.each(FIXTURE_AND_WITH_SITES)('Insomnia after-response scripts of %s', (_, makeModel) => {
  it('are on every request, the same in v5 and v4', () => {
    const { v5, v4 } = both(makeModel());
    expect(Object.keys(v5).length).toBeGreaterThan(3);
    expect(v4).toEqual(v5);
  });

  it('parse, and read only the documented insomnia.* API and requirable modules', () => {
    for (const [name, script] of Object.entries(both(makeModel()).v5)) {
      const chains = insomniaChains(script);
      expect(
        chains.filter((c) => !DOCUMENTED.has(c)),
        name,
      ).toEqual([]);
      const required = nodesOf(parseScript(script))
        .filter((n) => n.type === 'CallExpression' && (n.callee as Json).type === 'Identifier' && (n.callee as Json).name === 'require')
        .map((n) => ((n.arguments as Json[])[0] as Json).value);
      expect(
        required.filter((m) => !REQUIRABLE.has(m as string)),
        name,
      ).toEqual([]);
    }
  });

  it('hand jsonSchema a schema without any format keyword', () => {
    for (const [name, script] of Object.entries(both(makeModel()).v5)) {
      if (!script.includes('jsonSchema')) continue;
      const declared = nodesOf(parseScript(script)).find((n) => n.type === 'VariableDeclarator' && (n.id as Json).name === 'schema')!;
      const init = declared.init as Json & { start: number; end: number };
      const schema = JSON.parse(script.slice(init.start, init.end));
      expect(schemaWithoutFormats(schema), name).toEqual(schema);
    }
  });
});

type Outcome = Record<string, 'passed' | 'failed' | 'skipped'>;

/** Runs a script against a fake `insomnia` as client-runners.md describes it (default `new Ajv()`, Chai's expect). */
function run(script: string, answer: { code: number; body: unknown; contentType?: string }, messages: string[] = []): Outcome {
  const outcome: Outcome = {};
  const test = (name: string, fn: () => void) => {
    try {
      fn();
      outcome[name] = 'passed';
    } catch (error) {
      outcome[name] = 'failed';
      messages.push(String(error));
    }
  };
  test.skip = (name: string) => {
    outcome[name] = 'skipped';
  };
  const response = {
    code: answer.code,
    responseTime: 10,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? (answer.contentType ?? 'application/json') : undefined) },
    json: () => JSON.parse(JSON.stringify(answer.body)),
    to: {
      have: {
        jsonSchema: (schema: object) => {
          const ajv = new Ajv();
          if (!ajv.validate(schema, answer.body)) throw new Error(ajv.errorsText());
        },
      },
    },
  };
  const insomnia = { test, expect: chai.expect, response };
  vm.runInNewContext(script, { insomnia, require: createRequire(import.meta.url) });
  return outcome;
}

const DEVICE = { id: 'd-1', name: 'Cam', status: 'online', lastSeen: '2024-12-31T23:59:59Z' };

describe('Insomnia scripts run against a fake insomnia (our reading of the documented API, not inso)', () => {
  const script = both().v5['Devices/Get Device By ID']!;

  it('pass a correct answer whose schema has format: date-time (default Ajv would throw on it)', () => {
    expect(script).toContain('date-time');
    expect(Object.values(run(script, { code: 200, body: DEVICE }))).toEqual(Array(5).fill('passed'));
  });

  it('fail the schema check when a date-time is not one, without quoting the value', () => {
    const messages: string[] = [];
    const outcome = run(script, { code: 200, body: { ...DEVICE, lastSeen: 'yesterday' } }, messages);
    expect(outcome['body matches the Device schema']).toBe('failed');
    expect(messages.join('\n')).toContain('body.lastSeen is not a date-time');
    expect(messages.join('\n')).not.toContain('yesterday');
  });

  it('report the checks that need the documented status skipped when another came', () => {
    expect(run(script, { code: 500, body: { error: 'x' } })).toEqual({
      'status is 200': 'failed',
      'body is JSON': 'skipped',
      'Content-Type is JSON': 'skipped',
      'body matches the Device schema': 'skipped',
      'answers within 5000 ms': 'passed',
    });
  });
});
