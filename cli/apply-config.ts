// Settles a command's paths before it runs: a flag given on the command line wins, then the
// repository's config, then the default. When a config is found, says on stderr which one and which description it uses.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { printable } from '../contract/printable.js';
import { CONFIG_FILE, findConfig, readConfig, type ConfigKey, type KitConfig } from './config.js';
import { CliError } from './errors.js';
import type { CliIO } from './io.js';

/** Which option of which command a config key fills (generate's folder is `--out`). */
const FILLED: Record<string, Record<string, ConfigKey>> = {
  generate: { spec: 'spec', out: 'collections' },
  contract: { spec: 'spec', collections: 'collections', reports: 'reports' },
  mock: { spec: 'spec' },
  token: { spec: 'spec' },
};

export const INIT_HINT = '`npx oauth-contract-kit init`';

export function applyConfig(command: Command, io: CliIO): void {
  const filled = FILLED[command.name()];
  if (!filled) return;
  const path = findConfig(io.cwd);
  const config = path ? readConfig(path, io.cwd) : undefined;
  for (const [option, key] of Object.entries(filled)) {
    const value = config?.values[key];
    if (value !== undefined && command.getOptionValueSource(option) !== 'cli')
      command.setOptionValueWithSource(option, relative(io.cwd, value) || '.', 'config');
  }
  const specSource = command.getOptionValueSource('spec');
  const spec = String(command.getOptionValue('spec'));
  // Without a config nothing is said: the repository runs as it did before configs existed.
  if (config) io.stderr(`${usingLine(spec, specSource, config)}\n`);
  if (specSource !== 'cli' && !existsSync(resolve(io.cwd, spec))) throw new CliError(missingDescription(spec, config));
}

function usingLine(spec: string, source: string | undefined, config: KitConfig): string {
  const from = source === 'cli' ? '--spec' : source === 'config' ? 'from the config' : 'the default';
  return `using description ${printable(spec)} (${from}; config ${printable(config.shown)})`;
}

function missingDescription(spec: string, config: KitConfig | undefined): string {
  const file = config ? printable(config.shown) : CONFIG_FILE;
  return `no description at ${printable(spec)}: set "spec" in ${file}, pass --spec FILE, or run ${INIT_HINT}`;
}
