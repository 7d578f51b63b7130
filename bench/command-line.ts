// The bench scripts' command lines: `--help` prints the usage (exit 0), a mistake prints what is
// wrong and the usage (exit 2), never a stack trace.
export function parseOrExplain<T extends { values: { help?: boolean | undefined } }>(parse: () => T, usage: string): T['values'] {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed.values;
}

export function usageError(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(2);
}
