import { defineConfig } from 'vitest/config';

/**
 * Two projects, split by cost (tests/split.test.ts keeps the split honest):
 * - fast: pure functions and in-process work (the loader, generators, the reference server
 *   through inject or loopback, reporters fed records). No newman, no `bru`, no subprocess.
 * - e2e (`*.e2e.test.ts`): newman and `bru run`, subprocesses, hostile servers, paced runs and
 *   the property-based loader test.
 */
const E2E = 'tests/**/*.e2e.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // newman and the reference server run in-process; forks keep their globals apart.
    pool: 'forks',
    projects: [
      // Nothing here needs a process of its own, nor a fresh module registry per file: worker threads
      // that share their modules across files load each module once (about 35 s instead of 85 s).
      { extends: true, test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: [E2E], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'e2e', include: [E2E] } },
    ],
  },
});
