// A string that matches a schema's `pattern` (and its minLength, maxLength and format where it can),
// made by fast-check's regular-expression arbitrary from a fixed seed: the same pattern and seed
// give the same string on every run. The loader has already refused patterns that backtrack
// catastrophically (loader/pattern-safety.ts); fast-check's size setting bounds every repetition.
import { type Arbitrary, sample, stringMatching as matching } from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';

type Schema = Record<string, unknown>;

/** Larger sizes are tried only when the smaller ones give nothing that fits the length bounds. */
const SIZES = ['xsmall', 'small', 'medium'] as const;
const RUNS_PER_SIZE = 32;
const arbitraries = new Map<string, Arbitrary<string>>();

/** The first generated string that fits `node`; undefined for a pattern fast-check cannot generate from (lookaround, backreference). */
export function stringMatching(pattern: string, node: Schema, seed: number): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  for (const size of SIZES) {
    const found = candidates(regex, size, seed).find((text) => regex.test(text) && fitsLength(text, node) && fitsFormat(text, node));
    if (found !== undefined) return found;
  }
  return undefined;
}

function candidates(regex: RegExp, size: (typeof SIZES)[number], seed: number): string[] {
  try {
    const key = `${size}:${regex.source}`;
    const arbitrary = arbitraries.get(key) ?? matching(regex, { size });
    arbitraries.set(key, arbitrary);
    return sample(arbitrary, { seed, numRuns: RUNS_PER_SIZE });
  } catch {
    return [];
  }
}

/** Lengths count code points, as JSON Schema's do. */
function fitsLength(text: string, node: Schema): boolean {
  const length = [...text].length;
  return (typeof node.minLength !== 'number' || length >= node.minLength) && (typeof node.maxLength !== 'number' || length <= node.maxLength);
}

/** A format ajv-formats knows must hold too; an unknown one is ignored, as draft-07 allows. */
function fitsFormat(text: string, node: Schema): boolean {
  if (typeof node.format !== 'string' || !Object.hasOwn(fullFormats, node.format)) return true;
  const format = fullFormats[node.format as keyof typeof fullFormats] as unknown;
  if (format instanceof RegExp) return format.test(text);
  if (typeof format === 'function') return Boolean(format(text));
  const validate = (format as { validate?: unknown; type?: string }).validate;
  if ((format as { type?: string }).type !== undefined && (format as { type?: string }).type !== 'string') return true;
  if (validate instanceof RegExp) return validate.test(text);
  return typeof validate === 'function' ? Boolean(validate(text)) : true;
}
