import { describe, expect, it } from 'vitest';
import type { AssertionRecord, RunSummary } from '../../contract/events.js';
import { exitCodeOf } from '../../contract/outcome.js';

const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
  target: 't', environment: 'local', description: 'd', startedAt: '', wallTimeMs: 0, requests: 1, tokenRequests: 1, tokensIssued: 1,
  assertions: 1, failures: [], skipped: [], errors: [], notes: [], skippedItems: [], ...over,
});
const check: AssertionRecord = { item: 'i', name: 'n', passed: false, skipped: false };

describe('exitCodeOf', () => {
  it.each([
    ['every assertion passed', summary(), 0],
    ['an assertion failed', summary({ failures: [check] }), 1],
    ['a transport error', summary({ errors: ['i: socket hang up'] }), 1],
    ['the run stopped (no token)', summary({ failures: [check], stop: { exitCode: 2, message: 'No token' } }), 2],
    ['skipped checks, by default', summary({ skipped: [{ ...check, skipped: true }] }), 0],
  ])('%s -> %i', (_, given, code) => {
    expect(exitCodeOf(given)).toBe(code);
  });

  it('counts skipped checks as failures when asked', () => {
    expect(exitCodeOf(summary({ skipped: [{ ...check, skipped: true }] }), { failOnSkip: true })).toBe(1);
  });
});
