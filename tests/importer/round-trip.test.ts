// The round trip: the kit's own OpenAPI export of a description imports back into a description
// that generates the same files in every format. The facts OpenAPI has no field for travel as the
// export's `x-` extensions (generators/openapi/kit-facts.ts, security.ts) and the importer reads
// them as stated (importer/kit-facts.ts), so none of them becomes a guess.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../../generators/index.js';
import { openapiDocument } from '../../generators/openapi/document.js';
import { toYaml } from '../../generators/shared/yaml.js';
import { DEFAULT_CTX } from '../../generators/types.js';
import { loadSpec } from '../../loader/index.js';
import { vendorDescription } from '../support/vendor-query.js';
import { importText } from '../support/import-text.js';

/** Descriptions made in the tests, by name: the one with vendor-spelled, boolean and array query parameters and request headers. */
const MADE: Record<string, () => string> = { 'vendor-query (tests/support/vendor-query.ts)': vendorDescription };

const DESCRIPTIONS = [
  'spec/securithings.yaml',
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('examples', f)),
  ...Object.keys(MADE),
];

/** Files that may differ after the round trip, by description, with why. */
const KNOWN_DIFFERENCES: Record<string, string[]> = {};

function roundTrip(file: string) {
  const text = MADE[file]?.() ?? readFileSync(file, 'utf8');
  const model = loadSpec(Buffer.from(text), file);
  const { model: back, report } = importText(toYaml(openapiDocument(model)), {}, `${file}, exported`);
  return { before: generateAll(model, DEFAULT_CTX), after: generateAll(back, DEFAULT_CTX), report };
}

describe.each(DESCRIPTIONS)('%s: export to OpenAPI, import back, generate every client', (file) => {
  const { before, after, report } = roundTrip(file);

  it('generates the same files with the same content', () => {
    expect(after.map((f) => f.path)).toEqual(before.map((f) => f.path));
    const contentOf = new Map(after.map((f) => [f.path, f.content]));
    const differing = before.filter((f) => contentOf.get(f.path) !== f.content).map((f) => f.path);
    expect(differing).toEqual(KNOWN_DIFFERENCES[file] ?? []);
  });

  it('guesses nothing and warns of nothing: every fact the format needs is stated in the export', () => {
    expect(report.guesses).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/clientBasic|no security requirement/)]);
  });
});
