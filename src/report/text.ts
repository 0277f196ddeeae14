import { STOPWORDS } from './stopwords.js';

// Links, handles and the "RT @user:" prefix are not the user's words, so every analysis below
// removes them first. Hashtags are counted on their own from Tweet.hashtags.
//
// The aggregator runs this on every tweet of a detailed month, so it is one hand-written scan per
// step instead of a dozen regular expressions and splits. Each step does exactly what the
// expression in its comment does (test/report/text.test.ts checks them against each other), and
// character classes come from those same expressions through a table built once.

// Character classes, as bits of a table over UTF-16 code units (code points above U+FFFF are
// looked up and cached; lone surrogates belong to no class).
const LETTER_OR_DIGIT = 1; // [\p{L}\p{N}]
const DIGIT = 2; // \p{N}
const WORD = 4; // \w in /iu mode (the link's \b and the retweet prefix)
const SPACE = 8; // \s
const PHRASE_BREAK = 16; // [.!?;:,()[\]{}"“”«»…\n|/\\–—]: a phrase does not run across them
const PHRASE_BREAKS = '.!?;:,()[]{}"“”«»…\n|/\\–—';

let bmp: Uint8Array | null = null;
const astral = new Map<number, number>();

function classTable(): Uint8Array {
  if (bmp) return bmp;
  const units = new Uint16Array(0x10000);
  // Surrogates stand in as U+0001, which is in no class, so no pair forms across the table.
  for (let c = 0; c < 0x10000; c += 1) units[c] = c >= 0xd800 && c <= 0xdfff ? 1 : c;
  const all = new TextDecoder('utf-16le').decode(units);
  const table = new Uint8Array(0x10000);
  // Each replacement keeps one code unit per character, so indexes stay aligned.
  const mark = (pattern: RegExp, replacement: string, bit: number) => {
    const marked = all.replace(pattern, replacement);
    const code = replacement.charCodeAt(0);
    for (let c = 0; c < 0x10000; c += 1) if (marked.charCodeAt(c) === code) table[c] = (table[c] as number) | bit;
  };
  mark(/[\p{L}\p{N}]/gu, 'A', LETTER_OR_DIGIT);
  mark(/\p{N}/gu, '0', DIGIT);
  mark(/\w/giu, 'a', WORD);
  mark(/\s/gu, ' ', SPACE);
  for (const ch of PHRASE_BREAKS) table[ch.charCodeAt(0)] = (table[ch.charCodeAt(0)] as number) | PHRASE_BREAK;
  for (let c = 0xd800; c <= 0xdfff; c += 1) table[c] = 0;
  bmp = table;
  return table;
}

function astralClasses(codePoint: number): number {
  let classes = astral.get(codePoint);
  if (classes === undefined) {
    const ch = String.fromCodePoint(codePoint);
    classes =
      (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : 0) |
      (/\p{N}/u.test(ch) ? DIGIT : 0) |
      (/\w/iu.test(ch) ? WORD : 0) |
      (/\s/u.test(ch) ? SPACE : 0);
    astral.set(codePoint, classes);
  }
  return classes;
}

