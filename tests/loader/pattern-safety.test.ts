// Schema patterns that backtrack catastrophically are found by trying them, quickly; the usual
// safe shapes (a separator before each repetition) pass.
import { describe, expect, it } from 'vitest';
import { PROBE_BUDGET_MS, slowPattern } from '../../loader/pattern-safety.js';

describe('slowPattern', () => {
  it.each(['^([0-9]+\\.?)+$', '^(a+)+$', '^(a|aa)+$', '(a|a)*$', '^(\\w+\\s?)*$'])('refuses %s', (pattern) => {
    expect(slowPattern(pattern)).toBe(41);
  });

  it.each([
    '^[0-9]+(\\.[0-9]+)*$',
    '^[a-z]+(-[a-z]+)*$',
    '^\\d{3}-\\d{4}$',
    '^[^@]+@[^@]+\\.[a-z]+$',
    '^(ab|a)*c$',
    '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$',
  ])('accepts %s, well within its budget', (pattern) => {
    const started = performance.now();
    expect(slowPattern(pattern)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(PROBE_BUDGET_MS);
  });
});
