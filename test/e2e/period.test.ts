import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, sampleArchive } from '../support/cli.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-period-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// The sample archive has tweets in 2026-09 and 2026-10 and a few in 2026-11; 2026-08 is an empty month of the range.
describe('report over a period', () => {
  it('prints one report for --from/--to, and the months one by one with --by-month', async () => {
    // 100 columns: the period's header line fits on one line (at 80, a pipe's width, it wraps).
    const one = await runMain(['report', sampleArchive, '--from', '2026-08', '--to', '2026-10'], { columns: 100 });
    expect(one.code).toBe(0);
    expect(one.stdout.match(/^Tweet audit .*/gmu)).toEqual([
      'Tweet audit 2026-08..2026-10 · @marisolquade (Marisol Quade) · archive of 2026-11-03',
    ]);
    expect(one.stdout.split('\n')[1]).toMatch(/^n=554 {2}2026-08-01 to 2026-10-31 /u);
    expect(one.stdout).toContain('Months that stood out');
    const each = await runMain(['report', sampleArchive, '--from', '2026-08', '--to', '2026-10', '--by-month']);
    expect(each.code).toBe(0);
    const headers = each.stdout.match(/^Tweet audit \S+/gmu);
    expect(headers).toEqual(['Tweet audit 2026-08', 'Tweet audit 2026-09', 'Tweet audit 2026-10']);
    // The empty month is one line, not sixteen rows of zeros.
    const august = each.stdout.slice(0, each.stdout.indexOf('Tweet audit 2026-09'));
    expect(august).toContain('No tweets this month.');
    expect(august).not.toContain('│');
  });

  it('reviews --all as one, and keeps the months and the summary in JSON', async () => {
    const all = await runMain(['report', sampleArchive, '--all', '--format', 'json']);
    expect(all.code).toBe(0);
    const value = JSON.parse(all.stdout) as {
      summary: { from: string; to: string; total: number };
      months: { month: string; total: number }[];
    };
    expect(value.months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(value.summary).toMatchObject({ from: '2026-09', to: '2026-11' });
    expect(value.summary.total).toBe(value.months.reduce((sum, m) => sum + m.total, 0));
  });

  it('charts the period as one with --chart, the last month with --by-month', async () => {
    const chart = path.join(temp, 'pie.svg');
    await runMain(['report', sampleArchive, '--from', '2026-09', '--to', '2026-10', '--chart', chart]);
    expect(readFileSync(chart, 'utf8')).toContain('Tweets by category, 2026-09..2026-10 (n=554,');
    await runMain(['report', sampleArchive, '--from', '2026-09', '--to', '2026-10', '--by-month', '--chart', chart]);
    expect(readFileSync(chart, 'utf8')).toContain('Tweets by category, 2026-10 (n=402,');
  });

  it('keeps the default a single month', async () => {
    const result = await runMain(['report', sampleArchive, '--format', 'json']);
    const value = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(value.month).toBe('2026-10');
    expect(value).not.toHaveProperty('summary');
  });
});
