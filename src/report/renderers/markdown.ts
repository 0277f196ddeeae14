import { CATEGORIES, FLAGS } from '../../classify/taxonomy.js';
import { subcategoryEntries } from '../breakdown.js';
import { LOW_VOLUME_THRESHOLD } from '../constants.js';
import { formatPercent, formatPoints, plural } from '../format.js';
import type { AuditReport, MonthReport, PeriodReport, TrendPoint } from '../types.js';
import { renderTrendChart } from './table.js';
import {
  activityLines,
  topAsShown,
  archiveLine,
  emptyInPeriod,
  guessLines,
  oneLine,
  periodShown,
  periodSparklines,
  permalink,
  selectTrend,
  SHOWN_FLAGS,
  shownObservations,
  shownTweets,
  type RenderOptions,
} from './shared.js';
import type { ReportAccount, ShownTweet } from '../types.js';

/**
 * Makes text inert in Markdown: backslash-escapes the characters that start emphasis, code,
 * links, HTML and table cells, and what would open a heading, quote or list at the start, so a
 * tweet cannot inject markup or a `<script>` into a page that renders the report.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~]/gu, (char) => `\\${char}`)
    .replace(/^([#>+-])/u, '\\$1')
    .replace(/^(\d+)([.)])/u, '$1\\$2');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableOf(head: string[], align: ('l' | 'r')[], rows: string[][]): string {
  return [row(head), row(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)].join('\n');
}

/** "- 2024-05-24 01:00 [text](https://x.com/…)" per tweet, then "- and N more". */
function tweetItems(
  tweets: readonly ShownTweet[],
  count: number,
  account: ReportAccount | undefined,
  limit?: number,
): string[] {
  const { tweets: shown, more } = shownTweets(tweets, count, limit);
  const items = shown.map((t) => {
    const url = permalink(account, t);
    const text = escapeMarkdown(oneLine(t.text));
    return `- ${t.local} ${url ? `[${text}](${url})` : text}`;
  });
  if (more) items.push(`- ${more}`);
  return items;
}

/** The period's months as sparklines in a code block, then the months that stood out. */
function periodTrendMarkdown(period: PeriodReport): string[] {
  const { months, rows } = periodSparklines(period.trend, 60);
  const lines = rows.map((row) => {
    const range =
      row.name === 'tweets'
        ? `${row.low}–${row.high} tweets`
        : `${formatPercent(row.low, 1)}–${formatPercent(row.high, 1)}`;
    return `${row.name.padEnd(14)}${row.marks}  ${range}`;
  });
  return [
    '### Over the period',
    '',
    `One mark ${months === 1 ? 'a month' : `per ${months} months`} from ${period.from} to ${period.to}; · no tweets.`,
    '',
    '```text',
    ...lines,
    '```',
    '',
    '### Months that stood out',
    '',
    ...(period.standouts.length === 0
      ? ['- None: every month stayed close to the period as a whole.']
      : period.standouts.map((standout) => `- ${escapeMarkdown(standout.text)}`)),
    '',
  ];
}

