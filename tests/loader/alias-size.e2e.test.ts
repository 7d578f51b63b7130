// Aliases of strings are bounded like aliases of lists and maps: js-yaml shares one string between
// an anchor and its aliases, so reading is cheap, but every output writes each copy out in full.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_EXPANDED } from '../../loader/limits.js';
import { readData } from '../../loader/read-data.js';
import { readYaml } from '../../loader/read-yaml.js';
import { MAIN, snapshot, TSX, workspace } from '../cli/helpers.js';
import { FIXTURE_SPEC } from '../support/model.js';

const BIG = 900 * 1024;

/** The fixture with a ~900 KB info.description anchored and aliased `copies` times in `unknowns`. */
function aliasedString(copies: number): string {
  const fixture = readFileSync(FIXTURE_SPEC, 'utf8');
  const withAnchor = fixture.replace(/^ {2}description: \|\n(?: {4}.*\n|\n)*/m, `  description: &big "${'A'.repeat(BIG)}"\n\n`);
  const text = withAnchor.replace('unknowns:\n', `unknowns:\n${'  - *big\n'.repeat(copies)}`);
  expect(text).not.toBe(withAnchor);
  return text;
}

describe('a string aliased past the size limit', () => {
  it('readData flags it, at the alias that crosses the limit', () => {
    const read = readData(aliasedString(3000));
    expect(read).toEqual({ flag: expect.objectContaining({ code: 'yaml-alias-bomb', path: ['unknowns', Math.floor(MAX_EXPANDED / BIG) - 1] }) });
  });

  it('the loader names the line of that alias', () => {
    const text = aliasedString(3000);
    const read = readYaml(new TextEncoder().encode(text), 'bomb.yaml');
    const line = text.split('\n').indexOf('  - *big') + Math.floor(MAX_EXPANDED / BIG);
    expect(read).toMatchObject({ code: 'yaml-alias-bomb', line, col: 5, message: expect.stringContaining(`more than ${MAX_EXPANDED} characters`) });
  });

  it('a few copies, within the limit, still read', () => {
    const read = readData(aliasedString(Math.floor(MAX_EXPANDED / BIG) - 2));
    expect('data' in read).toBe(true);
  });

  describe('generate', () => {
    const ws = workspace();
    afterAll(() => ws.dispose());

    it('exits 2 quickly with a located line, in a 256 MB heap, writing nothing', () => {
      writeFileSync(join(ws.dir, 'bomb.yaml'), aliasedString(3000));
      const started = Date.now();
      const result = spawnSync(TSX, [MAIN, 'generate', '--spec', 'bomb.yaml', '--out', 'out'], {
        cwd: ws.dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
      });
      expect(result.stderr).toMatch(
        /^bomb\.yaml:\d+:5: aliases expand the description to more than \d+ characters \(an alias bomb\?\); write the values out \[yaml-alias-bomb\]\n$/,
      );
      expect(result.status).toBe(2);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(snapshot(join(ws.dir, 'out'))).toEqual({});
    });
  });
});
