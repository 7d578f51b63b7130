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

export const SETTINGS_HELP = `
Settings (from the environment, else the dotenv file; never from arguments),
named here for the shipped description (info.envPrefix SECURITHINGS):
  SECURITHINGS_BASE_URL       the API, e.g. https://api.securithings.com
  SECURITHINGS_ORGANIZATION   the organization, part of the token path
  SECURITHINGS_CLIENT_ID      the client id
  SECURITHINGS_CLIENT_SECRET  the client secret
  SECURITHINGS_ENVIRONMENT    optional: production, staging or local
Without SECURITHINGS_BASE_URL the run goes to the embedded reference server; a
credential set without it is refused (exit 2), so a misnamed setting never passes.
In the dotenv file an unquoted # starts a comment: quote values that hold one.
`;
