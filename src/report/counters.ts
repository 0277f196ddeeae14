import type { TermCount } from './types.js';

/**
 * Counts terms with a ceiling on distinct keys, so a month of a very active account cannot grow
 * its vocabulary without bound. When the ceiling is passed, the rarest terms are dropped: the
 * ones that matter (the top ten) are far above the cut, so the top lists stay exact in practice.
 *
 * A term's count sits in an array at the index the map gives it, so counting a known term is
 * one map lookup.
 */
export class TermCounter {
  private index = new Map<string, number>();
  private counts: number[] = [];

  constructor(private readonly maxKeys = 50_000) {}

  add(term: string, by = 1): void {
    const at = this.index.get(term);
    if (at !== undefined) {
      this.counts[at] = (this.counts[at] as number) + by;
      return;
    }
    this.index.set(term, this.counts.length);
    this.counts.push(by);
    if (this.index.size > this.maxKeys) this.prune();
  }

  get(term: string): number {
    const at = this.index.get(term);
    return at === undefined ? 0 : (this.counts[at] as number);
  }

  keys(): IterableIterator<string> {
    return this.index.keys();
  }

  get size(): number {
    return this.index.size;
  }

  /** The terms and their counts as plain data, for {@link TermCounter.merge} in another thread. */
  snapshot(): TermCounts {
    const terms: string[] = [];
    const counts = new Int32Array(this.index.size);
    for (const [term, at] of this.index) {
      counts[terms.length] = this.counts[at] as number;
      terms.push(term);
    }
    return { terms, counts };
  }

  /** Adds counts taken by {@link TermCounter.snapshot}. */
  merge(state: TermCounts): void {
    for (let i = 0; i < state.terms.length; i += 1) this.add(state.terms[i] as string, state.counts[i] as number);
  }

  /** The counts as a map, for readers that take one. */
  toMap(): Map<string, number> {
    const map = new Map<string, number>();
    for (const [term, at] of this.index) map.set(term, this.counts[at] as number);
    return map;
  }

  /**
   * The `n` most frequent terms, ties broken by the term so the order never depends on input
   * order. Only the terms that can make the list are sorted: those at or above the n-th count.
   */
  top(n: number): TermCount[] {
    if (n <= 0 || this.index.size === 0) return [];
    const counts = this.counts;
    // The n-th largest count, from the counts alone (no strings compared).
    const floor = this.index.size > n ? nthLargest(counts, counts.length, n) : 0;
    const candidates: [string, number][] = [];
    for (const [term, at] of this.index) {
      const count = counts[at] as number;
      if (count >= floor) candidates.push([term, count]);
    }
    return candidates
      .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
      .slice(0, n)
      .map(([term, count]) => ({ term, count }));
  }

  private prune(): void {
    // Raise the floor until at most three quarters of the ceiling survive; one pass per raise.
    let floor = 1;
    let survivors = [...this.index].map(([term, at]): [string, number] => [term, this.counts[at] as number]);
    while (survivors.length > (this.maxKeys * 3) / 4) {
      survivors = survivors.filter(([, count]) => count > floor);
      floor += 1;
    }
    this.index = new Map();
    this.counts = [];
    for (const [term, count] of survivors) {
      this.index.set(term, this.counts.length);
      this.counts.push(count);
    }
  }
}

/**
 * {@link TermCounter} for terms that are numbers or pairs of numbers (words and phrases by their
 * {@link Vocabulary} numbers): the same ceiling and pruning, the same top list (ties broken by
 * the term's text), with keys in an open-addressing table instead of a map of strings.
 */
export class IdCounter {
  private first = new Int32Array(64);
  private second = new Int32Array(64);
  /** 0 marks an empty slot. */
  private counts = new Int32Array(64);
  private shift = 26;
  size = 0;

  constructor(private readonly maxKeys = 50_000) {}

