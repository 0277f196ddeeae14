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

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

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

/**
 * Finds repeated tweets in one period: exact repeats by normalized text, near repeats by the
 * Jaccard similarity of their 5-character shingles, computed exactly for every pair that can
 * reach the threshold. Candidate pairs come from prefix filtering (two sets with Jaccard ≥ t share
 * one of their rarest |x| - ⌈t·|x|⌉ + 1 shingles), so the cost stays close to linear in the
 * number of distinct texts; groups are the connected components of the "nearly the same" pairs.
 */
export class DuplicateFinder {
  /** Per distinct normalized text: its number of tweets and its first `keep` tweets by time then id. */
  private readonly texts = new Map<string, { count: number; members: Member[] }>();

  /** @param keep how many members of each list `finish` returns (all by default). */
  constructor(private readonly keep = Number.POSITIVE_INFINITY) {}

  /** Adds a tweet by its raw text. */
  add(id: string, createdAt: number, text: string): void {
    this.addNormalized(id, createdAt, normalizeForDuplicates(text));
  }

  /** Adds a tweet whose text went through {@link normalizeForDuplicates} already. */
  addNormalized(id: string, createdAt: number, normalized: string, words = countWords(normalized)): void {
    if (words < MIN_DUPLICATE_WORDS) return;
    const text = this.texts.get(normalized);
    if (text) {
      text.count += 1;
      insertCapped(text.members, { id, createdAt }, this.keep);
    } else {
      this.texts.set(normalized, { count: 1, members: [{ id, createdAt }] });
    }
  }

  finish(): DuplicateFindings {
    const entries = [...this.texts.values()];
    const n = entries.length;
    // Groups never depend on the order tweets arrived in: the check orders the texts itself.
    const root = nearGroups(asUnits([...this.texts.keys()]));
    const componentTexts = new Int32Array(n);
    const componentTweets = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const r = root[i] as number;
      componentTexts[r] = (componentTexts[r] as number) + 1;
      componentTweets[r] = (componentTweets[r] as number) + (entries[i] as { count: number }).count;
    }
    const exact: Member[] = [];
    const near: Member[] = [];
    let exactCount = 0;
    let nearCount = 0;
    let groups = 0;
    for (let i = 0; i < n; i += 1) {
      const { count, members } = entries[i] as { count: number; members: Member[] };
      if (root[i] === i && (componentTweets[i] as number) >= 2) groups += 1;
      if (count >= 2) {
        exactCount += count;
        exact.push(...members);
      } else if ((componentTexts[root[i] as number] as number) >= 2) {
        nearCount += 1;
        near.push(members[0] as Member);
      }
    }
    return {
      exact: exact.sort(compareMembers).slice(0, this.keep),
      near: near.sort(compareMembers).slice(0, this.keep),
      exactCount,
      nearCount,
      groups,
    };
  }
}

/** Texts as UTF-16 code units side by side, each with its FNV-1a hash, for the near-duplicate check. */
function asUnits(texts: readonly string[]): Texts {
  const starts = new Int32Array(texts.length + 1);
  for (let i = 0; i < texts.length; i += 1) starts[i + 1] = (starts[i] as number) + (texts[i] as string).length;
  const units = new Uint16Array(starts[texts.length] as number);
  const hashes = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i] as string;
    const at = starts[i] as number;
    let hash = FNV_OFFSET;
    for (let k = 0; k < text.length; k += 1) {
      units[at + k] = text.charCodeAt(k);
      hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
    }
    hashes[i] = hash;
  }
  return { units, starts, hashes };
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
  for (let i = 0; i < n; i += 1)
    total += Math.max(1, (texts.starts[i + 1] as number) - (texts.starts[i] as number) - SHINGLE + 1);
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
  const { size: textSize, shingles } = orderSets(
    textStart,
    listStart,
    listText,
    listHash,
    ranks,
    sortedHashes,
    ids,
    buffer(6, total),
  );
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
function hashShingles(
  texts: Texts,
  hashes: Int32Array,
  start: Int32Array,
  bucketState: Int32Array,
  shift: number,
  used: number[],
): void {
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

function countShingle(
  hashes: Int32Array,
  k: number,
  h: number,
  bucketState: Int32Array,
  shift: number,
  used: number[],
): number {
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
  for (let from = 0; from < n;) {
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
    for (let e = from; e < to; e += 1)
      entryStart[(ranks[e] as number) + 1] = (entryStart[(ranks[e] as number) + 1] as number) + 1;
  }
  for (let rank = 0; rank < buckets; rank += 1)
    entryStart[rank + 1] = (entryStart[rank + 1] as number) + (entryStart[rank] as number);
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
function sharesEnough(
  ids: Int32Array,
  mark: Int32Array,
  x: number,
  from: number,
  size: number,
  needed: number,
): boolean {
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
