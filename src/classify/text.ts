import type { Tweet } from '../model/tweet.js';
import { LEXICON_IDS, LEXICONS, type LexiconId } from './lexicons.js';

/** The languages that have word lists, stemmers and sentiment vocabularies. */
export const LANGS = ['en', 'es', 'fr', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** One link of a tweet, parsed once. */
export interface TweetLink {
  /** Lowercased host without a leading "www.". */
  host: string;
  /** Lowercased path, starting with "/" (no query). */
  path: string;
  /** host + path, for prefix tests ("github.com/alrocar/..."). */
  hostPath: string;
}

/**
 * What the rules and the model read of a tweet's text, computed once per tweet. Everything here is
 * derived from the Tweet; structural facts (reply, retweet, mentions…) stay on the Tweet itself.
 */
export interface TweetText {
  lang: Lang;
  /**
   * Handles (lowercased) that open the text, after any "RT @x:" prefix: the people a reply or an
   * old-style "@x hello" addresses.
   */
  leadingHandles: string[];
  /** Mentions outside the opening handles: people the text talks about. */
  bodyMentions: string[];
  /** Words of the body (after the opening handles), lowercased and accent-folded; no handles, no URLs. */
  words: string[];
  /** The vocabulary's record of each word, in the order of `words`. */
  infos: WordInfo[];
  /** Emoji of the body, one entry each. */
  emoji: string[];
  /** The body with URLs and handles removed, trimmed, as written (for "?" and "Q1:" tests). */
  body: string;
  /** The first matched entry of each word list that matched. */
  hits: ReadonlyMap<LexiconId, string>;
  links: TweetLink[];
}

// Folded form of each non-ASCII character ("é" -> "e", "’" -> "'"), worked out with normalize()
// the first time the character is met: calling normalize() on every tweet was a hot spot.
const FOLDED = new Map<number, string>();
const APOSTROPHES = new Set([...'’ʼ`´'].map((char) => char.charCodeAt(0)));

function foldChar(code: number): string {
  let folded = FOLDED.get(code);
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    folded = APOSTROPHES.has(code)
      ? "'"
      : code >= 0xd800 && code <= 0xdfff
        ? char
        : char.normalize('NFD').replace(/\p{M}/gu, '');
    FOLDED.set(code, folded);
  }
  return folded;
}

/** Lowercases, removes accents and unifies apostrophes, so "Película" and "pelicula" compare equal. */
export function fold(value: string): string {
  return foldLowercase(value.toLowerCase());
}

/** `fold` of text already lowercased. */
function foldLowercase(lower: string): string {
  // Parts joined at the end: a string built with += is a rope, and reading a rope char by char
  // (as `words` does) is several times slower than reading a flat string.
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) continue;
    const folded = foldChar(code);
    if (folded.length === 1 && folded.charCodeAt(0) === code) continue;
    parts.push(lower.slice(from, i), folded);
    from = i + 1;
  }
  if (from === 0) return lower;
  parts.push(lower.slice(from));
  return parts.join('');
}

// Whether each UTF-16 code unit is a word character (a letter or digit of any script): 1 yes,
// 2 no, 0 not decided yet. Decided on first sight, so nothing is computed at import time.
const WORD_CHAR = new Uint8Array(0x10000);
const WORD_CHAR_TEST = /[\p{L}\p{N}]/u;

function isWordChar(code: number): boolean {
  let known = WORD_CHAR[code]!;
  if (known === 0) {
    const yes =
      code < 0x80
        ? (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)
        : !(code >= 0xd800 && code <= 0xdfff) && WORD_CHAR_TEST.test(String.fromCharCode(code));
    WORD_CHAR[code] = known = yes ? 1 : 2;
  }
  return known === 1;
}
const APOSTROPHE = 0x27;
// French elisions (l', j', d', qu'…) are split off so "j'écoute" yields "écoute" as a word.
const ELISION = /^(?:[ljdnmstc]|qu)'/;

/**
 * Splits folded text into words: runs of letters and digits, with inner apostrophes kept
 * ("we're"), French elisions split ("j'ai" -> "j'", "ai"). A hand-written scanner: the regex
 * equivalent was a hot spot at tens of thousands of tweets per second.
 */
