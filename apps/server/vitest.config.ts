import { defineConfig } from 'vitest/config';

/** The normal run. The heavy fault tests (test/faults: generated inputs, races, kill -9) run in `pnpm test:faults`. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/faults/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
