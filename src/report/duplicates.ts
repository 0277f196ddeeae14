import { compareIds, compareStrings } from './counters.js';
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

/** FNV-1a over the UTF-16 code units `from` (included) to `to` (excluded) of a text. */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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

/** The tweets of one normalized text: how many, and the first ones by time then id. */
interface TextMembers {
  count: number;
  /** The first member; `more` holds the first `keep` members once there are two or more. */
  id: string;
  createdAt: number;
  more: Member[] | null;
}

/**
 * Finds repeated tweets in one period: exact repeats by normalized text, near repeats by the
 * Jaccard similarity of their 5-character shingles, computed exactly for every pair that can
 * reach the threshold. Candidate pairs come from prefix filtering (two sets with Jaccard ≥ t share
 * one of their rarest |x| - ⌈t·|x|⌉ + 1 shingles), so the cost stays close to linear in the
 * number of distinct texts; groups are the connected components of the "nearly the same" pairs.
 */
export class DuplicateFinder {
  private readonly byText = new Map<string, TextMembers>();

  /** @param keep how many members of each list `finish` returns (all by default). */
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  /** Adds a tweet by its raw text. */
  add(id: string, createdAt: number, text: string): void {
    this.addNormalized(id, createdAt, normalizeForDuplicates(text));
  }

  /** Adds a tweet whose text went through {@link normalizeForDuplicates} already. */
  addNormalized(id: string, createdAt: number, normalized: string): void {
    this.addNormalizedWords(id, createdAt, normalized, countWords(normalized));
  }

  /** As {@link addNormalized}, when the caller knows how many words the normalized text has. */
  addNormalizedWords(id: string, createdAt: number, normalized: string, words: number): void {
    if (words < MIN_DUPLICATE_WORDS) return;
    const members = this.byText.get(normalized);
    if (!members) {
      this.byText.set(normalized, { count: 1, id, createdAt, more: null });
      return;
    }
    members.count += 1;
    if (!members.more) members.more = [{ id: members.id, createdAt: members.createdAt }];
    insertCapped(members.more, { id, createdAt }, this.keep);
  }