export function words(folded: string): string[] {
  const out: string[] = [];
  const length = folded.length;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? folded.charCodeAt(i) : 0;
    if (code !== 0 && isWordChar(code)) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      if (code === APOSTROPHE && i + 1 < length && isWordChar(folded.charCodeAt(i + 1))) continue;
      pushWord(out, folded.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** Per code unit: 1 when `foldChar` leaves it as it is, 2 when not, 0 not decided yet. */
const UNFOLDED = new Uint8Array(0x10000);

function isUnfolded(code: number): boolean {
  let known = UNFOLDED[code]!;
  if (known === 0) UNFOLDED[code] = known = foldChar(code) === String.fromCharCode(code) ? 1 : 2;
  return known === 1;
}

/**
 * Per code unit: 1 + the one code unit `foldChar` makes of it, SPECIAL when it makes none or
 * several; 0 not decided yet.
 */
const FOLDED_UNIT = new Int32Array(0x10000);
const SPECIAL = -1;

/** The one code unit `foldChar` makes of a code unit, or SPECIAL (a combining accent folds to nothing). */
function foldedUnit(code: number): number {
  let known = FOLDED_UNIT[code]!;
  if (known === 0) {
    const folded = foldChar(code);
    FOLDED_UNIT[code] = known = folded.length === 1 ? folded.charCodeAt(0) + 1 : SPECIAL;
  }
  return known === SPECIAL ? SPECIAL : known - 1;
}

/** `text[from..to)` of lowercased text with each code unit folded (none of them SPECIAL). */
function foldedSlice(text: string, from: number, to: number): string {
  const codes: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    codes.push(code >= 0x80 ? foldedUnit(code) : code);
  }
  if (codes.length <= 8192) return String.fromCharCode(...codes);
  // Spread arguments past ~100k overflow the stack: a long word goes in pieces.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Whether `word` is `text[from..from + word.length)`: for words, faster than `startsWith`. */
function isAt(word: string, text: string, from: number): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(from + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether `word` is `text[from..from + word.length)` of lowercased text, folded unit by unit. */
function isFoldedAt(word: string, text: string, from: number): boolean {
  for (let k = 0; k < word.length; k++) {
    let code = text.charCodeAt(from + k);
    if (code >= 0x80) code = foldedUnit(code);
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Reads the words of `fold(text)` (as `words` splits them) into `tokens`, with their records
 * into `infos`. Each word is hashed as it is read and found in the vocabulary's table, so a word
 * met before costs no new string. Lowercased text that folding leaves as it is (most tweets,
 * emoji included) is read as it is; text with accents is read again with each accented letter
 * folded as it is met ("é" -> "e"); only text with a code unit that folds to no or several units
 * (a combining accent) is folded as a whole first.
 */
function readWords(text: string, vocabulary: Vocabulary, tokens: string[], infos: WordInfo[]): void {
  const lower = text.toLowerCase();
  if (scanWords(lower, true, vocabulary, tokens, infos)) return;
  tokens.length = 0;
  infos.length = 0;
  if (scanFoldingWords(lower, vocabulary, tokens, infos)) return;
  tokens.length = 0;
  infos.length = 0;
  scanWords(foldLowercase(lower), false, vocabulary, tokens, infos);
}

/**
 * The scanner of `readWords`, equal to `words`. With `check`, it gives up (returns false) at the
 * first code unit that folding would change.
 */
function scanWords(text: string, check: boolean, vocabulary: Vocabulary, tokens: string[], infos: WordInfo[]): boolean {
  const length = text.length;
  let start = -1;
  let hash = 0;
  let apostrophe = false;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 0;
    if (code >= 0x80 && check && !isUnfolded(code)) return false;
    if (code !== 0 && isWordChar(code)) {
      if (start === -1) {
        start = i;
        hash = 0;
        apostrophe = false;
      }
      hash = hashStep(hash, code);
    } else if (start !== -1) {
      if (code === APOSTROPHE && i + 1 < length && isWordChar(text.charCodeAt(i + 1))) {
        hash = hashStep(hash, code);
        apostrophe = true;
        continue;
      }
      if (apostrophe && i - start > 2) {
        pushElided(text.slice(start, i), vocabulary, tokens, infos);
      } else {
        const info = vocabulary.recordAt(vocabulary.find(text, start, i, hash, false));
        tokens.push(info.word);
        infos.push(info);
      }
      start = -1;
    }
  }
  return true;
}

/**
 * `scanWords` of lowercased text with accents, reading each code unit as `foldedUnit` gives it:
 * the text is not folded as a whole. Gives up (returns false) at the first SPECIAL code unit.
 * A copy of `scanWords` rather than a mode of it: the mode slowed the common case down.
 */
function scanFoldingWords(text: string, vocabulary: Vocabulary, tokens: string[], infos: WordInfo[]): boolean {
  const length = text.length;
  let start = -1;
  let hash = 0;
  let apostrophe = false;
  for (let i = 0; i <= length; i++) {
    let code = i < length ? text.charCodeAt(i) : 0;
    if (code >= 0x80) {
      code = foldedUnit(code);
      if (code === SPECIAL) return false;
    }
    if (code !== 0 && isWordChar(code)) {
      if (start === -1) {
        start = i;
        hash = 0;
        apostrophe = false;
      }
      hash = hashStep(hash, code);
    } else if (start !== -1) {
      if (code === APOSTROPHE && i + 1 < length) {
        let next = text.charCodeAt(i + 1);
        // A SPECIAL next unit makes the next round give up.
        if (next >= 0x80) next = foldedUnit(next);
        if (next !== SPECIAL && isWordChar(next)) {
          hash = hashStep(hash, code);
          apostrophe = true;
          continue;
        }
      }
      if (apostrophe && i - start > 2) {
        pushElided(foldedSlice(text, start, i), vocabulary, tokens, infos);
      } else {
        const info = vocabulary.recordAt(vocabulary.find(text, start, i, hash, true));
        tokens.push(info.word);
        infos.push(info);
      }
      start = -1;
    }
  }
  return true;
}

/**
 * Pushes a word with an inner apostrophe, a French elision split off ("j'ai" -> "j'", "ai"): rare
 * enough to take the plain way. Kept out of `scanWords`: inlined there, it made the scanner's
 * every character measurably slower.
 */
function pushElided(word: string, vocabulary: Vocabulary, tokens: string[], infos: WordInfo[]): void {
  const pieces: string[] = [];
  pushWord(pieces, word);
  for (const piece of pieces) {
    tokens.push(piece);
    infos.push(vocabulary.info(piece));
  }
}

function pushWord(out: string[], word: string): void {
  if (word.length > 2 && word.includes("'")) {
    const elided = ELISION.exec(word);
    if (elided) {
      out.push(elided[0], word.slice(elided[0].length));
      return;
    }
  }
  out.push(word);
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
// Emoji live in the surrogate range or in the symbol blocks: tested first, the match is costly.
const EMOJI_HINT = /[\u2190-\u2bff\ud83c-\ud83e]/;
/** Per code point met: its string when it is Extended_Pictographic, null when not. */
const PICTOGRAPHS = new Map<number, string | null>();

/**
 * The Extended_Pictographic code points of a text, in order: what
 * `text.match(/\p{Extended_Pictographic}/gu) ?? []` gives. The regex is asked once per distinct
 * code point rather than run over every tweet (it was a hot spot), and each emoji is one string
 * shared by all tweets. No ASCII character is pictographic.
 */
export function emojiIn(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    let emoji = PICTOGRAPHS.get(code);
    if (emoji === undefined) {
      const char = String.fromCodePoint(code);
      PICTOGRAPHS.set(code, (emoji = PICTOGRAPHIC.test(char) ? char : null));
    }
    if (emoji !== null) out.push(emoji);
  }
  return out;
}
const URL_IN_TEXT = /\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+/gi;
const RT_PREFIX = /^RT @\w+:?\s*/;

function isHandleChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  );
}

/**
 * Reads the handles a text opens with (".@ana @bob, hello" -> ana, bob) into `out`, and returns
 * where the rest of the text starts (0 when it opens with no handle). A hand-written scanner: the
 * regex equivalent ran on every reply.
 */
function scanLeadingHandles(text: string, out: string[]): number {
  let i = 0;
  let end = 0;
  for (;;) {
    let j = i;
    // Dots and spaces before a handle (".@ana" was the way to make a reply public).
    while (j < text.length && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) <= 0x20)) j++;
    if (text.charCodeAt(j) !== 0x40) return end;
    const from = ++j;
    while (j < text.length && isHandleChar(text.charCodeAt(j))) j++;
    if (j === from) return end;
    out.push(text.slice(from, j).toLowerCase());
    while (
      j < text.length &&
      (text.charCodeAt(j) <= 0x20 ||
        text.charCodeAt(j) === 0x2c ||
        text.charCodeAt(j) === 0x3a ||
        text.charCodeAt(j) === 0x3b)
    )
      j++;
    i = end = j;
  }
}
const HANDLE = /@\w{1,50}/g;

