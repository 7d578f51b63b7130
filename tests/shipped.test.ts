// The golden files: the shipped description and what is committed from it. This is the one test
// that reads spec/securithings.yaml, collections/ and .env.example; every other test runs on
// descriptions built for it, so the shipped description can grow (regenerate, and this stays green).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../cli/env-file.js';
import { settingNames, settleTarget } from '../contract/target.js';
import { loadSpec } from '../loader/index.js';
import formatSchema from '../spec/format.schema.json' with { type: 'json' };
import { expectedFiles } from './cli/helpers.js';

const SHIPPED = 'spec/securithings.yaml';
const COLLECTIONS = 'collections';

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

describe('the shipped description', () => {
  it('loads without a diagnostic', () => {
    expect(() => loadSpec(readFileSync(SHIPPED), SHIPPED)).not.toThrow();
  });

  it('collections/ holds exactly what `npm run generate` writes for it, byte for byte', () => {
    const expected = expectedFiles(SHIPPED);
    expect(filesBelow(COLLECTIONS)).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) expect(readFileSync(join(COLLECTIONS, file.path), 'utf8'), file.path).toBe(file.content);
  });

  it('.env.example names every setting and, copied as it is, targets the embedded server (README: cp .env.example .env && npm start)', () => {
    const model = loadSpec(readFileSync(SHIPPED), SHIPPED);
    const dir = mkdtempSync(join(tmpdir(), 'env-example-'));
    writeFileSync(join(dir, '.env'), readFileSync('.env.example'), { mode: 0o600 });
    const { settings, warnings } = readSettings({}, dir);
    const { pathVariables, ...names } = settingNames(model);
    expect(Object.keys(settings.vars).sort()).toEqual([...Object.values(names), ...Object.values(pathVariables)].sort());
    expect(warnings).toEqual([]);
    expect(settleTarget(model, settings)).toMatchObject({ kind: 'embedded', environment: { id: 'local' } });
  });
});

describe('editor support', () => {
  it.each([SHIPPED, 'examples/parcel-tracker.yaml', 'tests/fixtures/descriptions/securithings.yaml'])(
    '%s names the format schema for the YAML language server on its first line',
    (spec) => {
      const first = readFileSync(spec, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, first).not.toBeNull();
      expect(JSON.parse(readFileSync(resolve(dirname(spec), match![1]!), 'utf8'))).toEqual(formatSchema);
    },
  );
});
