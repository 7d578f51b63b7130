// What `init` would write in a folder, worked out before anything is written: each file with its
// content, and what already there it would replace.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../loader/index.js';
import { CONFIG_FILE, CONFIG_SCHEMA } from '../config.js';
import { CliError } from '../errors.js';
import { envExample } from './env-example.js';
import { INSTALLED_SCHEMA, schemaLine, starterDescription } from './starter-description.js';
import { consumerWorkflow, WORKFLOW_FILE } from './workflow.js';

export const LAYOUT = { spec: 'spec/api.yaml', collections: 'collections', reports: 'reports' } as const;
const BIN = 'oauth-contract-kit';
export const SCRIPTS: Record<string, string> = {
  generate: `${BIN} generate`,
  contract: `${BIN} contract`,
  mock: `${BIN} mock`,
  token: `${BIN} token`,
};
const IGNORED = ['.env', `${LAYOUT.reports}/`];

export interface InitPlan {
  files: { path: string; content: string }[];
  /** What is there already and would be replaced, one line each. */
  overwrites: string[];
  /** Said after writing: what was left alone and why. */
  notes: string[];
}

/** `imported`: the description to start from (imported from a document) instead of the starter. */
export function planInit(cwd: string, imported?: string): InitPlan {
  const schema = `../${INSTALLED_SCHEMA}`;
  const description = imported === undefined ? starterDescription(schema) : schemaLine(schema) + imported;
  const model = loadSpec(new TextEncoder().encode(description), LAYOUT.spec);
  const files = [
    { path: CONFIG_FILE, content: `${JSON.stringify({ $schema: CONFIG_SCHEMA, ...LAYOUT }, null, 2)}\n` },
    { path: LAYOUT.spec, content: description },
    { path: '.env.example', content: envExample(model) },
    { path: WORKFLOW_FILE, content: consumerWorkflow(model, LAYOUT.reports) },
  ];
  const overwrites = files.filter((file) => existsSync(join(cwd, file.path))).map((file) => file.path);
  if (hasFiles(join(cwd, LAYOUT.collections))) overwrites.push(`${LAYOUT.collections}/ (not empty)`);
  const notes: string[] = [];
  files.push(gitignore(cwd));
  const pkg = packageJson(cwd);
  if (pkg) {
    files.push(pkg.file);
    overwrites.push(...pkg.overwrites);
  } else {
    notes.push('no package.json here: no npm scripts written (run the commands with `npx oauth-contract-kit ...`)');
  }
  return { files, overwrites, notes };
}

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/** The lines for `.env` and the reports folder, appended when missing; never a conflict. */
function gitignore(cwd: string): { path: string; content: string } {
  const path = join(cwd, '.gitignore');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '')));
  const missing = IGNORED.filter((line) => !present.has(line) && !present.has(line.replace(/\/$/, '')));
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return { path: '.gitignore', content: missing.length === 0 ? text : `${text}${separator}${missing.join('\n')}\n` };
}

/** package.json with the kit's scripts added; a script of the same name that differs is an overwrite. */
function packageJson(cwd: string): { file: { path: string; content: string }; overwrites: string[] } | undefined {
  const path = join(cwd, 'package.json');
  if (!existsSync(path)) return undefined;
  let pkg: { scripts?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(path, 'utf8')) as typeof pkg;
  } catch (error) {
    throw new CliError(`package.json: not valid JSON (${(error as Error).message}): fix it, then run init again`);
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new CliError('package.json: not a JSON object');
  const scripts = { ...(pkg.scripts ?? {}) };
  const overwrites = Object.entries(SCRIPTS)
    .filter(([name, command]) => scripts[name] !== undefined && scripts[name] !== command)
    .map(([name]) => `package.json scripts.${name} (${JSON.stringify(scripts[name])})`);
  Object.assign(scripts, SCRIPTS);
  return { file: { path: 'package.json', content: `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n` }, overwrites };
}
