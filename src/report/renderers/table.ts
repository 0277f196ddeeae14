import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { CATEGORIES, FLAGS } from '../../classify/taxonomy.js';
import { subcategoryEntries } from '../breakdown.js';
import { LOW_VOLUME_THRESHOLD } from '../constants.js';
import { formatPercent, formatPoints, plural } from '../format.js';
import type { AuditReport, MonthReport, PeriodReport, Review, TrendPoint } from '../types.js';
import {
  CATEGORY_LETTER,
  activityLines,
  topAsShown,
  DEFAULT_WIDTH,
  apportion,
  archiveLine,
  blockBar,
  emptyInPeriod,
  guessLines,
  oneLine,
  paint,
  paintCategory,
  periodShown,
  periodSparklines,
  selectTrend,
  SHOWN_FLAGS,
  shownObservations,
  shownTweets,
  truncate,
  wrapText,
  type RenderOptions,
} from './shared.js';

// cli-table3 colours headers and borders by itself; empty styles leave colour to us alone.
const PLAIN_STYLE = { head: [] as string[], border: [] as string[] };
// No rule between body rows: a breakdown of 16 rows stays readable on one screen.
const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function newTable(head: string[], colAligns?: ('left' | 'right' | 'center')[]): Table.Table {
  return new Table({ head, style: PLAIN_STYLE, chars: COMPACT_CHARS, ...(colAligns ? { colAligns } : {}) });
}

function heading(color: ChalkInstance | null, text: string): string {
  return paint(color, (c) => c.bold, text);
}

function bullet(text: string, width: number): string {
  return `  • ${wrapText(oneLine(text), Math.max(20, width - 4), '    ')}`;
}

/** The breakdown table; a period's has no change column (its trend says how the months moved). */
function renderBreakdown(month: Review, options: RenderOptions, width: number, withChange: boolean): string {
  const { color } = options;
  // Keep the table within the terminal: the fixed columns take about 50 cells.
  const barWidth = Math.max(10, Math.min(30, width - (withChange ? 52 : 37)));
  const change = (points: number | null) => (withChange ? [formatPoints(points)] : []);
  const table = newTable(
    ['category', 'count', 'share', ...(withChange ? ['change (pts)'] : []), 'bar'],
    ['left', 'right', 'right', ...(withChange ? (['right'] as const) : []), 'left'],
  );
  for (const category of CATEGORIES) {
    const breakdown = month.categories[category];
    table.push([
      paintCategory(color, category, category),
      String(breakdown.count),
      formatPercent(breakdown.share, 1),
      ...change(breakdown.changePoints),
      paintCategory(color, category, blockBar(breakdown.share, barWidth)),
    ]);
    for (const [sub, entry] of subcategoryEntries(month.categories, category)) {
      table.push([
        `  ${sub}`,
        String(entry.count),
        formatPercent(entry.share, 1),
        ...change(entry.changePoints),
        paint(color, (c) => c.dim, blockBar(entry.share, barWidth)),
      ]);
    }
  }
  return table.toString();
}

/** The period's months as sparklines with their range, then the months that stood out. */
function renderPeriodTrend(period: PeriodReport, options: RenderOptions, width: number): string[] {
  const { months, rows } = periodSparklines(period.trend, Math.max(12, width - 34));
  const unit = months === 1 ? 'a month' : `per ${months} months`;
  const title = `Over the period (one mark ${unit}, ${period.from} to ${period.to}; · no tweets)`;
  const out = [heading(options.color, title.length > width ? wrapText(title, width, '  ') : title)];
  for (const row of rows) {
    const range =
      row.name === 'tweets'
        ? `${row.low}–${row.high} tweets`
        : `${formatPercent(row.low, 1)}–${formatPercent(row.high, 1)}`;
    const name = row.name === 'tweets' ? row.name : paintCategory(options.color, row.name, row.name);
    const marks = row.name === 'tweets' ? row.marks : paintCategory(options.color, row.name, row.marks);
    out.push(`  ${name}${' '.repeat(14 - row.name.length)}${marks}  ${range}`);
  }
  out.push('', heading(options.color, 'Months that stood out'));
  if (period.standouts.length === 0)
    out.push(bullet('None: every month stayed close to the period as a whole.', width));
  else out.push(...period.standouts.map((standout) => bullet(standout.text, width)));
  return out;
}

