// `generate` through `run(argv, io)`: bad input gives exit 2 and one positioned line per problem
// with nothing written; good input writes every file once; --check names what is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, SpecError } from '../../loader/index.js';
import { badSpecs } from '../support/bad-specs.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';
import { expectedFiles, snapshot, workspace } from './helpers.js';

const OUT = 'out';

function diagnosticCount(file: string, cwd: string): number {
  try {
    loadSpec(readFileSync(join(cwd, file)), file);
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics.length;
    throw error;
  }
  throw new Error(`${file} loads`);
}

/** The stderr contract for bad input: one `file:line:col: ` line per diagnostic, no stack. */
function expectDiagnosticLines(stderr: string, file: string, count: number): void {
  const lines = stderr.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(count);
  const prefix = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `);
  for (const line of lines) expect(line).toMatch(prefix);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('generate with a bad description', () => {
  const ws = workspace();
  let before: ReturnType<typeof snapshot>;

  beforeAll(async () => {
    mkdirSync(join(ws.dir, 'bad'));
    for (const { file, bytes } of badSpecs()) writeFileSync(join(ws.dir, 'bad', file), bytes);
    writeFileSync(join(ws.dir, 'bad', 'huge.yaml'), `format: 1\nunknowns:\n${'  - padding padding padding padding padding\n'.repeat(100_000)}`);
    writeFileSync(join(ws.dir, 'bad', 'stack-deep.yaml'), `format: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
    writeFileSync(
      join(ws.dir, 'bad', 'three-mistakes.yaml'),
      fixture
        .replace('format: 1\n', 'format: 1\nservers: []\n')
        .replace('basePath: /v1/devices', 'basePth: /v1/devices')
        .replace('method: GET', 'method: FETCH'),
    );
    const generated = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(generated.code).toBe(0);
    before = snapshot(join(ws.dir, OUT));
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });
  afterAll(() => ws.dispose());

  it.each([...badSpecs().map((s) => s.file), 'huge.yaml', 'stack-deep.yaml', 'three-mistakes.yaml'])(
    '%s: exit 2, one line per diagnostic, nothing written',
    async (name) => {
      const file = `bad/${name}`;
      const { code, stdout, stderr } = await runCli(['generate', '--spec', file, '--out', OUT], { cwd: ws.dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expectDiagnosticLines(stderr, file, diagnosticCount(file, ws.dir));
      expect(snapshot(join(ws.dir, OUT))).toEqual(before);
    },
  );

  it('reports every mistake, not just the first', async () => {
    const { stderr } = await runCli(['generate', '--spec', 'bad/three-mistakes.yaml', '--out', OUT], { cwd: ws.dir });
    expect(
      stderr
        .trimEnd()
        .split('\n')
        .map((line) => /\[([a-z0-9-]+)\]$/.exec(line)?.[1]),
    ).toEqual(['unknown-key', 'unknown-key', 'invalid-value']);
  });

  it('a missing description: exit 2, one positioned line', async () => {
    const { code, stderr } = await runCli(['generate', '--spec', 'bad/nope.yaml', '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr).toBe('bad/nope.yaml:1:1: cannot read the description: no such file [file-unreadable]\n');
  });

  it.each([
    ['bad', 'bad:1:1: cannot read the description: it is a folder [file-unreadable]'],
    ['/dev/zero', '/dev/zero:1:1: cannot read the description: it is not a regular file [file-unreadable]'],
  ])('%s as the description: exit 2, one positioned line, nothing read', async (spec, line) => {
    const { code, stderr } = await runCli(['generate', '--spec', spec, '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr.replace(/^(\.\.\/)+dev\/zero/, '/dev/zero')).toBe(`${line}\n`);
  });
});

describe('generate with the fixture description', () => {
  const ws = workspace();
  const out = join(ws.dir, OUT);
  const expected = expectedFiles(FIXTURE_SPEC);
  afterAll(() => ws.dispose());

  it('--check on a fresh folder: exit 1, names every file, writes nothing', async () => {
    const { code, stdout, stderr } = await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual(expected.map((f) => `stale: ${OUT}/${f.path} (run \`npm run generate\`)`));
    expect(snapshot(out)).toEqual({});
  });

  it('a clean generate writes every file', async () => {
    const { code, stdout, stderr } = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(`${expected.length} of ${expected.length} files written in ${OUT}/`);
    const written = snapshot(out);
    expect(Object.keys(written).sort()).toEqual(expected.map((f) => f.path).sort());
    for (const file of expected) expect(readFileSync(join(out, file.path), 'utf8')).toBe(file.content);
  });

  it('a second generate writes nothing and leaves every byte and mtime alone', async () => {
    const before = snapshot(out);
    const { code, stdout } = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(0);
    expect(stdout).toBe(`0 of ${expected.length} files written in ${OUT}/\n`);
    expect(snapshot(out)).toEqual(before);
  });

  it('--check after generate: exit 0', async () => {
    const { code, stdout, stderr } = await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${expected.length} files up to date in ${OUT}/\n`);
  });

  it('--check names exactly the file edited by hand, and leaves it as it is', async () => {
    const victim = expected[0]!.path;
    writeFileSync(join(out, victim), 'edited by hand\n');
    const before = snapshot(out);
    const { code, stderr } = await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir });
    expect(code).toBe(1);
    expect(stderr).toBe(`stale: ${OUT}/${victim} (run \`npm run generate\`)\n`);
    expect(snapshot(out)).toEqual(before);
    const again = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(again.stdout).toBe(`1 of ${expected.length} files written in ${OUT}/\n  ${victim}\n`);
  });
});

describe('usage', () => {
  it.each([[['--help']], [['generate', '--help']], [['help', 'generate']]])('%j: exit 0 and usage on stdout', async (argv) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: /m);
    expect(stderr).toBe('');
  });

  it('generate --help lists its options', async () => {
    const { stdout } = await runCli(['generate', '--help']);
    for (const option of ['--spec <file>', '--out <dir>', '--check']) expect(stdout).toContain(option);
  });

  it.each([[['generate', '--frobnicate']], [['--frobnicate']], [['generat']], [['generate', '--spec']]])(
    '%j: exit 2 with a message and no stack',
    async (argv) => {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: /);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );
});

describe('generate --format', () => {
  const ws = workspace();
  afterAll(() => ws.dispose());

  it('writes only the named formats, and --check looks only at them', async () => {
    const { code, stdout } = await runCli(['generate', '--out', OUT, '--format', 'postman', 'openapi'], { cwd: ws.dir });
    expect(code).toBe(0);
    expect(Object.keys(snapshot(join(ws.dir, OUT))).sort()).toEqual([
      'securithings-local.postman_environment.json',
      'securithings-production.postman_environment.json',
      'securithings-staging.postman_environment.json',
      'securithings.openapi.yaml',
      'securithings.postman_collection.json',
    ]);
    expect(stdout).toContain('5 of 5 files written');
    expect((await runCli(['generate', '--out', OUT, '--check', '--format', 'openapi'], { cwd: ws.dir })).code).toBe(0);
    expect((await runCli(['generate', '--out', OUT, '--check', '--format', 'bruno'], { cwd: ws.dir })).code).toBe(1);
  });

  it('refuses an unknown format with exit 2', async () => {
    const { code, stderr } = await runCli(['generate', '--out', OUT, '--format', 'har'], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr).toContain("argument 'har' is invalid. Allowed choices are postman, insomnia-v4, insomnia-v5, bruno, openapi.");
  });
});

describe('generate with files it no longer writes', () => {
  const ws = workspace();
  const spec = join(ws.dir, 'spec/securithings.yaml');
  afterAll(() => ws.dispose());

  it('--check names the file of a renamed endpoint; generate removes it', async () => {
    expect((await runCli(['generate', '--out', OUT], { cwd: ws.dir })).code).toBe(0);
    const old = join(ws.dir, OUT, 'bruno', 'Devices', 'Get Devices.bru');
    expect(existsSync(old)).toBe(true);
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('name: Get Devices', 'name: List devices'));
    const check = await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`orphan: ${OUT}/bruno/Devices/Get Devices.bru is no longer generated (run \`npm run generate\`)\n`);
    const generated = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(generated.stdout).toContain('removed bruno/Devices/Get Devices.bru');
    expect(existsSync(old)).toBe(false);
    expect((await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir })).code).toBe(0);
  });

  it('removes a folder the removed files leave empty', async () => {
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('name: Devices', 'name: Cameras'));
    await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(existsSync(join(ws.dir, OUT, 'bruno', 'Devices'))).toBe(false);
    expect(existsSync(join(ws.dir, OUT, 'bruno', 'Cameras', 'folder.bru'))).toBe(true);
  });

  it('leaves the files it did not write alone, in the folders it owns too', async () => {
    const mine = ['notes.txt', 'bruno/notes.txt', 'bruno/My request.bru', 'bruno/Cameras/Mine.bru'].map((path) => join(ws.dir, OUT, path));
    for (const path of mine) writeFileSync(path, 'kept');
    expect((await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir })).code).toBe(0);
    const { stdout } = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(stdout).not.toContain('removed');
    for (const path of mine) expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  it('a list naming files outside its folder removes none of them', async () => {
    const victims = [join(ws.dir, 'victim.txt'), join(ws.dir, OUT, 'victim.txt')];
    for (const path of victims) writeFileSync(path, 'kept');
    const list = join(ws.dir, OUT, 'bruno', '.generated-files');
    writeFileSync(list, `${readFileSync(list, 'utf8')}../../victim.txt\n../victim.txt\n${join(ws.dir, 'victim.txt')}\n`);
    const { code } = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(0);
    for (const path of victims) expect(readFileSync(path, 'utf8')).toBe('kept');
  });
});

