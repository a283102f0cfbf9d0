import { defineConfig } from 'vitest/config';

// Under CI (CI=true) vitest also writes a JSON report, from which .ci/run prints
// its one-line "N passed, N failed" summary.
const ci = process.env.CI === 'true' || process.env.CI === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Simulation runs and CLI subprocesses take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ci ? ['default', 'json'] : ['default'],
    outputFile: ci ? { json: 'test-output/vitest.json' } : undefined,
  },
});
