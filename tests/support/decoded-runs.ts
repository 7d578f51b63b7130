// What a reader could decode from a text: every run of base64 or base64url characters in it,
// decoded from each of its first four characters (a blob cut by redaction starts anywhere).
export function decodedRuns(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_=-]{4,}/g) ?? [];
  const from = (run: string, encoding: BufferEncoding) => [0, 1, 2, 3].map((start) => Buffer.from(run.slice(start), encoding).toString('utf8'));
  return runs.flatMap((run) => [...from(run, 'base64'), ...from(run, 'base64url')]);
}
