// A schema `pattern` runs on every answer, in newman's sandbox and here, with JavaScript's
// backtracking engine, which takes exponential time on a short input when a repeated part can
// match the same text in more than one way (`^([0-9]+\.?)+$` on 40 digits and a letter: hours).
// Star-height checks (safe-regex2) refuse safe patterns such as `^[0-9]+(\.[0-9]+)*$` and miss
// `^(a|aa)+$`, so the pattern is tried instead: on inputs made of its own characters and a few
// common ones, one or two repeated, then one that fails, in a vm context with a time limit.
import { runInNewContext } from 'node:vm';

/** How long all the probes of one pattern may take together. */
export const PROBE_BUDGET_MS = 100;
const REPEATS = 40;
/** The length of the probe inputs that end in a failing character: the length a slow pattern is reported at. */
export const PROBE_LENGTH = REPEATS + 1;
const COMMON = ['a', 'A', '0', ' ', '-', '.', '_', '/', ':'];
const TAILS = ['\u0000', '!'];
const MAX_SAMPLES = 16;
/** A busy machine can stall one run past the budget; a catastrophic pattern misses it on every run. */
const RUNS = 2;

/** The input length that took too long, when `pattern` (a valid regular expression) backtracks catastrophically. */
export function slowPattern(pattern: string): number | undefined {
  return slowPatternWith(pattern, probedInTime);
}

/** slowPattern with the probe run given (a test stands in for a stalled machine). */
export function slowPatternWith(pattern: string, inTime: ProbeRun): number | undefined {
  const probes = probesFor(pattern);
  for (let run = 0; run < RUNS; run++) if (inTime(pattern, probes)) return undefined;
  return PROBE_LENGTH;
}

/** Whether one run of every probe ended within the budget. */
export type ProbeRun = (pattern: string, probes: string[]) => boolean;

export function probedInTime(pattern: string, probes: string[]): boolean {
  try {
    runInNewContext('const re = new RegExp(pattern, "u"); for (const probe of probes) re.test(probe);', { pattern, probes }, { timeout: PROBE_BUDGET_MS });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    return false;
  }
}

/** What to tell the author of a pattern that took too long on `length` characters. */
export function slowPatternMessage(pattern: string, length: number): string {
  return `\`${pattern}\` can take exponential time (over ${PROBE_BUDGET_MS} ms on a ${length}-character string), so one answer could keep the checks busy for hours: a repeated part can match the same text in more than one way. Make each repetition start with what the part before it cannot match, e.g. \`^[0-9]+(\\.[0-9]+)*$\` rather than \`^([0-9]+\\.?)+$\``;
}

function probesFor(pattern: string): string[] {
  const samples = [...new Set([...pattern.replace(/\\./g, (escaped) => escaped.slice(1)), ...COMMON])].slice(0, MAX_SAMPLES + COMMON.length);
  const units = [...samples, ...samples.flatMap((a) => samples.map((b) => a + b))];
  return units.flatMap((unit) => TAILS.map((tail) => unit.repeat(Math.ceil(REPEATS / unit.length)) + tail));
}
