import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that must start in a fresh process: they check what loading a module does (what it prints,
 * what it pulls in), which a module already loaded by an earlier file would hide.
 */
const ISOLATED = ['test/classify/stdout.test.ts'];

/**
 * The longest file (some minutes on one core, with ../shared) starts first, beside all the others.
 * vitest orders by the durations of the last run, so a run without ../shared, where it was
 * skipped, would otherwise send it last and add its whole time to the suite's.
 */
const FIRST = 'test/classify/learned-real.test.ts';
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (file: TestSpecification) => file.moduleId.endsWith(`/${FIRST}`);
    return [...sorted.filter(first), ...sorted.filter((file) => !first(file))];
  }
}

export default defineConfig({
  test: {
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
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      // The other files share a worker's loaded modules instead of a new process each: starting a
      // process and loading src/ again for each of ~70 files was a fifth of the suite's CPU.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
