// Runs the CLI in-process with a captured io. Its working folder is a fresh temporary one unless
// the test names another, so a default (`reports/`, `.env`, `spec/`) never touches the repository.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/main.js';
import type { CliIO } from '../../cli/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'cli-cwd-')),
    interactive: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
