import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES, SUBCATEGORIES } from '../../src/classify/taxonomy.js';
import {
  FORMATS,
  REPORT_CSV_COLUMNS,
  escapeHtml,
  renderPieSvg,
  renderTrend,
  renderers,
  type AuditReport,
  type Format,
  type MonthReport,
} from '../../src/report/index.js';
import { escapeMarkdown } from '../../src/report/renderers/markdown.js';
import { validate } from './json-schema.js';
import { aggregate, classified, filler, postLikeArchive, resetIds, times } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(new URL('../../src/report/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const ANSI = /\u001b\[[0-9;]*m/u;
const plain = { color: null, width: 100 };
const TARGETS = { goals: ['Meet interesting people'], targets: [{ scope: 'promotion/employer' as const, min: 0.1 }] };

const HOSTILE = ['<script>alert(1)</script> hello world again', '<img src=x onerror=alert(2)> "quoted" & \'single\''];

/** The post-like archive plus two hostile tweets, with examples so their text reaches the output. */
function sampleReport(): AuditReport {
  resetIds();
  const tweets = [
    ...postLikeArchive(),
    classified({ month: '2024-05', day: 30, label: 'personal/life', text: HOSTILE[0], confidence: 0.99 }),
    classified({
      month: '2024-05',
      day: 30,
      label: 'conversation/mention',
      text: HOSTILE[1],
      confidence: 0.99,
      mentions: ['x'],
    }),
  ];
  return aggregate(tweets, { detailMonths: ['2024-05'], config: TARGETS, examples: 2 });
}

function monthOf(report: AuditReport): MonthReport {
  const month = report.months[0];
  if (!month) throw new Error('no month');
  return month;
}

beforeEach(() => resetIds());

describe('renderers', () => {
  it('offers exactly the five formats, from the map keys', () => {
    expect(FORMATS).toEqual(['table', 'markdown', 'json', 'csv', 'html']);
  });

  it.each(FORMATS)('%s: renders the same report to the same bytes twice', (format: Format) => {
    const first = renderers[format](sampleReport(), plain);
    const second = renderers[format](sampleReport(), plain);
    expect(second).toBe(first);
    expect(first.endsWith('\n')).toBe(true);
  });
});

describe('several months', () => {
  it('renders each detailed month, then the trend once, in every format', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-04', '2024-05'] });
    const table = renderers.table(report, plain);
    expect(table.indexOf('Tweet audit 2024-04')).toBeLessThan(table.indexOf('Tweet audit 2024-05'));
    expect(table.match(/^Trend$/gmu)).toHaveLength(1);
    const markdown = renderers.markdown(report, plain);
    expect(markdown.indexOf('## 2024-04')).toBeLessThan(markdown.indexOf('## 2024-05'));
    const rows = parse(renderers.csv(report, plain), { columns: true }) as Record<string, string>[];
    expect([...new Set(rows.map((r) => r.month))]).toEqual(['2024-04', '2024-05']);
    const html = renderers.html(report, plain);
    expect(html.match(/<section class="month"/gu)).toHaveLength(2);
  });

  it('says so when there is no detailed month', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: [] });
    expect(renderers.table(report, plain)).toContain('No month to report (time zone UTC).');
    expect(renderers.html(report, plain)).not.toContain('<section class="month"');
  });
});

