// The CLI's only window on the world, passed to every command so tests can hand in their own.
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stdin is a terminal a person can type into (for secret prompts). */
  interactive: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY),
  };
}

/** Exit codes: 0 clean, 1 findings (stale files, failed contract), 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
