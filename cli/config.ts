// A repository's settings for the kit: one JSON file, `oauth-contract-kit.config.json`, naming the
// description and the folders. A file of its own rather than a key in package.json: a repository
// without package.json (a Go or Python API calling `npx oauth-contract-kit`) can have one, and its
// `$schema` line gives editor completion. Its paths are relative to the file's own folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closest } from '../loader/closest.js';
import { SpecError, type DiagnosticCode } from '../loader/diagnostics.js';

export const CONFIG_FILE = 'oauth-contract-kit.config.json';

/** The config's `$schema`: spec/config.schema.json of the installed package, from the config's folder. */
export const CONFIG_SCHEMA = './node_modules/oauth-contract-kit/spec/config.schema.json';

/** What a config may set; each is a path relative to the config's folder. */
export const CONFIG_KEYS = ['spec', 'collections', 'reports'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** What a command uses without a config or a flag, as this repository lays itself out: one owner for each default. */
export const CONFIG_DEFAULTS: Readonly<Record<ConfigKey, string>> = { spec: 'spec/securithings.yaml', collections: 'collections', reports: 'reports' };

export interface KitConfig {
  /** The config file as shown to the user (relative to the working folder). */
  shown: string;
  /** Each key set, resolved to an absolute path. */
  values: Partial<Record<ConfigKey, string>>;
}

const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * The config for a command run in `cwd`: the nearest `oauth-contract-kit.config.json` in `cwd` or a
 * folder above it, not above the repository's root (the first folder holding `.git` or
 * package.json); undefined when there is none.
 */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json')) || dirname(dir) === dir) return undefined;
  }
}

export function readConfig(path: string, cwd: string): KitConfig {
  const shown = relative(cwd, path) || CONFIG_FILE;
  const fail = (code: DiagnosticCode, message: string, at = 0, text = '') => new SpecError([{ file: shown, ...lineCol(text, at), code, path: [], message }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw fail('file-unreadable', `cannot read the config: ${(error as Error).message}`);
  }
  if (text.length > MAX_CONFIG_BYTES) throw fail('file-too-large', `the config is ${text.length} characters, more than ${MAX_CONFIG_BYTES}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    throw fail('json-syntax', `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, at, text);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw fail('wrong-type', 'the config must be a JSON object, e.g. {"spec": "spec/api.yaml"}', 0, text);
  const values: KitConfig['values'] = {};
  for (const [key, value] of Object.entries(parsed)) {
    const at = keyOffset(text, key);
    if (key === '$schema') continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, CONFIG_KEYS);
      throw fail(
        'unknown-key',
        `unknown key ${JSON.stringify(key)}${guess ? ` (did you mean "${guess}"?)` : ''}; a config sets ${CONFIG_KEYS.join(', ')}`,
        at,
        text,
      );
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw fail('wrong-type', `"${key}" must be a non-empty path (a string), relative to the config's folder`, at, text);
    values[key as ConfigKey] = resolve(dirname(path), value);
  }
  return { shown, values };
}

function keyOffset(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  return Math.max(at, 0);
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}
