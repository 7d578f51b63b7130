// Settings from the environment, over those in an ignored `.env` file. Never from argv: a
// secret typed on a command line lands in shell history.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Setting, Settings } from '../contract/target.js';
import { CliError } from './errors.js';

const DEFAULT_DOTENV = '.env';
const FROM_ENVIRONMENT = 'the environment';

export interface SettingsRead {
  settings: Settings;
  /** About the file, never quoting a value: a cut value, a file others can read. */
  warnings: string[];
}

/** `file` names a dotenv file that must exist; without one, `.env` is read when it is there. */
export function readSettings(env: NodeJS.ProcessEnv, cwd: string, file?: string): SettingsRead {
  const name = file ?? DEFAULT_DOTENV;
  const path = resolve(cwd, name);
  const text = readDotenv(path, name, file !== undefined);
  const fromFile = text === undefined ? {} : parseEnv(text);
  const vars: Record<string, Setting> = {};
  for (const [key, value] of Object.entries(fromFile)) if (value !== undefined) vars[key] = { value, from: name };
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') vars[key] = { value, from: FROM_ENVIRONMENT };
  const warnings = text === undefined ? [] : [...accessWarnings(path, name), ...cutValueWarnings(text, fromFile, name)];
  return { settings: { vars, file: name }, warnings };
}

/** The file's text without a byte-order mark (which would glue itself to the first key); undefined when an optional file is absent. */
function readDotenv(path: string, name: string, required: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    throw new CliError(code === 'ENOENT' ? `${name}: no such file (named by --dotenv)` : `cannot read ${name}: ${(error as Error).message}`);
  }
}

function accessWarnings(path: string, name: string): string[] {
  if (process.platform === 'win32') return [];
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [`warning: ${name} is open to group or others (mode ${mode.toString(8).padStart(3, '0')}) and may hold the client secret: run \`chmod 600 ${name}\``];
}

const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)\s*=(.*)$/;

/**
 * An unquoted `#` starts a comment, so `KEY=abc#def` sets `abc`. Each line where a `#` glued to
 * the value cut it is named with its key, never its value; `KEY=abc # note` is a comment as meant.
 */
function cutValueWarnings(text: string, parsed: Record<string, string | undefined>, name: string): string[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const match = ASSIGNMENT.exec(line);
    if (!match || /^\s*["'`]/.test(match[2]!)) return [];
    const [, key, raw] = match as unknown as [string, string, string];
    const hash = raw.indexOf('#');
    if (hash < 0 || /\s/.test(raw[hash - 1] ?? '') || parsed[key] !== raw.slice(0, hash).trim()) return [];
    return [`warning: ${name}:${index + 1}: the value of ${key} was cut at an unquoted '#' (a '#' starts a comment): quote the value, e.g. ${key}="..."`];
  });
}