/**
 * Stopwords that tell the four languages apart when the archive has no `lang` ("und" or a legacy
 * format). Only frequent words, and words shared by two languages are left out.
 */
const LANG_HINTS: Record<Lang, ReadonlySet<string>> = {
  en: new Set([
    'the',
    'and',
    'is',
    'to',
    'of',
    'you',
    'for',
    'with',
    'this',
    'that',
    'it',
    'my',
    'i',
    'what',
    'have',
    'are',
    'on',
    'just',
    'be',
    'not',
    'we',
    'was',
    'will',
    'at',
    'from',
    'your',
    'our',
    "it's",
    "i'm",
    'how',
    'can',
    'do',
    'an',
    'all',
    'about',
    'so',
    'but',
    'if',
    'when',
    'who',
    'they',
    'has',
    'did',
    'now',
    'one',
    'out',
    'up',
    'no',
  ]),
  es: new Set([
    'el',
    'los',
    'las',
    'y',
    'un',
    'una',
    'por',
    'con',
    'para',
    'lo',
    'mi',
    'se',
    'del',
    'al',
    'pero',
    'como',
    'muy',
    'hay',
    'ya',
    'este',
    'esta',
    'todo',
    'mas',
    'yo',
    'me',
    'te',
    'os',
    'porque',
    'es',
    'son',
    'tengo',
    'hoy',
    'cuando',
    'donde',
    'eso',
    'esto',
    'tambien',
    'solo',
    'sin',
    'nos',
    'sus',
    'estoy',
    'hace',
    'ni',
    'bueno',
    'gracias',
  ]),
  fr: new Set([
    'le',
    'les',
    'des',
    'du',
    'et',
    'est',
    'une',
    'pour',
    'avec',
    'qui',
    'dans',
    'pas',
    'sur',
    'ce',
    'cette',
    'je',
    'tu',
    'il',
    'nous',
    'vous',
    'mon',
    'ma',
    'mes',
    "c'",
    'au',
    'aux',
    'ne',
    'plus',
    'tres',
    'ca',
    "j'",
    "l'",
    "d'",
    "qu'",
    'mais',
    'ou',
    'sont',
    'avoir',
    'fait',
    'bien',
    'merci',
    'chez',
    'aussi',
    'suis',
    'quand',
    'tout',
    'rien',
  ]),
  de: new Set([
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'mit',
    'fur',
    'auf',
    'ich',
    'du',
    'wir',
    'ihr',
    'den',
    'dem',
    'zu',
    'von',
    'auch',
    'noch',
    'aber',
    'wie',
    'bei',
    'sind',
    'hat',
    'mein',
    'heute',
    'jetzt',
    'nach',
    'wenn',
    'schon',
    'sehr',
    'gibt',
    'hier',
    'kein',
    'keine',
    'oder',
    'uns',
    'euch',
    'habe',
    'danke',
  ]),
};

