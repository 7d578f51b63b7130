// A generation killed at any moment leaves every output file whole: its old content or its new
// one, never a truncated or mixed file, and never a temp file in a target's place. A write that
// fails cleans up its temp files.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_NAME } from '../../cli/generated-list.js';
import { writeFiles } from '../../cli/write-files.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_SPEC } from '../support/model.js';
import { caseFolders, MAIN, snapshot, TSX, workspace } from './helpers.js';

const TEMP = /\.\d+\.tmp$/;

/** The fixture description changed so that every output file changes, and grows (a wider write window). */
function nextSpec(): string {
  const padding = Array.from({ length: 6000 }, (_, i) => `    Padding line ${i}, so that writing the outputs takes a while.\n`).join('');
  return readFileSync(FIXTURE_SPEC, 'utf8')
    .replace('  version: v1\n', '  version: v2\n')
    .replace('name: SecuriThings API\n', 'name: SecuriThings API Next\n')
    .replace('  description: |\n    Read-only access', `  description: |\n${padding}    Read-only access`)
    .replace('https://api.securithings.com', 'https://api2.securithings.com')
    .replace('https://api.staging.securithings.com', 'https://api2.staging.securithings.com')
    .replace('http://127.0.0.1:4010', 'http://127.0.0.1:4011')
    .replace('Returns the devices', 'Now returns the devices')
    .replace('Returns one device', 'Now returns one device')
    .replace('description: Security devices the caller', 'description: The security devices the caller')
    .replace('    Exchanges the client credentials', '    Now exchanges the client credentials')
    .replace('responseTimeMs: 5000', 'responseTimeMs: 5001');
}

type Outcome = 'untouched' | 'temps left' | 'mixed' | 'complete';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tempsUnder(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => TEMP.test(name));
  } catch {
    return [];
  }
}

/**
 * Spawns the real CLI, SIGKILLs it per `when`, and waits until it is gone. `tsx` runs the script in
 * a child node process, so the CLI gets its own process group and the whole group is killed.
 */
async function killedGenerate(cwd: string, out: string, when: { afterSpawnMs: number } | { afterFirstTempMs: number }): Promise<void> {
  const child = spawn(TSX, [MAIN, 'generate', '--spec', 'spec/next.yaml', '--out', out], { cwd, stdio: 'ignore', detached: true });
  const group = child.pid!;
  let exited = false;
  const gone = new Promise<void>((resolve) => child.on('exit', () => resolve(void (exited = true))));
  if ('afterSpawnMs' in when) {
    await sleep(when.afterSpawnMs);
  } else {
    while (!exited && tempsUnder(join(cwd, out)).length === 0) await new Promise((resolve) => setImmediate(resolve));
    if (when.afterFirstTempMs > 0) await sleep(when.afterFirstTempMs);
  }
  signalGroup(group, 'SIGKILL');
  await gone;
  for (let i = 0; i < 500 && groupAlive(group); i++) await sleep(10);
}

/** Whether a process of the group still runs (a zombie has stopped; PID 1 may be slow to reap it). */
function groupAlive(group: number): boolean {
  if (!existsSync('/proc/self/stat')) return signalGroup(group, 0);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === group && state !== 'Z';
      } catch {
        return false;
      }
    });
}

/** Sends `signal` to a process group we started (or one process); false when none is left. */
function signalGroup(group: number, signal: NodeJS.Signals | 0, isGroup = true): boolean {
  try {
    process.kill(isGroup ? -group : group, signal);
    return true;
  } catch {
    return false;
  }
}

