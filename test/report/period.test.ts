import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/classify/taxonomy.js';
import { renderers, type AuditReport, type PeriodReport } from '../../src/report/index.js';
import { periodSparklines } from '../../src/report/renderers/shared.js';
import { validate } from './json-schema.js';
import { aggregate, classified, filler, postLikeArchive, resetIds, times } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(new URL('../../src/report/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const plain = { color: null, width: 100 };

beforeEach(() => resetIds());

function summaryOf(report: AuditReport): PeriodReport {
  if (!report.summary) throw new Error('no summary');
  return report.summary;
}

/** January all conversation, February without tweets, March all personal; a pitch repeated in January, and in March. */
function quarter(): AuditReport {
  const tweets = [
    ...times(30, (i) => ({ month: '2025-01', day: 1 + (i % 28), label: 'conversation/reply', text: filler(i) })),
    classified({ month: '2025-01', day: 30, label: 'promotion/self', text: 'Join my webinar on support macros today' }),
    classified({ month: '2025-01', day: 31, label: 'promotion/self', text: 'Join my webinar on support macros today' }),
    ...times(20, (i) => ({
      month: '2025-03',
      day: 1 + (i % 28),
      label: 'personal/life',
      text: `home ${filler(i + 30, 5)} garden`,
    })),
    classified({
      month: '2025-03',
      day: 30,
      label: 'promotion/self',
      text: 'Join my webinar on support macros today!',
    }),
  ];
  return aggregate(tweets, { detailMonths: ['2025-01', '2025-02', '2025-03'], summary: true, examples: 1 });
}

describe('a period reviewed as one', () => {
  it('adds up the months: counts, shares of the period total, no change column', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-04', '2024-05'], summary: true });
    const summary = summaryOf(report);
    expect(summary.from).toBe('2024-04');
    expect(summary.to).toBe('2024-05');
    expect(summary.total).toBe(report.months.reduce((sum, m) => sum + m.total, 0));
    for (const category of CATEGORIES) {
      const count = report.months.reduce((sum, m) => sum + m.categories[category].count, 0);
      expect(summary.categories[category].count).toBe(count);
      expect(summary.categories[category].share).toBeCloseTo(count / summary.total, 4);
      expect(summary.categories[category].changePoints).toBeNull();
    }
    const flagged = report.months.reduce((sum, m) => sum + m.flags['late-night'].count, 0);
    expect(summary.flags['late-night'].count).toBe(flagged);
    expect(summary.period).toMatchObject({ start: '2024-04-01', end: '2024-05-31' });
    expect(summary.trend.map((point) => point.month)).toEqual(['2024-04', '2024-05']);
  });

  it('is built only when asked for and when there are several months', () => {
    expect(aggregate(postLikeArchive(), { detailMonths: ['2024-04', '2024-05'] }).summary).toBeUndefined();
    expect(aggregate(postLikeArchive(), { detailMonths: ['2024-05'], summary: true }).summary).toBeUndefined();
  });

  it('adds up the repeats of its months, and names the months that stood out', () => {
    const report = quarter();
    const summary = summaryOf(report);
    expect(summary.activeMonths).toBe(2);
    expect(summary.trend.map((point) => point.total)).toEqual([32, 0, 21]);
    // Repeats are found within each month (a period-wide comparison costs too much memory for
    // --all): January's pair counts, March's copy of it does not.
    expect(report.months.map((m) => m.flags.duplicate.count)).toEqual([2, 0, 0]);
    expect(summary.flags.duplicate.count).toBe(2);
    expect(summary.flags.duplicate.tweets.map((t) => t.local)).toEqual(['2025-01-30 12:00', '2025-01-31 12:00']);
    const boring = summary.questions.find((q) => q.id === 'boring')!;
    expect(boring.data).toMatchObject({ exactDuplicates: 2, duplicateGroups: 1 });
    expect(summary.standouts.map((s) => [s.month, s.category])).toEqual([
      ['2025-03', 'personal'],
      ['2025-01', 'personal'],
    ]);
    const [first] = summary.standouts;
    expect(first!.points).toBeCloseTo((first!.share - first!.periodShare) * 100, 0);
    expect(first!.text).toBe("2025-03: personal 95.2% of 21 tweets, 57.5 points above the period's 37.7%.");
  });

  it('lists no standout when every month looks like the period', () => {
    const tweets = ['2025-01', '2025-02'].flatMap((month) =>
      times(25, (i) => ({ month, day: 1 + i, label: i % 2 ? 'personal/life' : 'conversation/reply', text: filler(i) })),
    );
    expect(summaryOf(aggregate(tweets, { detailMonths: ['2025-01', '2025-02'], summary: true })).standouts).toEqual([]);
  });

  it('says "this period", not "this month", in its sentences', () => {
    const summary = summaryOf(quarter());
    const text = [...summary.observations.map((o) => o.text), ...summary.questions.map((q) => q.answer)].join(' ');
    expect(text).toContain('judge the period');
    expect(text).not.toContain('this month');
  });
});

describe('rendering a period', () => {
  it('prints one report for the period in the table, the months one by one with byMonth', () => {
    const report = quarter();
    const one = renderers.table(report, plain);
    expect(one.match(/^Tweet audit /gmu)).toEqual(['Tweet audit ']);
    expect(one).toContain('Tweet audit 2025-01..2025-03  n=53');
    expect(one).toContain('Months that stood out');
    expect(one).toMatch(/conversation +█·▁/u);
    expect(one).not.toContain('change (pts)');
    const each = renderers.table(report, { ...plain, byMonth: true });
    expect(each.match(/^Tweet audit \d{4}-\d{2} /gmu)).toHaveLength(3);
    expect(each).not.toContain('Months that stood out');
  });

  it('gives a month without tweets one line, not empty tables, when the months are listed', () => {
    const report = quarter();
    const each = renderers.table(report, { ...plain, byMonth: true });
    const february = each.slice(each.indexOf('Tweet audit 2025-02'), each.indexOf('Tweet audit 2025-03'));
    expect(february).toContain('No tweets this month.');
    expect(february).not.toContain('┌');
    const markdown = renderers.markdown(report, { ...plain, byMonth: true });
    const section = markdown.slice(markdown.indexOf('## 2025-02'), markdown.indexOf('## 2025-03'));
    expect(section).toContain('No tweets this month.');
    expect(section).not.toContain('|');
    const html = renderers.html(report, { ...plain, byMonth: true });
    expect(html).toMatch(/<section class="month" id="month-2025-02">\n<h2>2025-02<\/h2>\n<p class="meta">No tweets/u);
  });

  it('prints one section in markdown and HTML, with the trend and the standouts', () => {
    const report = quarter();
    const markdown = renderers.markdown(report, plain);
    expect(markdown.match(/^## /gmu)).toEqual(['## ', '## ']); // the period, then the trend
    expect(markdown).toContain('## 2025-01..2025-03');
    expect(markdown).toContain('### Months that stood out');
    const html = renderers.html(report, plain);
    expect(html.match(/<section class="period"/gu)).toHaveLength(1);
    expect(html).not.toContain('<section class="month"');
    expect(html).toContain('<title>Tweet audit 2025-01..2025-03</title>');
    expect(html.match(/<li data-month="/gu)).toHaveLength(2);
  });

  it('writes one CSV block for the period, and the months with byMonth', () => {
    const report = quarter();
    const rows = parse(renderers.csv(report, plain), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2025-01..2025-03']));
    const conversation = rows.find((r) => r.category === 'conversation' && r.subcategory === '');
    expect(conversation).toMatchObject({ count: '30', change_points: '' });
    const monthly = parse(renderers.csv(report, { ...plain, byMonth: true }), { columns: true }) as Record<
      string,
      string
    >[];
    expect(monthly).toHaveLength(48);
    const sum = monthly
      .filter((r) => r.category === 'conversation' && r.subcategory === '')
      .reduce((total, r) => total + Number(r.count), 0);
    expect(sum).toBe(Number(conversation!.count));
  });

  it('keeps the months in JSON and adds the summary, valid against the schema', () => {
    const report = aggregate(postLikeArchive(), {
      detailMonths: ['2024-04', '2024-05'],
      summary: true,
      config: { goals: ['Meet people'], targets: [{ scope: 'promotion', min: 0.1, max: 0.3 }] },
    });
    const value = JSON.parse(renderers.json(report, plain)) as Record<string, unknown> & { summary: PeriodReport };
    expect(Object.keys(value)).toEqual([
      'schemaVersion',
      'generator',
      'timezone',
      'monthsSeen',
      'summary',
      'months',
      'trend',
    ]);
    expect((value.months as unknown[]).length).toBe(2);
    expect(value.summary.targets[0]!.month).toBe('2024-04..2024-05');
    expect(validate(schema, value)).toEqual([]);
    value.summary.standouts.push({ month: 'May', category: 'personal' } as never);
    expect(validate(schema, value).length).toBeGreaterThan(0);
  });
});

describe('periodSparklines', () => {
  const point = (month: string, conversation: number, personal: number) => ({
    month,
    total: conversation + personal,
    lowVolume: false,
    counts: { conversation, promotion: 0, conference: 0, personal },
    shares: { conversation: 0, promotion: 0, conference: 0, personal: 0 },
  });

  it('draws a mark a month, scaled to the row highest, and · for a month without tweets', () => {
    const { months, rows } = periodSparklines([point('a', 10, 10), point('b', 0, 0), point('c', 40, 0)], 12);
    expect(months).toBe(1);
    expect(rows.find((r) => r.name === 'tweets')).toMatchObject({ marks: '▅·█', low: 20, high: 40 });
    expect(rows.find((r) => r.name === 'conversation')).toMatchObject({ marks: '▅·█', low: 0.5, high: 1 });
    expect(rows.find((r) => r.name === 'personal')!.marks).toBe('█·▁');
  });

  it('groups months when there are more than cells', () => {
    const points = Array.from({ length: 66 }, (_, i) => point(`m${i}`, i, 1));
    const { months, rows } = periodSparklines(points, 30);
    expect(months).toBe(3);
    expect(rows[0]!.marks).toHaveLength(22);
  });
});