const LANG_BITS = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const word of LANG_HINTS[lang]) LANG_BITS.set(word, (LANG_BITS.get(word) ?? 0) | (1 << i));
});

/** The tweet's language: the archive's when it is one of ours, else the language of most stopwords. */
export function guessLang(archiveLang: string | undefined, tokens: readonly string[]): Lang {
  if (archiveLang !== undefined && (LANGS as readonly string[]).includes(archiveLang)) return archiveLang as Lang;
  return langOfScores(tokens.map((token) => LANG_BITS.get(token) ?? 0));
}

function langOfScores(bitsPerWord: readonly number[]): Lang {
  const scores = [0, 0, 0, 0];
  for (const bits of bitsPerWord) {
    if (bits === 0) continue;
    for (let i = 0; i < 4; i++) if (bits & (1 << i)) scores[i]!++;
  }
  return bestLang(scores);
}

/** The language of most stopword hints among a text's word records (see `bestLang`). */
function langOfWords(infos: readonly WordInfo[]): Lang {
  const scores = [0, 0, 0, 0];
  for (const info of infos) {
    const bits = info.langBits;
    if (bits !== 0) for (let l = 0; l < 4; l++) if (bits & (1 << l)) scores[l]!++;
  }
  return bestLang(scores);
}

/** The language with most hints; English on ties and without hints. */
function bestLang(scores: readonly number[]): Lang {
  let best = 0;
  for (let i = 1; i < 4; i++) if (scores[i]! > scores[best]!) best = i;
  return LANGS[best]!;
}

