// The package as another repository gets it: the tracked files copied to a fresh folder (as a
// clone has them: no dist/), `npm pack` there (its `prepare` must build the program), the tarball
// installed into a fresh project without dev dependencies, then every command run through the
// installed bin on the shipped example.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers.js';

/** The package's name and its main bin; `securithings-kit` is kept as a second bin. */
const NAME = 'oauth-contract-kit';
const OLD_NAME = 'securithings-kit';
const EXAMPLE = 'examples/parcel-tracker.yaml';
/**
 * Sum of file sizes below the consumer's node_modules: newman's tree alone is ~46 MiB, the kit
 * ~3 MiB; with fastify, ajv, yaml and the rest installed beside them it was ~60 MiB.
 */
const MAX_INSTALLED_BYTES = 56 * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'pkg-install-'));
const consumer = join(work, 'consumer');
let installed = '';
let example = '';
const bin = (project = consumer, name = NAME) => join(project, 'node_modules/.bin', name);
// No setting of the example's API leaks in from the test's own environment.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PARCELS_') && !key.startsWith('MY_API_')));

let tarball = '';
let tarFiles: string[] = [];
let install: SpawnSyncReturns<string>;

function run(command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}, timeout = 60_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', timeout });
}

/** The repository as a clone has it: tracked (and new, not ignored) files, dev dependencies linked. */
function cloneLike(into: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    // deleted in the work tree but not yet committed; a linked node_modules (ignored only as a folder)
    if (!existsSync(join(REPO, file)) || file.split('/')[0] === 'node_modules') continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(REPO, file), join(into, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(into, 'node_modules'), 'dir');
}

function bytesBelow(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Starts `mock` through the bin, then `token` against it with the demo credentials its banner prints. */
async function mockThenToken(cwd: string, mockArgs: string[], prefix: string, tokenArgs: string[]): Promise<void> {
  const mock = spawn(bin(cwd), ['mock', ...mockArgs, '--port', '0'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string | null>((resolve) => {
    mock.once('exit', (code) => resolve(code));
    mock.once('error', (error) => resolve(error.message)); // e.g. no such bin
  });
  try {
    let banner = '';
    await new Promise<void>((resolve, reject) => {
      mock.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        banner += chunk;
        if (banner.includes('Press Ctrl-C')) resolve();
      });
      void exited.then((code) => reject(new Error(`mock ended (${code}) before it listened: ${banner}`)));
      setTimeout(() => reject(new Error(`mock did not listen within 20 s: ${banner}`)), 20_000).unref();
    });
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
    const clientId = /clientId\s+(\S+)/.exec(banner)?.[1];
    const clientSecret = /clientSecret\s+(\S+)/.exec(banner)?.[1];
    expect([url, clientId, clientSecret].every(Boolean), 'the banner names the URL and the demo credentials').toBe(true);
    const token = run(bin(cwd), ['token', ...tokenArgs], cwd, {
      [`${prefix}_BASE_URL`]: url,
      [`${prefix}_CLIENT_ID`]: clientId,
      [`${prefix}_CLIENT_SECRET`]: clientSecret,
    });
    expect(token.status, token.stderr).toBe(0);
    // the shape only: a token is never printed, even a demo one
    expect(/^[\w.~+/=-]{16,}\n$/.test(token.stdout), 'token prints one token line (JWT or opaque, as documented)').toBe(true);
    // nothing but the line naming the config, when one was found
    expect(token.stderr.replace(/^using description .*\n/, '')).toBe('');
  } finally {
    mock.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}

beforeAll(() => {
  const source = join(work, 'source');
  cloneLike(source);
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], source, {}, 240_000);
  expect(pack.status, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout) as { name: string; filename: string; files: { path: string }[] }[];
  tarball = join(work, packed!.filename);
  installed = join(consumer, 'node_modules', packed!.name);
  example = join(installed, EXAMPLE);
  tarFiles = packed!.files.map((file) => file.path);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  install = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], consumer, {}, 240_000);
  expect(install.status, install.stderr).toBe(0);
}, 480_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the tarball', () => {
  it('ships the built program, the format schema, its docs and the example, and nothing of tests, bench, CI or collections', () => {
    expect(tarFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/oauth-contract-kit.js',
        `bin/${OLD_NAME}.js`,
        'dist/bundle/bin.js',
        'spec/format.schema.json',
        'spec/config.schema.json',
        'docs/format.md',
        'action.yml',
        EXAMPLE,
      ]),
    );
    const unwanted = tarFiles.filter(
      (path) => /^(tests|bench|\.ci|\.github|collections|scripts|cli|contract|loader|server|generators|model)\//.test(path) || /^dist\/(?!bundle\/)/.test(path),
    );
    expect(unwanted).toEqual([]);
  });

  it("installs into a fresh project with no engine warning on this Node, only newman's tree beside it, within the size budget", () => {
    expect(install.stderr).not.toMatch(/EBADENGINE/);
    expect(existsSync(join(consumer, 'node_modules/fastify')), 'fastify is bundled, not installed').toBe(false);
    expect(existsSync(join(consumer, 'node_modules/light-my-request')), 'light-my-request is bundled, not installed').toBe(false);
    expect(bytesBelow(join(consumer, 'node_modules'))).toBeLessThan(MAX_INSTALLED_BYTES);
  });
});