function renderFlags(month: Review, width: number): string {
  const table = newTable(['flag', 'count', 'share'], ['left', 'right', 'right']);
  const lists: string[] = [];
  for (const flag of FLAGS) {
    const tally = month.flags[flag];
    table.push([flag, String(tally.count), formatPercent(tally.share, 1)]);
    if (tally.count > 0 && SHOWN_FLAGS.has(flag))
      lists.push(`  ${flag}:`, ...tweetLines(tally.tweets, tally.count, width));
  }
  return [table.toString(), ...lists].join('\n');
}

/** "    2024-05-24 01:00  the text, cut to the width", then "and N more". */
function tweetLines(
  tweets: MonthReport['lowConfidence']['tweets'],
  count: number,
  width: number,
  limit?: number,
): string[] {
  const { tweets: shown, more } = shownTweets(tweets, count, limit);
  const lines = shown.map((t) => truncate(`    ${t.local}  ${oneLine(t.text)}`, Math.max(30, width)));
  if (more) lines.push(`    ${more}`);
  return lines;
}

function renderEngagement(month: Review, width: number): string | null {
  if (!month.engagement) return null;
  const table = newTable(
    width < 80
      ? ['category', 'n', 'likes', 'median', 'RTs', 'median']
      : ['category', 'tweets', 'likes mean', 'likes median', 'RTs mean', 'RTs median'],
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  for (const category of CATEGORIES) {
    const e = month.engagement[category];
    const show = (value: number | undefined) => (value === undefined ? '–' : String(value));
    table.push([
      category,
      String(e.tweets),
      show(e.likes?.mean),
      show(e.likes?.median),
      show(e.retweets?.mean),
      show(e.retweets?.median),
    ]);
  }
  const top: string[] = [];
  for (const category of CATEGORIES) {
    const list = month.engagement[category].top;
    if (list.length > 0) top.push(`  ${category}:`, ...tweetLines(list.map(topAsShown), list.length, width));
  }
  return top.length > 0 ? [table.toString(), '  Most liked and retweeted:', ...top].join('\n') : table.toString();
}

function renderExamples(month: Review, width: number): string | null {
  if (!month.examples) return null;
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const examples = month.examples[category];
    if (examples.length === 0) continue;
    const count = month.categories[category].count;
    lines.push(`  ${category} (${count}):`, ...tweetLines(examples, count, width, examples.length));
  }
  return lines.length > 0 ? lines.join('\n') : null;
}

/** The text view of one month, or of a period as one. */
function renderMonth(
  month: MonthReport | PeriodReport,
  report: AuditReport,
  options: RenderOptions,
  width: number,
  first = true,
): string {
  const { color } = options;
  const out: string[] = [];
  const period = 'from' in month ? month : undefined;
  const title = period ? `${period.from}..${period.to}` : (month as MonthReport).month;
  const about = archiveLine(report);
  const figures = `n=${month.total}  ${month.period.start} to ${month.period.end}  time zone ${month.timezone}`;
  // Whose archive goes on the title line; the figures then get their own line.
  if (about && [...`Tweet audit ${title} · ${about}`].length > width)
    out.push(heading(color, `Tweet audit ${title}`), about);
  else if (about) out.push(`${heading(color, `Tweet audit ${title}`)} · ${about}`);
  else out.push(`${heading(color, `Tweet audit ${title}`)}  ${figures}`);
  if (!period && emptyInPeriod(report, month)) return `${out[0]}\n  No tweets this month.`;
  if (about) out.push(figures);
  if (first) out.push(...guessLines(report).map((line) => paint(color, (c) => c.yellow, wrapText(line, width, ''))));
  if (month.lowVolume) {
    out.push(
      paint(
        color,
        (c) => c.yellow,
        `Warning: only ${plural(month.total, 'tweet')}, fewer than ${LOW_VOLUME_THRESHOLD}; the shares say little.`,
      ),
    );
  }
  out.push('', renderBreakdown(month, options, width, !period));
  out.push(`Professional (promotion): ${formatPercent(month.professionalShare, 1)}`);
  if (period) out.push('', ...renderPeriodTrend(period, options, width));
  out.push('', heading(color, 'Observations'), ...shownObservations(report, month).map((o) => bullet(o.text, width)));
  out.push('', heading(color, 'Questions'));
  for (const question of month.questions) {
    out.push(`  ${paint(color, (c) => c.bold, question.question)}`);
    out.push(`    ${wrapText(oneLine(question.answer), Math.max(20, width - 4), '    ')}`);
  }
  out.push('', heading(color, 'Flags'), renderFlags(month, width));
  const engagement = renderEngagement(month, width);
  if (engagement) out.push('', heading(color, 'Engagement (own tweets)'), engagement);
  if (month.activity && month.total > 0)
    out.push(
      '',
      heading(color, 'When you tweet'),
      ...activityLines(month.activity, width - 2).map((line) => `  ${line}`),
    );
  const examples = renderExamples(month, width);
  if (examples) out.push('', heading(color, 'Examples'), examples);
  if (month.lowConfidence.count > 0) {
    out.push(
      '',
      heading(color, 'Low confidence'),
      `  ${plural(month.lowConfidence.count, 'tweet')} below ${month.lowConfidence.threshold}:`,
      ...tweetLines(month.lowConfidence.tweets, month.lowConfidence.count, width),
    );
  }
  return out.join('\n');
}

