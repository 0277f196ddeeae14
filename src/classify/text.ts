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
  /** Emoji of the body, one entry each. */
  emoji: string[];
  /** The body with URLs and handles removed, trimmed, as written (for "?" and "Q1:" tests). */
  body: string;
  /** The first matched entry of each word list that matched. */
  hits: ReadonlyMap<LexiconId, string>;
  links: TweetLink[];
}

/** Lowercases, removes accents and unifies apostrophes, so "Película" and "pelicula" compare equal. */
export function fold(value: string): string {
  const lower = value.toLowerCase();
  // Fast path: most tweets are ASCII, and normalize() is the costliest step here.
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ`´]/g, "'");
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
// French elisions (l', j', d', qu'…) are split off so "j'écoute" yields "écoute" as a word.
const ELISION = /^(?:[ljdnmstc]|qu)'(.+)$/;

/** Splits folded text into words, splitting French elisions ("j'ai" -> "j'", "ai"). */
export function words(folded: string): string[] {
  const out: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    const elided = word.length > 2 && word.includes("'") ? ELISION.exec(word) : null;
    if (elided) {
      out.push(word.slice(0, word.length - elided[1]!.length), elided[1]!);
    } else {
      out.push(word);
    }
  }
  return out;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
const URL_IN_TEXT = /\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+/gi;
const RT_PREFIX = /^RT @\w+:?\s*/;
const LEADING_HANDLES = /^(?:[.\s]*@(\w{1,50})[\s,:;]*)+/;
const HANDLE = /@\w{1,50}/g;

/**
 * Stopwords that tell the four languages apart when the archive has no `lang` ("und" or a legacy
 * format). Only frequent words, and words shared by two languages are left out.
 */
const LANG_HINTS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'is', 'to', 'of', 'you', 'for', 'with', 'this', 'that', 'it', 'my', 'i', 'what', 'have', 'are', 'on', 'just', 'be', 'not', 'we', 'was', 'will', 'at', 'from', 'your', 'our', "it's", "i'm", 'how', 'can', 'do', 'an', 'all', 'about', 'so', 'but', 'if', 'when', 'who', 'they', 'has', 'did', 'now', 'one', 'out', 'up', 'no']),
  es: new Set(['el', 'los', 'las', 'y', 'un', 'una', 'por', 'con', 'para', 'lo', 'mi', 'se', 'del', 'al', 'pero', 'como', 'muy', 'hay', 'ya', 'este', 'esta', 'todo', 'mas', 'yo', 'me', 'te', 'os', 'porque', 'es', 'son', 'tengo', 'hoy', 'cuando', 'donde', 'eso', 'esto', 'tambien', 'solo', 'sin', 'nos', 'sus', 'estoy', 'hace', 'ni', 'bueno', 'gracias']),
  fr: new Set(['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'avec', 'qui', 'dans', 'pas', 'sur', 'ce', 'cette', 'je', 'tu', 'il', 'nous', 'vous', 'mon', 'ma', 'mes', "c'", 'au', 'aux', 'ne', 'plus', 'tres', 'ca', "j'", "l'", "d'", "qu'", 'mais', 'ou', 'sont', 'avoir', 'fait', 'bien', 'merci', 'chez', 'aussi', 'suis', 'quand', 'tout', 'rien']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'mit', 'fur', 'auf', 'ich', 'du', 'wir', 'ihr', 'den', 'dem', 'zu', 'von', 'auch', 'noch', 'aber', 'wie', 'bei', 'sind', 'hat', 'mein', 'heute', 'jetzt', 'nach', 'wenn', 'schon', 'sehr', 'gibt', 'hier', 'kein', 'keine', 'oder', 'uns', 'euch', 'habe', 'danke']),
};

/** The tweet's language: the archive's when it is one of ours, else the language of most stopwords. */
export function guessLang(archiveLang: string | undefined, tokens: readonly string[]): Lang {
  if (archiveLang && (LANGS as readonly string[]).includes(archiveLang)) return archiveLang as Lang;
  let best: Lang = 'en';
  let bestScore = 0;
  for (const lang of LANGS) {
    let score = 0;
    const hints = LANG_HINTS[lang];
    for (const token of tokens) if (hints.has(token)) score++;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}

interface LexiconEntry {
  lexicon: LexiconId;
  term: string;
  /** Words after the first. */
  rest: string[];
  /** The last word is a prefix. */
  lastIsPrefix: boolean;
}

/**
 * Matches every word list against a tweet's words in one pass: entries are indexed by their first
 * word (exact, or by prefix length for "pref*" entries), so the cost is a few map lookups per word
 * whatever the number of lists.
 */
export class LexiconIndex {
  private readonly exact = new Map<string, LexiconEntry[]>();
  private readonly prefixes = new Map<number, Map<string, LexiconEntry[]>>();
  private readonly prefixLengths: number[];

  constructor(lexicons: Readonly<Record<LexiconId, Readonly<Record<Lang, readonly string[]>>>> = LEXICONS) {
    for (const lexicon of LEXICON_IDS) {
      const seen = new Set<string>();
      for (const lang of LANGS) {
        for (const raw of lexicons[lexicon][lang]) {
          const lastIsPrefix = raw.endsWith('*');
          const parts = words(fold(lastIsPrefix ? raw.slice(0, -1) : raw));
          const key = parts.join(' ') + (lastIsPrefix ? '*' : '');
          if (parts.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const entry: LexiconEntry = { lexicon, term: raw, rest: parts.slice(1), lastIsPrefix };
          const first = parts[0]!;
          if (lastIsPrefix && parts.length === 1) {
            let byPrefix = this.prefixes.get(first.length);
            if (!byPrefix) this.prefixes.set(first.length, (byPrefix = new Map()));
            push(byPrefix, first, entry);
          } else {
            push(this.exact, first, entry);
          }
        }
      }
    }
    this.prefixLengths = [...this.prefixes.keys()].sort((a, b) => a - b);
  }

  /** The first matching entry of each list, by list id. */
  match(tokens: readonly string[]): Map<LexiconId, string> {
    const hits = new Map<LexiconId, string>();
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!;
      const exact = this.exact.get(word);
      if (exact) this.collect(exact, tokens, i, hits);
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        const entries = this.prefixes.get(length)!.get(word.slice(0, length));
        if (entries) this.collect(entries, tokens, i, hits);
      }
    }
    return hits;
  }

  private collect(entries: readonly LexiconEntry[], tokens: readonly string[], at: number, hits: Map<LexiconId, string>): void {
    for (const entry of entries) {
      if (hits.has(entry.lexicon)) continue;
      if (matchesRest(entry, tokens, at)) hits.set(entry.lexicon, entry.term);
    }
  }
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

/** Parses a URL into host and path; undefined when it is not a URL. */
export function parseLink(url: string): TweetLink | undefined {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)([^?#\s]*)/i.exec(url.trim());
  if (!match) return undefined;
  const host = match[1]!.toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
  if (!host.includes('.')) return undefined;
  const path = (match[2] || '/').toLowerCase();
  return { host, path, hostPath: host + (path === '/' ? '' : path.replace(/\/$/, '')) };
}

/** Computes the text features of a tweet. */
export function analyzeText(tweet: Tweet, lexicons: LexiconIndex): TweetText {
  let text = tweet.text;
  if (tweet.isRetweet) text = text.replace(RT_PREFIX, '');
  text = text.replace(URL_IN_TEXT, ' ');
  const leading = LEADING_HANDLES.exec(text);
  const leadingHandles = leading ? [...leading[0].matchAll(/@(\w+)/g)].map((m) => m[1]!.toLowerCase()) : [];
  const body = (leading ? text.slice(leading[0].length) : text).replace(HANDLE, ' ').trim();
  const folded = fold(body);
  const tokens = words(folded);
  const leadingSet = new Set(leadingHandles);
  const bodyMentions = tweet.mentions.filter((handle) => !leadingSet.has(handle));
  const emoji = /[^\x00-\x7f]/.test(body) ? (body.match(EMOJI) ?? []) : [];
  const links: TweetLink[] = [];
  for (const url of tweet.urls) {
    const link = parseLink(url);
    if (link) links.push(link);
  }
  return {
    lang: guessLang(tweet.lang, tokens),
    leadingHandles,
    bodyMentions,
    words: tokens,
    emoji,
    body,
    hits: lexicons.match(tokens),
    links,
  };
}
