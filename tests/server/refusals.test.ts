// The reference server refuses as the description documents: the statuses its contract cases
// expect for a token request without credentials or with a wrong secret, and for a data request
// without a bearer or with a tampered one; 401 where it says nothing (RFC 6749 5.2, RFC 6750 3.1).
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiModel, ContractCase } from '../../model/model.js';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { modelWith } from '../support/model.js';
import { basic, call, getWith, isErrorBody, requestToken, tokenFor } from './helpers.js';

const servers: RunningServer[] = [];
afterEach(async () => void (await Promise.all(servers.splice(0).map((s) => s.close()))));

/** The fixture description with every refusal case's expected status replaced as `statuses` says (case id -> status). */
async function serverExpecting(statuses: Record<string, number>): Promise<{ server: RunningServer; model: ApiModel }> {
  const model = modelWith((m) => {
    m.contract.cases = m.contract.cases.map((c): ContractCase => (statuses[c.id] ? { ...c, expect: { ...c.expect, status: statuses[c.id]! } } : c));
  });
  const server = await startReferenceServer(model);
  servers.push(server);
  return { server, model };
}

const caseId = (model: ApiModel, match: (c: ContractCase['target']) => boolean) => model.contract.cases.find((c) => match(c.target))!.id;

describe('refusals as documented', () => {
  it('answers 400 invalid_request to a token request without credentials when the description says 400, with no Basic challenge', async () => {
    const ids = modelWith(() => {});
    const { server } = await serverExpecting({ [caseId(ids, (t) => t.kind === 'token' && t.credentials === 'none')]: 400 });
    const answer = await call(server, `/token/${DEMO.organization}`, { method: 'POST' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_request');
    expect(isErrorBody(answer.body)).toBe(true);
    expect(answer.headers.get('www-authenticate')).toBeNull();
    // a wrong secret is still 401 invalid_client with the challenge: the description says 401 for it
    const wrong = await requestToken(server, { ...DEMO, clientSecret: 'wrong' });
    expect([wrong.status, wrong.body.error, wrong.headers.get('www-authenticate')]).toEqual([401, 'invalid_client', expect.stringMatching(/^Basic /)]);
  });

  it('answers 401 invalid_client without credentials when the description says 401', async () => {
    const { server } = await serverExpecting({});
    const answer = await call(server, `/token/${DEMO.organization}`, { method: 'POST' });
    expect([answer.status, answer.body.error]).toEqual([401, 'invalid_client']);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('answers a wrong secret, a missing and a tampered bearer with the documented 400 / 403', async () => {
    const ids = modelWith(() => {});
    const { server } = await serverExpecting({
      [caseId(ids, (t) => t.kind === 'token' && t.credentials === 'wrong-secret')]: 400,
      [caseId(ids, (t) => t.kind === 'endpoint' && t.auth === 'none')]: 403,
      [caseId(ids, (t) => t.kind === 'endpoint' && t.auth === 'tampered')]: 400,
    });
    const wrong = await requestToken(server, { ...DEMO, clientSecret: 'wrong' });
    expect([wrong.status, wrong.body.error, wrong.headers.get('www-authenticate')]).toEqual([400, 'invalid_client', null]);
    const token = await tokenFor(server, DEMO);
    const path = ids.resources[0]!.basePath;
    const none = await getWith(server, path);
    expect([none.status, none.body.error]).toEqual([403, 'forbidden']);
    expect((await call(server, path, { headers: { authorization: basic(DEMO.clientId, DEMO.clientSecret) } })).status).toBe(403); // not a bearer: none given
    const tampered = await getWith(server, path, `${token.slice(0, -2)}xx`);
    expect([tampered.status, tampered.body.error]).toEqual([400, 'invalid_token']);
    expect((await getWith(server, path, token)).status).toBe(200);
  });
});
