// postman-runtime steps from one instruction to the next with `setTimeout(fn, 0)`, about seven
// times per request, and Node makes every such timer wait at least 1 ms. Against a local server
// that idle time is most of what newman adds per request (bench/RESULTS.md, section 2). For the
// length of a run, a timer asked for with no delay is served by setImmediate: still after pending
// I/O, as a timer would be, without the 1 ms floor. Timers with a delay are left alone.
import { promisify } from 'node:util';

type Timer = ReturnType<typeof setTimeout>;
type Immediate = ReturnType<typeof setImmediate>;

const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
const immediates = new WeakSet<object>();
let runs = 0;

function zeroDelaySetTimeout(callback: unknown, delay?: unknown, ...args: unknown[]): Timer | Immediate {
  // Node's own rule: a delay below 1 (or none, or not a number) means 1 ms.
  if (typeof callback !== 'function' || Number(delay) >= 1) return (real.setTimeout as (...a: unknown[]) => Timer)(callback, delay, ...args);
  const immediate = setImmediate(callback as (...a: unknown[]) => void, ...args);
  immediates.add(immediate);
  return immediate;
}

function zeroDelayClearTimeout(timer: unknown): void {
  if (timer !== null && typeof timer === 'object' && immediates.has(timer)) clearImmediate(timer as Immediate);
  else real.clearTimeout(timer as Timer);
}

function install(): void {
  const patched = Object.assign(zeroDelaySetTimeout, { [promisify.custom]: (real.setTimeout as unknown as Record<symbol, unknown>)[promisify.custom] });
  globalThis.setTimeout = patched as unknown as typeof setTimeout;
  globalThis.clearTimeout = zeroDelayClearTimeout as typeof clearTimeout;
}

function uninstall(): void {
  globalThis.setTimeout = real.setTimeout;
  globalThis.clearTimeout = real.clearTimeout;
}

/** Runs `work` with zero-delay timers served by setImmediate; restores the timers when the last overlapping run settles. */
export async function withZeroDelayTimers<T>(work: () => Promise<T>): Promise<T> {
  if (runs++ === 0) install();
  try {
    return await work();
  } finally {
    if (--runs === 0) uninstall();
  }
}