  finish(): DuplicateFindings {
    // Sorted, so groups never depend on the order tweets arrived in.
    const texts = [...this.byText.keys()].sort(compareStrings);
    const entries = texts.map((text) => this.byText.get(text) as TextMembers);
    const root = nearGroups(texts);

    const componentTexts = new Int32Array(texts.length);
    const componentTweets = new Float64Array(texts.length);
    for (let i = 0; i < texts.length; i += 1) {
      const r = root[i] as number;
      componentTexts[r] = (componentTexts[r] as number) + 1;
      componentTweets[r] = (componentTweets[r] as number) + (entries[i] as TextMembers).count;
    }
    const exact: Member[] = [];
    const near: Member[] = [];
    let exactCount = 0;
    let nearCount = 0;
    let groups = 0;
    for (let i = 0; i < texts.length; i += 1) {
      const entry = entries[i] as TextMembers;
      if (root[i] === i && (componentTweets[i] as number) >= 2) groups += 1;
      if (entry.count >= 2) {
        exactCount += entry.count;
        exact.push(...(entry.more as Member[]));
      } else if ((componentTexts[root[i] as number] as number) >= 2) {
        nearCount += 1;
        near.push({ id: entry.id, createdAt: entry.createdAt });
      }
    }
    exact.sort(compareMembers);
    near.sort(compareMembers);
    if (exact.length > this.keep) exact.length = this.keep;
    if (near.length > this.keep) near.length = this.keep;
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
 * For each text, the index of the first text of its group: texts are joined when the Jaccard
 * similarity of their shingle sets is at least {@link NEAR_DUPLICATE_SIMILARITY}, and groups are
 * closed under that (a ≈ b and b ≈ c puts a, b and c together).
 */
function nearGroups(texts: readonly string[]): Int32Array {
  const n = texts.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i += 1) parent[i] = i;
  if (n < 2) return parent;

  // 1. Each text's distinct shingles, as slots of one open-addressing table keyed by shingle hash.
  let shingleCount = 0;
  for (const text of texts) shingleCount += Math.max(1, text.length - SHINGLE + 1);
  let capacity = 1024;
  while (capacity < shingleCount * 2) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Int32Array(capacity);
  const used = new Uint8Array(capacity);
  const seenBy = new Int32Array(capacity).fill(-1);
  const frequency = new Int32Array(capacity);
  const tokens = new Int32Array(shingleCount);
  const start = new Int32Array(n + 1);
  let filled = 0;
  let distinct = 0;
  for (let i = 0; i < n; i += 1) {
    const text = texts[i] as string;
    const last = Math.max(0, text.length - SHINGLE);
    for (let s = 0; s <= last; s += 1) {
      const hash = hashRange(text, s, Math.min(text.length, s + SHINGLE)) | 0;
      let slot = mix32(hash) & mask;
      while (used[slot] === 1 && keys[slot] !== hash) slot = (slot + 1) & mask;
      if (used[slot] === 0) {
        used[slot] = 1;
        keys[slot] = hash;
        distinct += 1;
      }
      if (seenBy[slot] !== i) {
        seenBy[slot] = i;
        frequency[slot] = (frequency[slot] as number) + 1;
        tokens[filled] = slot;
        filled += 1;
      }
    }
    start[i + 1] = filled;
  }

  // 2. One global order of shingles, rarest first (ties by hash): prefixes are then short lists.
  const order = new Float64Array(distinct);
  for (let slot = 0, k = 0; slot < capacity; slot += 1) {
    if (used[slot] === 1) order[k++] = (frequency[slot] as number) * 0x1_0000_0000 + ((keys[slot] as number) >>> 0);
  }
  order.sort();
  // Inverted lists by rank, in text order (a counting sort), then each text's shingles by rank.
  const rankOf = seenBy; // reused: slot -> rank
  const listStart = new Int32Array(distinct + 1);
  for (let rank = 0; rank < distinct; rank += 1) {
    const value = order[rank] as number;
    const hash = value % 0x1_0000_0000 | 0;
    let slot = mix32(hash) & mask;
    while (keys[slot] !== hash) slot = (slot + 1) & mask;
    rankOf[slot] = rank;
    listStart[rank + 1] = (listStart[rank] as number) + Math.floor(value / 0x1_0000_0000);
  }
  const lists = new Int32Array(filled);
  const fill = listStart.slice(0, distinct);
  for (let i = 0; i < n; i += 1) {
    for (let k = start[i] as number; k < (start[i + 1] as number); k += 1) {
      const rank = rankOf[tokens[k] as number] as number;
      lists[fill[rank] as number] = i;
      fill[rank] = (fill[rank] as number) + 1;
    }
  }
  const sorted = tokens; // reused: each text's ranks, ascending
  const cursor = start.slice(0, n);
  for (let rank = 0; rank < distinct; rank += 1) {
    for (let k = listStart[rank] as number; k < (listStart[rank + 1] as number); k += 1) {
      const i = lists[k] as number;
      sorted[cursor[i] as number] = rank;
      cursor[i] = (cursor[i] as number) + 1;
    }
  }
  // The last rank of each text's prefix: a pair that can reach the threshold shares a shingle
  // within both prefixes.
  const prefixEnd = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const size = (start[i + 1] as number) - (start[i] as number);
    const prefix = size - Math.floor((SIMILARITY_NUMERATOR * size + SIMILARITY_DENOMINATOR - 1) / SIMILARITY_DENOMINATOR) + 1;
    prefixEnd[i] = sorted[(start[i] as number) + prefix - 1] as number;
  }

  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };

  // 3. Candidates: earlier texts sharing a prefix shingle; checked exactly unless already joined.
  for (let i = 0; i < n; i += 1) {
    const from = start[i] as number;
    const size = (start[i + 1] as number) - from;
    for (let k = from; k < from + size; k += 1) {
      const rank = sorted[k] as number;
      if (rank > (prefixEnd[i] as number)) break;
      let scanned = 0;
      for (let e = listStart[rank] as number; e < (listStart[rank + 1] as number); e += 1) {
        const j = lists[e] as number;
        if (j >= i || scanned >= MAX_POSTING_SCAN) break;
        if (rank > (prefixEnd[j] as number)) continue;
        scanned += 1;
        const a = find(i);
        const b = find(j);
        if (a === b) continue;
        const other = (start[j + 1] as number) - (start[j] as number);
        if (similarEnough(sorted, from, size, start[j] as number, other)) {
          if (a < b) parent[b] = a;
          else parent[a] = b;
        }
      }
    }
  }
  for (let i = 0; i < n; i += 1) parent[i] = find(i);
  return parent;
}

/** Jaccard similarity of two rank-sorted shingle sets ≥ the threshold, in integers. */
function similarEnough(ranks: Int32Array, aFrom: number, aSize: number, bFrom: number, bSize: number): boolean {
  const small = Math.min(aSize, bSize);
  const large = Math.max(aSize, bSize);
  if (SIMILARITY_DENOMINATOR * small < SIMILARITY_NUMERATOR * large) return false;
  // J = I / (a + b - I) ≥ N / D  ⇔  (D + N)·I ≥ N·(a + b)
  const needed = Math.ceil((SIMILARITY_NUMERATOR * (aSize + bSize)) / (SIMILARITY_DENOMINATOR + SIMILARITY_NUMERATOR));
  let x = aFrom;
  let y = bFrom;
  const xEnd = aFrom + aSize;
  const yEnd = bFrom + bSize;
  let shared = 0;
  while (x < xEnd && y < yEnd) {
    // Not enough left on either side to reach the threshold.
    if (shared + Math.min(xEnd - x, yEnd - y) < needed) return false;
    const u = ranks[x] as number;
    const v = ranks[y] as number;
    if (u === v) {
      shared += 1;
      x += 1;
      y += 1;
    } else if (u < v) {
      x += 1;
    } else {
      y += 1;
    }
  }
  return shared >= needed;
}

/** By time, then id. */
export function compareMembers(a: Member, b: Member): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}
