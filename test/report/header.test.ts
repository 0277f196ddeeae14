import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderers, type AuditReport } from '../../src/report/index.js';
import { validate } from './json-schema.js';
import { aggregate, postLikeArchive, resetIds } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(new URL('../../src/report/report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const plain = { color: null, width: 100 };

beforeEach(() => resetIds());

function named(months: string[]): AuditReport {
  const report = aggregate(postLikeArchive(), { detailMonths: months });
  report.account = { handle: 'maya', platform: 'x', displayName: '<b>Maya</b> *Chen*\u001b[31m' };
  report.archive = { date: '2024-06-02', basis: 'generated' };
  report.guesses = [
    { kind: 'time-zone', text: "time zone: the system's (UTC); pass --tz to set it" },
    { kind: 'employer', text: 'employer Acme guessed from 4 tweets; set it in your config' },
  ];
  return report;
}

describe('whose archive, in the header', () => {
  it('names the account and the archive date on the title line, with the guesses below, once', () => {
    const table = renderers.table(named(['2024-04', '2024-05']), { ...plain, byMonth: true });
    const lines = table.split('\n');
    expect(lines[0]).toBe('Tweet audit 2024-04 · @maya (<b>Maya</b> *Chen* [31m) · archive of 2024-06-02');
    expect(lines[1]).toMatch(/^n=40 {2}2024-04-01 to 2024-04-30/u);
    expect(lines.slice(2, 4)).toEqual([
      "Time zone: the system's (UTC); pass --tz to set it",
      'Employer Acme guessed from 4 tweets; set it in your config',
    ]);
    expect(table.match(/pass --tz/gu)).toHaveLength(1);
    expect(table.match(/^Tweet audit 2024-05 · @maya/gmu)).toHaveLength(1);
    expect(table).not.toContain('\u001b');
  });

  it('escapes the display name in markdown and HTML', () => {
    const markdown = renderers.markdown(named(['2024-05']), plain);
    expect(markdown.split('\n')[0]).toBe(
      '# Tweet audit · @maya (\\<b\\>Maya\\</b\\> \\*Chen\\* \\[31m) · archive of 2024-06-02',
    );
    expect(markdown).toContain("> Time zone: the system's (UTC); pass --tz to set it");
    const html = renderers.html(named(['2024-05']), plain);
    expect(html).not.toContain('<b>Maya');
    expect(html).toContain(
      '<h1>Tweet audit · @maya (&lt;b&gt;Maya&lt;/b&gt; *Chen* [31m) · archive of 2024-06-02</h1>',
    );
    expect(html.match(/<p class="guess" role="note">/gu)).toHaveLength(2);
  });

  it('keeps account, archive date and guesses in JSON, valid against the schema', () => {
    for (const months of [['2024-05'], ['2024-04', '2024-05']]) {
      const value = JSON.parse(renderers.json(named(months), plain)) as Record<string, unknown>;
      expect(Object.keys(value).slice(0, 5)).toEqual(['schemaVersion', 'generator', 'account', 'archive', 'guesses']);
      expect(validate(schema, value)).toEqual([]);
      (value.archive as Record<string, unknown>).basis = 'guessed';
      expect(validate(schema, value).length).toBeGreaterThan(0);
    }
  });

  it('keeps the old one-line header when the report knows nothing of the archive', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-05'] });
    expect(renderers.table(report, plain).split('\n')[0]).toMatch(/^Tweet audit 2024-05 {2}n=62 /u);
  });
});
