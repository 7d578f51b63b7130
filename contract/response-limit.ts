// newman has no option to bound an answer's size, but postman-runtime hands
// `requester.maxResponseSize` to postman-request, which aborts any answer whose decompressed body
// grows past it ('Maximum response size reached'). newman builds the requester options itself and
// calls `new runtime.Runner().run(collection, options, callback)`, so for the length of a run
// Runner.prototype.run is wrapped to add the limit; the original is restored when the last
// overlapping run settles.
import { newmanModule } from './newman-runtime.js';

/** The largest answer kept for checks, after decompression. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
/** What postman-request's error says when an answer outgrew the limit. */
export const TOO_LARGE_MESSAGE = 'Maximum response size reached';

interface RunnerOptions {
  requester?: Record<string, unknown>;
}
type Run = (this: unknown, collection: unknown, options: RunnerOptions, callback: unknown) => unknown;

const runtime = newmanModule<{ Runner: { prototype: { run: Run } } }>('postman-runtime');
let original: Run | undefined;
let runs = 0;

function install(maxBytes: number): void {
  const prototype = runtime().Runner.prototype;
  const run = (original ??= prototype.run);
  prototype.run = function (collection, options, callback) {
    return run.call(this, collection, { ...options, requester: { ...options.requester, maxResponseSize: maxBytes } }, callback);
  };
}

/** Runs `work` with every answer bounded to `maxBytes` decompressed bytes. */
export async function withResponseLimit<T>(work: () => Promise<T>, maxBytes = MAX_RESPONSE_BYTES): Promise<T> {
  if (runs++ === 0) install(maxBytes);
  try {
    return await work();
  } finally {
    if (--runs === 0 && original) runtime().Runner.prototype.run = original;
  }
}