/**
 * Function words that say nothing about the category, per language, left out of the model's
 * features. Pronouns ("my", "we", "you", "mi", "nous") are kept on purpose: they tell own work,
 * employer news and questions apart. Source: the author's knowledge of the four languages.
 */
const STOPWORDS: Record<Lang, readonly string[]> = {
  en: 'the a an and or of to in on at for with is are was were be been being it its this that these those as by from but so if then than there here also very can will would do does did has have had not no yes all some any more most about into out up over after before just'.split(
    ' ',
  ),
  es: 'el la los las un una unos unas y o de del al a en con por para que es son se lo como pero si ya muy mas este esta esto eso ese esa hay ha han fue ser estar sin sobre entre cuando donde'.split(
    ' ',
  ),
  fr: "le la les un une des du de et ou a au aux en dans sur pour par avec que qui est sont ce cette ces il elle ils elles pas ne plus se sa son ses l' d' qu' c' s' n' y comme mais si".split(
    ' ',
  ),
  de: 'der die das den dem des ein eine einen einem einer und oder zu von mit auf in im ist sind war es nicht auch noch aber wie bei aus fur an am als so dass zum zur'.split(
    ' ',
  ),
};
const STOP_BITS = new Map<string, number>();
LANGS.forEach((lang, i) => {
  for (const word of STOPWORDS[lang]) STOP_BITS.set(word, (STOP_BITS.get(word) ?? 0) | (1 << i));
});

/** The index of a language in LANGS, for per-language bit sets and arrays. */
export function langIndex(lang: Lang): number {
  return LANGS.indexOf(lang);
}

interface LexiconEntry {
  lexicon: LexiconId;
  term: string;
  /** Words after the first two (or after the first, for entries indexed by one word). */
  rest: string[];
  /** The last word is a prefix. */
  lastIsPrefix: boolean;
}

/** Entries by their first word: one-word entries, and longer ones by their second word. */
interface FirstWord {
  single: LexiconEntry[];
  /** Entries whose second word is exact, by that word. */
  bySecond: Map<string, LexiconEntry[]>;
  /** Entries of two words whose second word is a prefix ("buscamos perfil*"). */
  secondIsPrefix: LexiconEntry[];
}

/** Everything the classifier needs to know about one word, worked out once per distinct word. */
export interface WordInfo {
  /** The word itself, folded. */
  readonly word: string;
  /** Word-list entries that start with this word. */
  readonly entries: FirstWord | undefined;
  /** One-word "pref*" entries this word starts with. */
  readonly prefixed: readonly LexiconEntry[];
  /** Some word-list entry starts with this word (`entries` or `prefixed`): most words have none. */
  readonly listed: boolean;
  /**
   * Some word-list entry has this word second (exact, not as a prefix): after "the" or "my",
   * which start many entries, most words are none of their second words.
   */
  readonly second: boolean;
  /** Bit i: a stopword hint of LANGS[i] (for guessing the language). */
  readonly langBits: number;
  /** Bit i: a function word of LANGS[i] (left out of the model). */
  readonly stopBits: number;
  /**
   * What the model needs of the word, made on first use (most words of a large archive are met
   * once, and many never reach the model): at LANGS index i its stem in that language, at
   * MODEL_ROWS_AT + i the model's weight row of that stem (null: the model has not seen it) for
   * the weight table `rowsOf` (see `scoreTweet` in model.ts). One array rather than two, none until needed: with
   * tens of thousands of words in memory, two arrays of four on every word were ~80 bytes each.
   */
  model: (string | Float64Array | null | undefined)[] | undefined;
  rowsOf: object | undefined;
}

/** Where a word's model rows start in its `modelSlots`, after its stems (one per language). */
export const MODEL_ROWS_AT = LANGS.length;

/** `WordInfo.model` of a word, made when first needed. */
export function modelSlots(info: WordInfo): (string | Float64Array | null | undefined)[] {
  return (info.model ??= new Array<string | Float64Array | null | undefined>(2 * MODEL_ROWS_AT).fill(undefined));
}

