// The repository's config (oauth-contract-kit.config.json): found from the working folder up to
// the repository's root, its paths relative to itself, flags over it, mistakes located.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';

const CONFIG = 'oauth-contract-kit.config.json';

/** A repository root (it has a package.json) holding the fixture description at api/spec.yaml. */
function repository(config?: object | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-config-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true}');
  mkdirSync(join(dir, 'api'));
  copyFileSync(FIXTURE_SPEC, join(dir, 'api/spec.yaml'));
  if (config !== undefined) writeFileSync(join(dir, CONFIG), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

describe('the config file', () => {
  it('names the description and the collections folder, so generate needs no flag, and says so on stderr', async () => {
    const dir = repository({ spec: 'api/spec.yaml', collections: 'out/clients', reports: 'out/reports' });
    const result = await runCli(['generate'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`using description api/spec.yaml (from the config; config ${CONFIG})\n`);
    expect(existsSync(join(dir, 'out/clients/securithings.postman_collection.json'))).toBe(true);
    expect((await runCli(['generate', '--check'], { cwd: dir })).code).toBe(0);
  });

  it('is found from a folder below it, with its paths relative to its own folder', async () => {
    const dir = repository({ spec: 'api/spec.yaml', collections: 'clients' });
    const result = await runCli(['generate'], { cwd: join(dir, 'api') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`using description spec.yaml (from the config; config ../${CONFIG})\n`);
    expect(readdirSync(join(dir, 'clients'))).toContain('securithings.postman_collection.json');
  });

  it('is not looked for above the repository root (a folder with package.json or .git)', async () => {
    const outer = repository({ spec: 'api/spec.yaml' });
    const inner = join(outer, 'inner');
    mkdirSync(inner);
    writeFileSync(join(inner, 'package.json'), '{}');
    const result = await runCli(['generate'], { cwd: inner });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`no description at spec/securithings.yaml: set "spec" in ${CONFIG}, pass --spec FILE, or run \`npx oauth-contract-kit init\`\n`);
  });

  it('loses to a flag', async () => {
    const dir = repository({ spec: 'nowhere.yaml', collections: 'clients' });
    const result = await runCli(['generate', '--spec', 'api/spec.yaml', '--out', 'flagged'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`using description api/spec.yaml (--spec; config ${CONFIG})\n`);
    expect(existsSync(join(dir, 'flagged'))).toBe(true);
    expect(existsSync(join(dir, 'clients'))).toBe(false);
  });

  it('a description that is not there names the config key and init: exit 2', async () => {
    const dir = repository({ spec: 'api/missing.yaml' });
    const result = await runCli(['contract'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no description at api/missing.yaml: set "spec" in ${CONFIG}, pass --spec FILE, or run \`npx oauth-contract-kit init\``);
    const bare = await runCli(['token'], { cwd: repository() });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(`set "spec" in ${CONFIG}`);
  });

  it.each([
    [
      'an unknown key, with a guess',
      '{\n  "spec": "api/spec.yaml",\n  "colections": "x"\n}',
      `${CONFIG}:3:3: unknown key "colections" (did you mean "collections"?); a config sets spec, collections, reports [unknown-key]`,
    ],
    [
      'a value that is not a path',
      '{\n  "spec": 3\n}',
      `${CONFIG}:2:3: "spec" must be a non-empty path (a string), relative to the config's folder [wrong-type]`,
    ],
    ['not an object', '["spec"]', `${CONFIG}:1:1: the config must be a JSON object, e.g. {"spec": "spec/api.yaml"} [wrong-type]`],
  ])('%s: one located line, exit 2, nothing written', async (_name, text, line) => {
    const dir = repository(text);
    const result = await runCli(['generate'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
    expect(existsSync(join(dir, 'collections'))).toBe(false);
  });

  it('bad JSON: located at the line of the mistake', async () => {
    const result = await runCli(['mock'], { cwd: repository('{\n  "spec": "api/spec.yaml",\n}\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${CONFIG.replace(/\./g, '\\.')}:3:1: not valid JSON: .+ \\[json-syntax\\]\\n$`));
  });
});
