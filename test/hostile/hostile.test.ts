import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of scripts/, shared with the bench.
import { hostileCases } from '../../scripts/hostile-cases.js';
// @ts-expect-error: a plain ES module of scripts/.
import { generateArchive } from '../../scripts/generate-archive.js';
import { bin, isolatedEnv, runMain } from '../support/cli.js';

/**
 * Issue 16: inputs made to crash the tool, hang it or eat its memory, generated here in a temporary
 * folder (small, yet past every limit; `npm run bench` runs the full-size ones and times them).
 * Each ends in exit 2 with one line naming the file and the limit, or in a report with one
 * counted warning; never in a stack trace.
 */
interface HostileSpec {
  args: string[];
  expect: 'error' | 'warning' | 'ok';
  message?: RegExp;
  stdout?: RegExp;
}
interface HostileCase {
  name: string;
  make(dir: string): HostileSpec;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('hostile input: one line and exit 2, or one counted warning; never a stack trace', () => {
  (hostileCases('test') as HostileCase[]).forEach((hostile, i) => {
    it(hostile.name, async () => {
      const dir = path.join(temp, `case-${i}`);
      mkdirSync(dir);
      const spec = hostile.make(dir);
      const result = await runMain(spec.args, { cwd: dir });
      const lines = result.stderr.split('\n').filter((line) => line !== '');
      expect(result.stderr, result.command).not.toMatch(/internal error|\n\s+at /);
      if (spec.expect === 'error') {
        expect(result.code, result.stderr).toBe(2);
        expect(lines, result.stderr).toHaveLength(1);
        expect(result.stdout).toBe('');
      } else {
        expect(result.code, result.stderr).toBe(0);
        if (spec.expect === 'warning')
          expect(
            lines.filter((line) => /skipped/.test(line)),
            result.stderr,
          ).toHaveLength(1);
      }
      if (spec.message) expect(result.stderr).toMatch(spec.message);
      if (spec.stdout) expect(result.stdout).toMatch(spec.stdout);
      // Whatever was printed, no control character of the input reached the terminal.
      expect(result.stdout + result.stderr).not.toMatch(/\u001b/);
    });
  });
});

describe('signals', () => {
  let archive: string | undefined;
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)('%s while classify --out is being written: exit %i and no file left behind', async (signal, code) => {
    if (!archive) {
      archive = path.join(temp, 'signal-archive');
      // Large enough that classifying it takes far longer than the 20 ms between looks for the file.
      await generateArchive({ tweets: 5_000, out: archive, seed: 7 });
    }
    const outDir = path.join(temp, `signal-out-${signal}`);
    mkdirSync(outDir);
    const child = spawn(
      process.execPath,
      [bin, 'classify', archive, '--all', '--format', 'csv', '--out', path.join(outDir, 'rows.csv')],
      {
        env: isolatedEnv({ TWEET_AUDIT_WORKERS: '0' }),
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Signalled once the temporary file exists, so the handler that removes it is what runs.
    let sent = false;
    while (!sent) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (readdirSync(outDir).length > 0) sent = child.kill(signal);
      if (child.exitCode !== null) break;
    }
    expect(sent).toBe(true);
    expect(await exited).toBe(code);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
