// The faults a server starts with, checked, and what they have done so far: plain state the
// context holds and the fault hook (faults.ts) reads and updates.
import type { Fault } from './types.js';

export type RequestFault = Exclude<Fault, { kind: 'token-expiry' }>;

/** The faults of one server start and what they have done so far. */
export interface FaultState {
  requestFaults: Array<{ fault: RequestFault; left: number }>;
  /** `afterDataRequests` of each token-expiry fault still to fire. */
  expiries: number[];
  dataRequests: number;
  /** Tokens a token-expiry fault has declared expired. */
  expiredTokens: Set<string>;
}

/** Checks the faults (throws a plain Error naming the bad one) and sets up their counters. */
export function faultState(faults: readonly Fault[] = []): FaultState {
  faults.forEach(check);
  return {
    requestFaults: faults.flatMap((fault) => (fault.kind === 'token-expiry' ? [] : [{ fault, left: fault.times ?? Infinity }])),
    expiries: faults.flatMap((fault) => (fault.kind === 'token-expiry' ? [fault.afterDataRequests] : [])),
    dataRequests: 0,
    expiredTokens: new Set(),
  };
}

function check(fault: Fault, index: number): void {
  const problem = faultProblem(fault);
  if (problem) throw new Error(`faults[${index}] (${fault.kind}): ${problem}`);
}

function faultProblem(fault: Fault): string | undefined {
  const count = (value: number | undefined, min: number) => value === undefined || (Number.isInteger(value) && value >= min);
  if (fault.kind === 'token-expiry')
    return Number.isInteger(fault.afterDataRequests) && fault.afterDataRequests >= 0 ? undefined : 'afterDataRequests must be an integer >= 0';
  if (!count(fault.times, 1)) return 'times must be an integer >= 1';
  if (fault.match !== undefined && !['token', 'data', 'all'].includes(fault.match)) return 'match must be token, data or all';
  if (fault.kind === 'latency' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) return 'ms must be a number >= 0';
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) return 'status must be 400-599';
  if (fault.kind === 'rate-limit' && !count(fault.retryAfter, 0)) return 'retryAfter must be an integer >= 0';
  return undefined;
}
