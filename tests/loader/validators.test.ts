// The ahead-of-time compiled validators must be exactly what ajv would compile now.
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import generatedFormat from '../../loader/validators/format.generated.js';
import { validatorSources } from '../../scripts/validator-sources.js';
import formatSchema from '../../spec/format.schema.json' with { type: 'json' };
import { badSpecs } from '../support/bad-specs.js';
import { FIXTURE_SPEC } from '../support/model.js';

const compiledFormat = generatedFormat as unknown as ValidateFunction;

describe('compiled validators', () => {
  it.each(validatorSources().map((s) => [s.path, s.content]))('%s is up to date (else run `npm run compile-validators`)', (path, content) => {
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('judge the fixture description and every parseable bad spec as ajv does at run time', () => {
    const runtime = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(formatSchema);
    const texts = [readFileSync(FIXTURE_SPEC, 'utf8'), ...badSpecs().map(({ bytes }) => new TextDecoder().decode(bytes))];
    const documents = texts.flatMap((text) => {
      try {
        return [parse(text, { logLevel: 'error' })];
      } catch {
        return [];
      }
    });
    expect(documents.length).toBeGreaterThan(20);
    for (const document of documents) {
      const ok = runtime(document);
      expect(compiledFormat(document)).toBe(ok);
      expect(compiledFormat.errors?.map((e) => [e.instancePath, e.keyword]) ?? null).toEqual(runtime.errors?.map((e) => [e.instancePath, e.keyword]) ?? null);
    }
  });
});
