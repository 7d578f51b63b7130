// The reference server issues the token answer the description documents (issue 17): opaque or a
// JWT, the documented token_type and field, a lifetime inside the documented range; and it refuses
// a violation that has nothing documented to break.
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../model/model.js';
import { DEMO, startReferenceServer, type RunningServer, type ServerOptions } from '../../server/index.js';
import { modelWith } from '../support/model.js';
import { getWith, requestToken } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ebayLike = (): ApiModel =>
  modelWith((m) => {
    m.auth.token = { format: 'opaque', type: 'Application Access Token', field: 'app_token' };
    m.auth.lifetime = { min: 3000, max: 7200 };
  });

async function startOn(model: ApiModel, options: ServerOptions = {}): Promise<RunningServer> {
  server = await startReferenceServer(model, options);
  return server;
}

describe('the token answer the reference server issues', () => {
  it('as documented for an eBay-like API: an opaque token in app_token, its token_type, a lifetime inside the range; the token works as Bearer', async () => {
    const s = await startOn(ebayLike());
    const answer = await requestToken(s, DEMO);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ app_token: expect.any(String), token_type: 'Application Access Token', expires_in: 5100 });
    expect(() => decodeJwt(answer.body.app_token)).toThrow();
    expect((await getWith(s, '/v1/devices', answer.body.app_token)).status).toBe(200);
  });

  it('a JWT still, when the description says jwt', async () => {
    const s = await startOn(modelWith((m) => (m.auth.lifetime = { min: 3000, max: 7200 })));
    const answer = await requestToken(s, DEMO);
    const claims = decodeJwt(answer.body.access_token);
    expect(claims.exp! - claims.iat!).toBe(5100);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 5100 });
  });

  it('with no documented lifetime, tokens live an hour', async () => {
    const s = await startOn(modelWith((m) => delete m.auth.lifetime));
    expect((await requestToken(s, DEMO)).body.expires_in).toBe(3600);
  });

  it('token-lifetime: a lifetime outside the documented range', async () => {
    const s = await startOn(ebayLike(), { violations: ['token-lifetime'] });
    expect((await requestToken(s, DEMO)).body.expires_in).toBe(1500);
  });

  it('refuses violations with nothing documented to break: opaque-token for opaque tokens, token-lifetime without a lifetime', async () => {
    await expect(startReferenceServer(ebayLike(), { violations: ['opaque-token'] })).rejects.toThrow(
      'violation opaque-token: the description documents an opaque token, so there is no JWT to break',
    );
    await expect(
      startReferenceServer(
        modelWith((m) => delete m.auth.lifetime),
        { violations: ['token-lifetime'] },
      ),
    ).rejects.toThrow('violation token-lifetime: the description documents no lifetime bound to break');
  });
});