/** Classes of the code point starting at `i` (a surrogate pair counts as one). */
function classesAt(text: string, i: number, table: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return table[c] as number;
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return 0;
  return astralClasses((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
}

/** Classes of the code point ending just before `i`. */
function classesBefore(text: string, i: number, table: Uint8Array): number {
  const c = text.charCodeAt(i - 1);
  if (c < 0xdc00 || c > 0xdfff || i < 2) return table[c] as number;
  const high = text.charCodeAt(i - 2);
  if (high < 0xd800 || high > 0xdbff) return 0;
  return astralClasses((high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
}

/** Code units of the code point starting at `i`. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

const UNDERSCORE = 0x5f;
const AT = 0x40;
const HASH = 0x23;
const AMPERSAND = 0x26;

/** [A-Za-z0-9_]: \w without the /i flag. */
function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === UNDERSCORE;
}

/** Where /^\s*RT\s+@\w+:?/iu ends in the text, or -1 when it does not match. */
function retweetPrefixEnd(text: string, table: Uint8Array): number {
  const n = text.length;
  let i = 0;
  while (i < n && ((table[text.charCodeAt(i)] as number) & SPACE) !== 0) i += 1;
  if (i + 1 >= n || (text.charCodeAt(i) | 0x20) !== 0x72 || (text.charCodeAt(i + 1) | 0x20) !== 0x74) return -1;
  i += 2;
  const spaces = i;
  while (i < n && ((table[text.charCodeAt(i)] as number) & SPACE) !== 0) i += 1;
  if (i === spaces || i >= n || text.charCodeAt(i) !== AT) return -1;
  i += 1;
  const word = i;
  while (i < n && ((table[text.charCodeAt(i)] as number) & WORD) !== 0) i += 1;
  if (i === word) return -1;
  if (i < n && text.charCodeAt(i) === 0x3a) i += 1;
  return i;
}

/** `word` (lowercase ASCII) at `i`, its letters in either case. */
function startsWithIgnoringCase(text: string, i: number, word: string): boolean {
  if (i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k += 1) {
    const expected = word.charCodeAt(k);
    const actual = text.charCodeAt(i + k);
    if (actual !== expected && !(expected >= 0x61 && expected <= 0x7a && actual === expected - 0x20)) return false;
  }
  return true;
}

// Every link has one of these; most tweets have neither, and a native search says so quickly.
const LINK_HINT = /:\/\/|www\./iu;

/** text.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ') */
function removeLinks(text: string, table: Uint8Array): string {
  if (!LINK_HINT.test(text)) return text;
  const n = text.length;
  let out = '';
  let kept = 0;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i) | 0x20;
    if (c !== 0x68 && c !== 0x77) continue; // h, w
    if (i > 0 && ((table[text.charCodeAt(i - 1)] as number) & WORD) !== 0) continue;
    let end: number;
    if (startsWithIgnoringCase(text, i, 'http')) {
      end = i + 4;
      if (end < n && (text.charCodeAt(end) | 0x20) === 0x73) end += 1;
      if (!(text.startsWith('://', end))) continue;
      end += 3;
    } else if (startsWithIgnoringCase(text, i, 'www') && text.charCodeAt(i + 3) === 0x2e) {
      end = i + 4;
    } else {
      continue;
    }
    const rest = end;
    while (end < n && ((table[text.charCodeAt(end)] as number) & SPACE) === 0) end += 1;
    if (end === rest) continue;
    out += `${text.slice(kept, i)} `;
    kept = end;
    i = end - 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** text.replace(/(^|[^\p{L}\p{N}_])@\w+/gu, '$1 ') */
function removeHandles(text: string, table: Uint8Array): string {
  let at = text.indexOf('@');
  if (at < 0) return text;
  const n = text.length;
  let out = '';
  let kept = 0;
  while (at >= 0) {
    let end = at + 1;
    if ((at === 0 || !isHandleNeighbour(text, at, table)) && end < n && isAsciiWord(text.charCodeAt(end))) {
      while (end < n && isAsciiWord(text.charCodeAt(end))) end += 1;
      out += `${text.slice(kept, at)} `;
      kept = end;
    }
    at = text.indexOf('@', end);
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** The code point before `i` is a letter, digit or "_": "x@y" is not a handle. */
function isHandleNeighbour(text: string, i: number, table: Uint8Array): boolean {
  return text.charCodeAt(i - 1) === UNDERSCORE || (classesBefore(text, i, table) & LETTER_OR_DIGIT) !== 0;
}

/** The text with links, handles and the retweet prefix removed, then lowercased. */
function cleaned(text: string, table: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  // NFKC leaves ASCII alone.
  let current = ascii ? text : text.normalize('NFKC');
  const prefix = retweetPrefixEnd(current, table);
  if (prefix >= 0) current = ` ${current.slice(prefix)}`;
  return removeHandles(removeLinks(current, table), table).toLowerCase();
}

// Tokens a bare link is allowed to carry and still count as having no words of its own.
const LINK_FILLER = new Set(['via', 'rt', 'cc', 'mt', 'ht', 'h', 't']);

/** Everything the report reads from a tweet's own text, from one cleaning pass. */
export interface TextAnalysis {
  words: string[];
  phrases: string[];
  /** As {@link normalizeForDuplicates}. */
  normalized: string;
  /** As {@link hasOwnWords}. */
  hasOwnWords: boolean;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const STOPWORD = 1;
const FILLER = 2;

/**
 * Every word met so far, numbered: a word is looked up by the hash of its code units (checked
 * unit by unit), so a word seen before costs no string and no string hashing. Stopwords and link
 * filler are entered first, with their flags.
 */
export class Vocabulary {
  private units = new Uint16Array(4096);
  private unitsUsed = 0;
  private readonly starts: number[] = [0];
  private readonly hashes: number[] = [];
  /** Each word as a string, by number. */
  readonly words: string[] = [];
  flags = new Uint8Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  private shift = 21;

  constructor() {
    for (const word of STOPWORDS) this.mark(this.enter(word), STOPWORD);
    for (const word of LINK_FILLER) this.mark(this.enter(word), FILLER);
  }

  private mark(id: number, flag: number): void {
    this.flags[id] = (this.flags[id] as number) | flag;
  }

  /** The number of a word given as a string. */
  enter(word: string): number {
    const units = new Uint16Array(word.length);
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i += 1) {
      units[i] = word.charCodeAt(i);
      hash = Math.imul(hash ^ (units[i] as number), FNV_PRIME);
    }
    return this.lookup(units, 0, word.length, hash, word, 0);
  }

  /** The number of the word whose code units are `units[from .. to)`, entered if new. */
  enterUnits(units: Uint16Array, from: number, to: number): number {
    let hash = FNV_OFFSET;
    for (let i = from; i < to; i += 1) hash = Math.imul(hash ^ (units[i] as number), FNV_PRIME);
    return this.lookup(units, from, to, hash, null, 0);
  }

  /** Every word's code units, one after another: word i is units[starts[i] .. starts[i + 1]). */
  snapshot(): { units: Uint16Array; starts: Int32Array } {
    return { units: this.units.slice(0, this.unitsUsed), starts: Int32Array.from(this.starts) };
  }

  /**
   * The number of the word whose code units are `units[from .. to)` with FNV-1a hash `hash`; a
   * new word is taken as a string from `source` at `sourceFrom` (from the units when null).
   */
  lookup(units: Uint16Array, from: number, to: number, hash: number, source: string | null, sourceFrom: number): number {
    const length = to - from;
    const mask = this.slots.length - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (let id = this.slots[slot] as number; id >= 0; id = this.slots[slot] as number) {
      if (this.hashes[id] === hash && this.same(id, units, from, length)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.slots[slot] = id;
    this.hashes.push(hash);
    this.words.push(source === null ? unitsToString(units, from, to) : source.slice(sourceFrom, sourceFrom + length));
    if (this.unitsUsed + length > this.units.length) {
      const grown = new Uint16Array(Math.max(this.units.length * 2, this.unitsUsed + length));
      grown.set(this.units.subarray(0, this.unitsUsed));
      this.units = grown;
    }
    this.units.set(units.subarray(from, to), this.unitsUsed);
    this.unitsUsed += length;
    this.starts.push(this.unitsUsed);
    if (id >= this.flags.length) {
      const grown = new Uint8Array(this.flags.length * 2);
      grown.set(this.flags);
      this.flags = grown;
    }
    if (this.words.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private same(id: number, units: Uint16Array, from: number, length: number): boolean {
    const start = this.starts[id] as number;
    if ((this.starts[id + 1] as number) - start !== length) return false;
    for (let i = 0; i < length; i += 1) if (this.units[start + i] !== units[from + i]) return false;
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.shift -= 1;
    for (let id = 0; id < this.hashes.length; id += 1) {
      let slot = Math.imul(this.hashes[id] as number, 0x9e3779b1) >>> this.shift;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/**
 * {@link TextAnalysis}, reusable from tweet to tweet, with words as numbers of its
 * {@link Vocabulary}: `wordIds[0 .. wordCount)`, phrases as pairs `phraseFirst[k]`,
 * `phraseSecond[k]` for k < phraseCount. The duplicate key is kept as code units
 * (`units[0 .. unitCount)`, with their FNV-1a hash). Strings are made only when asked for.
 */
export class TextScan implements TextAnalysis {
  readonly vocabulary: Vocabulary;
  wordIds = new Int32Array(256);
  wordCount = 0;
  phraseFirst = new Int32Array(256);
  phraseSecond = new Int32Array(256);
  phraseCount = 0;
  /** Words of `normalized`. */
  normalizedWords = 0;
  hasOwnWords = false;
  units = new Uint16Array(512);
  unitCount = 0;
  unitHash = FNV_OFFSET;

  constructor(vocabulary = new Vocabulary()) {
    this.vocabulary = vocabulary;
  }

  get words(): string[] {
    return Array.from(this.wordIds.subarray(0, this.wordCount), (id) => this.vocabulary.words[id] as string);
  }

  get phrases(): string[] {
    const words = this.vocabulary.words;
    return Array.from({ length: this.phraseCount }, (_, k) => `${words[this.phraseFirst[k] as number]} ${words[this.phraseSecond[k] as number]}`);
  }

  get normalized(): string {
    let out = '';
    for (let i = 0; i < this.unitCount; i += 4096) {
      out += String.fromCharCode(...this.units.subarray(i, Math.min(this.unitCount, i + 4096)));
    }
    return out;
  }

  /** Analyzes one text, replacing what the previous call left. */
  scan(text: string): this {
    const table = classTable();
    const lower = cleaned(text, table);
    const vocabulary = this.vocabulary;
    if (this.units.length < lower.length) {
      this.units = new Uint16Array(lower.length * 2);
      this.wordIds = new Int32Array(lower.length);
      this.phraseFirst = new Int32Array(lower.length);
      this.phraseSecond = new Int32Array(lower.length);
    }
    const units = this.units;
    const wordIds = this.wordIds;
    const phraseFirst = this.phraseFirst;
    const phraseSecond = this.phraseSecond;
    let wordCount = 0;
    let phraseCount = 0;
    let count = 0;
    let hash = FNV_OFFSET;
    let own = false;
    // The previous content word of the clause (-1: none).
    let previous = -1;
    let tokens = 0;
    const n = lower.length;
    let i = 0;
    while (i < n) {
      const c = lower.charCodeAt(i);
      const classes = c < 0xd800 ? (table[c] as number) : classesAt(lower, i, table);
      let inHashtag = false;
      if ((classes & LETTER_OR_DIGIT) === 0) {
        if (c === HASH && this.hashtagAt(lower, i, table)) {
          // /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/u: its words count for duplicates, not for topics.
          inHashtag = true;
          i += 1;
          while (i < n && lower.charCodeAt(i) === UNDERSCORE) i += 1;
          if (i >= n || (classesAt(lower, i, table) & LETTER_OR_DIGIT) === 0) continue;
        } else {
          if ((classes & PHRASE_BREAK) !== 0) previous = -1;
          i += c < 0xd800 ? 1 : widthAt(lower, i);
          continue;
        }
      }
      // Words: runs of letters and digits (split on /[^\p{L}\p{N}]+/u), joined by one space in
      // the duplicate key. A hashtag's are joined by "_".
      let start = i;
      let tokenStart = count;
      let tokenHash = FNV_OFFSET;
      let digitsOnly = true;
      for (;;) {
        if (tokens > 0) {
          units[count] = 0x20;
          count += 1;
          hash = Math.imul(hash ^ 0x20, FNV_PRIME);
        }
        tokens += 1;
        start = i;
        tokenStart = count;
        tokenHash = FNV_OFFSET;
        digitsOnly = true;
        let unit = lower.charCodeAt(i);
        let unitClasses = unit < 0xd800 ? (table[unit] as number) : classesAt(lower, i, table);
        do {
          if ((unitClasses & DIGIT) === 0) digitsOnly = false;
          units[count] = unit;
          count += 1;
          hash = Math.imul(hash ^ unit, FNV_PRIME);
          tokenHash = Math.imul(tokenHash ^ unit, FNV_PRIME);
          if (unit >= 0xd800 && widthAt(lower, i) === 2) {
            i += 1;
            unit = lower.charCodeAt(i);
            units[count] = unit;
            count += 1;
            hash = Math.imul(hash ^ unit, FNV_PRIME);
            tokenHash = Math.imul(tokenHash ^ unit, FNV_PRIME);
          }
          i += 1;
          if (i >= n) break;
          unit = lower.charCodeAt(i);
          unitClasses = unit < 0xd800 ? (table[unit] as number) : classesAt(lower, i, table);
        } while ((unitClasses & LETTER_OR_DIGIT) !== 0);
        if (!inHashtag || i >= n || lower.charCodeAt(i) !== UNDERSCORE) break;
        while (i < n && lower.charCodeAt(i) === UNDERSCORE) i += 1;
        if (i >= n || (classesAt(lower, i, table) & LETTER_OR_DIGIT) === 0) break;
      }
      if (inHashtag) continue;
      // Topic words: two code units or more, not only digits, not a stopword.
      if (i - start < 2 || digitsOnly) {
        const first = lower.charCodeAt(start);
        if (digitsOnly || (first !== 0x68 && first !== 0x74)) own = true; // "h" and "t" are filler
        previous = -1;
        continue;
      }
      const id = vocabulary.lookup(units, tokenStart, count, tokenHash, lower, start);
      const flags = vocabulary.flags[id] as number;
      if ((flags & FILLER) === 0) own = true;
      if ((flags & STOPWORD) !== 0) {
        previous = -1;
        continue;
      }
      wordIds[wordCount] = id;
      wordCount += 1;
      if (previous >= 0) {
        phraseFirst[phraseCount] = previous;
        phraseSecond[phraseCount] = id;
        phraseCount += 1;
      }
      previous = id;
    }
    this.wordCount = wordCount;
    this.phraseCount = phraseCount;
    this.unitCount = count;
    this.unitHash = hash;
    this.normalizedWords = tokens;
    this.hasOwnWords = own;
    return this;
  }

  /** A "#" at `i` opens a hashtag: not after a letter, digit, "_" or "&", and followed by one. */
  private hashtagAt(text: string, i: number, table: Uint8Array): boolean {
    if (i + 1 >= text.length) return false;
    const next = text.charCodeAt(i + 1);
    if (next !== UNDERSCORE && (classesAt(text, i + 1, table) & LETTER_OR_DIGIT) === 0) return false;
    if (i === 0) return true;
    const before = text.charCodeAt(i - 1);
    return before !== UNDERSCORE && before !== AMPERSAND && (classesBefore(text, i, table) & LETTER_OR_DIGIT) === 0;
  }
}

/**
 * The words, phrases, duplicate key and bare-link test of a text at once: links, handles,
 * hashtags, the retweet prefix and stopwords removed, lowercased. A phrase joins two content
 * words that stand next to each other in the same clause.
 */
export function analyzeText(text: string): TextAnalysis {
  const { words, phrases, normalized, hasOwnWords } = new TextScan().scan(text);
  return { words, phrases, normalized, hasOwnWords };
}

/**
 * The user's own words and two-word phrases of a tweet, lowercased: links, handles, hashtags,
 * the retweet prefix and stopwords removed. A phrase joins two content words that stand next to
 * each other in the same clause.
 */
export function extractTerms(text: string): { words: string[]; phrases: string[] } {
  const { words, phrases } = analyzeText(text);
  return { words, phrases };
}

/**
 * The text as compared for duplicates: compatibility-normalized (fullwidth forms folded),
 * lowercased, links, handles, the retweet prefix, "#" signs and punctuation removed, spaces
 * collapsed. Two tweets that say the same thing to different people ("@a thanks for the RT!" and
 * "@b thanks for the RT") compare equal.
 */
export function normalizeForDuplicates(text: string): string {
  return analyzeText(text).normalized;
}

/** True when a tweet has words of its own besides links, handles, hashtags and "via". */
export function hasOwnWords(text: string): boolean {
  return analyzeText(text).hasOwnWords;
}

/** The host of a URL, lowercased, without "www."; null when it does not parse. */
export function domainOf(url: string): string | null {
  const fast = simpleHost(url);
  if (fast !== undefined) return fast;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(url) ? url : `http://${url}`).hostname;
    return host.length > 0 ? host.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}

/**
 * The common case of {@link domainOf} without a URL parser: "http(s)://" and a plain ASCII host
 * of dot-separated labels whose last label starts with a letter (so not an IPv4 address), ended
 * by "/", "?", "#" or the end. Anything else (ports, credentials, IDNA, escapes, IP addresses)
 * returns undefined and goes to the parser.
 */
function simpleHost(url: string): string | null | undefined {
  let i: number;
  if (startsWithIgnoringCase(url, 0, 'https://')) i = 8;
  else if (startsWithIgnoringCase(url, 0, 'http://')) i = 7;
  else return undefined;
  const start = i;
  let labelStart = i;
  let upper = false;
  for (; i < url.length; i += 1) {
    const c = url.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) break;
    if (c === 0x2e) {
      if (i === labelStart) return undefined; // empty label
      labelStart = i + 1;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) return undefined;
  }
  if (i === labelStart) return undefined; // empty host or trailing dot
  const first = url.charCodeAt(labelStart) | 0x20;
  if (first < 0x61 || first > 0x7a) return undefined;
  let host = url.slice(start, i);
  if (upper) host = host.toLowerCase();
  if (host.startsWith('xn--') || host.includes('.xn--')) return undefined;
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** `String.fromCharCode(...units[from..to))` in pieces: spread arguments past ~100k overflow the stack. */
function unitsToString(units: Uint16Array, from: number, to: number): string {
  if (to - from <= 8192) return String.fromCharCode(...units.subarray(from, to));
  let out = '';
  for (let i = from; i < to; i += 8192) out += String.fromCharCode(...units.subarray(i, Math.min(to, i + 8192)));
  return out;
}
