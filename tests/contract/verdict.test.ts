import { describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../contract/coverage/coverage.js';
import type { DriftReport } from '../../contract/drift/drift.js';
import type { AssertionRecord, RunSummary } from '../../contract/events.js';
import { verdictOf } from '../../contract/verdict.js';

const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
  target: 't',
  environment: 'local',
  description: 'd',
  startedAt: '',
  wallTimeMs: 0,
  requests: 1,
  tokenRequests: 1,
  tokensIssued: 1,
  assertions: 1,
  failures: [],
  skipped: [],
  errors: [],
  notes: [],
  skippedItems: [],
  ...over,
});
const check: AssertionRecord = { item: 'i', name: 'n', passed: false, skipped: false };
const coverage = (percent: number) => ({ percent, definition: '', endpoints: {} }) as CoverageReport;
const noDrift: DriftReport = {};
const drifted: DriftReport = {
  listDevices: {
    answers: 1,
    unread: [],
    undocumentedFields: [],
    outOfEnum: [],
    undocumentedStatuses: [{ status: 418, answers: 1 }],
    undocumentedContentTypes: [],
    headers: [],
    openFields: [],
    neverSeen: [],
  },
};

describe('verdictOf', () => {
  it.each([
    ['every assertion passed', summary(), 0],
    ['an assertion failed', summary({ failures: [check] }), 1],
    ['a transport error', summary({ errors: ['i: socket hang up'] }), 1],
    ['the run stopped (no token)', summary({ failures: [check], stop: { exitCode: 2, message: 'No token' } }), 2],
    ['skipped checks, by default', summary({ skipped: [{ ...check, skipped: true }] }), 0],
  ])('%s -> %i', (_, given, code) => {
    expect(verdictOf({ summary: given })).toEqual({ exitCode: code, failedGates: [] });
  });

  it('fails a passing run on each gate it breaks, with a line per gate', () => {
    const findings = { summary: summary({ skipped: [{ ...check, skipped: true }] }), drift: drifted, coverage: coverage(50) };
    expect(verdictOf(findings, { failOnSkip: true, failOnDrift: true, minCoverage: 80 })).toEqual({
      exitCode: 1,
      failedGates: ['--fail-on-drift: the answers drifted from the description', '--min-coverage 80: coverage is 50%', '--fail-on-skip: 1 checks skipped'],
    });
  });

  it('passes when every gate holds', () => {
    expect(verdictOf({ summary: summary(), drift: noDrift, coverage: coverage(90) }, { failOnSkip: true, failOnDrift: true, minCoverage: 80 })).toEqual({
      exitCode: 0,
      failedGates: [],
    });
  });

  it('keeps a stopped run at exit 2 with no gate line: what it saw says nothing about the API', () => {
    const stopped = summary({ stop: { exitCode: 2, message: 'No token' } });
    expect(verdictOf({ summary: stopped }, { failOnSkip: true, failOnDrift: true, minCoverage: 100 })).toEqual({ exitCode: 2, failedGates: [] });
  });
});
