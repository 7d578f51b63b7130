// The machine, the software versions and the commit, for the head of bench/RESULTS.md.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { table } from './markdown.js';
import { runProcess } from './stats.js';

function version(root: string, packageDir: string): string {
  const file = join(root, packageDir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'not installed';
}

async function git(root: string, args: string[]): Promise<string> {
  const run = await runProcess('git', args, { cwd: root });
  return run.code === 0 ? run.stdout.trim() : 'unknown';
}

export async function environmentSection(root: string, command: string): Promise<string> {
  const cpu = cpus();
  const commit = await git(root, ['rev-parse', 'HEAD']);
  const dirty = (await git(root, ['status', '--porcelain', '--untracked-files=no'])) !== '';
  const rows: Array<[string, string]> = [
    ['command', `\`${command}\``],
    ['git commit', `${commit}${dirty ? ' (plus uncommitted changes in the working tree, built into dist/ by this run)' : ''}`],
    ['machine', `${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${platform()} ${release()}`],
    ['node', process.version],
    ['securithings-kit (ours)', version(root, '.')],
    ['newman', version(root, 'node_modules/newman')],
    ['@apideck/portman', version(root, 'bench/tools/node_modules/@apideck/portman')],
    ['openapi-to-postmanv2', version(root, 'node_modules/openapi-to-postmanv2')],
    ['@stoplight/prism-cli', version(root, 'bench/tools/node_modules/@stoplight/prism-cli')],
    ['autocannon', version(root, 'node_modules/autocannon')],
    ['date', new Date().toISOString()],
  ];
  return table(['', ''], rows);
}