describe('table', () => {
  it('has no ANSI codes without colour, and has them with a forced chalk level', () => {
    const report = sampleReport();
    const noColour = renderers.table(report, plain);
    expect(noColour).not.toMatch(ANSI);
    const coloured = renderers.table(report, { color: new Chalk({ level: 1 }), width: 100 });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, 'gu'), '')).toBe(noColour);
  });

  it('shows header, breakdown with bars, professional share, observations, questions and flags', () => {
    const text = renderers.table(sampleReport(), plain);
    expect(text).toContain('Tweet audit 2024-05  n=64  2024-05-01 to 2024-05-31  time zone UTC');
    expect(text).toMatch(/│ conversation\s+│\s+25 │ 39\.1% │\s+-10\.9 │ █+/u);
    expect(text).toMatch(/│ {3}mention\s+│\s+1 │/u);
    expect(text).toContain('Professional (promotion): 26.6%');
    expect(text).toContain('  • Conference rose');
    expect(text).toContain('Would you want to read you?');
    expect(text).toContain('Or untrustworthy?');
    expect(text).toMatch(/│ late-night\s+│\s+3 │/u);
    expect(text).toContain('Trend');
    expect(text).not.toContain('Warning');
  });

  it('warns when the month has fewer than 20 tweets', () => {
    const report = aggregate(
      times(5, (i) => ({ text: filler(i) })),
      { detailMonths: ['2024-05'] },
    );
    expect(renderers.table(report, plain)).toContain('Warning: only 5 tweets, fewer than 20; the shares say little.');
  });

  it('keeps control characters of tweets away from the terminal', () => {
    const report = aggregate([classified({ text: 'evil \u001b[2J clear screen' })], {
      detailMonths: ['2024-05'],
      examples: 1,
    });
    const text = renderers.table(report, plain);
    expect(text).toContain('evil  [2J clear screen');
    expect(text).not.toContain('\u001b');
  });

  it('stays within a narrow terminal for the breakdown', () => {
    const text = renderers.table(sampleReport(), { color: null, width: 60 });
    const breakdownLines = text
      .split('\n')
      .filter((line) => line.startsWith('│ ') && /%/u.test(line) && line.includes('█'));
    expect(breakdownLines.length).toBeGreaterThan(0);
    for (const line of breakdownLines) expect([...line].length).toBeLessThanOrEqual(60);
  });
});

describe('markdown', () => {
  it('has headings, a breakdown table, bullets and the questions', () => {
    const text = renderers.markdown(sampleReport(), plain);
    expect(text).toMatch(/^# Tweet audit\n\n## 2024-05\n/u);
    expect(text).toContain('| Category | Subcategory | Count | Share | Change (pts) |');
    expect(text).toContain('| **conference** |  | 14 | 21.9% | +16.9 |');
    expect(text).toContain('|  | chat | 14 | 21.9% | +21.9 |');
    expect(text).toContain('**Professional (promotion):** 26.6%');
    expect(text).toContain('- Conversation is your largest category');
    expect(text).toContain('**Are you boring?**');
    expect(text).toContain('## Trend');
    expect(text).not.toMatch(ANSI);
  });

  it('escapes tweet text so it cannot inject HTML or break a table', () => {
    const text = renderers.markdown(sampleReport(), plain);
    // Every "<" from the data is backslash-escaped, which CommonMark renders as a literal "<".
    expect(text).not.toMatch(/(^|[^\\])<(script|img)/u);
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(text).toContain('\\<img src=x onerror=alert(2)\\>');
  });
});

describe('escapeMarkdown', () => {
  it('neutralizes markup, and block starts at the beginning only', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <g> h|i ~j~ \\k')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~j\\~ \\\\k',
    );
    expect(escapeMarkdown('# not a heading # here')).toBe('\\# not a heading # here');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('line one\nline two')).toBe('line one line two');
  });
});

