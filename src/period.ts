import { TweetAuditError } from './errors.js';

/** What the user asked for: `--month`, `--from/--to`, `--all`, or nothing. */
export interface PeriodOptions {
  month?: string;
  from?: string;
  to?: string;
  all?: boolean;
}

/** A resolved period: a list of whole local months, oldest first. */
export interface Period {
  /** Inclusive "YYYY-MM" bounds. */
  from: string;
  to: string;
  /** How it was chosen, so the CLI can tell the user when it chose for them. */
  chosenBy: 'month' | 'range' | 'all' | 'default';
  /** For the default: false when the archive does not reach past the month, which may be partial. */
  complete?: boolean;
  /**
   * For a default widened back to hold {@link MIN_TWEETS}: the last complete month it started
   * from and the tweets the whole window holds. Absent when that month held enough on its own.
   */
  widened?: { from: string; tweets: number };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The post: "a minimum of twenty tweets or a few weeks' worth"; the default window holds as many. */
export const MIN_TWEETS = 20;

/** The first month with tweets: Twitter's first ones are of March 2006. */
const FIRST_MONTH = '2006-03';
/** How far past the archive's last month (or, before reading, past today) a period may reach. */
const MONTHS_AHEAD = 12;

/** Checks a "YYYY-MM" option value; `flag` names the option in the error. */
function parseMonth(value: string, flag: string): string {
  if (!MONTH.test(value)) {
    throw new TweetAuditError(`${flag} "${value}" is not a month: write it as YYYY-MM, e.g. 2024-05`);
  }
  if (value < FIRST_MONTH) {
    throw new TweetAuditError(`${flag} ${value} is before ${FIRST_MONTH}, the month of the first tweets`);
  }
  return value;
}

/** Months since year 0: "YYYY-MM" as a number, so that stepping never depends on string order. */
function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The "YYYY-MM" `delta` months after `month`. */
function addMonths(month: string, delta: number): string {
  return monthOfIndex(monthIndex(month) + delta);
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** Every month from `from` to `to`, inclusive (compared as numbers: "10000-01" sorts before "9999-12"). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const end = monthIndex(to);
  for (let i = monthIndex(from); i <= end; i++) months.push(monthOfIndex(i));
  return months;
}

/** The current month in UTC, "YYYY-MM". */
function currentMonth(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

/** A usage error for the first month option after `latest`, MONTHS_AHEAD past what `after` names. */
function refuseMonthsAfter(options: PeriodOptions, latest: string, after: string): void {
  for (const [flag, value] of [
    ['--month', options.month],
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && value > latest) {
      throw new TweetAuditError(`${flag} ${value} is more than ${MONTHS_AHEAD} months ${after} (latest: ${latest})`);
    }
  }
}

/** Rejects contradictory or malformed period options before any archive is read. */
export function validatePeriodOptions(options: PeriodOptions, now = Date.now()): PeriodOptions {
  const given = [options.month !== undefined, options.from !== undefined || options.to !== undefined, !!options.all];
  if (given.filter(Boolean).length > 1) {
    throw new TweetAuditError('choose one of --month, --from/--to and --all');
  }
  if (options.month !== undefined) parseMonth(options.month, '--month');
  if (options.from !== undefined) parseMonth(options.from, '--from');
  if (options.to !== undefined) parseMonth(options.to, '--to');
  if (options.from && options.to && options.from > options.to) {
    throw new TweetAuditError(`--from ${options.from} is after --to ${options.to}`);
  }
  // No archive reaches past today: a month further ahead than a year is a typo.
  const latest = addMonths(currentMonth(now), MONTHS_AHEAD);
  refuseMonthsAfter(options, latest, 'ahead of today');
  return options;
}

/**
 * Turns the options into whole months, given the months the archive has tweets in.
 *
 * With no option, the period is the most recent month that the archive covers completely: a
 * month is complete once the archive goes on past its end, which we know from a tweet in a later
 * month or from the archive's export date (`coveredUntilMonth`, the month the export was made in).
 * An archive that never reaches past its first month falls back to that month. Given the tweets
 * per month, the default is widened back month by month until it holds {@link MIN_TWEETS}.
 */
export function resolvePeriod(
  options: PeriodOptions,
  archiveMonths: readonly string[] | ReadonlyMap<string, number>,
  coveredUntilMonth?: string,
  archiveName?: string,
): Period {
  const counts = archiveMonths instanceof Map ? (archiveMonths as ReadonlyMap<string, number>) : undefined;
  const sorted = [...(counts ? counts.keys() : (archiveMonths as readonly string[]))].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (last !== undefined) {
    const latest = addMonths(coveredUntilMonth && coveredUntilMonth > last ? coveredUntilMonth : last, MONTHS_AHEAD);
    refuseMonthsAfter(options, latest, `after the archive's last month, ${last}`);
  }
  if (options.month) return { from: options.month, to: options.month, chosenBy: 'month' };
  if (options.from || options.to) {
    // An open end takes the archive's first or last month, but never crosses the end given.
    const from = options.from ?? (first !== undefined && first < options.to! ? first : options.to!);
    const to = options.to ?? (last !== undefined && last > from ? last : from);
    return { from, to, chosenBy: 'range' };
  }
  if (first === undefined || last === undefined) {
    throw archiveName
      ? new TweetAuditError('has no tweets to report on', { file: archiveName })
      : new TweetAuditError('the archive has no tweets to report on');
  }
  if (options.all) return { from: first, to: last, chosenBy: 'all' };
  const end = coveredUntilMonth && coveredUntilMonth > last ? coveredUntilMonth : last;
  const candidate = previousMonth(end);
  if (candidate < first) return { from: first, to: first, chosenBy: 'default', complete: false };
  const month = latestAtOrBefore(sorted, candidate) ?? first;
  const period: Period = { from: month, to: month, chosenBy: 'default', complete: true };
  if (!counts) return period;
  let tweets = counts.get(month) ?? 0;
  while (tweets < MIN_TWEETS && period.from > first) {
    period.from = previousMonth(period.from);
    tweets += counts.get(period.from) ?? 0;
  }
  if (period.from !== month) period.widened = { from: month, tweets };
  return period;
}

/** The latest month of `sorted` that is not after `month`. */
function latestAtOrBefore(sorted: readonly string[], month: string): string | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]! <= month) return sorted[i];
  return undefined;
}
