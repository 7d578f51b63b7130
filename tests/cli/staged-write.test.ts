// Staged writes (what `generate` writes with): a large batch goes to a worker thread, a small one is
// written here; either way nothing is in place before commit, and a failure or an abort leaves the
// folder as it was: no temp file, no folder made, every old file whole.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedWrite } from '../../cli/write-files.js';
import type { OutputFile } from '../../generators/types.js';
import { syntheticSpecYaml } from '../../bench/synthetic-spec.js';
import { runCli } from '../support/cli.js';
import { caseFolders, expectedFiles, snapshot, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.dispose());
const fresh = caseFolders(ws.dir);

/** `count` files in `folder`, enough to go to the worker from 100 on. */
const batch = (folder: string, count: number, tag = 'new'): OutputFile[] =>
  Array.from({ length: count }, (_, i) => ({ path: `${folder}/file ${i}.txt`, content: `${tag} ${i}\n`.repeat(50) }));

const tempsUnder = (dir: string): string[] => Object.keys(snapshot(dir)).filter((path) => path.endsWith('.tmp'));

describe('StagedWrite', () => {
  it('a large and a small batch: nothing in place before commit, then every file, in the order staged', async () => {
    const dir = fresh();
    const large = batch('large', 150);
    const small = batch('small', 3);
    const staged = new StagedWrite(dir);
    staged.stage(large);
    staged.stage(small);
    expect(existsSync(join(dir, 'large/file 0.txt'))).toBe(false);
    expect(await staged.commit()).toEqual([...large, ...small].map((file) => file.path));
    for (const file of [...large, ...small]) expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
    expect(tempsUnder(dir)).toEqual([]);
  });

  it('writes only what changed', async () => {
    const dir = fresh();
    const files = batch('large', 120);
    const first = new StagedWrite(dir);
    first.stage(files);
    await first.commit();
    const edited = files.map((file, i) => (i === 7 ? { ...file, content: 'edited\n' } : file));
    const second = new StagedWrite(dir);
    second.stage(edited);
    expect(await second.commit()).toEqual(['large/file 7.txt']);
  });

  it.each([
    ['in the worker (a large batch)', 150],
    ['here (a small batch)', 3],
  ])('a folder that cannot be made %s: fails, and leaves the folder as it was', async (_where, count) => {
    const dir = fresh();
    writeFileSync(join(dir, 'kept.txt'), 'old');
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const before = snapshot(dir);
    const staged = new StagedWrite(dir);
    const write = async () => {
      staged.stage(batch('made/deeper', count));
      staged.stage([...batch('blocker', count), { path: 'kept.txt', content: 'new' }]);
      return staged.commit();
    };
    await expect(write().catch(async (error) => Promise.reject(await staged.abort().then(() => error)))).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'kept.txt']);
  });

  it('abort after staging: every temp file and every folder made removed, old files whole', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'kept.txt'), 'old');
    const before = snapshot(dir);
    const staged = new StagedWrite(dir);
    staged.stage(batch('large/a', 130));
    staged.stage([...batch('small/b', 2), { path: 'kept.txt', content: 'new' }]);
    await staged.abort();
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['kept.txt']);
  });
});

describe('generate of a description with over a hundred endpoints (Bruno written by the worker)', () => {
  const spec = join(ws.dir, 'synthetic.yaml');
  writeFileSync(spec, syntheticSpecYaml(12));

  it('writes exactly the files of a generation in this process', async () => {
    const { code, stderr } = await runCli(['generate', '--spec', spec, '--out', 'out'], { cwd: ws.dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = expectedFiles(spec);
    expect(expected.filter((file) => file.path.startsWith('bruno/')).length).toBeGreaterThan(100);
    const written = snapshot(join(ws.dir, 'out'));
    expect(Object.keys(written).sort()).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) expect(written[file.path]!.content).toBe(Buffer.from(file.content).toString('latin1'));
  });

  it('a link where a later format writes: exit 2, and the Bruno files written before it are gone again', async () => {
    const out = join(ws.dir, 'linked-out');
    mkdirSync(out);
    symlinkSync(join(ws.dir, 'elsewhere.yaml'), join(out, 'synthetic.openapi.yaml'));
    const { code, stderr } = await runCli(['generate', '--spec', spec, '--out', 'linked-out'], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr).toContain('linked-out/synthetic.openapi.yaml is a symbolic link');
    expect(readdirSync(out)).toEqual(['synthetic.openapi.yaml']);
  });
});