/** The `prefixed` of the words no one-word prefix entry starts: nearly all, sharing one array. */
const NO_PREFIXED: readonly LexiconEntry[] = Object.freeze([]);

/** Distinct words cached before the cache is emptied (an archive has tens of thousands). */
const MAX_CACHED_WORDS = 500_000;
/** Slots of an empty word table; it doubles when half full. A power of two. */
const INITIAL_SLOTS = 1 << 12;

/** The hash of a word, one code unit at a time: the tokenizer hashes words as it reads them. */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The slot where a hash starts probing: its high bits are folded into the low ones that index the table. */
function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/**
 * The words the classifier knows: the word lists indexed by first word, language hints,
 * function words and stems, all looked up through one cached record per distinct word. A tweet's
 * twenty words thus cost twenty map lookups, not a hundred (lists, hints, stopwords, stems each
 * had their own map, and that was the hot spot).
 */
export class Vocabulary {
  private readonly index = new Map<string, FirstWord>();
  private readonly prefixes: { prefix: string; entry: LexiconEntry }[] = [];
  /** The exact second words of all entries (the keys of every `bySecond`). */
  private readonly secondWords = new Set<string>();
  // The word records, in an open-addressing table keyed by each word's hash: the tokenizer finds
  // a word's record while it reads the text, without cutting the word out first. Cutting every
  // word out and looking it up in a Map was the hot spot of classification. Each record holds its
  // word: a lookup reads one array, not one for the words and one for the records.
  private records: WordInfo[] = [];
  /**
   * Per slot, two entries side by side: 1 + the index of its word's record (0 when free), then
   * the word's hash. Side by side, a probe reads one cache line rather than two: inside a report,
   * where reading and counting evict the classifier's tables between tweets, that is a miss less
   * per word.
   */
  private slots = new Int32Array(2 * INITIAL_SLOTS);

