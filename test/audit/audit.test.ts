import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, prepareAudit, TURN_EVERY, withTurns, type AuditOptions } from '../../src/audit.js';
import { renderers } from '../../src/report/index.js';
import { hasShared, shared } from '../archive/helpers/read.js';
import { repoRoot, runMain } from '../support/cli.js';

const sample = path.join(repoRoot, 'fixtures/sample-archive');

function options(period: AuditOptions['period'], archive = sample): AuditOptions {
  return { archives: [archive], period, timeZone: 'America/New_York', config: {}, examples: 3 };
}

describe('audit', () => {
  it('chooses the last complete month by default and reports it in full', async () => {
    const { prepared, report } = await audit(options({}));
    expect(prepared.period).toMatchObject({ from: '2026-10', to: '2026-10', chosenBy: 'default' });
    expect(report.months.map((m) => m.month)).toEqual(['2026-10']);
    expect(report.months[0]!.total).toBe(prepared.monthCounts.get('2026-10'));
  });

  it('reads every tweet once, in the archive order, and classifies only the months asked for', async () => {
    const prepared = await prepareAudit(options({ all: true }));
    expect(prepared.tweets.length).toBe(565);
    expect(new Set(prepared.tweets.map((t) => t.id)).size).toBe(565);
    const all = [...prepared.classified()].map((c) => c.tweet.id);
    expect(all).toEqual(prepared.tweets.map((t) => t.id));
    const october = [...prepared.classified(new Set(['2026-10']))];
    expect(october.length).toBe(prepared.monthCounts.get('2026-10'));
    expect(october.every((c) => c.month === '2026-10')).toBe(true);
  });

  it('cuts the trend to the window asked for and leaves the months outside it unclassified', async () => {
    const whole = await audit({ ...options({ month: '2026-10' }), trend: 'all' });
    const windowed = await audit({ ...options({ month: '2026-10' }), trend: 1 });
    expect(windowed.report.trend.map((p) => p.month)).toEqual(['2026-10']);
    expect(windowed.report.trend[0]).toEqual(whole.report.trend.find((p) => p.month === '2026-10'));
    expect(windowed.report.months).toEqual(whole.report.months);
    expect(windowed.report.monthsSeen).toEqual(whole.report.monthsSeen);
  });

  const archives = [
    { name: 'the sample archive', dir: sample, present: true },
    { name: 'alrocar-2024', dir: shared('alrocar-2024'), present: hasShared('alrocar-2024') },
    { name: 'smithjd-2022.zip', dir: shared('smithjd-2022.zip'), present: hasShared('smithjd-2022.zip') },
  ];
  for (const { name, dir, present } of archives) {
    it.skipIf(!present)(
      `gives each month of ${name} the same report alone as within --all`,
      async () => {
        const all = await audit({ ...options({ all: true }, dir), trend: 0 });
        expect(all.report.months.length).toBeGreaterThan(0);
        // The busiest months, and the last one, asked alone.
        const busiest = [...all.prepared.monthCounts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([m]) => m);
        for (const month of new Set([...busiest, all.report.months.at(-1)!.month])) {
          const alone = await audit({ ...options({ month }, dir), trend: 0 });
          const within = all.report.months.find((m) => m.month === month)!;
          expect(alone.prepared.identity).toEqual(all.prepared.identity);
          expect(renderers.markdown({ ...alone.report, trend: [] }, { color: null })).toBe(
            renderers.markdown({ ...all.report, months: [within], trend: [] }, { color: null }),
          );
          expect(JSON.stringify(alone.report.months[0])).toBe(JSON.stringify(within));
        }
      },
      120_000,
    );
  }

  it('says what it skipped before saying that an archive has no tweet at all', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-empty-'));
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(
      path.join(dir, 'data/tweets.js'),
      'window.YTD.tweets.part0 = [{ "tweet": { "id_str": "1", "full_text": "no date" } }]',
    );
    const skipped = `tweet-audit: warning: ${dir}: skipped 1 record: 1 with no id or no valid date; --verbose lists them\n`;
    for (const args of [
      ['report', dir],
      ['report', dir, '--all'],
      ['trend', dir],
    ]) {
      const result = await runMain(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(skipped)).toBe(true);
    }
    expect((await runMain(['report', dir, '--all'])).stderr).toBe(
      `${skipped}tweet-audit: ${dir}: has no tweets to report on\n`,
    );
  });
});

describe('withTurns', () => {
  it('lets the event loop run between batches of a synchronous loop, so a signal handler is not kept waiting', async () => {
    // A callback queued for the next turn stands for a signal handler: it must run within the
    // first batch of items, not after the last one.
    let turned = false;
    setImmediate(() => (turned = true));
    function* items(): Generator<number> {
      for (let i = 0; i < 10 * TURN_EVERY; i++) yield i;
    }
    let seenAtTurn: number | undefined;
    const all: number[] = [];
    for await (const i of withTurns(items())) {
      if (turned && seenAtTurn === undefined) seenAtTurn = i;
      all.push(i);
    }
    expect(all).toEqual([...items()]);
    expect(seenAtTurn).toBe(TURN_EVERY);
  });
});
