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

const APOSTROPHES = /[’ʼ´]/g;
// Runs of non-ASCII characters of the Basic Multilingual Plane: ASCII has nothing to fold, and
// astral characters (emoji, "𝐛𝐨𝐥𝐝") have always been left as they are.
const FOLDABLE_RUN = /[\u0080-\ud7ff\ue000-\uffff]+/g;
const MARKS = /\p{M}/gu;

function stripAccents(run: string): string {
  return run.normalize('NFD').replace(MARKS, '');
}

/**
 * Lowercases, removes accents and unifies apostrophes, so "Película" and "pelicula" compare equal.
 * (NFD of a run equals NFD of each character once the marks are gone: only marks are reordered.)
 */
export function fold(value: string): string {
  return value.toLowerCase().replace(APOSTROPHES, "'").replace(FOLDABLE_RUN, stripAccents);
}

/** Runs of letters and digits, with inner apostrophes kept ("we're"). */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
// Astral letters ("𝐛𝐨𝐥𝐝") have never been word characters, and the shipped model was trained so.
// (The `v` flag's class subtraction would say it in the regex, but overflows the stack on a
// megabyte-long word in Node 20.)
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
const SURROGATE = /[\uD800-\uDFFF]/;
// French elisions (l', j', d', qu'…) are split off so "j'écoute" yields "écoute" as a word.
const ELISION = /^(?:[ljdnmstc]|qu)'/;

/**
 * Splits folded text into words: runs of letters and digits, with inner apostrophes kept
 * ("we're"), French elisions split ("j'ai" -> "j'", "ai").
 */
export function words(folded: string): string[] {
  const out: string[] = [];
  const text = SURROGATE.test(folded) ? folded.replace(ASTRAL, ' ') : folded;
  for (const word of text.match(WORD) ?? []) {
    const elided = word.includes("'") ? ELISION.exec(word) : null;
    if (elided) out.push(elided[0], word.slice(elided[0].length));
    else out.push(word);
  }
  return out;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
// Emoji live in the surrogate range or in the symbol blocks: tested first, the match is costly.
const EMOJI_HINT = /[\u2190-\u2bff\ud83c-\ud83e]/;
// Addresses are not words: links, and the at:// address that is all a Bluesky repost's text holds.
const URL_IN_TEXT = /\b(?:https?|at):\/\/\S+|\bpic\.twitter\.com\/\S+/gi;
const RT_PREFIX = /^RT @\w+:?\s*/;

// The handles a text opens with (".@ana @bob, hello"): dots and spaces before each (".@ana" was the
// way to make a reply public), spaces and punctuation after.
const LEADING_HANDLES = /^(?:[.\0- ]*@\w+[\0- ,:;]*)+/;
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
  /** The record of each word met, by word. */
  private readonly records = new Map<string, WordInfo>();

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
    let info = this.records.get(word);
    if (info === undefined) {
      if (this.records.size >= this.maxWords) this.records.clear();
      const entries = this.index.get(word);
      let prefixed = NO_PREFIXED;
      for (const { prefix, entry } of this.prefixes) if (word.startsWith(prefix)) prefixed = [...prefixed, entry];
      info = {
        word,
        entries,
        prefixed,
        listed: entries !== undefined || prefixed.length > 0,
        second: this.secondWords.has(word),
        langBits: LANG_BITS.get(word) ?? 0,
        stopBits: STOP_BITS.get(word) ?? 0,
        model: undefined,
        rowsOf: undefined,
      };
      this.records.set(word, info);
    }
    return info;
  }

  /** Distinct words cached now (at most `maxWords`). */
  get size(): number {
    return this.records.size;
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

const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)([^?#\s]*)/i;
const WWW_AND_PORT = /^www\.|:\d+$/g;

/** Parses a URL into host and path (host lowercased, without "www." and port); undefined when it is not a URL. */
export function parseLink(url: string): TweetLink | undefined {
  const match = LINK.exec(url.trim());
  if (!match) return undefined;
  const host = match[1]!.toLowerCase().replace(WWW_AND_PORT, '');
  if (!host.includes('.')) return undefined;
  const path = match[2] ? match[2].toLowerCase() : '/';
  return { host, path, hostPath: host + (path === '/' ? '' : path.endsWith('/') ? path.slice(0, -1) : path) };
}

/** Computes the text features of a tweet. */
export function analyzeText(tweet: Tweet, vocabulary: Vocabulary): TweetText {
  let text = tweet.text;
  // Each regex runs only when its cheap precondition holds: most tweets need none of them.
  if (tweet.isRetweet && text.startsWith('RT @')) text = text.replace(RT_PREFIX, '');
  if (text.includes('://') || text.includes('pic.twitter')) text = text.replace(URL_IN_TEXT, ' ');
  const opening = LEADING_HANDLES.exec(text)?.[0] ?? '';
  const leadingHandles = opening === '' ? [] : opening.match(/@\w+/g)!.map((handle) => handle.slice(1).toLowerCase());
  let body = text.slice(opening.length);
  if (body.includes('@')) body = body.replace(HANDLE, ' ');
  body = body.trim();
  const tokens = words(fold(body));
  const infos = tokens.map((token) => vocabulary.info(token));
  const bodyMentions =
    leadingHandles.length === 0 ? tweet.mentions : tweet.mentions.filter((handle) => !leadingHandles.includes(handle));
  const emoji = EMOJI_HINT.test(body) ? (body.match(EMOJI) ?? []) : [];
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
