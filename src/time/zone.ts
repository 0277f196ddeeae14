import { TweetAuditError } from '../errors.js';

/** Local calendar fields of an instant in one time zone. */
export interface LocalParts {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0..23 */
  hour: number;
  /** 0 (Sunday)..6 */
  weekday: number;
}

/** Converts instants to local calendar fields of one time zone, fast enough for millions of tweets. */
export interface Zone {
  readonly name: string;
  parts(instant: number): LocalParts;
  /** "YYYY-MM" of the instant in this zone. */
  monthKey(instant: number): string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** True when `name` is an IANA time zone this Node knows. */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The system's IANA time zone ("UTC" where it cannot tell). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Builds a Zone for an IANA name. Intl formatting costs microseconds per call, too slow for a
 * million tweets, so UTC offsets are cached. A day whose start and end have the same offset has
 * it all day (zones change offset at most once a day), so one cache entry per UTC day serves
 * nearly every tweet; only the few days with a change fall back to one entry per UTC hour, and
 * an hour with a change inside it to Intl itself.
 */
export function createZone(name: string): Zone {
  if (!isValidTimeZone(name)) {
    throw new TweetAuditError(`unknown time zone "${name}" (use an IANA name such as Europe/Madrid)`);
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  /** Offset of the whole UTC day, or NaN when the offset changes during that day. */
  const dayOffsets = new Map<number, number>();
  const hourOffsets = new Map<number, number>();

  /** Offset in ms of local time from UTC at an exact instant, straight from Intl. */
  function exactOffset(instant: number): number {
    const f: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) f[part.type] = part.value;
    // Quarter-hour zones (Asia/Kathmandu) need the minutes too.
    return Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!) - instant;
  }

  function offsetAt(instant: number): number {
    const dayIndex = Math.floor(instant / DAY);
    let offset = dayOffsets.get(dayIndex);
    if (offset === undefined) {
      const start = exactOffset(dayIndex * DAY);
      offset = start === exactOffset((dayIndex + 1) * DAY - HOUR) ? start : NaN;
      dayOffsets.set(dayIndex, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const hourIndex = Math.floor(instant / HOUR);
    let hourly = hourOffsets.get(hourIndex);
    if (hourly === undefined) {
      const start = exactOffset(hourIndex * HOUR);
      hourly = start === exactOffset((hourIndex + 1) * HOUR - 60_000) ? start : NaN;
      hourOffsets.set(hourIndex, hourly);
    }
    // The rare hour with a change inside it (Lord Howe Island changes on the half hour).
    return Number.isNaN(hourly) ? exactOffset(Math.floor(instant / 60_000) * 60_000) : hourly;
  }

  function parts(instant: number): LocalParts {
    const local = new Date(instant + offsetAt(instant));
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      weekday: local.getUTCDay(),
    };
  }

  return {
    name,
    parts,
    monthKey: (instant) => monthKeyOf(parts(instant)),
  };
}

/** "YYYY-MM" of local parts already computed (what `Zone.monthKey` gives for their instant). */
export function monthKeyOf(local: Pick<LocalParts, 'year' | 'month'>): string {
  return `${local.year}-${String(local.month).padStart(2, '0')}`;
}

