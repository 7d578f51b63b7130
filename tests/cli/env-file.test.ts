// Settings from the environment and the dotenv file: each value with where it came from, the
// file's pitfalls warned about (never quoting a value), a named file that is missing refused.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../cli/env-file.js';
import { isLoopbackHost, settleTarget, settleTokenTarget } from '../../contract/target.js';
import { runCli } from '../support/cli.js';
import { fixtureArgs } from '../support/collections.js';
import { FIXTURE_SPEC, fixtureModel } from '../support/model.js';

function folderWith(text: string, mode = 0o600, name = '.env'): string {
  const dir = mkdtempSync(join(tmpdir(), 'st-env-'));
  writeFileSync(join(dir, name), text);
  chmodSync(join(dir, name), mode);
  return dir;
}

describe('readSettings', () => {
  it('keeps the first key of a file that starts with a UTF-8 byte-order mark', () => {
    const { settings, warnings } = readSettings({}, folderWith('\uFEFFSECURITHINGS_ORGANIZATION=acme\nSECURITHINGS_CLIENT_ID=c1\n'));
    expect(settings.vars.SECURITHINGS_ORGANIZATION).toEqual({ value: 'acme', from: '.env' });
    expect(settings.vars.SECURITHINGS_CLIENT_ID).toEqual({ value: 'c1', from: '.env' });
    expect(warnings).toEqual([]);
  });

  it('says where each value came from; the environment wins over the file, an empty variable does not', () => {
    const dir = folderWith('SECURITHINGS_ORGANIZATION=from-file\nSECURITHINGS_CLIENT_ID=file-id\n');
    const { settings } = readSettings({ SECURITHINGS_ORGANIZATION: 'from-env', SECURITHINGS_CLIENT_ID: '' }, dir);
    expect(settings.vars.SECURITHINGS_ORGANIZATION).toEqual({ value: 'from-env', from: 'the environment' });
    expect(settings.vars.SECURITHINGS_CLIENT_ID).toEqual({ value: 'file-id', from: '.env' });
    expect(settings.file).toBe('.env');
  });

  it('warns, naming file, line and key but never the value, when an unquoted # cut a value', () => {
    const text = [
      '# a comment line',
      'SECURITHINGS_CLIENT_SECRET=abc#defXYZ',
      'SECURITHINGS_CLIENT_ID="quoted#kept"',
      'SECURITHINGS_ORGANIZATION=acme # a note',
      'export OTHER=#gone',
      '',
    ].join('\n');
    const { settings, warnings } = readSettings({}, folderWith(text));
    expect(settings.vars.SECURITHINGS_CLIENT_SECRET?.value).toBe('abc');
    expect(settings.vars.SECURITHINGS_CLIENT_ID?.value).toBe('quoted#kept');
    expect(warnings).toEqual([
      `warning: .env:2: the value of SECURITHINGS_CLIENT_SECRET was cut at an unquoted '#' (a '#' starts a comment): quote the value, e.g. SECURITHINGS_CLIENT_SECRET="..."`,
      `warning: .env:5: the value of OTHER was cut at an unquoted '#' (a '#' starts a comment): quote the value, e.g. OTHER="..."`,
    ]);
    expect(warnings.join('\n')).not.toMatch(/abc|defXYZ|gone/);
  });

  it.each([0o644, 0o640, 0o604, 0o660])('warns when the file is open to group or others (mode %o), with the chmod hint', (mode) => {
    const { warnings } = readSettings({}, folderWith('SECURITHINGS_ORGANIZATION=acme\n', mode));
    expect(warnings).toEqual([`warning: .env is open to group or others (mode ${mode.toString(8)}) and may hold the client secret: run \`chmod 600 .env\``]);
  });

  it('is quiet about a file only its owner can read, and about a default .env that is absent', () => {
    expect(readSettings({}, folderWith('SECURITHINGS_ORGANIZATION=acme\n', 0o600)).warnings).toEqual([]);
    const empty = mkdtempSync(join(tmpdir(), 'st-env-'));
    expect(readSettings({ SECURITHINGS_ORGANIZATION: 'o' }, empty)).toEqual({
      settings: { vars: { SECURITHINGS_ORGANIZATION: { value: 'o', from: 'the environment' } }, file: '.env' },
      warnings: [],
    });
  });

  it('refuses a named file that does not exist', () => {
    expect(() => readSettings({}, tmpdir(), 'no-such.env')).toThrow('no-such.env: no such file (named by --dotenv)');
  });
});

