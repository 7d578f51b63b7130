import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // newman and the reference server run in-process; forks keep their globals apart.
    pool: 'forks',
  },
});
