import type { TermCount } from './types.js';

/**
 * Counts terms with a ceiling on distinct keys, so a month of a very active account cannot grow
 * its vocabulary without bound. When the ceiling is passed, the rarest terms are dropped: the
 * ones that matter (the top ten) are far above the cut, so the top lists stay exact in practice.
 */
export class TermCounter {
  private counts = new Map<string, number>();

  constructor(private readonly maxKeys = 50_000) {}

  add(term: string, by = 1): void {
    this.counts.set(term, (this.counts.get(term) ?? 0) + by);
    if (this.counts.size > this.maxKeys) this.prune();
  }

  get(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  keys(): IterableIterator<string> {
    return this.counts.keys();
  }

  get size(): number {
    return this.counts.size;
  }

  /** The counts as a map, for readers that take one. */
  toMap(): Map<string, number> {
    return new Map(this.counts);
  }

  /**
   * The `n` most frequent terms, ties broken by the term so the order never depends on input
   * order. Only the terms that can make the list are sorted: those at or above the n-th count.
   */
  top(n: number): TermCount[] {
    if (n <= 0 || this.counts.size === 0) return [];
    const values = [...this.counts.values()];
    const floor = this.counts.size > n ? nthLargest(values, values.length, n) : 0;
    const candidates: [string, number][] = [];
    for (const [term, count] of this.counts) if (count >= floor) candidates.push([term, count]);
    return candidates
      .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
      .slice(0, n)
      .map(([term, count]) => ({ term, count }));
  }

  private prune(): void {
    // Raise the floor until at most three quarters of the ceiling survive; one pass per raise.
    let floor = 1;
    let survivors = [...this.counts];
    while (survivors.length > (this.maxKeys * 3) / 4) {
      survivors = survivors.filter(([, count]) => count > floor);
      floor += 1;
    }
    this.counts = new Map(survivors);
  }
}

/**
 * Keeps the first `cap` items in a fixed order, whatever order they arrive in, so capped lists
 * (flag ids, examples) are the same for the same archive read in any order.
 */
export class BoundedSortedList<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly cap: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** True when `add` would keep an item that compares like this to the current last one. */
  accepts(compareToLast: (last: T) => number): boolean {
    if (this.cap <= 0) return false;
    const last = this.items[this.items.length - 1];
    return this.items.length < this.cap || last === undefined || compareToLast(last) < 0;
  }

  add(item: T): void {
    if (this.cap <= 0) return;
    const last = this.items[this.items.length - 1];
    if (this.items.length >= this.cap && last !== undefined && this.compare(item, last) >= 0) return;
    let index = this.items.length;
    while (index > 0 && this.compare(item, this.items[index - 1] as T) < 0) index -= 1;
    this.items.splice(index, 0, item);
    if (this.items.length > this.cap) this.items.pop();
  }

  toArray(): T[] {
    return [...this.items];
  }
}

/**
 * The n-th largest of `values[0 .. length)` (n ≥ 1, n ≤ length), keeping the n largest seen so
 * far in a small sorted buffer: linear for the short lists the report asks for.
 */
function nthLargest(values: ArrayLike<number>, length: number, n: number): number {
  const best = new Float64Array(n).fill(Number.NEGATIVE_INFINITY); // ascending
  for (let i = 0; i < length; i += 1) {
    const value = values[i] as number;
    if (value <= (best[0] as number)) continue;
    let at = 0;
    while (at + 1 < n && (best[at + 1] as number) < value) {
      best[at] = best[at + 1] as number;
      at += 1;
    }
    best[at] = value;
  }
  return best[0] as number;
}

/** Plain code-unit order: locale-independent, so output does not change with the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders tweet ids (decimal strings beyond 2^53) numerically without converting them. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || compareStrings(a, b);
}

/** Rounds to a number of decimals, turning -0 into 0 so JSON never shows "-0". */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