describe('settings in the commands', () => {
  it('contract --dotenv with a missing file is exit 2 before anything runs', async () => {
    const result = await runCli(['contract', ...fixtureArgs(), '--dotenv', '/no/such.env', '--reports', mkdtempSync(join(tmpdir(), 'st-reports-'))]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: '/no/such.env: no such file (named by --dotenv)\n' });
  });

  it('a bad value names the file it came from', async () => {
    const dir = folderWith('SECURITHINGS_BASE_URL=api.securithings.com\n', 0o600, 'ci.env');
    const result = await runCli(['token', '--dotenv', 'ci.env', '--spec', FIXTURE_SPEC], {
      cwd: dir,
      env: { SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c' },
    });
    expect(result).toMatchObject({ code: 2, stderr: 'SECURITHINGS_BASE_URL (from ci.env) must be an http(s) URL such as https://api.securithings.com\n' });
  });

  it('an unknown environment names the file it came from', async () => {
    const dir = folderWith('SECURITHINGS_ENVIRONMENT=nope\n', 0o600, 'ci.env');
    const result = await runCli(['token', '--dotenv', 'ci.env', '--spec', FIXTURE_SPEC], {
      cwd: dir,
      env: { SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c' },
    });
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^SECURITHINGS_ENVIRONMENT=nope \(from ci\.env\) names no environment; known: production, .*\n$/),
    });
  });

  it('a missing value is asked for in the environment or the named file', async () => {
    const dir = folderWith('SECURITHINGS_ORGANIZATION=o\n', 0o600, 'ci.env');
    const result = await runCli(['token', '--dotenv', 'ci.env', '--spec', FIXTURE_SPEC], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stderr: 'set SECURITHINGS_CLIENT_ID (in the environment or ci.env)\n' });
  });

  it('prints the file warnings on stderr', async () => {
    const dir = folderWith('SECURITHINGS_BASE_URL=ftp://x\n', 0o644);
    const result = await runCli(['contract', ...fixtureArgs()], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'warning: .env is open to group or others (mode 644) and may hold the client secret: run `chmod 600 .env`\n' +
        'SECURITHINGS_BASE_URL (from .env) must be an http(s) URL such as https://api.securithings.com\n',
    );
  });
});

describe('http:// to a host that is not loopback', () => {
  const model = fixtureModel();
  const vars = (baseUrl: string) => ({
    file: '.env',
    vars: Object.fromEntries(
      Object.entries({ SECURITHINGS_BASE_URL: baseUrl, SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c', SECURITHINGS_CLIENT_SECRET: 's' }).map(
        ([k, value]) => [k, { value, from: '.env' }],
      ),
    ),
  });

  it.each(['http://api.example.com', 'http://10.0.0.5:8080', 'http://[fe80::1]', 'http://127.example.com'])('is refused without the opt-in: %s', (url) => {
    const message = `SECURITHINGS_BASE_URL (from .env) is http:// to ${new URL(url).hostname}, which is not loopback: the client secret would travel in clear. Use https://, or pass --allow-insecure-http to send it anyway`;
    expect(() => settleTarget(model, vars(url))).toThrow(message);
    expect(() => settleTokenTarget(model, vars(url))).toThrow(message);
    expect(settleTarget(model, vars(url), { allowInsecureHttp: true })).toMatchObject({ kind: 'remote', credentials: { baseUrl: url.replace(/\/$/, '') } });
  });

  it.each(['http://127.0.0.1:4010', 'http://127.8.9.10', 'http://localhost:1', 'http://[::1]:4010', 'https://api.example.com'])(
    'is fine to loopback or over https: %s',
    (url) => {
      expect(settleTarget(model, vars(url))).toMatchObject({ kind: 'remote' });
    },
  );

  it('knows loopback hosts', () => {
    expect(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '128.0.0.1', '127.0.0.1.nip.io', '::', 'example.com', '10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  it('the commands refuse it with exit 2, and warn when it is allowed', async () => {
    const env = { SECURITHINGS_BASE_URL: 'http://api.example.com', SECURITHINGS_ORGANIZATION: 'o', SECURITHINGS_CLIENT_ID: 'c' };
    const refused = await runCli(['token', '--spec', FIXTURE_SPEC], { env: { ...env, SECURITHINGS_CLIENT_SECRET: 's' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('(from the environment) is http:// to api.example.com, which is not loopback');
    // allowed, with no secret and no terminal: the warning comes before the refusal to guess the secret
    const allowed = await runCli(['token', '--spec', FIXTURE_SPEC, '--allow-insecure-http'], { env });
    expect(allowed.code).toBe(2);
    expect(allowed.stderr).toBe(
      'warning: the client secret goes in clear to http://api.example.com, which is not loopback (allowed by --allow-insecure-http)\n' +
        'set SECURITHINGS_CLIENT_SECRET (in the environment or .env), or run on a terminal to be asked for it\n',
    );
  });
});
