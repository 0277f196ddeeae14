/**
 * Number formatting shared by the sentences and the renderers, so "27%" reads the same everywhere.
 * Fixed-point formatting only: `toLocaleString` would change output with the machine's locale.
 */

/**
 * A share 0..1 as a percentage: "27%" or, with decimals, "27.4%". Rounded from whole basis points
 * (the 4 decimals reports keep) with integers, so 0.0825 is "8.3%" whatever the float noise, and
 * the change column, computed the same way (see aggregate.ts), is the difference of shown shares.
 */
export function formatPercent(share: number, decimals = 0): string {
  if (decimals > 2) return `${(share * 100).toFixed(decimals)}%`;
  const scaled = Math.round(Math.round(share * 10_000) / 10 ** (2 - decimals));
  return `${(scaled / 10 ** decimals).toFixed(decimals)}%`;
}

/** A change in percentage points with its sign: "+3.2", "-3.2", "0.0"; "n/a" when null. */
export function formatPoints(points: number | null): string {
  if (points === null) return 'n/a';
  const fixed = Math.abs(points).toFixed(1);
  if (fixed === '0.0') return '0.0';
  return points > 0 ? `+${fixed}` : `-${fixed}`;
}

/** "1 tweet", "2 tweets". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "YYYY-MM-DD" from calendar fields. */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The "YYYY-MM" key `delta` months away from `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every "YYYY-MM" from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  // Counted, not compared as text: "10000-01" sorts before "9999-12".
  const count = monthsApart(from, to);
  for (let i = 0; i <= count; i++) months.push(shiftMonth(from, i));
  return months;
}

/** Months from `from` to `to` (negative when `to` is earlier). */
function monthsApart(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** First and last calendar day of a month, "YYYY-MM-DD". */
export function monthBounds(month: string): { start: string; end: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { start: formatDate(year, monthNumber, 1), end: formatDate(year, monthNumber, days) };
}
