/** An expected user mistake: printed as its message alone, exit 2. */
export class CliError extends Error {
  override name = 'CliError';
}
