import type { ChalkInstance } from 'chalk';
import { CATEGORIES } from '../../classify/taxonomy.js';
import { plural } from '../format.js';
import type {
  Activity,
  AuditReport,
  Category,
  Flag,
  Observation,
  PeriodReport,
  ReportAccount,
  Review,
  ShownTweet,
  TopTweet,
  TrendPoint,
} from '../types.js';

/** Options every renderer takes. */
export interface RenderOptions {
  /** The colours to use, already set to the level the CLI decided; null for plain text. */
  color: ChalkInstance | null;
  /** Terminal width in columns, for bars and wrapping (default 80). */
  width?: number;
  /** A period's months one by one, as full reports, instead of its one review (`--by-month`). */
  byMonth?: boolean;
}

/** Which months a trend shows; by default the last {@link DEFAULT_TREND_MONTHS} up to the last detailed month. */
export interface TrendRange {
  from?: string;
  to?: string;
  last?: number;
}

export const DEFAULT_TREND_MONTHS = 12;
export const DEFAULT_WIDTH = 80;

/** One letter per category for the text chart; conference is "E" (events) since "C" is taken. */
export const CATEGORY_LETTER: Record<Category, string> = {
  conversation: 'C',
  promotion: 'P',
  conference: 'E',
  personal: 'L',
};

/** Colours for HTML and SVG; chosen to stay apart for the common colour-vision deficiencies. */
export const CATEGORY_HEX: Record<Category, string> = {
  conversation: '#0072b2',
  promotion: '#e69f00',
  conference: '#009e73',
  personal: '#cc79a7',
};

/** Paints text in a category's terminal colour, or leaves it plain without colour. */
export function paintCategory(color: ChalkInstance | null, category: Category, text: string): string {
  if (!color) return text;
  switch (category) {
    case 'conversation':
      return color.blue(text);
    case 'promotion':
      return color.yellow(text);
    case 'conference':
      return color.green(text);
    case 'personal':
      return color.magenta(text);
  }
}

