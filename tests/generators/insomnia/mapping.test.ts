// The small pieces both formats share, as given/want tables.
import { describe, expect, it } from 'vitest';
import type { Parameter, RateLimit } from '../../../model/model.js';
import { rateLimitText } from '../../../model/rate-limits.js';
import { queryPair } from '../../../generators/insomnia/parameters.js';
import { pathParamVariable, variable } from '../../../generators/insomnia/template.js';

const param = (p: Partial<Parameter>): Parameter => ({ name: 'p', type: 'string', required: false, description: 'About p.', ...p });

describe('queryPair', () => {
  const cases: [string, Partial<Parameter>, { value: string; disabled: boolean; description: string }][] = [
    ['an example wins over the default', { type: 'integer', example: 5, default: 100 }, { value: '5', disabled: true, description: 'About p. Default 100.' }],
    [
      'the default when there is no example',
      { type: 'integer', default: 0, minimum: 0 },
      { value: '0', disabled: true, description: 'About p. At least 0. Default 0.' },
    ],
    ['the first allowed value', { enum: ['a', 'b'] }, { value: 'a', disabled: true, description: 'About p. One of: a, b.' }],
    ['a flag is 1', { type: 'flag' }, { value: '1', disabled: true, description: 'About p. 1 = yes, 0 = no.' }],
    ['a range', { type: 'integer', minimum: 1, maximum: 1000 }, { value: '', disabled: true, description: 'About p. 1 to 1000.' }],
    ['a maximum alone', { type: 'integer', maximum: 9 }, { value: '', disabled: true, description: 'About p. At most 9.' }],
    ['a required parameter stays on', { required: true, example: 'x' }, { value: 'x', disabled: false, description: 'About p.' }],
  ];
  it.each(cases)('%s', (_, given, want) => {
    expect(queryPair(param(given))).toEqual({ name: 'p', ...want });
  });
});

describe('pathParamVariable', () => {
  it.each([
    ['{{deviceId}}', 'deviceId'],
    ['{{ deviceId }}', 'deviceId'],
    ['dev-0001', 'id'],
    [undefined, 'id'],
    [42, 'id'],
  ])('example %s reads the variable %s', (example, want) => {
    expect(pathParamVariable(param({ name: 'id', example }))).toBe(want);
  });
});

describe('rateLimitText', () => {
  const cases: [RateLimit, string][] = [
    [{ requests: 5, perSeconds: 60, per: ['ip'] }, '5 requests per minute per IP'],
    [{ requests: 1, perSeconds: 1, per: ['ip', 'user'] }, '1 request per second per IP and per user'],
    [{ requests: 100, perSeconds: 10, per: ['user'] }, '100 requests per 10 seconds per user'],
    [{ requests: 2, perSeconds: 3600, per: [] }, '2 requests per hour'],
  ];
  it.each(cases)('%o reads %s', (limit, want) => {
    expect(rateLimitText(limit)).toBe(want);
  });
});

describe('variable', () => {
  it('uses the environment prefix', () => {
    expect(variable('baseUrl')).toBe('{{ _.baseUrl }}');
  });
});
