// Bruno's own CLI as the tests run it: from node_modules, without colours, answering its exit code
// and what it printed (for a failing test to show) instead of throwing.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BRU = fileURLToPath(new URL('../../node_modules/.bin/bru', import.meta.url));
const execute = promisify(execFile);

export function bru(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return execute(BRU, args, { cwd, env: { ...process.env, NO_COLOR: '1' } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}
