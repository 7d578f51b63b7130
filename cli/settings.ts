// The <PREFIX>_* settings as a command reads them: from the environment over the dotenv
// file, with the file's warnings printed on stderr (never a value).
import type { Settings } from '../contract/target.js';
import { readSettings } from './env-file.js';
import type { CliIO } from './io.js';

export function readCommandSettings(io: CliIO, dotenv: string | undefined): Settings {
  const { settings, warnings } = readSettings(io.env, io.cwd, dotenv);
  for (const warning of warnings) io.stderr(`${warning}\n`);
  return settings;
}

export function insecureHttpWarning(baseUrl: string): string {
  return `warning: the client secret goes in clear to ${new URL(baseUrl).origin}, which is not loopback (allowed by --allow-insecure-http)\n`;
}
