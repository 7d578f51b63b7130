// The token answer as a vendor documents it (issue 17): an opaque token in a field of its own name,
// token_type `Application Access Token` (sent back as `Bearer`), a lifetime documented as a range.
// The contract run passes against the reference server and against an independent server that
// answers as eBay documents; it fails, on the right named check, when that server answers a
// lifetime outside the range or another token_type; and the token never reaches anything the run
// prints or writes.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../../cli/write-files.js';
import { generateAll } from '../../generators/index.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';
import { runCli, type CliResult } from '../support/cli.js';
import { decodedRuns } from '../support/decoded-runs.js';
import { DOCUMENTED, startVendorServer, VENDOR_CLIENT, type VendorAnswer, type VendorServer } from '../support/vendor-token-server.js';

const SPEC = fileURLToPath(new URL('../fixtures/descriptions/opaque-vendor.yaml', import.meta.url));
const TOKEN_TYPE_CHECK = 'token_type is Application Access Token (any case)';
const LIFETIME_CHECK = 'the token lives between 3600 and 7200 s as documented (expires_in, where given)';

let collections: string;
const servers: VendorServer[] = [];
beforeAll(() => {
  collections = mkdtempSync(join(tmpdir(), 'opaque-vendor-'));
  writeFiles(collections, generateAll(loadSpec(readFileSync(SPEC), SPEC), DEFAULT_CTX));
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

interface Run extends CliResult {
  /** Every report file's text. */
  reports: { name: string; text: string }[];
}

async function contract(env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'opaque-vendor-run-'));
  const result = await runCli(['contract', '--spec', SPEC, '--collections', collections, '--reports', 'reports', '--no-pacing'], { env, cwd });
  const dir = join(cwd, 'reports');
  return { ...result, reports: readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })) };
}

async function againstVendor(answer: VendorAnswer): Promise<{ run: Run; server: VendorServer }> {
  const server = await startVendorServer(answer);
  servers.push(server);
  const run = await contract({
    SHOPFRONT_BASE_URL: server.url,
    SHOPFRONT_CLIENT_ID: VENDOR_CLIENT.clientId,
    SHOPFRONT_CLIENT_SECRET: VENDOR_CLIENT.clientSecret,
  });
  return { run, server };
}

/** The JUnit test cases that failed, by name. */
function failedChecks(run: Run): string[] {
  const junit = run.reports.find((r) => r.name.endsWith('junit.xml'))!.text;
  return [...junit.matchAll(/<testcase name="([^"]*)"[^>]*>\s*<failure/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

const passedChecks = (run: Run) => {
  const junit = run.reports.find((r) => r.name.endsWith('junit.xml'))!.text;
  return [...junit.matchAll(/<testcase name="([^"]*)"[^>]*\/>/g)].map((m) => m[1]!);
};

describe('an opaque token in app_token, token_type "Application Access Token", a 3600 to 7200 s lifetime', () => {
  it('passes against the reference server, which issues the token as documented', async () => {
    const run = await contract();
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(passedChecks(run)).toEqual(expect.arrayContaining([TOKEN_TYPE_CHECK, LIFETIME_CHECK]));
    expect(passedChecks(run).some((name) => /JWT|signed/.test(name))).toBe(false);
  }, 60_000);

  it('passes against an independent server answering as the vendor documents, which then takes the opaque token as Bearer', async () => {
    const { run, server } = await againstVendor(DOCUMENTED);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(passedChecks(run)).toEqual(expect.arrayContaining([TOKEN_TYPE_CHECK, LIFETIME_CHECK]));
    expect(server.issued).toHaveLength(1);
    expect(server.bearers.filter((b) => b === `Bearer ${server.issued[0]}`).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it.each([
    ['a lifetime below the range', { ...DOCUMENTED, expiresIn: 1800 }, LIFETIME_CHECK],
    ['a lifetime above the range', { ...DOCUMENTED, expiresIn: 86400 }, LIFETIME_CHECK],
    ['token_type Bearer', { ...DOCUMENTED, tokenType: 'Bearer' }, TOKEN_TYPE_CHECK],
  ])(
    'fails (exit 1) on that one named check when the server answers %s',
    async (_, answer, check) => {
      const { run } = await againstVendor(answer);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
      expect(failedChecks(run)).toEqual([check]);
    },
    60_000,
  );

  it('never shows the opaque token, whole, in part or encoded, in the terminal or any report', async () => {
    const { run, server } = await againstVendor(DOCUMENTED);
    const [token] = server.issued as [string];
    const secretPart = token.slice(token.lastIndexOf('^') + 1);
    const texts = [{ name: 'stdout', text: run.stdout }, { name: 'stderr', text: run.stderr }, ...run.reports];
    expect(texts.map((t) => t.name)).toEqual(expect.arrayContaining(['contract-junit.xml', 'contract-report.html']));
    for (const { name, text } of texts) {
      for (const needle of [token, secretPart, encodeURIComponent(token), Buffer.from(token).toString('base64')])
        expect(text.includes(needle), `${name} holds the token`).toBe(false);
      expect(
        decodedRuns(text).some((decoded) => decoded.includes(secretPart)),
        `${name} holds the token encoded`,
      ).toBe(false);
    }
  }, 60_000);
});
