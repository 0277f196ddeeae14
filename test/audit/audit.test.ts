import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, prepareAudit, type AuditOptions } from '../../src/audit.js';
import { repoRoot } from '../support/cli.js';

const sample = path.join(repoRoot, 'fixtures/sample-archive');

function options(period: AuditOptions['period'], bufferLimit?: number): AuditOptions {
  return { archives: [sample], period, timeZone: 'America/New_York', config: {}, bufferLimit };
}

const totals = (report: Awaited<ReturnType<typeof audit>>['report']) => report.trend.map((p) => `${p.month}:${p.total}`);

describe('audit', () => {
  it('chooses the last complete month by default and reports it in full', async () => {
    const { prepared, report } = await audit(options({}));
    expect(prepared.period).toMatchObject({ from: '2026-10', to: '2026-10', chosenBy: 'default' });
    expect(report.months.map((m) => m.month)).toEqual(['2026-10']);
    expect(report.months[0]!.total).toBe(prepared.monthCounts.get('2026-10'));
  });

  it.each([
    ['the default period, read twice', {}],
    ['--all, streamed once', { all: true }],
    ['--from, streamed once', { from: '2026-09' }],
    ['--month, streamed once', { month: '2026-10' }],
  ])('counts the same tweets per month when the archive is too large to keep (%s)', async (_name, period) => {
    const whole = await audit(options(period));
    const streamed = await audit(options(period, 50));
    expect(totals(streamed.report)).toEqual(totals(whole.report));
    expect(streamed.report.months.map((m) => [m.month, m.total])).toEqual(whole.report.months.map((m) => [m.month, m.total]));
    expect(streamed.prepared.period).toEqual(whole.prepared.period);
    expect([...streamed.prepared.monthCounts].sort()).toEqual([...whole.prepared.monthCounts].sort());
  });

  it.each([1, 50, 333, 564, 565])('hands on every tweet once, in reading order, when the buffer holds %i', async (limit) => {
    const ids = async (prepared: Awaited<ReturnType<typeof prepareAudit>>) => {
      const out: string[] = [];
      for await (const { tweet } of prepared.classified('all')) out.push(tweet.id);
      return out;
    };
    const whole = await ids(await prepareAudit(options({ all: true })));
    expect(whole.length).toBe(565);
    expect(await ids(await prepareAudit(options({ all: true }, limit)))).toEqual(whole);
    // The batches themselves are never empty and hold the same tweets.
    const batched: string[] = [];
    for await (const batch of (await prepareAudit(options({ all: true }, limit))).classifiedBatches('all')) {
      expect(batch.length).toBeGreaterThan(0);
      for (const item of batch) batched.push(item.tweet.id);
    }
    expect(batched).toEqual(whole);
  });

  it('refuses to stream an archive twice rather than silently give nothing', async () => {
    const prepared = await prepareAudit(options({ all: true }, 50));
    let first = 0;
    for await (const _ of prepared.classified('all')) first++;
    expect(first).toBeGreaterThan(50);
    await expect(async () => {
      for await (const _ of prepared.classified('all')) break;
    }).rejects.toThrow(/streamed once already/);
  });

  it('reads an archive it keeps in memory as often as asked', async () => {
    const prepared = await prepareAudit(options({ all: true }));
    let a = 0;
    let b = 0;
    for await (const _ of prepared.classified('all')) a++;
    for await (const _ of prepared.classified('period')) b++;
    expect(a).toBe(b);
    expect(a).toBeGreaterThan(500);
  });
});
