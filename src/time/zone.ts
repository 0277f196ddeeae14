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
  /** The UTC instant at which the local month "YYYY-MM" starts. */
  monthStart(monthKey: string): number;
}

const HOUR = 3_600_000;

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
 * million tweets, so the UTC offset is looked up once per UTC hour and cached: every zone's
 * offset changes only on whole hours or half hours, and Intl gives the exact offset for the hour.
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
    weekday: 'short',
  });
  const offsets = new Map<number, number>();

  /** Offset in ms of local time from UTC at the start of the UTC hour containing `instant`. */
  function offsetAt(instant: number): number {
    const hourIndex = Math.floor(instant / HOUR);
    let offset = offsets.get(hourIndex);
    if (offset === undefined) {
      // Zones with quarter-hour offsets (Asia/Kathmandu) change at :00 UTC too; minutes matter.
      const probe = hourIndex * HOUR;
      const f: Record<string, string> = {};
      for (const part of format.formatToParts(probe)) f[part.type] = part.value;
      const local = Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!);
      offset = local - probe;
      offsets.set(hourIndex, offset);
    }
    return offset;
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
    monthKey(instant) {
      const p = parts(instant);
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    },
    monthStart(monthKey) {
      const [y, m] = monthKey.split('-').map(Number) as [number, number];
      const guess = Date.UTC(y, m - 1, 1);
      // Local midnight of the 1st is `guess - offset`; the offset there may differ from the one
      // at `guess`, so settle it with a second look.
      const first = guess - offsetAt(guess);
      return guess - offsetAt(first);
    },
  };
}