  add(a: number, b = 0, by = 1): void {
    const mask = this.counts.length - 1;
    let slot = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    for (;;) {
      const count = this.counts[slot] as number;
      if (count === 0) break;
      if (this.first[slot] === a && this.second[slot] === b) {
        this.counts[slot] = count + by;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.first[slot] = a;
    this.second[slot] = b;
    this.counts[slot] = by;
    this.size += 1;
    if (this.size * 2 > this.counts.length) this.rebuild(this.counts.length * 2, 0);
    if (this.size > this.maxKeys) this.prune();
  }

  /** The entries as plain data (only the used slots), for merging in another thread. */
  snapshot(): IdCounts {
    const first = new Int32Array(this.size);
    const second = new Int32Array(this.size);
    const counts = new Int32Array(this.size);
    let k = 0;
    for (let slot = 0; slot < this.counts.length; slot += 1) {
      const count = this.counts[slot] as number;
      if (count === 0) continue;
      first[k] = this.first[slot] as number;
      second[k] = this.second[slot] as number;
      counts[k] = count;
      k += 1;
    }
    return { first, second, counts };
  }

  /**
   * Adds counts taken by {@link IdCounter.snapshot} of a counter whose numbers `renumber` turns
   * into this one's (two vocabularies number the same word differently); `second` 0 stays 0.
   */
  merge(state: IdCounts, renumber: ArrayLike<number>, pairs: boolean): void {
    // An empty counter (a frozen month thawed, see aggregate.ts) gets room for all of theirs at
    // once, at most half full as `add` keeps it, rather than rehashing them at every doubling.
    // A counter with entries of its own is left to grow: theirs may be mostly the same keys.
    if (this.size === 0) {
      let capacity = this.counts.length;
      while (state.counts.length * 2 > capacity) capacity *= 2;
      if (capacity !== this.counts.length) this.rebuild(capacity, 0);
    }
    for (let k = 0; k < state.counts.length; k += 1) {
      const a = renumber[state.first[k] as number] as number;
      const b = pairs ? (renumber[state.second[k] as number] as number) : 0;
      this.add(a, b, state.counts[k] as number);
    }
  }

  /** The `n` most frequent terms, named by `name`, ties broken by the name. */
  top(n: number, name: (a: number, b: number) => string): TermCount[] {
    if (n <= 0 || this.size === 0) return [];
    const counts = this.counts;
    // Empty slots count 0, below every entry.
    const floor = this.size > n ? nthLargest(counts, counts.length, n) : 1;
    const candidates: [string, number][] = [];
    for (let slot = 0; slot < counts.length; slot += 1) {
      const count = counts[slot] as number;
      if (count > 0 && count >= floor) candidates.push([name(this.first[slot] as number, this.second[slot] as number), count]);
    }
    return candidates
      .sort(([x, c], [y, d]) => d - c || compareStrings(x, y))
      .slice(0, n)
      .map(([term, count]) => ({ term, count }));
  }

  private prune(): void {
    // As TermCounter: raise the floor until at most three quarters of the ceiling survive.
    let floor = 1;
    let survivors = this.size;
    while (survivors > (this.maxKeys * 3) / 4) {
      survivors = 0;
      for (let slot = 0; slot < this.counts.length; slot += 1) if ((this.counts[slot] as number) > floor) survivors += 1;
      floor += 1;
    }
    this.rebuild(this.counts.length, floor - 1);
  }

  /** Moves the entries counted above `floor` into a table of `capacity` slots. */
  private rebuild(capacity: number, floor: number): void {
    const { first, second, counts } = this;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
    const mask = capacity - 1;
    for (let from = 0; from < counts.length; from += 1) {
      const count = counts[from] as number;
      if (count <= floor) continue;
      const a = first[from] as number;
      const b = second[from] as number;
      let slot = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
      while ((this.counts[slot] as number) !== 0) slot = (slot + 1) & mask;
      this.first[slot] = a;
      this.second[slot] = b;
      this.counts[slot] = count;
      this.size += 1;
    }
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
 * Numbers appended one at a time (like and retweet counts), in an Int32Array while they are all
 * 32-bit integers, which is 4 bytes each where a JS array takes 8, and in a Float64Array from the
 * first one that is not.
 */
export class NumberList {
  private values: Int32Array | Float64Array = new Int32Array(8);
  length = 0;

  push(value: number): void {
    let values = this.values;
    const whole = value === (value | 0) && (value !== 0 || 1 / value > 0); // -0 is not an Int32
    if (this.length === values.length || (!whole && values instanceof Int32Array)) {
      const size = this.length === values.length ? Math.ceil(values.length * 1.5) : values.length;
      const next = whole && values instanceof Int32Array ? new Int32Array(size) : new Float64Array(size);
      next.set(values.subarray(0, this.length));
      this.values = values = next;
    }
    values[this.length] = value;
    this.length += 1;
  }

  /** Pushes every value of a list, as one push each would (an Int32Array while all are whole). */
  pushAll(values: Int32Array | Float64Array): void {
    const n = values.length;
    let whole = true;
    for (let i = 0; i < n && whole; i += 1) {
      const value = values[i] as number;
      whole = value === (value | 0) && (value !== 0 || 1 / value > 0);
    }
    const current = this.values;
    const size = this.length + n;
    if (size > current.length || (!whole && current instanceof Int32Array)) {
      let capacity = current.length;
      while (capacity < size) capacity = Math.ceil(capacity * 1.5);
      const next = whole && current instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity);
      next.set(current.subarray(0, this.length));
      this.values = next;
    }
    this.values.set(values, this.length);
    this.length = size;
  }

  /** The numbers so far, as a view (valid until the next push). */
  view(): Int32Array | Float64Array {
    return this.values.subarray(0, this.length);
  }
}

/** A {@link TermCounter}'s terms and counts, side by side. */
export interface TermCounts {
  terms: string[];
  counts: Int32Array;
}

/** An {@link IdCounter}'s entries: the k-th is the pair first[k], second[k], counted counts[k] times. */
export interface IdCounts {
  first: Int32Array;
  second: Int32Array;
  counts: Int32Array;
}

/** A {@link FirstTweets} list: ids and times side by side, by time then id. */
export interface TweetList {
  ids: string[];
  times: Float64Array;
}

/**
 * The first `cap` tweets by time, then id (as {@link BoundedSortedList} with that order), kept as
 * two arrays so a tweet that does not make the list costs no allocation.
 */
export class FirstTweets {
  private readonly ids: string[] = [];
  private readonly times: number[] = [];

  constructor(private readonly cap: number) {}

  add(id: string, createdAt: number): void {
    const n = this.ids.length;
    if (this.cap <= 0) return;
    if (n >= this.cap && n > 0 && compareTweet(createdAt, id, this.times[n - 1] as number, this.ids[n - 1] as string) >= 0) return;
    let index = n;
    while (index > 0 && compareTweet(createdAt, id, this.times[index - 1] as number, this.ids[index - 1] as string) < 0) index -= 1;
    this.ids.splice(index, 0, id);
    this.times.splice(index, 0, createdAt);
    if (this.ids.length > this.cap) {
      this.ids.pop();
      this.times.pop();
    }
  }

  toArray(): { id: string; createdAt: number }[] {
    return this.ids.map((id, i) => ({ id, createdAt: this.times[i] as number }));
  }

  snapshot(): TweetList {
    return { ids: [...this.ids], times: Float64Array.from(this.times) };
  }

  /** Adds the tweets of another list's snapshot: the first `cap` of both lists together. */
  merge(state: TweetList): void {
    for (let i = 0; i < state.ids.length; i += 1) this.add(state.ids[i] as string, state.times[i] as number);
  }
}

function compareTweet(at: number, id: string, otherAt: number, otherId: string): number {
  return at - otherAt || compareIds(id, otherId);
}

/**
 * The n-th largest of `values[0 .. length)` (n ≥ 1, n ≤ length), keeping the n largest seen so
 * far in a small sorted buffer: linear for the short lists the report asks for.
 */
export function nthLargest(values: ArrayLike<number>, length: number, n: number): number {
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
