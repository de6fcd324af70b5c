import { defineConfig } from 'vitest/config';

/**
 * The fault tests (`pnpm test:faults`): generated inputs, concurrent requests and kill -9 of the
 * real server. One file at a time: they count whole tables and start servers on the same data.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
