import { compareIds, compareStrings } from './counters.js';
import { normalizeForDuplicates } from './text.js';

/**
 * Texts shorter than this many words are not compared: "thanks!" and "congrats!" repeat by nature,
 * and a reader does not find a thank-you boring the way they find a repeated pitch boring.
 */
export const MIN_DUPLICATE_WORDS = 3;

/** Estimated Jaccard similarity of character shingles at or above which two texts are "nearly the same". */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;

const SHINGLE = 5;
const HASHES = 64;
// 16 bands of 4 rows: pairs from about 0.5 similarity up are likely to share a band, so the 0.7
// threshold is checked on nearly every pair that can pass it while unrelated pairs rarely meet.
const BANDS = 16;
const ROWS = HASHES / BANDS;
// A bucket this crowded holds mostly the same text again; comparing with its first members is enough.
const MAX_BUCKET_SCAN = 200;

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

/** FNV-1a over UTF-16 code units. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix32(i + 0x9e3779b9));

/** MinHash signature of a text's character shingles. */
export function minhashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const last = Math.max(0, text.length - SHINGLE);
  for (let start = 0; start <= last; start += 1) {
    const base = hashString(text.slice(start, start + SHINGLE));
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
  /** Ids of tweets whose normalized text equals another's. */
  exact: Member[];
  /** Ids of tweets nearly the same as another, not counted in `exact`. */
  near: Member[];
  /** Groups of tweets that repeat each other (two or more tweets each). */
  groups: number;
}

/**
 * Finds repeated tweets in one period: exact repeats by normalized text, near repeats by MinHash
 * over character shingles with banded lookup (locality-sensitive hashing), so the cost stays close
 * to linear in the number of distinct texts.
 */
export class DuplicateFinder {
  private readonly byText = new Map<string, Member[]>();

  /** Adds a tweet by its raw text. */
  add(id: string, createdAt: number, text: string): void {
    this.addNormalized(id, createdAt, normalizeForDuplicates(text));
  }

  /** Adds a tweet whose text went through {@link normalizeForDuplicates} already. */
  addNormalized(id: string, createdAt: number, normalized: string): void {
    if (normalized.split(' ').length < MIN_DUPLICATE_WORDS) return;
    const members = this.byText.get(normalized);
    if (members) members.push({ id, createdAt });
    else this.byText.set(normalized, [{ id, createdAt }]);
  }

  finish(): DuplicateFindings {
    // Sorted, so groups never depend on the order tweets arrived in.
    const texts = [...this.byText.keys()].sort(compareStrings);
    const parent = texts.map((_, i) => i);
    const find = (i: number): number => {
      let root = i;
      while (parent[root] !== root) root = parent[root] as number;
      while (parent[i] !== root) {
        const next = parent[i] as number;
        parent[i] = root;
        i = next;
      }
      return root;
    };
    const signatures = texts.map(minhashSignature);
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, i) => {
      for (let band = 0; band < BANDS; band += 1) {
        const key = `${band}:${signature.subarray(band * ROWS, band * ROWS + ROWS).join(',')}`;
        const bucket = buckets.get(key);
        if (!bucket) {
          buckets.set(key, [i]);
          continue;
        }
        for (const j of bucket.slice(0, MAX_BUCKET_SCAN)) {
          const a = find(i);
          const b = find(j);
          if (a !== b && estimateSimilarity(signature, signatures[j] as Uint32Array) >= NEAR_DUPLICATE_SIMILARITY) {
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
        bucket.push(i);
      }
    });

    const componentSize = new Map<number, { texts: number; tweets: number }>();
    texts.forEach((text, i) => {
      const root = find(i);
      const size = componentSize.get(root) ?? { texts: 0, tweets: 0 };
      size.texts += 1;
      size.tweets += (this.byText.get(text) as Member[]).length;
      componentSize.set(root, size);
    });
    const exact: Member[] = [];
    const near: Member[] = [];
    texts.forEach((text, i) => {
      const members = this.byText.get(text) as Member[];
      if (members.length >= 2) exact.push(...members);
      else if ((componentSize.get(find(i))?.texts ?? 0) >= 2) near.push(...members);
    });
    const groups = [...componentSize.values()].filter((size) => size.tweets >= 2).length;
    return { exact: exact.sort(compareMembers), near: near.sort(compareMembers), groups };
  }
}

/** By time, then id. */
export function compareMembers(a: Member, b: Member): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}
