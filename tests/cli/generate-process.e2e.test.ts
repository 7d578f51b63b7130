// `generate` as a real process (tsx): exit status, stdout and stderr as a shell sees them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badSpec } from '../support/bad-specs.js';
import { MAIN, snapshot, TSX, workspace } from './helpers.js';

const OUT = 'out';

describe('the real process', () => {
  const ws = workspace();
  afterAll(() => ws.dispose());

  it('bad description: exit status 2, diagnostics on stderr, nothing on stdout or disk', () => {
    writeFileSync(join(ws.dir, 'bad.yaml'), badSpec('unknown-key-typo-base-path.yaml'));
    const result = spawnSync(TSX, [MAIN, 'generate', '--spec', 'bad.yaml', '--out', OUT], { cwd: ws.dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('bad.yaml:31:5: resources[0].basePth: unknown key `basePth` (did you mean `basePath`?) [unknown-key]\n');
    expect(snapshot(join(ws.dir, OUT))).toEqual({});
  });

  it('a key the yaml package would warn about: the diagnostic is the only line on stderr', () => {
    writeFileSync(join(ws.dir, 'complex-key.yaml'), badSpec('yaml-collection-key.yaml'));
    const result = spawnSync(TSX, [MAIN, 'generate', '--spec', 'complex-key.yaml', '--out', OUT], { cwd: ws.dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('complex-key.yaml:4:3: a key must be a plain value, not a list or a mapping [yaml-syntax]\n');
  });

  it('good description: exit status 0', () => {
    const result = spawnSync(TSX, [MAIN, 'generate', '--out', OUT], { cwd: ws.dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
