// A unique client secret goes through generate and a full contract run; afterwards neither it
// nor any token the server issued may appear in a file of the repository tree, in the generated
// files, in the run's reports/, or in anything the commands printed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type RunningServer, type Violation } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';

const SKIP = new Set(['node_modules', '.git', 'dist']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function hits(needles: string[], haystacks: { name: string; text: string }[]): string[] {
  return haystacks.flatMap(({ name, text }) => needles.filter((n) => text.includes(n)).map((n) => `${name} holds ${n.slice(0, 6)}...`));
}

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('secret scan', () => {
  // Opaque tokens fail the contract (the docs promise a JWT) and, unlike JWTs, are hidden only
  // because the runner learns each token from the wire: the harder case for redaction.
  it.each([
    ['JWT access tokens', [] as Violation[], 0],
    ['opaque access tokens', ['opaque-token'] as Violation[], 1],
  ])('with %s, finds neither the client secret nor any issued token anywhere after generate and a contract run', async (_, violations, exitCode) => {
    const secret = `scan-${randomBytes(18).toString('base64url')}`;
    const tenant = { organization: 'scan-org', clientId: 'scan-client', clientSecret: secret, items: 5 };
    const server = await startReferenceServer(fixtureModel(), { tenants: [tenant], violations });
    servers.push(server);
    const env = {
      SECURITHINGS_BASE_URL: server.url,
      SECURITHINGS_ORGANIZATION: tenant.organization,
      SECURITHINGS_CLIENT_ID: tenant.clientId,
      SECURITHINGS_CLIENT_SECRET: secret,
    };
    const out = mkdtempSync(join(tmpdir(), 'scan-out-'));
    const cwd = mkdtempSync(join(tmpdir(), 'scan-cwd-')); // where the contract run writes reports/
    const generated = await runCli(['generate', '--spec', FIXTURE_SPEC, '--out', out], { env, cwd });
    const contract = await runCli(['contract', ...fixtureArgs()], { env, cwd });
    expect(contract.code).toBe(exitCode);
    expect(server.issuedTokens.length).toBeGreaterThan(0);

    const needles = [secret, ...server.issuedTokens];
    const files = [...filesUnder(process.cwd()), ...filesUnder(out), ...filesUnder(cwd)].map((name) => ({ name, text: readFileSync(name, 'latin1') }));
    const printed = [generated, contract].flatMap((r, i) => [
      { name: `stdout#${i}`, text: r.stdout },
      { name: `stderr#${i}`, text: r.stderr },
    ]);
    expect(files.some((f) => f.name.includes(join('reports', 'contract-report.html')))).toBe(true);
    expect(hits(needles, [...files, ...printed])).toEqual([]);
  });
});