describe('generate killed at any moment', () => {
  const ws = workspace();
  let before: Record<string, string>;
  let after: Record<string, string>;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    writeFileSync(join(ws.dir, 'spec/next.yaml'), nextSpec());
    expect((await runCli(['generate', '--out', 'before'], { cwd: ws.dir })).code).toBe(0);
    expect((await runCli(['generate', '--spec', 'spec/next.yaml', '--out', 'after'], { cwd: ws.dir })).code).toBe(0);
    before = Object.fromEntries(Object.entries(snapshot(join(ws.dir, 'before'))).map(([path, { content }]) => [path, content]));
    after = Object.fromEntries(Object.entries(snapshot(join(ws.dir, 'after'))).map(([path, { content }]) => [path, content]));
  });
  afterAll(() => ws.dispose());

  it('the next description changes every output file', () => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // The list of the files written in bruno/ names the same files either way, and the contract
    // cases' Bruno folder holds only fixed text: every other file tells old from new.
    const same = new Set([`bruno/${LIST_NAME}`, 'bruno/Contract checks/folder.bru']);
    for (const path of Object.keys(before).filter((p) => !same.has(p))) expect(after[path], path).not.toBe(before[path]);
  });

  // Early kills land in start-up or generation; kills timed from the first temp file land while
  // temp files are written, between writes and renames, or among the renames.
  const random = Array.from({ length: 5 }, () => Math.floor(Math.random() * 60));
  const plans = [...[0, 150, 400].map((ms) => ({ afterSpawnMs: ms })), ...[0, 0, 1, 3, 8, 20, ...random].map((ms) => ({ afterFirstTempMs: ms }))];

  it.each(plans)("kill %j: every file old or new, temps never in a target's place", async (when) => {
    const out = 'out';
    rmSync(join(ws.dir, out), { recursive: true, force: true });
    cpSync(join(ws.dir, 'before'), join(ws.dir, out), { recursive: true });
    await killedGenerate(ws.dir, out, when);

    const now = snapshot(join(ws.dir, out));
    const temps = Object.keys(now).filter((path) => TEMP.test(path));
    const targets = Object.keys(now).filter((path) => !TEMP.test(path));
    expect(targets.sort()).toEqual(Object.keys(before).sort());
    for (const path of targets) {
      const content = now[path]!.content;
      expect(content === before[path] || content === after[path], `${path} is neither old nor new (${content.length} bytes)`).toBe(true);
    }
    for (const temp of temps) expect(before[temp.replace(TEMP, '')], `${temp} belongs to no target`).toBeDefined();

    const fresh = targets.filter((path) => now[path]!.content === after[path]).length;
    outcomes.push(fresh === targets.length ? 'complete' : fresh > 0 ? 'mixed' : temps.length > 0 ? 'temps left' : 'untouched');
  });

  it('some kills landed mid-write', () => {
    console.info(`outcomes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.some((o) => o === 'temps left' || o === 'mixed')).toBe(true);
  });

  it('the next generate completes the job and clears the orphaned temp files', async () => {
    for (let attempt = 0; attempt < 5 && tempsUnder(join(ws.dir, 'out')).length === 0; attempt++) {
      rmSync(join(ws.dir, 'out'), { recursive: true, force: true });
      cpSync(join(ws.dir, 'before'), join(ws.dir, 'out'), { recursive: true });
      await killedGenerate(ws.dir, 'out', { afterFirstTempMs: 0 });
    }
    expect(tempsUnder(join(ws.dir, 'out')).length).toBeGreaterThan(0);
    // A temp file is an orphan once its writer's pid is gone (reaped, not just killed).
    const pids = new Set(tempsUnder(join(ws.dir, 'out')).map((name) => Number(/\.(\d+)\.tmp$/.exec(name)![1])));
    for (const pid of pids) for (let i = 0; i < 1000 && signalGroup(pid, 0, false); i++) await sleep(10);
    const { code } = await runCli(['generate', '--spec', 'spec/next.yaml', '--out', 'out'], { cwd: ws.dir });
    expect(code).toBe(0);
    const now = snapshot(join(ws.dir, 'out'));
    expect(Object.keys(now).sort()).toEqual(Object.keys(after).sort());
    for (const path of Object.keys(after)) expect(now[path]!.content === after[path], path).toBe(true);
    expect(tempsUnder(join(ws.dir, 'out'))).toEqual([]);
  });
});

describe('writeFiles when a write fails', () => {
  const ws = workspace();
  afterAll(() => ws.dispose());
  const fresh = caseFolders(ws.dir);

  it('a target that is a folder: throws, removes every temp file, leaves the others whole', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    mkdirSync(join(dir, 'b.txt'));
    writeFileSync(join(dir, 'c.txt'), 'old c');
    expect(() =>
      writeFiles(dir, [
        { path: 'a.txt', content: 'new a' },
        { path: 'b.txt', content: 'new b' },
        { path: 'c.txt', content: 'new c' },
      ]),
    ).toThrow(/EISDIR|directory/i);
    expect(tempsUnder(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toMatch(/^(old|new) a$/);
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('old c');
  });

  it('a folder that cannot be made (a file is in the way): throws, removes the temps already written', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.txt'), 'old a');
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    expect(() =>
      writeFiles(dir, [
        { path: 'a.txt', content: 'new a' },
        { path: 'blocker/b.txt', content: 'new b' },
      ]),
    ).toThrow();
    expect(tempsUnder(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
  });

  it('removes temp files a killed run left, but not those of a live process', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.txt.999999999.tmp'), 'half of a');
    writeFileSync(join(dir, `a.txt.${process.ppid}.tmp`), 'being written by a live process');
    writeFileSync(join(dir, 'other.txt.999999999.tmp'), 'not one of ours');
    expect(writeFiles(dir, [{ path: 'a.txt', content: 'new a' }])).toEqual(['a.txt']);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', `a.txt.${process.ppid}.tmp`, 'other.txt.999999999.tmp']);
  });

  it('through the CLI: exit 2, one error line, no stack, no temp files', async () => {
    const out = join(ws.dir, 'cli-out');
    expect((await runCli(['generate', '--out', 'cli-out'], { cwd: ws.dir })).code).toBe(0);
    const [victim] = readdirSync(out).filter((name) => name.endsWith('.json'));
    rmSync(join(out, victim!));
    mkdirSync(join(out, victim!));
    const { code, stderr } = await runCli(['generate', '--out', 'cli-out'], { cwd: ws.dir });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*(EISDIR|directory)/);
    expect(tempsUnder(out)).toEqual([]);
    expect(existsSync(join(out, victim!))).toBe(true);
  });
});