/** Applies a chalk style when there is colour; identity otherwise. */
export function paint(
  color: ChalkInstance | null,
  style: (chalk: ChalkInstance) => (text: string) => string,
  text: string,
): string {
  return color ? style(color)(text) : text;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of block characters, `share` of `width` cells, to an eighth of a cell. */
export function blockBar(share: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * Splits `width` cells among categories by share with the largest-remainder method, so the
 * segments always add up to the full width and ties fall to the taxonomy's order.
 */
export function apportion(shares: Record<Category, number>, width: number): Record<Category, number> {
  const exact = CATEGORIES.map((category) => ({ category, cells: shares[category] * width }));
  const cells = { conversation: 0, promotion: 0, conference: 0, personal: 0 } as Record<Category, number>;
  let used = 0;
  for (const { category, cells: value } of exact) {
    cells[category] = Math.floor(value);
    used += cells[category];
  }
  const total = CATEGORIES.reduce((sum, category) => sum + shares[category], 0);
  if (total <= 0) return cells;
  const byRemainder = [...exact].sort((a, b) => (b.cells % 1) - (a.cells % 1));
  for (const { category } of byRemainder) {
    if (used >= width) break;
    cells[category] += 1;
    used += 1;
  }
  return cells;
}

/** The months of the trend to show. */
export function selectTrend(report: AuditReport, range: TrendRange = {}): TrendPoint[] {
  const lastDetailed = report.months[report.months.length - 1]?.month;
  const lastMonth = report.trend[report.trend.length - 1]?.month;
  const to = range.to ?? lastDetailed ?? lastMonth;
  if (to === undefined) return [];
  const upTo = report.trend.filter(
    (point) => point.month <= to && (range.from === undefined || point.month >= range.from),
  );
  if (range.from !== undefined && range.last === undefined) return upTo;
  return upTo.slice(-Math.max(1, range.last ?? DEFAULT_TREND_MONTHS));
}

/** Wraps plain text to `width` columns at spaces, indenting continuation lines. */
export function wrapText(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/u).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join(`\n${indent}`);
}

/**
 * Tweet text on one line and without control characters: newlines would break table rows and
 * bullets, and an escape sequence inside a tweet must not reach the user's terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/gu, ' ').trim();
}

/** Cuts text to `max` characters with an ellipsis, not splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The flags whose tweets are worth a second look, and so are shown, not just counted. */
export const SHOWN_FLAGS: ReadonlySet<Flag> = new Set<Flag>(['late-night', 'drinking', 'complaint', 'duplicate']);

/** How many listed tweets (per flag, low confidence) a report shows; the rest are "and N more". */
export const SHOWN_TWEETS = 5;

/**
 * The tweet's page, which loads nothing until clicked: the post's own (Mastodon, Bluesky) where
 * the archive gives it, an X tweet's made from the handle and id; none otherwise.
 */
export function permalink(
  account: ReportAccount | undefined,
  tweet: Pick<ShownTweet, 'id' | 'url'>,
): string | undefined {
  // Only a plain web address: nothing that could break out of a Markdown link or an attribute.
  if (tweet.url && /^https?:\/\/[^\s<>()"'`\\]+$/i.test(tweet.url)) return tweet.url;
  if (!account || account.platform !== 'x' || !/^\d+$/.test(tweet.id)) return undefined;
  return `https://x.com/${encodeURIComponent(account.handle.replace(/^@/, ''))}/status/${tweet.id}`;
}

/** The first `limit` (default {@link SHOWN_TWEETS}) of a list, and "and N more" for the rest of `count`. */
export function shownTweets(
  tweets: readonly ShownTweet[],
  count: number,
  limit = SHOWN_TWEETS,
): { tweets: ShownTweet[]; more: string | null } {
  const shown = tweets.slice(0, limit);
  const rest = count - shown.length;
  return { tweets: shown, more: rest > 0 ? `and ${rest} more` : null };
}

/**
 * The observations a month shows in a report of several: how to state goals is said once, in the
 * first month that says it. The month's data keeps it, so a month reads the same alone as within.
 */
export function shownObservations(report: AuditReport, month: Review): Observation[] {
  if (month === report.summary) return month.observations;
  const first = report.months.find((m) => m.observations.some((o) => o.kind === 'no-goals'));
  return first === undefined || first === month
    ? month.observations
    : month.observations.filter((o) => o.kind !== 'no-goals');
}

/** The period's one review, unless the months are asked for one by one. */
export function periodShown(report: AuditReport, options: RenderOptions): PeriodReport | undefined {
  return options.byMonth ? undefined : report.summary;
}

/** A month of a period that has no tweets: said in one line, not as a report of empty tables. */
export function emptyInPeriod(report: AuditReport, month: { total: number }): boolean {
  return report.months.length > 1 && month.total === 0;
}

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One row of a period's sparklines: a mark per month (or group of months), and the range shown. */
export interface SparkRow {
  /** "tweets" or a category. */
  name: 'tweets' | Category;
  marks: string;
  /** The lowest and highest value of the months with tweets: counts, or shares 0..1. */
  low: number;
  high: number;
}

/**
 * The period's months as sparklines: tweets per month, then each category's share, one mark per
 * month, or per group of `months` months when the period has more than `cells` months. A mark's
 * height runs from 0 to the row's highest value; "·" is a month without tweets.
 */
export function periodSparklines(points: readonly TrendPoint[], cells: number): { months: number; rows: SparkRow[] } {
  const size = Math.max(1, Math.ceil(points.length / Math.max(1, cells)));
  const groups: { total: number; counts: Record<Category, number> }[] = [];
  for (let i = 0; i < points.length; i += size) {
    const group = { total: 0, counts: { conversation: 0, promotion: 0, conference: 0, personal: 0 } };
    for (const point of points.slice(i, i + size)) {
      group.total += point.total;
      for (const category of CATEGORIES) group.counts[category] += point.counts[category];
    }
    groups.push(group);
  }
  const row = (name: SparkRow['name'], value: (group: (typeof groups)[number]) => number): SparkRow => {
    const values = groups.map((group) => (group.total > 0 ? value(group) : null));
    const present = values.filter((v): v is number => v !== null);
    const high = present.length > 0 ? Math.max(...present) : 0;
    const low = present.length > 0 ? Math.min(...present) : 0;
    const marks = values
      .map((v) => (v === null ? '·' : SPARKS[high > 0 ? Math.round((v / high) * (SPARKS.length - 1)) : 0]))
      .join('');
    return { name, marks, low, high };
  };
  return {
    months: size,
    rows: [
      row('tweets', (group) => group.total),
      ...CATEGORIES.map((category) => row(category, (group) => group.counts[category] / group.total)),
    ],
  };
}

/**
 * Whose archive and how recent: "@handle (Display Name) · archive of 2026-11-02"; null when the
 * report knows neither. Plain text: each renderer escapes it for its format.
 */
export function archiveLine(report: AuditReport): string | null {
  const parts: string[] = [];
  const { account, archive } = report;
  if (account) parts.push(account.displayName ? `@${account.handle} (${account.displayName})` : `@${account.handle}`);
  if (archive)
    parts.push(
      archive.basis === 'generated' ? `archive of ${archive.date}` : `archive to ${archive.date} (newest tweet)`,
    );
  return parts.length > 0 ? oneLine(parts.join(' · ')) : null;
}

/** One line per guess, as a sentence: "Time zone: the system's (UTC); pass --tz to set it". */
export function guessLines(report: AuditReport): string[] {
  return (report.guesses ?? []).map((guess) => guess.text.charAt(0).toUpperCase() + guess.text.slice(1));
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A sparkline of counts, one character each, scaled to the largest; a zero is a blank. */
function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  return counts.map((n) => (n === 0 || max === 0 ? ' ' : BLOCKS[Math.max(1, Math.round((n / max) * 8))])).join('');
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * When the tweets were sent, in three lines under 60 columns: the hours as a sparkline over an
 * axis, the busiest hour and the small hours (the post's "after 3 or 4 beers"), the weekdays.
 */
export function activityLines(activity: Activity, width = 60): string[] {
  const { hours, weekdays } = activity;
  const busiest = hours.indexOf(Math.max(...hours));
  const small = hours.slice(0, 5).reduce((sum, n) => sum + n, 0);
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const days = weekdays.map((n, i) => `${WEEKDAYS[i]} ${n}`);
  const oneLine = `days   ${days.join('  ')}`;
  return [
    `hours |${sparkline(hours)}|`,
    `       0     6     12    18`,
    `       busiest ${hh(busiest)} (${hours[busiest]}); ${small} between 00:00 and 05:00`,
    // Counts of a busy period can push the week past a narrow terminal: then two lines.
    ...(oneLine.length <= width
      ? [oneLine]
      : [`days   ${days.slice(0, 4).join('  ')}`, `       ${days.slice(4).join('  ')}`]),
  ];
}

/** A top tweet as a listed one, its likes and retweets before its text. */
export function topAsShown(tweet: TopTweet): ShownTweet {
  return { ...tweet, text: `(${plural(tweet.likes, 'like')}, ${plural(tweet.retweets, 'RT')}) ${tweet.text}` };
}
