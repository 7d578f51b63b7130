import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withZeroDelayTimers } from '../../contract/zero-delay-timers.js';

/** `n` zero-delay timers, each set by the one before it, as postman-runtime chains its instructions. */
function chain(n: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const step = (left: number): void => void (left === 0 ? resolve(performance.now() - started) : setTimeout(() => step(left - 1), 0));
    step(n);
  });
}

describe('withZeroDelayTimers', () => {
  it('serves a chain of zero-delay timers without the 1 ms floor each', async () => {
    const outside = await chain(100);
    const inside = await withZeroDelayTimers(() => chain(100));
    expect(outside).toBeGreaterThanOrEqual(100);
    expect(inside).toBeLessThan(50);
  });

  it('leaves timers with a delay alone', async () => {
    const waited = await withZeroDelayTimers(
      () =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          setTimeout(() => resolve(performance.now() - started), 30);
        }),
    );
    expect(waited).toBeGreaterThanOrEqual(29);
  });

  it('cancels a zero-delay timer with clearTimeout, and passes arguments on', async () => {
    const fired: string[] = [];
    await withZeroDelayTimers(async () => {
      const cancelled = setTimeout(() => fired.push('cancelled'), 0);
      setTimeout((a: string, b: string) => fired.push(`${a}${b}`), 0, 'x', 'y');
      clearTimeout(cancelled);
      await promisify(setTimeout)(5);
    });
    expect(fired).toEqual(['xy']);
  });

  it('restores the real timers when the last overlapping run settles, also after a failure', async () => {
    const [original, originalClear] = [globalThis.setTimeout, globalThis.clearTimeout];
    let release!: () => void;
    const first = withZeroDelayTimers(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(
      withZeroDelayTimers(async () => {
        expect(globalThis.setTimeout).not.toBe(original);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(globalThis.setTimeout).not.toBe(original);
    release();
    await first;
    expect(globalThis.setTimeout).toBe(original);
    expect(globalThis.clearTimeout).toBe(originalClear);
  });
});
