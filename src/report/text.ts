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

/** {@link TextAnalysis}, reusable from tweet to tweet. */
export class TextScan implements TextAnalysis {
  words: string[] = [];
  phrases: string[] = [];
  normalized = '';
  /** Words of `normalized`. */
  normalizedWords = 0;
  hasOwnWords = false;

  /** Analyzes one text, replacing what the previous call left. */
  scan(text: string): this {
    const table = classTable();
    const lower = cleaned(text, table);
    const words: string[] = [];
    const phrases: string[] = [];
    // Every run of letters and digits, hashtags' included: the duplicate key, joined by spaces.
    const tokens: string[] = [];
    let own = false;
    // The previous content word of the clause (null: none).
    let previous: string | null = null;
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
          if ((classes & PHRASE_BREAK) !== 0) previous = null;
          i += c < 0xd800 ? 1 : widthAt(lower, i);
          continue;
        }
      }
      // Words: runs of letters and digits (split on /[^\p{L}\p{N}]+/u), joined by one space in
      // the duplicate key. A hashtag's are joined by "_".
      let start = i;
      let digitsOnly = true;
      for (;;) {
        start = i;
        digitsOnly = true;
        let unit = lower.charCodeAt(i);
        let unitClasses = unit < 0xd800 ? (table[unit] as number) : classesAt(lower, i, table);
        do {
          if ((unitClasses & DIGIT) === 0) digitsOnly = false;
          if (unit >= 0xd800 && widthAt(lower, i) === 2) i += 1;
          i += 1;
          if (i >= n) break;
          unit = lower.charCodeAt(i);
          unitClasses = unit < 0xd800 ? (table[unit] as number) : classesAt(lower, i, table);
        } while ((unitClasses & LETTER_OR_DIGIT) !== 0);
        tokens.push(lower.slice(start, i));
        if (!inHashtag || i >= n || lower.charCodeAt(i) !== UNDERSCORE) break;
        while (i < n && lower.charCodeAt(i) === UNDERSCORE) i += 1;
        if (i >= n || (classesAt(lower, i, table) & LETTER_OR_DIGIT) === 0) break;
      }
      if (inHashtag) continue;
      // Topic words: two code units or more, not only digits, not a stopword.
      if (i - start < 2 || digitsOnly) {
        const first = lower.charCodeAt(start);
        if (digitsOnly || (first !== 0x68 && first !== 0x74)) own = true; // "h" and "t" are filler
        previous = null;
        continue;
      }
      const word = tokens[tokens.length - 1] as string;
      if (!LINK_FILLER.has(word)) own = true;
      if (STOPWORDS.has(word)) {
        previous = null;
        continue;
      }
      words.push(word);
      if (previous !== null) phrases.push(`${previous} ${word}`);
      previous = word;
    }
    this.words = words;
    this.phrases = phrases;
    this.normalized = tokens.join(' ');
    this.normalizedWords = tokens.length;
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