/** The trend as a month × category table with low-volume months marked. */
export function renderTrendTable(points: TrendPoint[], options: RenderOptions): string {
  // Under 70 columns the category names are cut to fit ("conv.", "promo", "conf.", "pers.").
  const narrow = (options.width ?? DEFAULT_WIDTH) < 70;
  const names = narrow ? ['conv.', 'promo', 'conf.', 'pers.'] : CATEGORIES;
  const table = newTable(['month', 'n', ...names], ['left', 'right', 'right', 'right', 'right', 'right']);
  for (const point of points) {
    table.push([
      point.month,
      point.lowVolume ? `${point.total}*` : String(point.total),
      ...CATEGORIES.map((category) =>
        point.total > 0 ? paintCategory(options.color, category, formatPercent(point.shares[category], 1)) : '–',
      ),
    ]);
  }
  return table.toString();
}

/** One stacked bar per month, a letter (and colour) per category. */
export function renderTrendChart(points: TrendPoint[], options: RenderOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const chartWidth = Math.max(10, Math.min(60, width - 20));
  const lines = points.map((point) => {
    if (point.total === 0) return `${point.month}  ${'·'.repeat(chartWidth)}  n=0*`;
    const cells = apportion(point.shares, chartWidth);
    const bar = CATEGORIES.map((category) =>
      paintCategory(options.color, category, CATEGORY_LETTER[category].repeat(cells[category])),
    ).join('');
    return `${point.month}  ${bar}  n=${point.total}${point.lowVolume ? '*' : ''}`;
  });
  const legend = CATEGORIES.map(
    (category) => `${paintCategory(options.color, category, CATEGORY_LETTER[category])} ${category}`,
  ).join('  ');
  const note = `(* fewer than ${LOW_VOLUME_THRESHOLD} tweets)`;
  // Its width without colour: a letter, a space and the name per category, two spaces between.
  const plain = CATEGORIES.reduce((sum, category) => sum + 2 + category.length, 0) + 2 * (CATEGORIES.length - 1);
  const last = plain + 2 + note.length <= width ? [`${legend}  ${note}`] : [legend, note];
  return [...lines, ...last].join('\n');
}

/** The trend section: table then chart. */
export function renderTrendText(points: TrendPoint[], options: RenderOptions): string {
  return [
    heading(options.color, 'Trend'),
    renderTrendTable(points, options),
    '',
    renderTrendChart(points, options),
  ].join('\n');
}

/**
 * The human view for a terminal. Pure: colour comes only from `options.color`, and nothing here
 * looks at the terminal itself.
 */
export function renderTable(report: AuditReport, options: RenderOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const period = periodShown(report, options);
  const sections = period
    ? [renderMonth(period, report, options, width)]
    : report.months.map((month, i) => renderMonth(month, report, options, width, i === 0));
  if (report.months.length === 0) sections.push(`No month to report (time zone ${report.timezone}).`);
  const trend = selectTrend(report);
  if (trend.length >= 2) sections.push(renderTrendText(trend, options));
  return `${sections.join('\n\n')}\n`;
}
