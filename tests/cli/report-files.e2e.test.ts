// The contract run's reports folder: checked before any request, emptied of the last run's
// reports when a run starts (a refused run leaves none), written by rename (a link at a report's
// path is replaced, not followed); and --fail-on-skip.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '../../cli/report-files.js';
import { DEMO, startReferenceServer, type RunningServer } from '../../server/index.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { fixtureModel } from '../support/model.js';
import { demoSettings } from '../support/settings.js';

const folder = () => mkdtempSync(join(tmpdir(), 'st-reports-'));
const aFile = () => {
  const file = join(folder(), 'file');
  writeFileSync(file, 'x');
  return file;
};
const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function server(options: Parameters<typeof startReferenceServer>[1] = {}): Promise<RunningServer> {
  const started = await startReferenceServer(fixtureModel(), options);
  servers.push(started);
  return started;
}

describe('contract reports', () => {
  it("a refused run removes the last run's reports and leaves other files alone", async () => {
    const reports = folder();
    for (const name of REPORT_NAMES) writeFileSync(join(reports, name), 'PASSED (an old run)');
    writeFileSync(join(reports, 'notes.txt'), 'mine');
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports], { env: { SECURITHINGS_BASE_URL: 'ftp://api.example.com' } });
    expect(result.code).toBe(2);
    expect(readdirSync(reports)).toEqual(['notes.txt']);
  });

  it.each([
    [
      'a folder it may not write into',
      () => '/sys/kernel',
      'cannot write reports into /sys/kernel/: not writable (EACCES) (choose another folder with --reports DIR)',
    ],
    ['a file where the folder should be', () => aFile(), 'a file is in the way of the folder'],
    ['a folder below a file', () => join(aFile(), 'below'), 'a file is in the way of the folder'],
  ])('%s is exit 2 before any request', async (_, path, message) => {
    const reports = path();
    const target = await server();
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports], { env: demoSettings(target.url) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(target.stats.tokenRequests + target.stats.dataRequests).toBe(0);
  });

  it('replaces a link at a report path instead of writing through it, and writes only the files it names', async () => {
    const reports = folder();
    const victim = join(folder(), 'victim.txt');
    writeFileSync(victim, 'untouched');
    for (const name of REPORT_NAMES) symlinkSync(victim, join(reports, name));
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', reports]);
    expect(result.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    const written = readdirSync(reports);
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const name of written) {
      expect(REPORT_NAMES).toContain(name);
      expect(lstatSync(join(reports, name)).isFile()).toBe(true);
    }
    expect(existsSync(join(reports, 'contract-junit.xml'))).toBe(true);
  });
});

describe('--fail-on-skip', () => {
  it.concurrent.each([
    [[], 0],
    [['--fail-on-skip'], 1],
  ] as const)('with no devices to fetch by id, %j exits %i', async (flags, code) => {
    const empty = await server({ tenants: [{ ...DEMO, items: 0 }] });
    const result = await runCli(['contract', ...fixtureArgs(), '--reports', folder(), ...flags], { env: demoSettings(empty.url) });
    expect(result.code).toBe(code);
    expect(result.stdout).toContain('Get Device By ID');
    expect(/^FAILED --fail-on-skip: \d+ checks skipped$/m.test(result.stdout)).toBe(code === 1);
  });
});
