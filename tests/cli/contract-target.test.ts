// Which API `contract` tests is never a guess: credentials without a base URL stop the run (exit 2,
// naming the missing setting), and a run against the embedded server says so before anything else.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';

const reportsDir = () => mkdtempSync(join(tmpdir(), 'contract-target-'));

describe('contract: credentials without a base URL', () => {
  it('exits 2 naming SECURITHINGS_BASE_URL, writes no report and starts no run, when the base URL setting is misnamed', async () => {
    const reports = reportsDir();
    const env = {
      SECURITHINGS_BASEURL: 'https://api.securithings.com',
      SECURITHINGS_ORGANIZATION: DEMO.organization,
      SECURITHINGS_CLIENT_ID: DEMO.clientId,
      SECURITHINGS_CLIENT_SECRET: DEMO.clientSecret,
    };
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports, '--fail-on-drift'], { env, cwd: reports });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^SECURITHINGS_BASE_URL is not set, but SECURITHINGS_ORGANIZATION \(from the environment\), SECURITHINGS_CLIENT_ID \(from the environment\), SECURITHINGS_CLIENT_SECRET \(from the environment\) are: /,
    );
    expect(result.stderr).not.toContain(DEMO.clientSecret);
    expect(result.stdout).toBe('');
    expect(existsSync(join(reports, 'contract-junit.xml'))).toBe(false);
  });

  it('exits 2 when the base URL is left empty in .env but a credential is filled in', async () => {
    const cwd = reportsDir();
    const dotenv = [
      'SECURITHINGS_BASE_URL=',
      'SECURITHINGS_ORGANIZATION=',
      'SECURITHINGS_CLIENT_ID=someone',
      'SECURITHINGS_CLIENT_SECRET=',
      'SECURITHINGS_ENVIRONMENT=',
    ];
    writeFileSync(join(cwd, '.env'), `${dotenv.join('\n')}\n`, { mode: 0o600 });
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', join(cwd, 'reports')], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^SECURITHINGS_BASE_URL is not set \(empty in \.env\), but SECURITHINGS_CLIENT_ID \(from \.env\) is: set SECURITHINGS_BASE_URL \(in the environment or \.env\) to test the API/,
    );
  });
});
