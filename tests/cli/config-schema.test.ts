// spec/config.schema.json, the config's schema for editors: what init writes validates against it,
// the package ships it where init's `$schema` points, and it accepts exactly what cli/config.ts reads.
import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, CONFIG_FILE, CONFIG_KEYS, readConfig } from '../../cli/config.js';
import { SpecError } from '../../loader/diagnostics.js';
import configSchema from '../../spec/config.schema.json' with { type: 'json' };
import { runCli } from '../support/cli.js';
import { REPO } from './helpers.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile(configSchema);
const folder = () => mkdtempSync(join(tmpdir(), 'kit-config-schema-'));

/** Whether cli/config.ts reads `config` without a diagnostic. */
function loaderAccepts(config: unknown): boolean {
  const dir = folder();
  writeFileSync(join(dir, CONFIG_FILE), JSON.stringify(config));
  try {
    readConfig(join(dir, CONFIG_FILE), dir);
    return true;
  } catch (error) {
    if (error instanceof SpecError) return false;
    throw error;
  }
}

describe('the config schema', () => {
  it('the config init writes validates against it, and its $schema points where the installed package ships it', async () => {
    const dir = folder();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, CONFIG_FILE), 'utf8')) as { $schema: string };
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(resolve(dir, written.$schema)).toBe(join(dir, 'node_modules/oauth-contract-kit/spec/config.schema.json'));
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; files: string[] };
    expect(pkg.name).toBe('oauth-contract-kit');
    expect(pkg.files).toContain('spec/config.schema.json');
  });

  it("names exactly the keys cli/config.ts accepts (besides $schema), with cli/config.ts's defaults", () => {
    const { $schema, ...keys } = configSchema.properties;
    expect($schema).toBeDefined();
    expect(Object.keys(keys).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(Object.fromEntries(Object.entries(keys).map(([key, schema]) => [key, schema.default]))).toEqual(CONFIG_DEFAULTS);
  });

  it.each([
    [{}, true],
    [{ spec: 'api/spec.yaml', collections: 'out', reports: 'r' }, true],
    [{ $schema: 'anything', spec: 'a.yaml' }, true],
    [{ colections: 'out' }, false],
    [{ spec: '' }, false],
    [{ spec: '  ' }, false],
    [{ spec: 3 }, false],
    [[], false],
    ['spec/api.yaml', false],
  ])('agrees with cli/config.ts on %j (accepted: %s)', (config, accepted) => {
    expect(validate(config)).toBe(accepted);
    expect(loaderAccepts(config)).toBe(accepted);
  });
});