function renderMonthMarkdown(month: MonthReport | PeriodReport, report: AuditReport): string {
  const { account } = report;
  const out: string[] = [];
  const period = 'from' in month ? month : undefined;
  out.push(`## ${period ? `${period.from}..${period.to}` : (month as MonthReport).month}`, '');
  if (!period && emptyInPeriod(report, month)) return [...out, 'No tweets this month.', ''].join('\n');
  out.push(
    `n = ${month.total} · ${month.period.start} to ${month.period.end} · time zone ${escapeMarkdown(month.timezone)}`,
    '',
  );
  if (month.lowVolume) {
    out.push(
      `> **Warning:** only ${plural(month.total, 'tweet')}, fewer than ${LOW_VOLUME_THRESHOLD}; the shares say little.`,
      '',
    );
  }
  const rows: string[][] = [];
  for (const category of CATEGORIES) {
    const c = month.categories[category];
    const change = (points: number | null) => (period ? [] : [formatPoints(points)]);
    rows.push([`**${category}**`, '', String(c.count), formatPercent(c.share, 1), ...change(c.changePoints)]);
    for (const [sub, s] of subcategoryEntries(month.categories, category)) {
      rows.push(['', sub, String(s.count), formatPercent(s.share, 1), ...change(s.changePoints)]);
    }
  }
  // A period's breakdown has no change column: its trend says how the months moved.
  const head = ['Category', 'Subcategory', 'Count', 'Share', ...(period ? [] : ['Change (pts)'])];
  out.push(
    '### Breakdown',
    '',
    tableOf(head, ['l', 'l', 'r', 'r', 'r'].slice(0, head.length) as ('l' | 'r')[], rows),
    '',
  );
  out.push(`**Professional (promotion):** ${formatPercent(month.professionalShare, 1)}`, '');
  if (period) out.push(...periodTrendMarkdown(period));
  out.push('### Observations', '', ...shownObservations(report, month).map((o) => `- ${escapeMarkdown(o.text)}`), '');
  out.push('### Questions', '');
  for (const question of month.questions) out.push(`**${question.question}**`, '', escapeMarkdown(question.answer), '');
  out.push(
    '### Flags',
    '',
    tableOf(
      ['Flag', 'Count', 'Share'],
      ['l', 'r', 'r'],
      FLAGS.map((flag) => {
        const t = month.flags[flag];
        return [flag, String(t.count), formatPercent(t.share, 1)];
      }),
    ),
    '',
  );
  for (const flag of FLAGS) {
    const t = month.flags[flag];
    if (t.count > 0 && SHOWN_FLAGS.has(flag))
      out.push(`**${flag}**`, '', ...tweetItems(t.tweets, t.count, account), '');
  }
  if (month.engagement) {
    const engagement = month.engagement;
    const show = (value: number | undefined) => (value === undefined ? '–' : String(value));
    out.push(
      '### Engagement (own tweets)',
      '',
      tableOf(
        ['Category', 'Tweets', 'Likes mean', 'Likes median', 'RTs mean', 'RTs median'],
        ['l', 'r', 'r', 'r', 'r', 'r'],
        CATEGORIES.map((category) => {
          const e = engagement[category];
          return [
            category,
            String(e.tweets),
            show(e.likes?.mean),
            show(e.likes?.median),
            show(e.retweets?.mean),
            show(e.retweets?.median),
          ];
        }),
      ),
      '',
    );
    for (const category of CATEGORIES) {
      const top = engagement[category].top;
      if (top.length > 0)
        out.push(
          `**Most liked and retweeted: ${category}**`,
          '',
          ...tweetItems(top.map(topAsShown), top.length, account),
          '',
        );
    }
  }
  if (month.activity && month.total > 0)
    out.push('### When you tweet', '', '```', ...activityLines(month.activity), '```', '');
  if (month.examples) {
    out.push('### Examples', '');
    for (const category of CATEGORIES) {
      const examples = month.examples[category];
      if (examples.length === 0) continue;
      const count = month.categories[category].count;
      out.push(`**${category}** (${count})`, '', ...tweetItems(examples, count, account, examples.length), '');
    }
  }
  if (month.lowConfidence.count > 0) {
    out.push(
      '### Low confidence',
      '',
      `${plural(month.lowConfidence.count, 'tweet')} below ${month.lowConfidence.threshold}:`,
      '',
      ...tweetItems(month.lowConfidence.tweets, month.lowConfidence.count, account),
      '',
    );
  }
  return out.join('\n');
}

/** The trend as a Markdown table and a text chart in a code block. */
export function renderTrendMarkdown(points: TrendPoint[], options: RenderOptions): string {
  const rows = points.map((p) => [
    p.month,
    p.lowVolume ? `${p.total}\\*` : String(p.total),
    ...CATEGORIES.map((category) => (p.total > 0 ? formatPercent(p.shares[category], 1) : '–')),
  ]);
  return [
    '## Trend',
    '',
    tableOf(['Month', 'n', ...CATEGORIES], ['l', 'r', 'r', 'r', 'r', 'r'], rows),
    '',
    `\\* fewer than ${LOW_VOLUME_THRESHOLD} tweets`,
    '',
    '```text',
    renderTrendChart(points, { ...options, color: null }),
    '```',
    '',
  ].join('\n');
}

/** The report as Markdown: headings, tables and bullets, for pasting into notes or an issue. */
export function renderMarkdown(report: AuditReport, options: RenderOptions): string {
  const about = archiveLine(report);
  const parts = [about ? `# Tweet audit · ${escapeMarkdown(about)}` : '# Tweet audit', ''];
  const guesses = guessLines(report);
  if (guesses.length > 0) parts.push(...guesses.map((line) => `> ${escapeMarkdown(line)}  `), '');
  if (report.months.length === 0) parts.push(`No month to report (time zone ${escapeMarkdown(report.timezone)}).`, '');
  const period = periodShown(report, options);
  if (period) parts.push(renderMonthMarkdown(period, report));
  else for (const month of report.months) parts.push(renderMonthMarkdown(month, report));
  const trend = selectTrend(report);
  if (trend.length >= 2) parts.push(renderTrendMarkdown(trend, options));
  return `${parts.join('\n').trimEnd()}\n`;
}
