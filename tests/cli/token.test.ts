// `token`: the shell-history-safe replacement for the curl lines in the docs.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureModel, FIXTURE_SPEC } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startReferenceServer(fixtureModel());
});
afterAll(() => server.close());

const env = (overrides: Record<string, string | undefined> = {}) => ({ ...demoSettings(server.url), ...overrides });

describe('token', () => {
  it('prints only the token, one line, that the server issued', async () => {
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(server.issuedTokens).toContain(result.stdout.trim());
    expect(decodeJwt(result.stdout.trim())).toMatchObject({ org: DEMO.organization });
  });

  it('asks for the secret without echo when none is set and a person is at the terminal', async () => {
    const prompts: string[] = [];
    let stdout = '';
    const { run } = await import('../../cli/main.js');
    const code = await run(['token'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: env({ SECURITHINGS_CLIENT_SECRET: undefined }),
      cwd: process.cwd(),
      interactive: true,
      readSecret: async (prompt) => (prompts.push(prompt), DEMO.clientSecret),
    });
    expect(code).toBe(0);
    expect(prompts).toEqual([`Client secret for ${DEMO.clientId}: `]);
    expect(server.issuedTokens).toContain(stdout.trim());
  });

  it('refuses to guess: no secret and no terminal is exit 2 with what to set', async () => {
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env({ SECURITHINGS_CLIENT_SECRET: undefined }) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('set SECURITHINGS_CLIENT_SECRET (in the environment or .env), or run on a terminal to be asked for it');
  });

  it('reports a refused secret with the status, without echoing the secret', async () => {
    const result = await runCli(['token', '--spec', FIXTURE_SPEC], { env: env({ SECURITHINGS_CLIENT_SECRET: 'not-the-secret-42' }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^token request failed: http:\/\/127\.0\.0\.1:\d+\/token\/demo answered HTTP 401 \(invalid_client(: [^\n]*)?\)\n$/);
    expect(result.stderr).not.toContain('not-the-secret-42');
  });
});
