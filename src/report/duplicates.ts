import { compareIds } from './counters.js';
import { normalizeForDuplicates } from './text.js';

/**
 * Texts shorter than this many words are not compared: "thanks!" and "congrats!" repeat by nature,
 * and a reader does not find a thank-you boring the way they find a repeated pitch boring.
 */
export const MIN_DUPLICATE_WORDS = 3;

/** Jaccard similarity of character shingles at or above which two texts are "nearly the same". */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;
// The same threshold as a fraction, so the checks below are exact integer arithmetic.
const SIMILARITY_NUMERATOR = 7;
const SIMILARITY_DENOMINATOR = 10;

const SHINGLE = 5;
// A shingle shared by this many earlier texts' prefixes holds mostly the same text again:
// comparing with its first members is enough, and it keeps a month of one bot's near-identical
// posts from turning quadratic.
const MAX_POSTING_SCAN = 200;

/** Murmur3's finalizer: spreads the bits of a 32-bit value. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units `from` (included) to `to` (excluded) of a text. */
function hashRange(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const HASHES = 64;
const SEEDS = Array.from({ length: HASHES }, (_, i) => mix32(i + 0x9e3779b9));

/**
 * MinHash signature of a text's character shingles: a fixed-size sketch whose agreement with
 * another's estimates the shingles' Jaccard similarity. The finder below computes the similarity
 * exactly instead; the sketch stays for callers that keep signatures rather than texts.
 */
export function minhashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const last = Math.max(0, text.length - SHINGLE);
  for (let start = 0; start <= last; start += 1) {
    const base = hashRange(text, start, Math.min(text.length, start + SHINGLE));
    for (let i = 0; i < HASHES; i += 1) {
      const h = mix32(base ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** The share of positions where two signatures agree: an estimate of the shingles' Jaccard similarity. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i += 1) if (a[i] === b[i]) same += 1;
  return same / HASHES;
}

interface Member {
  id: string;
  createdAt: number;
}

/**
 * A {@link DuplicateFinder} as plain data, laid out as the finder keeps it. Text i is
 * bytes[starts[i] .. starts[i + 1]): one byte per UTF-16 code unit, or two (low, high) when
 * wide[i] is 1. It has its hash, its number of tweets and its first tweet (its only one when the
 * count is 1), whose id is {@link encodeId}'s pair or, when not a plain decimal number, in
 * oddIds. Texts repeated[r] have two tweets or more: their first `keep` by time then id are
 * memberIds/memberTimes[memberStarts[r] .. memberStarts[r + 1]).
 */
export interface DuplicateState {
  bytes: Uint8Array;
  starts: Int32Array;
  wide: Uint8Array;
  hashes: Int32Array;
  counts: Int32Array;
  firstTimes: Float64Array;
  firstIdHigh: Int32Array;
  firstIdLow: Float64Array;
  oddIds: Map<number, string>;
  repeated: Int32Array;
  memberStarts: Int32Array;
  memberIds: string[];
  memberTimes: Float64Array;
}

/** Digits of an id kept in its low number: below 2^53, so exact in a double. */
const ID_LOW_DIGITS = 15;
/** Digits in the high number at most: below 2^31, so it fits an Int32Array. */
const ID_HIGH_DIGITS = 9;

/**
 * A tweet id (a decimal string, often beyond 2^53) as two exact numbers, its leading digits and
 * its last 15, so a finder keeps 12 bytes per text rather than a string. False for anything else
 * (leading zeros, other characters, more than 24 digits), which is kept as the string.
 */
function encodeId(id: string, high: Int32Array, low: Float64Array, at: number): boolean {
  const n = id.length;
  if (n === 0 || n > ID_HIGH_DIGITS + ID_LOW_DIGITS || (n > 1 && id.charCodeAt(0) === 0x30)) return false;
  let h = 0;
  let l = 0;
  for (let i = 0; i < n; i += 1) {
    const digit = id.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
    if (i < n - ID_LOW_DIGITS) h = h * 10 + digit;
    else l = l * 10 + digit;
  }
  high[at] = h;
  low[at] = l;
  return true;
}

function decodeId(high: number, low: number): string {
  return high === 0 ? String(low) : String(high) + String(low).padStart(ID_LOW_DIGITS, '0');
}

/** A copy of a typed array with room for `size` elements. */
function grown<T extends Uint8Array | Int32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(array.subarray(0, Math.min(array.length, size)));
  return copy;
}

/** What the duplicate check found in one period. */
export interface DuplicateFindings {
  /** Tweets whose normalized text equals another's, by time then id (at most `keep` of them). */
  exact: Member[];
  /** Tweets nearly the same as another, not counted in `exact` (at most `keep` of them). */
  near: Member[];
  /** How many tweets are exact repeats, and near ones: the lists above may be cut short. */
  exactCount: number;
  nearCount: number;
  /** Groups of tweets that repeat each other (two or more tweets each). */
  groups: number;
}

/**
 * Finds repeated tweets in one period: exact repeats by normalized text, near repeats by the
 * Jaccard similarity of their 5-character shingles, computed exactly for every pair that can
 * reach the threshold. Candidate pairs come from prefix filtering (two sets with Jaccard ≥ t share
 * one of their rarest |x| - ⌈t·|x|⌉ + 1 shingles), so the cost stays close to linear in the
 * number of distinct texts; groups are the connected components of the "nearly the same" pairs.
 */
export class DuplicateFinder {
  /**
   * The distinct normalized texts, one after another: a text whose code units are all below 256
   * takes one byte per unit (most texts: a month of them is half the size), any other two.
   */
  private bytes = new Uint8Array(1024);
  private bytesUsed = 0;
  /** How many distinct texts, and room for how many in the per-text arrays below. */
  private size = 0;
  private capacity = 64;
  /** Per text: where it starts in `bytes` (it ends where the next starts), and 1 when wide. */
  private starts = new Int32Array(this.capacity + 1);
  private wide = new Uint8Array(this.capacity);
  /** Per text: its FNV-1a hash and how many tweets. */
  private hashes = new Int32Array(this.capacity);
  private counts = new Int32Array(this.capacity);
  /** Per text: the first tweet met, its time and its id (see {@link encodeId}). */
  private firstTimes = new Float64Array(this.capacity);
  private firstIdHigh = new Int32Array(this.capacity);
  private firstIdLow = new Float64Array(this.capacity);
  private readonly oddIds = new Map<number, string>();
  /** Open addressing over the text hashes: a text's index, or -1. */
  private slots = new Int32Array(128).fill(-1);
  /** Per text with two tweets or more: its first `keep` tweets by time then id. */
  private readonly repeats = new Map<number, Member[]>();

  /** @param keep how many members of each list `finish` returns (all by default). */
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  /** Adds a tweet by its raw text. */
  add(id: string, createdAt: number, text: string): void {
    this.addNormalized(id, createdAt, normalizeForDuplicates(text));
  }

  /** Adds a tweet whose text went through {@link normalizeForDuplicates} already. */
  addNormalized(id: string, createdAt: number, normalized: string): void {
    const units = new Uint16Array(normalized.length);
    let hash = FNV_OFFSET;
    for (let i = 0; i < normalized.length; i += 1) {
      units[i] = normalized.charCodeAt(i);
      hash = Math.imul(hash ^ (units[i] as number), FNV_PRIME);
    }
    this.addUnits(id, createdAt, units, normalized.length, hash, countWords(normalized));
  }

  /**
   * Adds a tweet by the code units of its normalized text (`units[0 .. length)`), their FNV-1a
   * hash and its number of words: what {@link TextScan} leaves, so no string is made.
   */
  addUnits(id: string, createdAt: number, units: Uint16Array, length: number, hash: number, words: number): void {
    if (words < MIN_DUPLICATE_WORDS) return;
    // Hashes are kept in an Int32Array: compare them as signed 32-bit values.
    const signed = hash | 0;
    const slot = this.slotOf(units, 0, length, signed);
    const at = this.slots[slot] as number;
    if (at >= 0) this.repeat(at, id, createdAt);
    else this.insert(slot, units, 0, length, signed, 1, id, createdAt);
  }

  /** The slot of the text `units[from .. from + length)`: the one holding it, or the empty one it would take. */
  private slotOf(units: Uint16Array, from: number, length: number, hash: number): number {
    const mask = this.slots.length - 1;
    let slot = mix32(hash) & mask;
    for (let at = this.slots[slot] as number; at >= 0; at = this.slots[slot] as number) {
      if (this.hashes[at] === hash && this.sameText(at, units, from, length)) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Enters a new text in an empty slot, with its number of tweets and the first of them. */
  private insert(slot: number, units: Uint16Array, from: number, length: number, hash: number, count: number, id: string, createdAt: number): number {
    const at = this.enter(slot, hash, count, createdAt);
    if (!encodeId(id, this.firstIdHigh, this.firstIdLow, at)) this.oddIds.set(at, id);
    let wide = 0;
    for (let i = from; i < from + length; i += 1) if ((units[i] as number) > 0xff) wide = 1;
    const arena = this.room(length << wide);
    let to = this.bytesUsed;
    if (wide === 0) {
      for (let i = from; i < from + length; i += 1) arena[to++] = units[i] as number;
    } else {
      for (let i = from; i < from + length; i += 1) {
        const unit = units[i] as number;
        arena[to++] = unit & 0xff;
        arena[to++] = unit >>> 8;
      }
    }
    this.close(at, wide, to);
    return at;
  }

  /** Takes the next text index for a new text in an empty slot, with its hash, count and first time. */
  private enter(slot: number, hash: number, count: number, createdAt: number): number {
    if (this.size === this.capacity) this.growTexts();
    const at = this.size;
    this.size += 1;
    this.slots[slot] = at;
    this.hashes[at] = hash;
    this.counts[at] = count;
    this.firstTimes[at] = createdAt;
    return at;
  }

  /** The text arena, with room for `bytes` more. */
  private room(bytes: number): Uint8Array {
    // Grown by half, not doubled: every detailed month has a finder of its own, and the room
    // growth leaves unused (a quarter of it on average after a doubling) adds up over the months.
    if (this.bytesUsed + bytes > this.bytes.length) this.bytes = grown(this.bytes, Math.max(Math.ceil(this.bytes.length * 1.5), this.bytesUsed + bytes));
    return this.bytes;
  }

  /** Ends text `at`, whose bytes were written up to `to`; grows the slots when half full. */
  private close(at: number, wide: number, to: number): void {
    this.wide[at] = wide;
    this.bytesUsed = to;
    this.starts[at + 1] = to;
    if (this.size * 2 > this.slots.length) this.growSlots();
  }

  private growTexts(): void {
    this.resize(Math.ceil(this.capacity * 1.5));
  }

  /**
   * Makes room for `texts` texts of `bytes` bytes in all, when there is less: just that much, or
   * half as much again as there is when that is more, so many small merges stay linear.
   */
  private reserve(texts: number, bytes: number): void {
    if (texts > this.capacity) this.resize(Math.max(texts, Math.ceil(this.capacity * 1.5)));
    if (bytes > this.bytes.length) this.bytes = grown(this.bytes, Math.max(bytes, Math.ceil(this.bytes.length * 1.5)));
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.starts = grown(this.starts, capacity + 1);
    this.wide = grown(this.wide, capacity);
    this.hashes = grown(this.hashes, capacity);
    this.counts = grown(this.counts, capacity);
    this.firstTimes = grown(this.firstTimes, capacity);
    this.firstIdHigh = grown(this.firstIdHigh, capacity);
    this.firstIdLow = grown(this.firstIdLow, capacity);
  }

  /** A stored text equals `units[from .. from + length)`. A text is wide only if a unit is above 255, so widths must match. */
  private sameText(at: number, units: Uint16Array, from: number, length: number): boolean {
    const start = this.starts[at] as number;
    const bytes = this.bytes;
    if (this.wide[at] === 0) {
      if ((this.starts[at + 1] as number) - start !== length) return false;
      for (let i = 0; i < length; i += 1) if (bytes[start + i] !== units[from + i]) return false;
      return true;
    }
    if ((this.starts[at + 1] as number) - start !== 2 * length) return false;
    for (let i = 0; i < length; i += 1) {
      if (((bytes[start + 2 * i] as number) | ((bytes[start + 2 * i + 1] as number) << 8)) !== units[from + i]) return false;
    }
    return true;
  }

  /** The first tweet met of a text. */
  private firstOf(at: number): Member {
    return { id: this.oddIds.get(at) ?? decodeId(this.firstIdHigh[at] as number, this.firstIdLow[at] as number), createdAt: this.firstTimes[at] as number };
  }

  private repeat(at: number, id: string, createdAt: number): void {
    this.counts[at] = (this.counts[at] as number) + 1;
    let members = this.repeats.get(at);
    if (!members) {
      members = [this.firstOf(at)];
      this.repeats.set(at, members);
    }
    const last = members[members.length - 1] as Member;
    // A full list keeps only tweets before its last one.
    if (members.length < this.keep || createdAt < last.createdAt || (createdAt === last.createdAt && compareIds(id, last.id) < 0)) {
      insertCapped(members, { id, createdAt }, this.keep);
    }
  }

  /** The texts and their tweets as plain data (typed arrays, strings, numbers), for {@link merge}. */
  snapshot(): DuplicateState {
    const n = this.size;
    const repeated = new Int32Array(this.repeats.size);
    const memberStarts = new Int32Array(this.repeats.size + 1);
    const memberIds: string[] = [];
    const memberTimes: number[] = [];
    let r = 0;
    for (let at = 0; at < n; at += 1) {
      const members = this.repeats.get(at);
      if (!members) continue;
      repeated[r] = at;
      for (const member of members) {
        memberIds.push(member.id);
        memberTimes.push(member.createdAt);
      }
      r += 1;
      memberStarts[r] = memberIds.length;
    }
    return {
      bytes: this.bytes.slice(0, this.bytesUsed),
      starts: this.starts.slice(0, n + 1),
      wide: this.wide.slice(0, n),
      hashes: this.hashes.slice(0, n),
      counts: this.counts.slice(0, n),
      firstTimes: this.firstTimes.slice(0, n),
      firstIdHigh: this.firstIdHigh.slice(0, n),
      firstIdLow: this.firstIdLow.slice(0, n),
      oddIds: new Map(this.oddIds),
      repeated,
      memberStarts,
      memberIds,
      memberTimes: Float64Array.from(memberTimes),
    };
  }

  /**
   * Adds another finder's texts and tweets (made with the same `keep`): afterwards `finish` gives
   * what one finder fed both finders' tweets would. Counts add up, and a text's kept members are
   * the first `keep` of both lists, which hold the first `keep` of each side.
   */
  merge(state: DuplicateState): void {
    const n = state.counts.length;
    // Their texts come over as they are kept, bytes and id numbers: copied, not decoded.
    const repeatedAt = new Int32Array(n).fill(-1);
    for (let r = 0; r < state.repeated.length; r += 1) repeatedAt[state.repeated[r] as number] = r;
    const bytes = state.bytes;
    // Room for all of theirs at once (less if some are ours already) rather than growing by steps,
    // and their bytes copied in one go after ours: a text new here stays where it landed, or moves
    // down over the texts before it that were ours already.
    this.reserve(this.size + n, this.bytesUsed + bytes.length);
    const base = this.bytesUsed;
    this.bytes.set(bytes, base);
    let end = base;
    for (let j = 0; j < n; j += 1) {
      const from = state.starts[j] as number;
      const to = state.starts[j + 1] as number;
      const wide = state.wide[j] as number;
      const hash = state.hashes[j] as number;
      const count = state.counts[j] as number;
      const r = repeatedAt[j] as number;
      const slot = this.slotOfBytes(bytes, from, to, wide, hash);
      let at = this.slots[slot] as number;
      if (at < 0) {
        at = this.enter(slot, hash, count, state.firstTimes[j] as number);
        if (r < 0) {
          this.firstIdHigh[at] = state.firstIdHigh[j] as number;
          this.firstIdLow[at] = state.firstIdLow[j] as number;
          const odd = state.oddIds.get(j);
          if (odd !== undefined) this.oddIds.set(at, odd);
        } else {
          // A repeated text's first tweet is its earliest, as when it was inserted with its members.
          const members = membersOf(state, r);
          const first = members[0] as Member;
          this.firstTimes[at] = first.createdAt;
          if (!encodeId(first.id, this.firstIdHigh, this.firstIdLow, at)) this.oddIds.set(at, first.id);
          if (count >= 2) this.repeats.set(at, members.slice(0, this.keep));
        }
        if (end !== base + from) this.bytes.copyWithin(end, base + from, base + to);
        end += to - from;
        this.close(at, wide, end);
        continue;
      }
      this.counts[at] = (this.counts[at] as number) + count;
      const members = this.repeats.get(at) ?? [this.firstOf(at)];
      const theirs: Member[] =
        r < 0 ? [{ id: state.oddIds.get(j) ?? decodeId(state.firstIdHigh[j] as number, state.firstIdLow[j] as number), createdAt: state.firstTimes[j] as number }] : membersOf(state, r);
      for (const member of theirs) insertCapped(members, member, this.keep);
      this.repeats.set(at, members);
    }
  }

  /** The slot of a text kept as this finder keeps its own (`bytes[from .. to)`, `wide`): the one holding it, or the empty one it would take. */
  private slotOfBytes(bytes: Uint8Array, from: number, to: number, wide: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = to - from;
    let slot = mix32(hash) & mask;
    for (let at = this.slots[slot] as number; at >= 0; at = this.slots[slot] as number) {
      // A text is wide only if a unit is above 255: equal texts have equal widths and bytes.
      if (this.hashes[at] === hash && this.wide[at] === wide) {
        const start = this.starts[at] as number;
        if ((this.starts[at + 1] as number) - start === length) {
          const own = this.bytes;
          let i = 0;
          while (i < length && own[start + i] === bytes[from + i]) i += 1;
          if (i === length) return slot;
        }
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let at = 0; at < this.size; at += 1) {
      let slot = mix32(this.hashes[at] as number) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = at;
    }
    this.slots = slots;
  }

  /** The texts as UTF-16 code units, for the near-duplicate check (one month's, while it runs). */
  private texts(): Texts {
    const n = this.size;
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i += 1) starts[i + 1] = (starts[i] as number) + (((this.starts[i + 1] as number) - (this.starts[i] as number)) >> (this.wide[i] as number));
    const units = new Uint16Array(starts[n] as number);
    const bytes = this.bytes;
    for (let i = 0; i < n; i += 1) {
      let from = this.starts[i] as number;
      const to = this.starts[i + 1] as number;
      let at = starts[i] as number;
      if (this.wide[i] === 0) {
        units.set(bytes.subarray(from, to), at);
      } else {
        for (; from < to; from += 2) units[at++] = (bytes[from] as number) | ((bytes[from + 1] as number) << 8);
      }
    }
    return { units, starts, hashes: this.hashes.subarray(0, n) };
  }

  finish(): DuplicateFindings {
    const n = this.size;
    // Groups never depend on the order tweets arrived in: the check orders the texts itself.
    const root = nearGroups(this.texts());
    const counts = this.counts;

    const componentTexts = new Int32Array(n);
    const componentTweets = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const r = root[i] as number;
      componentTexts[r] = (componentTexts[r] as number) + 1;
      componentTweets[r] = (componentTweets[r] as number) + (counts[i] as number);
    }
    const exact: Member[] = [];
    const near: Member[] = [];
    // With a finite `keep`, both lists are kept sorted and capped as they fill.
    const capped = Number.isFinite(this.keep);
    const nearTexts = new Int32Array(n);
    let exactCount = 0;
    let nearCount = 0;
    let groups = 0;
    for (let i = 0; i < n; i += 1) {
      if (root[i] === i && (componentTweets[i] as number) >= 2) groups += 1;
      const count = counts[i] as number;
      if (count >= 2) {
        exactCount += count;
        const members = this.repeats.get(i) as Member[];
        if (!capped) exact.push(...members);
        else for (const member of members) insertCapped(exact, member, this.keep);
      } else if ((componentTexts[root[i] as number] as number) >= 2) {
        nearTexts[nearCount] = i;
        nearCount += 1;
      }
    }
    // Near texts have one tweet each, its id kept as numbers. A month of the 1M archive has a
    // thousand of them or more, for 20 listed: only those no later than the keep-th earliest
    // time can be listed, and only their ids are made strings.
    let latest = Number.POSITIVE_INFINITY;
    if (capped && nearCount > this.keep) {
      const times = new Float64Array(nearCount);
      for (let k = 0; k < nearCount; k += 1) times[k] = this.firstTimes[nearTexts[k] as number] as number;
      times.sort();
      latest = this.keep > 0 ? (times[this.keep - 1] as number) : Number.NEGATIVE_INFINITY;
    }
    for (let k = 0; k < nearCount; k += 1) {
      const i = nearTexts[k] as number;
      if (!capped) near.push(this.firstOf(i));
      else if ((this.firstTimes[i] as number) <= latest) insertCapped(near, this.firstOf(i), this.keep);
    }
    if (!capped) {
      exact.sort(compareMembers);
      near.sort(compareMembers);
    }
    return { exact, near, exactCount, nearCount, groups };
  }
}

/** Words of a normalized text (single spaces between words, none at the ends). */
function countWords(normalized: string): number {
  if (normalized.length === 0) return 0;
  let words = 1;
  for (let i = 0; i < normalized.length; i += 1) if (normalized.charCodeAt(i) === 32) words += 1;
  return words;
}

/** The kept tweets of a state's r-th repeated text. */
function membersOf(state: DuplicateState, r: number): Member[] {
  const from = state.memberStarts[r] as number;
  const to = state.memberStarts[r + 1] as number;
  const members: Member[] = [];
  for (let k = from; k < to; k += 1) members.push({ id: state.memberIds[k] as string, createdAt: state.memberTimes[k] as number });
  return members;
}

/** Inserts into a list kept sorted by {@link compareMembers}, keeping its first `cap` members. */
function insertCapped(list: Member[], member: Member, cap: number): void {
  const last = list[list.length - 1];
  if (list.length >= cap && last !== undefined && compareMembers(member, last) >= 0) return;
  let index = list.length;
  while (index > 0 && compareMembers(member, list[index - 1] as Member) < 0) index -= 1;
  list.splice(index, 0, member);
  if (list.length > cap) list.pop();
}

/**
 * The shingle sets of one month's texts, each ordered by the month's global order, and the order
 * the texts are processed in (fewest shingles first, then by a hash of the text, then by the text).
 *
 * A shingle is its FNV-1a hash. The global order ranks shingles by how often their bucket (the
 * hash's top bits) occurs in the month, rarest first, then by bucket, then by hash. Any fixed
 * order makes prefix filtering exact, and one close to rarity keeps prefixes selective; this one
 * comes from counting sorts over buckets, so no shingle is ever looked up in a hash table.
 */
interface ShingleSets {
  /** The p-th text processed is text order[p]; its set is at start[p] .. start[p] + size[p]. */
  order: Int32Array;
  start: Int32Array;
  size: Int32Array;
  /** The rank of each shingle's bucket, ascending within a set; ties ordered by `hashes`. */
  ranks: Int32Array;
  hashes: Int32Array;
  /** Each shingle as a dense number (0 .. shingles), beside `ranks` and `hashes`, for marking a set. */
  ids: Int32Array;
  shingles: number;
  buckets: number;
}

/** Grow-only scratch arrays shared by every month's check (finish runs one month at a time). */
const scratch: { bucketState: Int32Array; buffers: Int32Array[] } = { bucketState: new Int32Array(0), buffers: [] };

function buffer(index: number, size: number): Int32Array {
  const current = scratch.buffers[index];
  if (current && current.length >= size) return current;
  const grown = new Int32Array(Math.ceil(Math.max(size, 1024) * 1.5));
  scratch.buffers[index] = grown;
  return grown;
}

/** Distinct texts as code units: text i is units[starts[i] .. starts[i + 1]), with its FNV-1a hash. */
interface Texts {
  units: Uint16Array;
  starts: Int32Array;
  hashes: Int32Array;
}

/**
 * For each text, a text of its group (the same one for the whole group): texts are joined when
 * the Jaccard similarity of their shingle sets is at least {@link NEAR_DUPLICATE_SIMILARITY}, and
 * groups are closed under that (a ≈ b and b ≈ c puts a, b and c together).
 */
function nearGroups(texts: Texts): Int32Array {
  const n = texts.hashes.length;
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i += 1) groupOf[i] = i;
  if (n < 2) return groupOf;
  const sets = shingleSets(texts);
  const parent = new Int32Array(n);
  for (let p = 0; p < n; p += 1) parent[p] = p;
  joinSimilar(sets, parent);
  for (let p = 0; p < n; p += 1) groupOf[sets.order[p] as number] = sets.order[findRoot(parent, p)] as number;
  return groupOf;
}

function shingleSets(texts: Texts): ShingleSets {
  const n = texts.hashes.length;
  let total = 0;
  for (let i = 0; i < n; i += 1) total += Math.max(1, (texts.starts[i + 1] as number) - (texts.starts[i] as number) - SHINGLE + 1);
  let bits = 10;
  while (bits < 22 && 1 << bits < total * 2) bits += 1;
  const shift = 32 - bits;
  if (scratch.bucketState.length < 1 << bits) scratch.bucketState = new Int32Array(1 << bits);
  const bucketState = scratch.bucketState; // occurrences per bucket, then the bucket's rank
  const textStart = new Int32Array(n + 1);
  const hashes = buffer(0, total);
  const used: number[] = [];
  hashShingles(texts, hashes, textStart, bucketState, shift, used);
  const listStart = rankBuckets(used, bucketState, bits);
  const buckets = used.length;
  const listText = buffer(1, total);
  const listHash = buffer(2, total);
  groupByRank(textStart, hashes, bucketState, shift, listStart, listText, listHash);
  for (let b = 0; b < buckets; b += 1) bucketState[used[b] as number] = 0;
  const ranks = buffer(3, total);
  const sortedHashes = hashes; // reused
  const ids = buffer(5, total);
  const { size: textSize, shingles } = orderSets(textStart, listStart, listText, listHash, ranks, sortedHashes, ids, buffer(6, total));
  const order = processingOrder(texts, textSize);
  const start = new Int32Array(n);
  const size = new Int32Array(n);
  for (let p = 0; p < n; p += 1) {
    const i = order[p] as number;
    start[p] = textStart[i] as number;
    size[p] = textSize[i] as number;
  }
  return { order, start, size, ranks, hashes: sortedHashes, ids, shingles, buckets };
}

/** Every shingle occurrence's hash, text by text, each counted in its bucket. */
function hashShingles(texts: Texts, hashes: Int32Array, start: Int32Array, bucketState: Int32Array, shift: number, used: number[]): void {
  const { units, starts } = texts;
  let k = 0;
  for (let i = 0; i < starts.length - 1; i += 1) {
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (to - from < SHINGLE) {
      let h = FNV_OFFSET;
      for (let u = from; u < to; u += 1) h = Math.imul(h ^ (units[u] as number), FNV_PRIME);
      k = countShingle(hashes, k, h, bucketState, shift, used);
    } else {
      let c1 = units[from] as number;
      let c2 = units[from + 1] as number;
      let c3 = units[from + 2] as number;
      let c4 = units[from + 3] as number;
      for (let at = from + SHINGLE - 1; at < to; at += 1) {
        const c0 = c1;
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = units[at] as number;
        // FNV-1a of the five code units, unrolled.
        let h = Math.imul(FNV_OFFSET ^ c0, FNV_PRIME);
        h = Math.imul(h ^ c1, FNV_PRIME);
        h = Math.imul(h ^ c2, FNV_PRIME);
        h = Math.imul(h ^ c3, FNV_PRIME);
        h = Math.imul(h ^ c4, FNV_PRIME);
        k = countShingle(hashes, k, h, bucketState, shift, used);
      }
    }
    start[i + 1] = k;
  }
}

function countShingle(hashes: Int32Array, k: number, h: number, bucketState: Int32Array, shift: number, used: number[]): number {
  hashes[k] = h;
  const bucket = Math.imul(h, 0x9e3779b1) >>> shift;
  const count = bucketState[bucket] as number;
  if (count === 0) used.push(bucket);
  bucketState[bucket] = count + 1;
  return k + 1;
}

/**
 * Texts by number of distinct shingles (a counting sort), then text hash, then text: an order
 * that does not depend on the order tweets arrived in.
 */
function processingOrder(texts: Texts, size: Int32Array): Int32Array {
  const n = size.length;
  let largest = 0;
  for (let i = 0; i < n; i += 1) largest = Math.max(largest, size[i] as number);
  const bySize = new Int32Array(largest + 2);
  for (let i = 0; i < n; i += 1) bySize[(size[i] as number) + 1] = (bySize[(size[i] as number) + 1] as number) + 1;
  for (let s = 0; s <= largest; s += 1) bySize[s + 1] = (bySize[s + 1] as number) + (bySize[s] as number);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const s = size[i] as number;
    order[bySize[s] as number] = i;
    bySize[s] = (bySize[s] as number) + 1;
  }
  // Within one size (a few texts each), by hash, then by text.
  for (let from = 0; from < n; ) {
    let to = from + 1;
    while (to < n && size[order[to] as number] === size[order[from] as number]) to += 1;
    for (let k = from + 1; k < to; k += 1) {
      const i = order[k] as number;
      let at = k;
      while (at > from && compareTexts(texts, order[at - 1] as number, i) > 0) {
        order[at] = order[at - 1] as number;
        at -= 1;
      }
      order[at] = i;
    }
    from = to;
  }
  return order;
}

/** By hash (unsigned), then code-unit order. */
function compareTexts(texts: Texts, a: number, b: number): number {
  const ha = (texts.hashes[a] as number) >>> 0;
  const hb = (texts.hashes[b] as number) >>> 0;
  if (ha !== hb) return ha < hb ? -1 : 1;
  const { units, starts } = texts;
  const aFrom = starts[a] as number;
  const bFrom = starts[b] as number;
  const aLength = (starts[a + 1] as number) - aFrom;
  const bLength = (starts[b + 1] as number) - bFrom;
  for (let i = 0; i < Math.min(aLength, bLength); i += 1) {
    const d = (units[aFrom + i] as number) - (units[bFrom + i] as number);
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/** Ranks the used buckets rarest first (`bucketState` becomes the rank); returns list offsets by rank. */
function rankBuckets(used: number[], bucketState: Int32Array, bits: number): Int32Array {
  const buckets = used.length;
  // Count (capped so it fits beside the bucket in 31 bits), then bucket: a fixed total order.
  const cap = 2 ** (31 - bits) - 1;
  const mask = 2 ** bits - 1;
  const keys = new Int32Array(buckets);
  for (let b = 0; b < buckets; b += 1) {
    const bucket = used[b] as number;
    keys[b] = (Math.min(bucketState[bucket] as number, cap) << bits) | bucket;
  }
  const order = radixSort(keys);
  const listStart = new Int32Array(buckets + 1);
  for (let rank = 0; rank < buckets; rank += 1) {
    const bucket = (order[rank] as number) & mask;
    listStart[rank + 1] = (listStart[rank] as number) + (bucketState[bucket] as number);
    bucketState[bucket] = rank;
  }
  return listStart;
}

/** Non-negative 31-bit integers in ascending order: three counting passes of 11 bits each. */
function radixSort(values: Int32Array): Int32Array {
  let from: Int32Array = values;
  let to: Int32Array = new Int32Array(values.length);
  const counts = new Int32Array(2049);
  for (let shift = 0; shift < 31; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < from.length; i += 1) {
      const digit = ((from[i] as number) >>> shift) & 2047;
      counts[digit + 1] = (counts[digit + 1] as number) + 1;
    }
    for (let d = 0; d < 2048; d += 1) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
    for (let i = 0; i < from.length; i += 1) {
      const value = from[i] as number;
      const digit = (value >>> shift) & 2047;
      to[counts[digit] as number] = value;
      counts[digit] = (counts[digit] as number) + 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}

/** Shingle occurrences grouped by rank, in text order (a counting sort). */
function groupByRank(
  textStart: Int32Array,
  hashes: Int32Array,
  rankOf: Int32Array,
  shift: number,
  listStart: Int32Array,
  listText: Int32Array,
  listHash: Int32Array,
): void {
  const fill = listStart.slice(0, listStart.length - 1);
  for (let i = 0; i < textStart.length - 1; i += 1) {
    for (let e = textStart[i] as number; e < (textStart[i + 1] as number); e += 1) {
      const h = hashes[e] as number;
      const rank = rankOf[Math.imul(h, 0x9e3779b1) >>> shift] as number;
      const at = fill[rank] as number;
      listText[at] = i;
      listHash[at] = h;
      fill[rank] = at + 1;
    }
  }
}

/**
 * Each text's shingles by rank (the counting sort read back by text), by hash within a rank, a
 * shingle repeated in the text kept once, each with a dense number in `ids` (`idHash` is scratch:
 * the hash of each number). Returns each text's number of distinct shingles, and how many
 * distinct shingles the month has.
 */
function orderSets(
  start: Int32Array,
  listStart: Int32Array,
  listText: Int32Array,
  listHash: Int32Array,
  ranks: Int32Array,
  hashes: Int32Array,
  ids: Int32Array,
  idHash: Int32Array,
): { size: Int32Array; shingles: number } {
  const n = start.length - 1;
  const cursor = start.slice(0, n);
  let shingles = 0;
  for (let rank = 0; rank < listStart.length - 1; rank += 1) {
    // The shingles of one bucket (one hash, or a few) are numbered from here.
    const rankFirst = shingles;
    for (let e = listStart[rank] as number; e < (listStart[rank + 1] as number); e += 1) {
      const i = listText[e] as number;
      const h = listHash[e] as number;
      let id = rankFirst;
      while (id < shingles && idHash[id] !== h) id += 1;
      if (id === shingles) {
        idHash[id] = h;
        shingles += 1;
      }
      const first = start[i] as number;
      let at = cursor[i] as number;
      // Shingles of one text in one bucket (the same one again, or another): keep them by hash, once.
      if (at > first && ranks[at - 1] === rank) {
        let before = at;
        while (before > first && ranks[before - 1] === rank && (hashes[before - 1] as number) > h) before -= 1;
        if (before > first && ranks[before - 1] === rank && hashes[before - 1] === h) continue;
        for (; at > before; at -= 1) {
          ranks[at] = rank;
          hashes[at] = hashes[at - 1] as number;
          ids[at] = ids[at - 1] as number;
        }
        at = cursor[i] as number;
        ranks[before] = rank;
        hashes[before] = h;
        ids[before] = id;
        cursor[i] = at + 1;
        continue;
      }
      ranks[at] = rank;
      hashes[at] = h;
      ids[at] = id;
      cursor[i] = at + 1;
    }
  }
  const size = new Int32Array(n);
  for (let i = 0; i < n; i += 1) size[i] = (cursor[i] as number) - (start[i] as number);
  return { size, shingles };
}

/** How many of its first shingles a text probes with: a pair that can reach the threshold shares one. */
function probePrefix(size: number): number {
  return size - Math.floor((SIMILARITY_NUMERATOR * size + SIMILARITY_DENOMINATOR - 1) / SIMILARITY_DENOMINATOR) + 1;
}

/**
 * How many of its first shingles a text is indexed by. Texts are met smallest first, so an
 * indexed text y is never larger than the probing one x, and the overlap they need,
 * ⌈t/(1+t)·(|x|+|y|)⌉, is at least ⌈2t/(1+t)·|y|⌉: y's shorter prefix is enough.
 */
function indexPrefix(size: number): number {
  const numerator = 2 * SIMILARITY_NUMERATOR;
  const denominator = SIMILARITY_DENOMINATOR + SIMILARITY_NUMERATOR;
  return size - Math.floor((numerator * size + denominator - 1) / denominator) + 1;
}

function findRoot(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[i] !== root) {
    const next = parent[i] as number;
    parent[i] = root;
    i = next;
  }
  return root;
}

/**
 * Joins every pair of similar texts (PPJoin): candidates are earlier texts whose indexed prefix
 * shares a shingle with the probing text's prefix. Shingles are met in the global order, so
 * `overlap` counts the shared ones before the current one exactly, and a pair whose overlap can
 * no longer reach the threshold with what is left of either text is dropped before the check.
 */
function joinSimilar(sets: ShingleSets, parent: Int32Array): void {
  const { start, size: sizes, ranks, hashes, ids, shingles, buckets } = sets;
  const n = sizes.length;
  // Per text: how many of its first shingles are indexed. Per sum of two sizes: the overlap needed.
  const indexed = new Int32Array(n);
  let largest = 0;
  for (let p = 0; p < n; p += 1) {
    indexed[p] = indexPrefix(sizes[p] as number);
    largest = Math.max(largest, sizes[p] as number);
  }
  const neededFor = new Int32Array(2 * largest + 1);
  for (let sum = 0; sum <= 2 * largest; sum += 1) neededFor[sum] = requiredOverlap(sum, 0);
  // The indexed prefixes grouped by rank, in processing order: four numbers per entry, its text,
  // its hash, its position in the text and the text's size.
  const entryStart = new Int32Array(buckets + 1);
  for (let p = 0; p < n; p += 1) {
    const from = start[p] as number;
    const to = from + (indexed[p] as number);
    for (let e = from; e < to; e += 1) entryStart[(ranks[e] as number) + 1] = (entryStart[(ranks[e] as number) + 1] as number) + 1;
  }
  for (let rank = 0; rank < buckets; rank += 1) entryStart[rank + 1] = (entryStart[rank + 1] as number) + (entryStart[rank] as number);
  for (let rank = 0; rank <= buckets; rank += 1) entryStart[rank] = (entryStart[rank] as number) * ENTRY;
  const entry = buffer(1, entryStart[buckets] as number);
  const front = entryStart.slice(0, buckets);
  for (let p = 0; p < n; p += 1) {
    const from = start[p] as number;
    const prefix = indexed[p] as number;
    const size = sizes[p] as number;
    for (let q = 0; q < prefix; q += 1) {
      const rank = ranks[from + q] as number;
      const at = front[rank] as number;
      entry[at] = p;
      entry[at + 1] = hashes[from + q] as number;
      entry[at + 2] = q;
      entry[at + 3] = size;
      front[rank] = at + ENTRY;
    }
  }
  front.set(entryStart.subarray(0, buckets));

  // Per text, three numbers: the text it is a candidate of, its overlap with it, the overlap needed.
  const state = new Int32Array(3 * n);
  for (let y = 0; y < n; y += 1) state[3 * y] = -1;
  const candidates = new Int32Array(n);
  // mark[s] === x: shingle s is in text x's set (marked when x has a candidate to check).
  const mark = buffer(6, shingles).fill(-1, 0, shingles);
  for (let x = 0; x < n; x += 1) {
    const from = start[x] as number;
    const size = sizes[x] as number;
    const prefix = probePrefix(size);
    const smallest = SIMILARITY_NUMERATOR * size;
    let found = 0;
    // Whether a posting list was cut short at MAX_POSTING_SCAN: then the overlaps may miss shingles.
    let cut = false;
    for (let q = 0; q < prefix; q += 1) {
      const rank = ranks[from + q] as number;
      const h = hashes[from + q] as number;
      // Texts too small for this one are too small for every later (larger) one: skip them for good.
      let e = front[rank] as number;
      const end = entryStart[rank + 1] as number;
      while (e < end && SIMILARITY_DENOMINATOR * (entry[e + 3] as number) < smallest) e += ENTRY;
      front[rank] = e;
      const leftHere = size - q - 1;
      let scanned = 0;
      for (; e < end; e += ENTRY) {
        const y = entry[e] as number;
        if (y >= x || scanned >= MAX_POSTING_SCAN) break;
        if (entry[e + 1] !== h) continue;
        scanned += 1;
        const other = entry[e + 3] as number;
        const at = 3 * y;
        if (state[at] !== x) {
          state[at] = x;
          state[at + 1] = 0;
          state[at + 2] = neededFor[size + other] as number;
          candidates[found] = y;
          found += 1;
        }
        const shared = state[at + 1] as number;
        if (shared < 0) continue;
        const left = Math.min(leftHere, other - (entry[e + 2] as number) - 1);
        state[at + 1] = shared + 1 + left >= (state[at + 2] as number) ? shared + 1 : -1;
      }
      if (scanned >= MAX_POSTING_SCAN) cut = true;
    }
    // x's last probing shingle, in the global order.
    const lastRank = ranks[from + prefix - 1] as number;
    const lastHash = hashes[from + prefix - 1] as number;
    let marked = false;
    for (let c = 0; c < found; c += 1) {
      const y = candidates[c] as number;
      const shared = state[3 * y + 1] as number;
      if (shared <= 0) continue;
      const a = findRoot(parent, x);
      const b = findRoot(parent, y);
      if (a === b) continue;
      if (!marked) {
        for (let k = from; k < from + size; k += 1) mark[ids[k] as number] = x;
        marked = true;
      }
      const yFrom = start[y] as number;
      const ySize = sizes[y] as number;
      const needed = state[3 * y + 2] as number;
      // When no list was cut, the overlap counts every shingle shared by x's probing prefix and
      // y's indexed one. If y's indexed prefix ends no later than x's probing one, a shared
      // shingle in y's indexed prefix is in x's probing prefix too: it was counted, and only y's
      // other shingles are left to check.
      let similar: boolean;
      const yPrefix = indexed[y] as number;
      const r = ranks[yFrom + yPrefix - 1] as number;
      if (!cut && (r < lastRank || (r === lastRank && (hashes[yFrom + yPrefix - 1] as number) <= lastHash))) {
        similar = sharesEnough(ids, mark, x, yFrom + yPrefix, ySize - yPrefix, needed - shared);
      } else {
        similar = sharesEnough(ids, mark, x, yFrom, ySize, needed);
      }
      if (similar) {
        if (a < b) parent[b] = a;
        else parent[a] = b;
      }
    }
  }
}

/** Numbers per entry of the index: text, hash, position, size. */
const ENTRY = 4;

/** The fewest shared shingles two sets of these sizes need: J = I / (a + b - I) ≥ N / D ⇔ (D + N)·I ≥ N·(a + b). */
function requiredOverlap(a: number, b: number): number {
  return Math.ceil((SIMILARITY_NUMERATOR * (a + b)) / (SIMILARITY_DENOMINATOR + SIMILARITY_NUMERATOR));
}

/** Text y's set (`ids[from .. from + size)`) has at least `needed` of the shingles marked with x. */
function sharesEnough(ids: Int32Array, mark: Int32Array, x: number, from: number, size: number, needed: number): boolean {
  if (needed <= 0) return true;
  const end = from + size;
  let shared = 0;
  for (let k = from; k < end; k += 1) {
    if (mark[ids[k] as number] === x) {
      shared += 1;
      if (shared >= needed) return true;
    } else if (shared + end - k - 1 < needed) {
      // Not enough left to reach it.
      return false;
    }
  }
  return false;
}

/** By time, then id. */
export function compareMembers(a: Member, b: Member): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}