describe('the installed bin', () => {
  it('--help, under its name and under the old one', () => {
    for (const name of [OLD_NAME, NAME]) {
      const help = run(bin(consumer, name), ['--help'], consumer);
      expect(help.stderr).toBe('');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: ${NAME} \\[options\\] \\[command\\]`));
    }
  });

  it('the bundle started directly runs the command once', () => {
    const bundle = join(consumer, 'node_modules', NAME, 'dist/bundle/bin.js');
    const version = run(process.execPath, [bundle, '--version'], consumer);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('generate, then contract against the embedded server: exit 0', () => {
    const out = join(work, 'collections');
    const generate = run(bin(), ['generate', '--spec', example, '--out', out], consumer);
    expect(generate.status, generate.stderr).toBe(0);
    expect(existsSync(join(out, 'parcel-tracker.postman_collection.json'))).toBe(true);
    const contract = run(bin(), ['contract', '--spec', example, '--collections', out, '--reports', join(work, 'reports')], consumer, {}, 120_000);
    expect(contract.status, contract.stdout + contract.stderr).toBe(0);
    expect(contract.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('mock, then token against it with the demo credentials it prints', async () => {
    await mockThenToken(consumer, ['--spec', example], 'PARCELS', ['--spec', example]);
  });

  it('runs through npx from the tarball', () => {
    const npx = run('npx', ['--yes', '--package', tarball, NAME, '--help'], work, {}, 180_000);
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout).toMatch(new RegExp(`^Usage: ${NAME} `));
  });

  // Last: it rearranges the consumer's tree. npm nests newman's postman-runtime under newman when
  // the project holds another version at the top (pnpm hides it from the kit altogether); the
  // answer-size limit must patch the copy newman runs, never the project's.
  it("contract patches newman's own postman-runtime when the project holds another one", () => {
    const modules = join(consumer, 'node_modules');
    mkdirSync(join(modules, 'newman/node_modules'), { recursive: true });
    renameSync(join(modules, 'postman-runtime'), join(modules, 'newman/node_modules/postman-runtime'));
    mkdirSync(join(modules, 'postman-runtime'));
    writeFileSync(join(modules, 'postman-runtime/package.json'), JSON.stringify({ name: 'postman-runtime', version: '0.0.1-decoy', main: 'index.js' }));
    writeFileSync(join(modules, 'postman-runtime/index.js'), "throw new Error('the project\\'s own postman-runtime was loaded, not newman\\'s');\n");
    const out = join(work, 'collections-nested');
    expect(run(bin(), ['generate', '--spec', example, '--out', out], consumer).status).toBe(0);
    const contract = run(bin(), ['contract', '--spec', example, '--collections', out, '--reports', join(work, 'reports-nested')], consumer, {}, 120_000);
    expect(contract.status, contract.stdout + contract.stderr).toBe(0);
  });
});

// The README's promise, in a new empty folder: `npm i <the package>`, `npx oauth-contract-kit init`,
// then `npx oauth-contract-kit contract` passes, and every command runs with no flag.
describe('in a new empty folder', () => {
  const fresh = join(work, 'fresh');
  const npx = (args: string[], timeout = 120_000) => run('npx', ['--no-install', NAME, ...args], fresh, {}, timeout);

  beforeAll(() => {
    mkdirSync(fresh);
    const installed = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], fresh, {}, 240_000);
    expect(installed.status, installed.stderr).toBe(0);
  }, 300_000);

  it('npx oauth-contract-kit init, then contract: exit 0; generate --check and the npm scripts init wrote work too', () => {
    const init = npx(['init']);
    expect(init.status, init.stderr).toBe(0);
    const contract = npx(['contract']);
    expect(contract.status, contract.stdout + contract.stderr).toBe(0);
    expect(contract.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(contract.stderr).toBe('using description spec/api.yaml (from the config; config oauth-contract-kit.config.json)\n');
    expect(npx(['generate', '--check']).status).toBe(0);
    const script = run('npm', ['run', '-s', 'contract'], fresh, {}, 120_000);
    expect(script.status, script.stdout + script.stderr).toBe(0);
    // the starter's $schema line lands on the schema the package installed
    const first = readFileSync(join(fresh, 'spec/api.yaml'), 'utf8').split('\n')[0]!;
    expect(existsSync(join(fresh, 'spec', first.replace('# yaml-language-server: $schema=', '')))).toBe(true);
    expect(existsSync(join(fresh, 'node_modules/oauth-contract-kit/action.yml')), "the action init's workflow uses").toBe(true);
  });

  it('generate, mock and token through the bin with no flag', async () => {
    expect(npx(['generate']).status).toBe(0);
    await mockThenToken(fresh, [], 'MY_API', []);
  });
});