describe('generate with a symbolic link in its output folder', () => {
  const ws = workspace();
  const elsewhere = join(ws.dir, 'elsewhere');
  afterAll(() => ws.dispose());

  beforeAll(() => {
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'notes.txt'), 'kept');
    writeFileSync(join(elsewhere, 'Get Devices.bru'), 'kept');
    writeFileSync(join(elsewhere, '.generated-files'), 'notes.txt\nGet Devices.bru\n');
  });

  it.each([
    ['bruno', 'bruno'],
    ['bruno/Devices', 'bruno/Devices'],
    ['bruno/collection.bru', 'bruno/collection.bru'],
  ])('%s links out: exit 2 naming the link, nothing read, written or removed there', async (link) => {
    const out = `out-${link.replaceAll('/', '-')}`;
    mkdirSync(dirname(join(ws.dir, out, link)), { recursive: true });
    const target = link.endsWith('.bru') ? join(elsewhere, 'notes.txt') : elsewhere;
    symlinkSync(target, join(ws.dir, out, link));
    const before = snapshot(elsewhere);
    for (const argv of [
      ['generate', '--out', out],
      ['generate', '--out', out, '--check'],
    ]) {
      const { code, stdout, stderr } = await runCli(argv, { cwd: ws.dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${out}/${link} is a symbolic link: generate does not follow links inside its output folder; remove it or choose another --out\n`);
    }
    expect(snapshot(elsewhere)).toEqual(before);
    expect(readdirSync(join(ws.dir, out)).sort()).toEqual(['bruno']);
  });

  it('a file it would remove that is now a link: exit 2 naming it', async () => {
    expect((await runCli(['generate', '--out', OUT], { cwd: ws.dir })).code).toBe(0);
    const list = join(ws.dir, OUT, 'bruno', '.generated-files');
    writeFileSync(list, `${readFileSync(list, 'utf8')}Old.bru\n`);
    symlinkSync(join(elsewhere, 'notes.txt'), join(ws.dir, OUT, 'bruno', 'Old.bru'));
    const { code, stderr } = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr).toContain(`${OUT}/bruno/Old.bru is a symbolic link`);
    expect(readFileSync(join(elsewhere, 'notes.txt'), 'utf8')).toBe('kept');
  });

  it('the output folder itself may be a link: the user chose it', async () => {
    const real = join(ws.dir, 'real-out');
    mkdirSync(real);
    symlinkSync(real, join(ws.dir, 'linked-out'));
    expect((await runCli(['generate', '--out', 'linked-out'], { cwd: ws.dir })).code).toBe(0);
    expect(existsSync(join(real, 'bruno', 'collection.bru'))).toBe(true);
  });
});

describe('generate prints names for a terminal', () => {
  const ws = workspace();
  afterAll(() => ws.dispose());

  it('control characters and bidi overrides in the paths it prints are escaped', async () => {
    const out = 'out\u001b[2J\u202e';
    const generated = await runCli(['generate', '--out', out, '--format', 'openapi'], { cwd: ws.dir });
    expect(generated.stdout).toContain('written in out\\x1b[2J\\u{202e}/');
    writeFileSync(join(ws.dir, out, 'securithings.openapi.yaml'), 'edited');
    const check = await runCli(['generate', '--out', out, '--check', '--format', 'openapi'], { cwd: ws.dir });
    expect(check.stderr).toBe('stale: out\\x1b[2J\\u{202e}/securithings.openapi.yaml (run `npm run generate`)\n');
    expect(generated.stdout + check.stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
