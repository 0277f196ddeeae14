import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBinary } from '../support/cli.js';

const sample = path.join(repoRoot, 'fixtures/sample-archive');

describe('TWEET_AUDIT_WORKERS', () => {
  it('changes nothing a user sees: the same report, the same messages, in one thread or three', async () => {
    const args = ['report', sample, '--all', '--format', 'markdown', '--examples', '2'];
    const single = await runBinary(args, { env: { TWEET_AUDIT_WORKERS: '0' } });
    const parallel = await runBinary(args, { env: { TWEET_AUDIT_WORKERS: '3' } });
    expect(single.code).toBe(0);
    expect(single.stdout.length).toBeGreaterThan(1000);
    expect(parallel).toEqual(single);
  });

  it('refuses a value that is not a count, in one line and exit code 2', async () => {
    const result = await runBinary(['report', sample, '--all'], { env: { TWEET_AUDIT_WORKERS: 'many' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/TWEET_AUDIT_WORKERS must be "auto" or a whole number/);
  });
});
