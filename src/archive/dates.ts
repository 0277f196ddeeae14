/**
 * Parsing of the date formats found in X archives into epoch milliseconds (UTC), without
 * `Date.parse`, whose handling of non-ISO strings is engine-defined.
 */

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** "Sat Nov 09 12:14:18 +0000 2024": modern tweets.js and 2013-era Grailbird files. */
const TWITTER_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** "2013-03-11 21:32:36 +0000": tweets.csv and 2016-era Grailbird files. */
const SPACED_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2}) ?(?:([+-])(\d{2}):?(\d{2})|Z|UTC)?$/;

/** "2023-10-13T14:58:50.000Z": note-tweet.js, manifest.js. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2}):?(\d{2})|Z)$/;

/** Twitter's first tweets are of March 2006; a date before that (or far ahead) is damage, not a tweet. */
const EARLIEST = Date.UTC(2006, 2, 1);
/** Far ahead, but inside every date range (JavaScript's, Intl's, a time zone's offset added). */
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Launch dates of the other networks: a post dated before its network existed is damage. Bluesky's
 * team posted from late 2022, before the public beta of February 2023.
 */
export const MASTODON_EARLIEST = Date.UTC(2016, 0, 1);
export const BLUESKY_EARLIEST = Date.UTC(2022, 0, 1);

/** `instant` when it lies between `earliest` and LATEST, else undefined (NaN included). */
export function plausibleInstant(instant: number, earliest: number): number | undefined {
  return instant >= earliest && instant < LATEST ? instant : undefined;
}

function build(
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  sign: string | undefined,
  offH: string | undefined,
  offM: string | undefined,
): number | undefined {
  if (month0 < 0 || month0 > 11 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const local = Date.UTC(year, month0, day, hour, minute, Math.min(second, 59), ms);
  // Date.UTC rolls Feb 31 over into March; such a date is invalid, not a different day.
  if (new Date(local).getUTCDate() !== day) return undefined;
  let offset = 0;
  if (sign !== undefined) {
    const h = Number(offH);
    const m = Number(offM);
    if (h > 14 || m > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (h * 60 + m) * 60_000;
  }
  const instant = local - offset;
  return instant >= EARLIEST && instant < LATEST ? instant : undefined;
}

/** Two ASCII digits at `i` as a number, or NaN. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** Month index of the three letters at 4–6 of a Twitter date ("Nov" → 10), -1 for none. */
function monthAt(s: string): number {
  const a = s.charCodeAt(4);
  const b = s.charCodeAt(5);
  const c = s.charCodeAt(6);
  if ((a | b | c) > 0x7f) return -1;
  return MONTH_KEYS.get((a << 16) | (b << 8) | c) ?? -1;
}

const MONTH_KEYS = new Map<number, number>(
  Object.entries(MONTHS).map(([name, i]) => [
    (name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2),
    i,
  ]),
);

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil); month 12
 * is January of the next year. Written without arithmetic in branches: an optimised parser would
 * otherwise be thrown away on the first January date it meets after many others.
 */
function daysFromCivil(year: number, month0: number, day: number): number {
  const janFeb = month0 < 2 ? 1 : 0;
  const y = year - janFeb;
  // Months counted from March: the leap day ends the year.
  const mp = month0 - 2 + 12 * janFeb;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The common case of every modern tweet, "Sat Nov 09 12:14:18 +0000 2024", read by position
 * without a regex, a slice or a Date: a million tweets make this parser hot. Accepts exactly what
 * `build` accepts for these fields (the weekday is not checked); anything else goes the general way.
 */
function parseUtcTwitterDate(s: string): number | undefined {
  if (
    s.charCodeAt(3) !== 32 ||
    s.charCodeAt(7) !== 32 ||
    s.charCodeAt(10) !== 32 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 32 ||
    s.charCodeAt(20) !== 43 ||
    s.charCodeAt(21) !== 48 ||
    s.charCodeAt(22) !== 48 ||
    s.charCodeAt(23) !== 48 ||
    s.charCodeAt(24) !== 48 ||
    s.charCodeAt(25) !== 32
  ) {
    return undefined;
  }
  const month0 = monthAt(s);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  const year = digits2(s, 26) * 100 + digits2(s, 28);
  // NaN fails every comparison below, as a non-digit must.
  if (!(month0 >= 0 && year >= 0 && day >= 1 && hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  const first = daysFromCivil(year, month0, 1);
  // Days in the month: to the first of the next one.
  if (!(day <= daysFromCivil(year, month0 + 1, 1) - first)) return undefined;
  // Date.UTC reads years 0–99 as 1900–1999; both are before EARLIEST and refused alike.
  const instant = (first + day - 1) * 86_400_000 + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000;
  return instant >= EARLIEST && instant < LATEST ? instant : undefined;
}

/**
 * Parses any date format of X archives ("Sat Nov 09 12:14:18 +0000 2024", "2013-03-11 21:32:36
 * +0000", ISO 8601) to epoch milliseconds, or undefined when the value is not a valid date.
 */
export function parseArchiveDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 30) {
    const fast = parseUtcTwitterDate(value);
    if (fast !== undefined) return fast;
  }
  const s = value.trim();
  let m = TWITTER_DATE.exec(s);
  if (m) {
    const month0 = MONTHS[m[1]!];
    if (month0 === undefined) return undefined;
    return build(+m[9]!, month0, +m[2]!, +m[3]!, +m[4]!, +m[5]!, 0, m[6], m[7], m[8]);
  }
  m = SPACED_DATE.exec(s);
  if (m) return build(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, 0, m[7], m[8], m[9]);
  m = ISO_DATE.exec(s);
  if (m) {
    const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    return build(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms, m[8], m[9], m[10]);
  }
  return undefined;
}
