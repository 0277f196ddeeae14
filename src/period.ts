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
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks a "YYYY-MM" option value; `flag` names the option in the error. */
export function parseMonth(value: string, flag: string): string {
  if (!MONTH.test(value)) {
    throw new TweetAuditError(`${flag} "${value}" is not a month: write it as YYYY-MM, e.g. 2024-05`);
  }
  return value;
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** Rejects contradictory or malformed period options before any archive is read. */
export function validatePeriodOptions(options: PeriodOptions): PeriodOptions {
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
  return options;
}

/**
 * Turns the options into whole months, given the months the archive has tweets in.
 *
 * With no option, the period is the most recent month that the archive covers completely: a
 * month is complete once the archive goes on past its end, which we know from a tweet in a later
 * month or from the archive's export date (`coveredUntilMonth`, the month the export was made in).
 * An archive that never reaches past its first month falls back to that month.
 */
export function resolvePeriod(
  options: PeriodOptions,
  archiveMonths: readonly string[],
  coveredUntilMonth?: string,
): Period {
  const sorted = [...archiveMonths].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (options.month) return { from: options.month, to: options.month, chosenBy: 'month' };
  if (options.from || options.to) {
    // An open end takes the archive's first or last month, but never crosses the end given.
    const from = options.from ?? (first !== undefined && first < options.to! ? first : options.to!);
    const to = options.to ?? (last !== undefined && last > from ? last : from);
    return { from, to, chosenBy: 'range' };
  }
  if (first === undefined || last === undefined) {
    throw new TweetAuditError('the archive has no tweets to report on');
  }
  if (options.all) return { from: first, to: last, chosenBy: 'all' };
  const end = coveredUntilMonth && coveredUntilMonth > last ? coveredUntilMonth : last;
  const candidate = previousMonth(end);
  if (candidate < first) return { from: first, to: first, chosenBy: 'default', complete: false };
  const month = latestAtOrBefore(sorted, candidate) ?? first;
  return { from: month, to: month, chosenBy: 'default', complete: true };
}

/** The latest month of `sorted` that is not after `month`. */
function latestAtOrBefore(sorted: readonly string[], month: string): string | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]! <= month) return sorted[i];
  return undefined;
}
