// `init` in a new or an existing folder: what it writes, and that it never overwrites without --force.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../cli/env-file.js';
import { settingNames, settleTarget } from '../../contract/target.js';
import { loadSpec } from '../../loader/index.js';
import { runCli } from '../support/cli.js';
import { snapshot, REPO } from './helpers.js';

const WRITTEN = ['oauth-contract-kit.config.json', 'spec/api.yaml', '.env.example', '.github/workflows/oauth-contract-kit.yml', '.gitignore'];

const folder = () => mkdtempSync(join(tmpdir(), 'kit-init-'));

describe('init in an empty folder', () => {
  it('writes the config, a starter description, .env.example, .gitignore, the workflow and the collections; generate --check then passes', async () => {
    const dir = folder();
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    for (const path of WRITTEN) expect(existsSync(join(dir, path)), path).toBe(true);
    expect(existsSync(join(dir, 'collections/my-api.postman_collection.json'))).toBe(true);
    expect(result.stdout).toContain('note: no package.json here: no npm scripts written');
    expect(JSON.parse(readFileSync(join(dir, 'oauth-contract-kit.config.json'), 'utf8'))).toEqual({
      $schema: './node_modules/oauth-contract-kit/spec/config.schema.json',
      spec: 'spec/api.yaml',
      collections: 'collections',
      reports: 'reports',
    });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('.env\nreports/\n');
    const check = await runCli(['generate', '--check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toBe('using description spec/api.yaml (from the config; config oauth-contract-kit.config.json)\n');
  });

  it('the starter names the format schema where the installed package has it, for editor completion', async () => {
    const dir = folder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(dir, 'spec/api.yaml'), 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=../node_modules/oauth-contract-kit/spec/format.schema.json');
    // where that path lands in a consumer: node_modules/oauth-contract-kit is this package, which ships spec/format.schema.json
    expect(resolve(join(dir, 'spec'), '../node_modules/oauth-contract-kit')).toBe(join(dir, 'node_modules/oauth-contract-kit'));
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; files: string[] };
    expect(pkg.name).toBe('oauth-contract-kit');
    expect(pkg.files).toContain('spec/format.schema.json');
  });

  it('.env.example names every setting of the description and, copied as it is, targets the embedded server', async () => {
    const dir = folder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const model = loadSpec(readFileSync(join(dir, 'spec/api.yaml')), 'spec/api.yaml');
    writeFileSync(join(dir, '.env'), readFileSync(join(dir, '.env.example')), { mode: 0o600 });
    const { settings, warnings } = readSettings({}, dir);
    const { pathVariables, ...names } = settingNames(model);
    expect(Object.keys(settings.vars).sort()).toEqual([...Object.values(names), ...Object.values(pathVariables)].sort());
    expect(warnings).toEqual([]);
    expect(settleTarget(model, settings)).toMatchObject({ kind: 'embedded', environment: { id: 'local' } });
  });
});

const EBAY = resolve(REPO, 'tests/fixtures/openapi/ebay-taxonomy.swagger.yaml');

describe('init --from an OpenAPI document', () => {
  it('imports it as spec/api.yaml with the flags for what it does not state, prints the report, and builds .env.example and the rest from it', async () => {
    const dir = folder();
    const result = await runCli(['init', '--from', EBAY, '--client-auth', 'post', '--token-lifetime', '900', '--token-rate-limit', '5/60'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    for (const path of WRITTEN) expect(existsSync(join(dir, path)), path).toBe(true);
    expect(result.stdout).toMatch(/^Imported .*ebay-taxonomy\.swagger\.yaml \(Swagger 2\.0\) with scheme Client Credentials -> spec\/api\.yaml$/m);
    expect(result.stdout).toContain('Operations: 4 of 4 kept');
    const text = readFileSync(join(dir, 'spec/api.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/oauth-contract-kit/spec/format.schema.json');
    const model = loadSpec(new TextEncoder().encode(text), 'spec/api.yaml');
    expect(model.info.id).toBe('taxonomy-api');
    expect(model.auth.rateLimit).toMatchObject({ requests: 5, perSeconds: 60 });
    expect(text).toMatch(/^ {2}clientAuthentication: post$/m);
    expect(text).toMatch(/^ {2}lifetimeSeconds: 900$/m);
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toContain('\nTAXONOMY_API_CLIENT_ID=\n');
    expect(existsSync(join(dir, 'collections/taxonomy-api.postman_collection.json'))).toBe(true);
  });

  it.each([
    ['a broken document', 'swagger: "2.0"\ninfo: [unclosed\n'],
    ['a document with no client-credentials scheme', 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\n'],
  ])('%s: exit 2, the error on stderr, and nothing written, not even the config', async (_, document) => {
    const source = folder();
    writeFileSync(join(source, 'openapi.yaml'), document);
    const dir = folder();
    const result = await runCli(['init', '--from', join(source, 'openapi.yaml')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/openapi\.yaml.*\n(.*\n)*nothing was written\n$/);
    expect(snapshot(dir)).toEqual({});
  });

  it('a document that is not there: exit 2, nothing written', async () => {
    const dir = folder();
    const result = await runCli(['init', '--from', 'missing.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.yaml');
    expect(snapshot(dir)).toEqual({});
  });

  it('an import flag without --from is refused, naming it: exit 2, nothing written', async () => {
    const dir = folder();
    const result = await runCli(['init', '--client-auth', 'post', '--token-rate-limit', '5/60'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--client-auth, --token-rate-limit: only with --from FILE/);
    expect(snapshot(dir)).toEqual({});
  });

  it('an import flag with a bad value is refused before anything is read or written', async () => {
    const dir = folder();
    const result = await runCli(['init', '--from', EBAY, '--refresh-token', 'maybe'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected yes or no');
    expect(snapshot(dir)).toEqual({});
  });
});

describe('init in an existing repository', () => {
  it('adds its npm scripts to package.json and its lines to .gitignore, keeping what is there, without duplicates', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, scripts: { test: 'jest' }, devDependencies: { 'oauth-contract-kit': 'file:kit.tgz' } }),
    );
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n/.env');
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toEqual({
      name: 'consumer',
      private: true,
      scripts: {
        test: 'jest',
        generate: 'oauth-contract-kit generate',
        contract: 'oauth-contract-kit contract',
        mock: 'oauth-contract-kit mock',
        token: 'oauth-contract-kit token',
      },
      devDependencies: { 'oauth-contract-kit': 'file:kit.tgz' },
    });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules\n/.env\nreports/\n');
  });

  it('twice: refuses, listing what it would overwrite, exit 2, nothing written', async () => {
    const dir = folder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const before = snapshot(dir);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      'init would overwrite:\n  oauth-contract-kit.config.json\n  spec/api.yaml\n  .env.example\n  .github/workflows/oauth-contract-kit.yml\n  collections/ (not empty)\nnothing written; pass --force to overwrite them\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('a package.json script of the same name is an overwrite too', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', scripts: { contract: 'pact verify' } }));
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('  package.json scripts.contract ("pact verify")\n');
    expect(existsSync(join(dir, 'spec'))).toBe(false);
  });

  it('--force overwrites', async () => {
    const dir = folder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const starter = readFileSync(join(dir, 'spec/api.yaml'), 'utf8');
    writeFileSync(join(dir, 'spec/api.yaml'), 'format: 1\n');
    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'spec/api.yaml'), 'utf8')).toBe(starter);
    expect((await runCli(['generate', '--check'], { cwd: dir })).code).toBe(0);
  });
});
