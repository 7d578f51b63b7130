// An optional baseline: a temporary git worktree of another commit, built, whose CLI joins the
// generation table as "ours @<short commit>". Removed again at the end.
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustRun } from './stats.js';

export interface Baseline {
  commit: string;
  short: string;
  root: string;
  remove(): Promise<void>;
}

/** `build`: false for a baseline run through tsx (the pacing section), which needs no dist/. */
export async function createBaseline(repo: string, commit: string, log: (s: string) => void, build = true): Promise<Baseline> {
  const full = (await mustRun('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: repo })).stdout.trim();
  const short = full.slice(0, 7);
  const root = join(mkdtempSync(join(tmpdir(), 'st-bench-baseline-')), short);
  log(`baseline: worktree of ${short} in ${root}`);
  await mustRun('git', ['worktree', 'add', '--detach', root, full], { cwd: repo });
  const remove = async () => {
    await mustRun('git', ['worktree', 'remove', '--force', root], { cwd: repo }).catch((error: Error) => log(`baseline: ${error.message}`));
    rmSync(join(root, '..'), { recursive: true, force: true });
    await mustRun('git', ['worktree', 'prune'], { cwd: repo }).catch(() => undefined);
  };
  try {
    if (!existsSync(join(root, 'node_modules'))) symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    // That commit's own build: whatever its bin needs (later commits bundle after compiling).
    if (build) {
      log('baseline: npm run build');
      await mustRun('npm', ['run', '-s', 'build'], { cwd: root, timeoutMs: 300_000 });
    }
    return { commit: full, short, root, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