describe('csv', () => {
  it('has stable columns, a total row per category and every subcategory', () => {
    const text = renderers.csv(sampleReport(), plain);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(text.split('\n')[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(CATEGORIES.length + CATEGORIES.reduce((n, c) => n + SUBCATEGORIES[c].length, 0));
    expect(rows[0]).toEqual({
      month: '2024-05',
      category: 'conversation',
      subcategory: '',
      count: '25',
      share: '0.3906',
      change_points: '-10.9',
    });
    expect(rows.find((r) => r.category === 'promotion' && r.subcategory === 'jobs')).toEqual({
      month: '2024-05',
      category: 'promotion',
      subcategory: 'jobs',
      count: '0',
      share: '0',
      change_points: '0',
    });
    const totals = rows.filter((r) => r.subcategory === '');
    expect(totals.reduce((sum, r) => sum + Number(r.count), 0)).toBe(64);
  });

  it('leaves change_points empty when there is nothing to compare with', () => {
    const report = aggregate(
      times(25, (i) => ({ text: filler(i) })),
      { detailMonths: ['2024-05'] },
    );
    const rows = parse(renderers.csv(report, plain), { columns: true }) as Record<string, string>[];
    expect(rows.every((r) => r.change_points === '')).toBe(true);
  });
});

describe('json', () => {
  it('puts a single month at top level with the contract fields, and validates against the schema', () => {
    const text = renderers.json(sampleReport(), plain);
    const value = JSON.parse(text) as Record<string, unknown> & {
      categories: Record<
        string,
        { count: number; share: number; subcategories: Record<string, { count: number; share: number }> }
      >;
    };
    expect(value.schemaVersion).toBe(1);
    expect(value.month).toBe('2024-05');
    expect(value.timezone).toBe('UTC');
    expect(value.total).toBe(64);
    expect(value.professionalShare).toBe(value.categories.promotion?.share);
    expect(Object.keys(value.categories)).toEqual(CATEGORIES);
    expect(value.categories.promotion?.subcategories.jobs).toEqual({ count: 0, share: 0, changePoints: 0 });
    expect(validate(schema, value)).toEqual([]);
  });

  it('round-trips: parsing the output gives the report back', () => {
    const report = sampleReport();
    const value = JSON.parse(renderers.json(report, plain)) as Record<string, unknown>;
    const { schemaVersion, generator, trend, ...month } = value;
    expect({ schemaVersion, generator, trend }).toEqual({
      schemaVersion: 1,
      generator: report.generator,
      trend: report.trend,
    });
    expect(month).toEqual(JSON.parse(JSON.stringify(monthOf(report))));
  });

  it('wraps several months, and the wrapped form validates too', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-04', '2024-05'], config: TARGETS });
    const value = JSON.parse(renderers.json(report, plain)) as { months: { month: string }[] };
    expect(Object.keys(value)).toEqual(['schemaVersion', 'generator', 'timezone', 'monthsSeen', 'months', 'trend']);
    expect(value.months.map((m) => m.month)).toEqual(['2024-04', '2024-05']);
    expect(validate(schema, value)).toEqual([]);
  });

  it('rejects output that breaks the schema (the check can fail)', () => {
    const value = JSON.parse(renderers.json(sampleReport(), plain)) as Record<string, Record<string, unknown>>;
    delete value.categories?.personal;
    expect(validate(schema, value).length).toBeGreaterThan(0);
  });

  it("names in the schema exactly the taxonomy's subcategories", () => {
    const defs = schema.$defs as Record<string, { properties: { subcategories: { required: string[] } } }>;
    for (const category of CATEGORIES) {
      expect(defs[`${category}Breakdown`]?.properties.subcategories.required).toEqual([...SUBCATEGORIES[category]]);
    }
  });

  it('has no date of the run in it', () => {
    expect(renderers.json(sampleReport(), plain)).not.toMatch(/generatedAt|"now"|\d{4}-\d{2}-\d{2}T/u);
  });
});

describe('html', () => {
  it('escapes tweet text: no script or tag from the data survives', () => {
    const html = renderers.html(sampleReport(), plain);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; hello world again');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
  });

  it('is self-contained: inline CSS and SVG, no external references, viewport and print rules', () => {
    const html = renderers.html(sampleReport(), plain);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/u);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<link\b|<script\b|@import|src="http|href="http|url\(/iu);
  });

  it('draws one pie slice per category with tweets, data-share matching the report', () => {
    const report = sampleReport();
    const month = monthOf(report);
    const html = renderers.html(report, plain);
    const slices = [...html.matchAll(/<path class="slice" data-category="([a-z]+)" data-share="([0-9.]+)"/gu)];
    expect(slices.map((m) => m[1])).toEqual(CATEGORIES.filter((c) => month.categories[c].count > 0));
    for (const [, category, share] of slices)
      expect(Number(share)).toBe(month.categories[category as keyof typeof month.categories].share);
  });

  it('leaves empty categories out of the pie', () => {
    const report = aggregate(
      [
        ...times(20, (i) => ({ label: 'promotion/self', text: filler(i) })),
        ...times(5, (i) => ({ label: 'personal/life', text: filler(i + 50) })),
      ],
      { detailMonths: ['2024-05'] },
    );
    const slices = [...renderers.html(report, plain).matchAll(/data-category="([a-z]+)" data-share/gu)].map(
      (m) => m[1],
    );
    expect(slices).toEqual(['promotion', 'personal']);
  });

  it('draws the trend as stacked columns, one rect per month and category with tweets', () => {
    const html = renderers.html(sampleReport(), plain);
    const bars = [
      ...html.matchAll(
        /<rect class="trend-bar"[^>]*data-month="([0-9-]+)" data-category="([a-z]+)" data-share="([0-9.]+)"/gu,
      ),
    ];
    expect(bars.filter((m) => m[1] === '2024-04').map((m) => m[2])).toEqual(CATEGORIES);
    expect(bars.filter((m) => m[1] === '2024-05').reduce((sum, m) => sum + Number(m[3]), 0)).toBeCloseTo(1, 3);
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters and drops control characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0007c\nd')).toBe('a b c\nd');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('renderPieSvg', () => {
  it('is a standalone SVG with xmlns, title, slices and legend', () => {
    const month = monthOf(sampleReport());
    const svg = renderPieSvg(month);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/u);
    expect(svg).toContain('<title id="pie-title">Tweets by category, 2024-05 (n=64, UTC)</title>');
    expect(svg.match(/<path class="slice"/gu)).toHaveLength(4);
    expect(svg).toContain('conversation 39.1% (25)');
    expect(svg).not.toMatch(/href=|<script/u);
  });

  it('draws a full circle when one category has every tweet, and a blank disc without tweets', () => {
    const full = aggregate(
      times(3, (i) => ({ label: 'promotion/self', text: filler(i) })),
      { detailMonths: ['2024-05'] },
    );
    const svg = renderPieSvg(monthOf(full));
    expect(svg.match(/<path class="slice"/gu)).toHaveLength(1);
    expect(svg).toMatch(
      /data-category="promotion" data-share="1"[^>]*d="M 120\.000 20\.000 A 100 100 0 1 1 120\.000 220\.000 A/u,
    );
    const empty = aggregate([], { detailMonths: ['2024-05'] });
    expect(renderPieSvg(monthOf(empty))).toContain('<title>No tweets</title>');
  });
});

describe('renderTrend', () => {
  function yearOfMonths(): AuditReport {
    const tweets = [];
    for (let m = 1; m <= 12; m += 1) {
      const month = `2023-${String(m).padStart(2, '0')}`;
      // March is quiet: 5 tweets, so it must be marked, not hidden.
      const count = m === 3 ? 5 : 24;
      tweets.push(
        ...times(count, (i) => ({
          month,
          day: 1 + (i % 28),
          label: i % 2 === 0 ? 'conversation/reply' : 'promotion/self',
          text: filler(i + m * 100),
        })),
      );
    }
    tweets.push(...times(24, (i) => ({ month: '2024-01', label: 'personal/life', text: filler(i + 5000) })));
    return aggregate(tweets, { detailMonths: ['2024-01'] });
  }

  it('shows the last 12 months up to the detailed month, low-volume months marked', () => {
    const text = renderTrend(yearOfMonths(), 'table', plain);
    expect(text).not.toContain('2023-01');
    expect(text).toContain('2023-02');
    expect(text).toMatch(/2023-03 │\s+5\* │/u);
    expect(text).toMatch(/2023-03 {2}[CP]+ {2}n=5\*/u);
    expect(text).toMatch(/2024-01 {2}L{60} {2}n=24/u);
    expect(text).toContain('C conversation  P promotion  E conference  L personal');
  });

  it('takes a range', () => {
    const csv = renderTrend(yearOfMonths(), 'csv', { ...plain, from: '2023-02', to: '2023-04' });
    expect(csv).toBe(
      [
        'month,total,low_volume,conversation,promotion,conference,personal',
        '2023-02,24,false,0.5,0.5,0,0',
        '2023-03,5,true,0.6,0.4,0,0',
        '2023-04,24,false,0.5,0.5,0,0',
        '',
      ].join('\n'),
    );
  });

  it('renders in every format', () => {
    const report = yearOfMonths();
    expect(renderTrend(report, 'markdown', plain)).toContain('| 2023-03 | 5\\* | 60.0% | 40.0% | 0.0% | 0.0% |');
    expect(JSON.parse(renderTrend(report, 'json', plain)).trend).toHaveLength(12);
    expect(renderTrend(report, 'html', plain)).toContain('<section class="trend">');
  });

  it('fails with a clear message on an empty range', () => {
    expect(() => renderTrend(yearOfMonths(), 'table', { ...plain, from: '2030-01' })).toThrow(/no months/);
  });
});

describe('the tweets behind the flags and the low-confidence list', () => {
  // 8 late-night tweets, one of them also low-confidence; the post-like archive's format.
  function flagged(account?: AuditReport['account']): AuditReport {
    const tweets = [
      ...times(20, (i) => ({ label: 'conversation/reply', text: `@ann ${filler(i)}` })),
      ...times(8, (i) => ({
        label: 'personal/life',
        day: 2 + i,
        hour: 1,
        flags: ['late-night'],
        text: `night owl note ${filler(i + 50)}`,
        confidence: i === 0 ? 0.3 : 0.9,
      })),
    ];
    const report = aggregate(tweets, { detailMonths: ['2024-05'] });
    if (account) report.account = account;
    return report;
  }
  const x = { handle: 'someone', platform: 'x' as const };

  it('keeps each listed tweet with its local time and text in JSON, valid against the schema', () => {
    const report = flagged(x);
    const month = report.months[0]!;
    expect(month.flags['late-night'].tweets.map((t) => t.id)).toEqual(month.flags['late-night'].ids);
    expect(month.flags['late-night'].tweets[0]).toMatchObject({
      local: expect.stringMatching(/^2024-05-02 01:\d\d$/),
      text: expect.stringMatching(/^night owl note/),
    });
    expect(month.lowConfidence.tweets).toHaveLength(1);
    const value = JSON.parse(renderers.json(report, plain));
    expect(value.account).toEqual(x);
    expect(validate(schema, value)).toEqual([]);
  });

  it.each(['markdown', 'html'] as const)(
    'links each shown tweet on x.com in %s, five at most, then "and N more"',
    (format) => {
      const report = flagged(x);
      const text = renderers[format](report, plain);
      const ids = report.months[0]!.flags['late-night'].ids;
      for (const id of ids.slice(0, 5)) expect(text).toContain(`https://x.com/someone/status/${id}`);
      for (const id of ids.slice(5)) expect(text).not.toContain(id);
      expect(text).toContain('and 3 more');
      expect(text).toContain(report.months[0]!.lowConfidence.ids[0]!);
      expect(text).toContain('night owl note');
    },
  );

  it.each(['markdown', 'html', 'table'] as const)(
    'shows no link in %s when the platform gives no permalink, nor without an account',
    (format) => {
      for (const report of [flagged({ handle: 'someone', platform: 'mastodon' }), flagged()]) {
        const text = renderers[format](report, plain);
        expect(text).not.toContain('https://x.com/');
        expect(text).toContain('night owl note');
      }
    },
  );

  it('shortens each tweet to the terminal width in the table, with its local time', () => {
    const text = renderers.table(flagged(x), { color: null, width: 60 });
    const lines = text.split('\n').filter((line) => line.includes('night owl note'));
    expect(lines.length).toBe(5 + 1);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(60);
      expect(line).toMatch(/^ {4}2024-05-\d\d \d\d:\d\d {2}night owl note/);
    }
    expect(text).toContain('    and 3 more');
    expect(text).not.toContain('https://');
  });
});
