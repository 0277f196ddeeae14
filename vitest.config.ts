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
    // A worker per core (vitest leaves one core to itself by default: one worker here). The main
    // process only collects results, and the longest file (learned-real) then runs beside the rest.
    maxWorkers: '100%',
    // In-process CLI runs (test/support/cli.ts runMain) fall back to this process's zone, as the
    // spawned binary does to the TZ it is given.
    env: { TZ: 'UTC' },
  },
});
