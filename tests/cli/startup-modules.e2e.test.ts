// Loading the CLI (what `generate` and `import` run with) leaves newman's postman-runtime unloaded:
// the patches of it (contract/response-limit.ts, contract/answer-deadline.ts) load it on first
// use, in a contract run. It took about half a second of every command's start.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { MAIN, REPO } from './helpers.js';

const PROBE = `
await import(${JSON.stringify(pathToFileURL(MAIN).href)});
const { createRequire } = await import('node:module');
const cache = createRequire(import.meta.url)('module')._cache;
console.log(JSON.stringify(Object.keys(cache).filter((path) => path.includes('postman-runtime')).length));
`;

it('loads no postman-runtime module until a contract run needs one', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('0');
});
