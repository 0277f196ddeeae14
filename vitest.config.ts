import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // A guard against hangs, not a speed test (speed is measured by `npm run bench`): CI machines are
    // shared, and property tests that write hundreds of small files can take minutes under load.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // The machines have two cores; real-archive tests read a few MB each.
    pool: 'forks',
  },
});