  /**
   * `stem(lang, word)` is called once per distinct word and language. The word cache is emptied
   * when it holds `maxWords` words, so that a huge archive cannot fill the memory with it.
   */
  constructor(
    private readonly stemmer: (lang: Lang, word: string) => string = (_lang, word) => word,
    lexicons: Readonly<Record<LexiconId, Readonly<Record<Lang, readonly string[]>>>> = LEXICONS,
    private readonly maxWords = MAX_CACHED_WORDS,
  ) {
    for (const lexicon of LEXICON_IDS) {
      const seen = new Set<string>();
      for (const lang of LANGS) {
        for (const raw of lexicons[lexicon][lang]) {
          const lastIsPrefix = raw.endsWith('*');
          const parts = words(fold(lastIsPrefix ? raw.slice(0, -1) : raw));
          const key = parts.join(' ') + (lastIsPrefix ? '*' : '');
          if (parts.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const first = parts[0]!;
          if (lastIsPrefix && parts.length === 1) {
            this.prefixes.push({ prefix: first, entry: { lexicon, term: raw, rest: [], lastIsPrefix } });
            continue;
          }
          let node = this.index.get(first);
          if (!node) this.index.set(first, (node = { single: [], bySecond: new Map(), secondIsPrefix: [] }));
          if (parts.length === 1) node.single.push({ lexicon, term: raw, rest: [], lastIsPrefix: false });
          else if (parts.length === 2 && lastIsPrefix)
            node.secondIsPrefix.push({ lexicon, term: raw, rest: [parts[1]!], lastIsPrefix });
          else {
            push(node.bySecond, parts[1]!, { lexicon, term: raw, rest: parts.slice(2), lastIsPrefix });
            this.secondWords.add(parts[1]!);
          }
        }
      }
    }
  }

  /** The cached record of a folded word. */
  info(word: string): WordInfo {
    return this.records[this.find(word, 0, word.length, hashOf(word))]!;
  }

  /** Distinct words cached now (at most `maxWords`). */
  get size(): number {
    return this.records.length;
  }

  /**
   * The index in `records` of the word `text[from..to)`, whose hash is `hash`. A word
   * not met before is added. With `folded`, the text is lowercased text read folded unit by unit
   * (see `scanWords`).
   */
  find(text: string, from: number, to: number, hash: number, folded = false): number {
    const length = to - from;
    let mask = (this.slots.length >> 1) - 1;
    let slot = slotOf(hash, mask);
    for (let taken = this.slots[2 * slot]!; taken !== 0; taken = this.slots[2 * slot]!) {
      if (this.slots[2 * slot + 1] === hash) {
        const { word } = this.records[taken - 1]!;
        if (word.length === length && (folded ? isFoldedAt(word, text, from) : isAt(word, text, from)))
          return taken - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (this.records.length >= this.maxWords) {
      this.records = [];
      this.slots = new Int32Array(2 * INITIAL_SLOTS);
    } else if ((this.records.length + 1) * 4 > this.slots.length) {
      this.grow();
    } else {
      return this.add(slot, text, from, to, hash, folded);
    }
    mask = (this.slots.length >> 1) - 1;
    slot = slotOf(hash, mask);
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    return this.add(slot, text, from, to, hash, folded);
  }

  private add(slot: number, text: string, from: number, to: number, hash: number, folded: boolean): number {
    const word = folded ? foldedSlice(text, from, to) : text.slice(from, to);
    const entries = this.index.get(word);
    let prefixed = NO_PREFIXED;
    for (const { prefix, entry } of this.prefixes) if (word.startsWith(prefix)) prefixed = [...prefixed, entry];
    this.records.push({
      word,
      entries,
      prefixed,
      listed: entries !== undefined || prefixed.length > 0,
      second: this.secondWords.has(word),
      langBits: LANG_BITS.get(word) ?? 0,
      stopBits: STOP_BITS.get(word) ?? 0,
      model: undefined,
      rowsOf: undefined,
    });
    this.slots[2 * slot] = this.records.length;
    this.slots[2 * slot + 1] = hash;
    return this.records.length - 1;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let old = 0; old < this.slots.length; old += 2) {
      const taken = this.slots[old]!;
      if (taken === 0) continue;
      const hash = this.slots[old + 1]!;
      let slot = slotOf(hash, mask);
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = taken;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  /** The record of an index `find` returned. */
  recordAt(index: number): WordInfo {
    return this.records[index]!;
  }

  /** The stem of a folded word in a language (cached). */
  stem(lang: Lang, word: string, info: WordInfo = this.info(word)): string {
    const i = langIndex(lang);
    const slots = modelSlots(info);
    return ((slots[i] as string | undefined) ??= /^\d+$/.test(word) ? '#num' : this.stemmer(lang, word));
  }

  /**
   * The first matching entry of each word list, by list id. Most tweets match no list: they all
   * get one shared empty map, and the map is made at the first hit.
   */
  match(
    tokens: readonly string[],
    infos: readonly WordInfo[] = tokens.map((token) => this.info(token)),
  ): ReadonlyMap<LexiconId, string> {
    let hits: Map<LexiconId, string> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const info = infos[i]!;
      if (!info.listed) continue;
      const node = info.entries;
      if (node) {
        for (const entry of node.single)
          if (!hits?.has(entry.lexicon)) (hits ??= new Map()).set(entry.lexicon, entry.term);
        const next = tokens[i + 1];
        if (next !== undefined) {
          // The next word's record says whether any `bySecond` has it: most do not, and then the
          // lookup by string is skipped.
          const entries = infos[i + 1]!.second ? node.bySecond.get(next) : undefined;
          if (entries) hits = collect(entries, tokens, i + 1, hits);
          if (node.secondIsPrefix.length > 0) hits = collect(node.secondIsPrefix, tokens, i, hits);
        }
      }
      for (const entry of info.prefixed)
        if (!hits?.has(entry.lexicon)) (hits ??= new Map()).set(entry.lexicon, entry.term);
    }
    return hits ?? NO_HITS;
  }
}

/** The hits of a text that matches no word list, shared (nothing writes to a tweet's hits). */
const NO_HITS: ReadonlyMap<LexiconId, string> = new Map();

/** Adds the entries that match at `at` to `hits` (made at the first one); returns `hits`. */
function collect(
  entries: readonly LexiconEntry[],
  tokens: readonly string[],
  at: number,
  hits: Map<LexiconId, string> | undefined,
): Map<LexiconId, string> | undefined {
  for (const entry of entries) {
    if (hits?.has(entry.lexicon)) continue;
    if (matchesRest(entry, tokens, at)) (hits ??= new Map()).set(entry.lexicon, entry.term);
  }
  return hits;
}

function matchesRest(entry: LexiconEntry, tokens: readonly string[], at: number): boolean {
  const { rest } = entry;
  for (let j = 0; j < rest.length; j++) {
    const token = tokens[at + 1 + j];
    if (token === undefined) return false;
    const want = rest[j]!;
    const last = j === rest.length - 1;
    if (last && entry.lastIsPrefix ? !token.startsWith(want) : token !== want) return false;
  }
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whether a UTF-16 code unit is whitespace as regex `\s` and `trim()` see it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Parses a URL into host and path; undefined when it is not a URL. A hand-written scanner equal to
 * `/^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)([^?#\s]*)/i` on the trimmed URL, host lowercased
 * without "www." and port: the regex and its replaces were a hot spot of discovery.
 */
export function parseLink(url: string): TweetLink | undefined {
  let from = 0;
  let to = url.length;
  while (from < to && isSpace(url.charCodeAt(from))) from++;
  while (to > from && isSpace(url.charCodeAt(to - 1))) to--;
  // Scheme: a letter, then letters, digits, "+", ".", "-", then "://", and a host after it.
  let start = from;
  if (from < to && isAsciiLetter(url.charCodeAt(from))) {
    let i = from + 1;
    for (; i < to; i++) {
      const code = url.charCodeAt(i);
      if (!(isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d))
        break;
    }
    if (
      url.charCodeAt(i) === 0x3a &&
      url.charCodeAt(i + 1) === 0x2f &&
      url.charCodeAt(i + 2) === 0x2f &&
      i + 3 < to &&
      isHostChar(url.charCodeAt(i + 3))
    ) {
      start = i + 3;
    }
  }
  let hostEnd = start;
  while (hostEnd < to && isHostChar(url.charCodeAt(hostEnd))) hostEnd++;
  if (hostEnd === start) return undefined;
  let pathEnd = hostEnd;
  for (; pathEnd < to; pathEnd++) {
    const code = url.charCodeAt(pathEnd);
    if (code === 0x3f || code === 0x23 || isSpace(code)) break;
  }
  let host = url.slice(start, hostEnd).toLowerCase();
  if (host.startsWith('www.')) host = host.slice(4);
  // A trailing ":port".
  let digits = host.length;
  while (digits > 0 && host.charCodeAt(digits - 1) >= 0x30 && host.charCodeAt(digits - 1) <= 0x39) digits--;
  if (digits < host.length && digits > 0 && host.charCodeAt(digits - 1) === 0x3a) host = host.slice(0, digits - 1);
  if (!host.includes('.')) return undefined;
  const path = pathEnd > hostEnd ? url.slice(hostEnd, pathEnd).toLowerCase() : '/';
  return { host, path, hostPath: host + (path === '/' ? '' : path.endsWith('/') ? path.slice(0, -1) : path) };
}

function isHostChar(code: number): boolean {
  return code !== 0x2f && code !== 0x3f && code !== 0x23 && !isSpace(code);
}

/** Computes the text features of a tweet. */
export function analyzeText(tweet: Tweet, vocabulary: Vocabulary): TweetText {
  let text = tweet.text;
  // Each regex runs only when its cheap precondition holds: most tweets need none of them.
  if (tweet.isRetweet && text.startsWith('RT @')) text = text.replace(RT_PREFIX, '');
  if (text.includes('http') || text.includes('pic.twitter')) text = text.replace(URL_IN_TEXT, ' ');
  const leadingHandles: string[] = [];
  const bodyStart = scanLeadingHandles(text, leadingHandles);
  let body = bodyStart === 0 ? text : text.slice(bodyStart);
  if (body.includes('@')) body = body.replace(HANDLE, ' ');
  body = body.trim();
  const tokens: string[] = [];
  const infos: WordInfo[] = [];
  readWords(body, vocabulary, tokens, infos);
  const bodyMentions =
    leadingHandles.length === 0 ? tweet.mentions : tweet.mentions.filter((handle) => !leadingHandles.includes(handle));
  const emoji = EMOJI_HINT.test(body) ? emojiIn(body) : [];
  const links: TweetLink[] = [];
  for (const url of tweet.urls) {
    const link = parseLink(url);
    if (link) links.push(link);
  }
  return {
    lang:
      tweet.lang !== undefined && (LANGS as readonly string[]).includes(tweet.lang)
        ? (tweet.lang as Lang)
        : langOfWords(infos),
    leadingHandles,
    bodyMentions,
    words: tokens,
    infos,
    emoji,
    body,
    hits: vocabulary.match(tokens, infos),
    links,
  };
}
