// `generate` through `run(argv, io)`: bad input gives exit 2 and one positioned line per problem
// with nothing written; good input writes every file once; --check names what is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    writeFileSync(join(ws.dir, 'bad', 'three-mistakes.yaml'), fixture.replace('format: 1\n', 'format: 1\nservers: []\n').replace('basePath: /v1/devices', 'basePth: /v1/devices').replace('method: GET', 'method: FETCH'));
    const generated = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(generated.code).toBe(0);
    before = snapshot(join(ws.dir, OUT));
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });
  afterAll(() => ws.dispose());

  it.each([...badSpecs().map((s) => s.file), 'huge.yaml', 'stack-deep.yaml', 'three-mistakes.yaml'])('%s: exit 2, one line per diagnostic, nothing written', async (name) => {
    const file = `bad/${name}`;
    const { code, stdout, stderr } = await runCli(['generate', '--spec', file, '--out', OUT], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectDiagnosticLines(stderr, file, diagnosticCount(file, ws.dir));
    expect(snapshot(join(ws.dir, OUT))).toEqual(before);
  });

  it('reports every mistake, not just the first', async () => {
    const { stderr } = await runCli(['generate', '--spec', 'bad/three-mistakes.yaml', '--out', OUT], { cwd: ws.dir });
    expect(stderr.trimEnd().split('\n').map((line) => /\[([a-z0-9-]+)\]$/.exec(line)?.[1])).toEqual(['unknown-key', 'unknown-key', 'invalid-value']);
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

  it.each([[['generate', '--frobnicate']], [['--frobnicate']], [['generat']], [['generate', '--spec']]])('%j: exit 2 with a message and no stack', async (argv) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: /);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
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
  afterAll(() => ws.dispose());

  it('--check names a leftover file in a folder a generator owns; generate removes it', async () => {
    expect((await runCli(['generate', '--out', OUT], { cwd: ws.dir })).code).toBe(0);
    const leftover = join(ws.dir, OUT, 'bruno', 'Devices', 'Renamed request.bru');
    writeFileSync(leftover, 'meta {\n  name: Renamed request\n}\n');
    const check = await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(`orphan: ${OUT}/bruno/Devices/Renamed request.bru is no longer generated (run \`npm run generate\`)\n`);
    const generated = await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(generated.stdout).toContain('removed bruno/Devices/Renamed request.bru');
    expect(existsSync(leftover)).toBe(false);
    expect((await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir })).code).toBe(0);
  });

  it('removes a folder the leftover files leave empty', async () => {
    const gone = join(ws.dir, OUT, 'bruno', 'Old resource');
    mkdirSync(gone);
    writeFileSync(join(gone, 'folder.bru'), 'meta {\n  name: Old resource\n}\n');
    await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(join(ws.dir, OUT, 'bruno', 'Devices', 'folder.bru'))).toBe(true);
  });

  it('leaves files outside the folders it owns alone', async () => {
    const mine = join(ws.dir, OUT, 'notes.txt');
    writeFileSync(mine, 'kept');
    expect((await runCli(['generate', '--out', OUT, '--check'], { cwd: ws.dir })).code).toBe(0);
    await runCli(['generate', '--out', OUT], { cwd: ws.dir });
    expect(readFileSync(mine, 'utf8')).toBe('kept');
  });
});
