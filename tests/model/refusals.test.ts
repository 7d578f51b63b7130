// The status of each refusal is the one the description's cases document, else 401.
import { describe, expect, it } from 'vitest';
import type { ContractCase } from '../../model/model.js';
import { refusalStatus } from '../../model/refusals.js';
import { fixtureModel, modelWith } from '../support/model.js';

const expecting = (status: number, target: ContractCase['target']) =>
  modelWith((m) => {
    m.contract.cases = [{ id: 'c', name: 'c', target, expect: { status, json: true, schema: false } }];
  });
const endpointCase = (auth: 'none' | 'tampered', endpoint = 'listDevices') => ({ kind: 'endpoint' as const, endpoint, auth, query: {}, pathParams: {} });

describe('refusalStatus', () => {
  it('is 401 for every refusal of the SecuriThings description, which documents 401 throughout', () => {
    const model = fixtureModel();
    expect(refusalStatus(model, { kind: 'token', credentials: 'none' })).toBe(401);
    expect(refusalStatus(model, { kind: 'token', credentials: 'wrong-secret' })).toBe(401);
    expect(refusalStatus(model, { kind: 'endpoint', auth: 'none', endpoint: 'getDevice' })).toBe(401);
  });

  it('is the status a token case documents for its credentials (400 for none, as Microsoft documents)', () => {
    const model = expecting(400, { kind: 'token', credentials: 'none' });
    expect(refusalStatus(model, { kind: 'token', credentials: 'none' })).toBe(400);
    expect(refusalStatus(model, { kind: 'token', credentials: 'wrong-secret' })).toBe(401);
  });

  it('is the status an endpoint case documents, on that endpoint and, when none says, on the others alike', () => {
    const model = expecting(403, endpointCase('none'));
    expect(refusalStatus(model, { kind: 'endpoint', auth: 'none', endpoint: 'listDevices' })).toBe(403);
    expect(refusalStatus(model, { kind: 'endpoint', auth: 'none', endpoint: 'getDevice' })).toBe(403);
    expect(refusalStatus(model, { kind: 'endpoint', auth: 'tampered', endpoint: 'listDevices' })).toBe(401);
  });

  it('ignores a case whose status is no refusal (a 200 or 429 documents nothing about refusing)', () => {
    expect(refusalStatus(expecting(429, { kind: 'token', credentials: 'none' }), { kind: 'token', credentials: 'none' })).toBe(401);
  });
});
