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
  /** "YYYY-MM-DD HH:MM" of the instant in this zone. */
  localTime(instant: number): string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The largest time value a Date holds (ECMAScript's TimeClip). */
const MAX_TIME = 8.64e15;

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
 * million tweets, so UTC offsets are cached. A day whose start and the next day's start have the
 * same offset has it all day (zones change offset at most once a day), so one cache entry per UTC
 * day serves nearly every tweet, at one Intl call per day (a day's start is its neighbour's end);
 * only the few days with a change fall back to one entry per UTC hour, and an hour with a change
 * inside it to Intl itself.
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
  /** Offset at the start of a UTC day, by day number. */
  const dayStarts = new Map<number, number>();
  /** Offset of the whole UTC day, or NaN when the offset changes during that day. */
  const dayOffsets = new Map<number, number>();
  const hourOffsets = new Map<number, number>();
  // The last whole-offset day asked for: tweets come in date order, so most calls ask for the
  // day the previous call asked for, and a Map lookup per tweet is then skipped.
  let lastDay = NaN;
  let lastDayOffset = 0;

  /** Offset in ms of local time from UTC at an exact instant, straight from Intl. */
  function exactOffset(instant: number): number {
    // format() is about three times cheaper than formatToParts(); its text is the parts joined,
    // "M/D/YYYY, HH:MM" in en-US. Anything else (years past 9999, say) is read from the parts.
    const local = localTimeOf(format.format(instant));
    if (!Number.isNaN(local)) return local - instant;
    const f: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) f[part.type] = part.value;
    // Quarter-hour zones (Asia/Kathmandu) need the minutes too.
    return Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!) - instant;
  }

  function dayStartOffset(dayIndex: number): number {
    let offset = dayStarts.get(dayIndex);
    if (offset === undefined) {
      offset = exactOffset(dayIndex * DAY);
      dayStarts.set(dayIndex, offset);
    }
    return offset;
  }

  function offsetAt(instant: number): number {
    const dayIndex = Math.floor(instant / DAY);
    if (dayIndex === lastDay) return lastDayOffset;
    let offset = dayOffsets.get(dayIndex);
    if (offset === undefined) {
      const start = dayStartOffset(dayIndex);
      offset = start === dayStartOffset(dayIndex + 1) ? start : NaN;
      dayOffsets.set(dayIndex, offset);
    }
    if (!Number.isNaN(offset)) {
      lastDay = dayIndex;
      lastDayOffset = offset;
      return offset;
    }
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
    const local = instant + offsetAt(instant);
    // Whole milliseconds within Date's range (all real tweets) are worked out with integer
    // arithmetic: a Date and its five getters per tweet were most of the cost of this function.
    if (Number.isInteger(local) && Math.abs(local) <= MAX_TIME) return partsOfLocalTime(local);
    const date = new Date(local);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      weekday: date.getUTCDay(),
    };
  }

  return {
    name,
    parts,
    monthKey: (instant) => monthKeyOf(parts(instant)),
    localTime: (instant) => new Date(instant + offsetAt(instant)).toISOString().slice(0, 16).replace('T', ' '),
  };
}

/** "YYYY-MM" of local parts already computed (what `Zone.monthKey` gives for their instant). */
export function monthKeyOf(local: Pick<LocalParts, 'year' | 'month'>): string {
  return `${local.year}-${String(local.month).padStart(2, '0')}`;
}

/**
 * The local time, as ms since 1970-01-01T00:00, that an en-US "M/D/YYYY, HH:MM" reads, or NaN when
 * the text is not exactly that: digits, "/", digits, "/", digits, ", ", digits, ":", digits.
 */
export function localTimeOf(text: string): number {
  const fields = [0, 0, 0, 0, 0];
  const separators = ['/', '/', ', ', ':', ''];
  let i = 0;
  for (let f = 0; f < 5; f += 1) {
    const from = i;
    let value = 0;
    for (; i < text.length; i += 1) {
      const digit = text.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === from || i - from > 6) return NaN;
    fields[f] = value;
    const separator = separators[f] as string;
    if (!text.startsWith(separator, i)) return NaN;
    i += separator.length;
  }
  if (i !== text.length) return NaN;
  const [month, day, year, hour, minute] = fields as [number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/**
 * The calendar fields of a local time given as milliseconds since 1970-01-01T00:00 (an integer
 * within Date's range), equal to what a Date's UTC getters give: the proleptic Gregorian calendar
 * worked out from the day number in 400-year eras (Howard Hinnant's `civil_from_days`).
 */
export function partsOfLocalTime(local: number): LocalParts {
  const days = Math.floor(local / DAY);
  const hour = Math.floor((local - days * DAY) / HOUR);
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((days + 4) % 7) + 7) % 7;
  // Days since 0000-03-01, so that the leap day ends each year.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, hour, weekday };
}
