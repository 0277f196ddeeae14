import { STOPWORDS } from './stopwords.js';

// Links, handles and the "RT @user:" prefix are not the user's words, so every analysis below
// removes them first. Hashtags are counted on their own from Tweet.hashtags.
const RETWEET_PREFIX = /^\s*RT\s+@\w+:?/iu;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@\w+/gu;
const HASHTAG = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
// Sentence-ish boundaries: a phrase does not run across them.
const PHRASE_BREAK = /[.!?;:,()[\]{}"“”«»…\n|/\\–—]+/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGITS_ONLY = /^\p{N}+$/u;
// Tokens a bare link is allowed to carry and still count as having no words of its own.
const LINK_FILLER = new Set(['via', 'rt', 'cc', 'mt', 'ht', 'h', 't']);

function withoutLinksAndHandles(text: string): string {
  return text.replace(RETWEET_PREFIX, ' ').replace(LINK, ' ').replace(HANDLE, '$1 ');
}

/** True for a token worth counting as a topic word. */
function isContentWord(token: string): boolean {
  return token.length >= 2 && !DIGITS_ONLY.test(token) && !STOPWORDS.has(token);
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

/** Words and phrases of text already lowercased and stripped of links, handles and hashtags. */
function termsOf(cleaned: string): { words: string[]; phrases: string[] } {
  const words: string[] = [];
  const phrases: string[] = [];
  for (const clause of cleaned.split(PHRASE_BREAK)) {
    let previous: string | null = null;
    for (const token of clause.split(NON_WORD)) {
      if (token.length === 0) continue;
      if (isContentWord(token)) {
        words.push(token);
        if (previous !== null) phrases.push(`${previous} ${token}`);
        previous = token;
      } else {
        previous = null;
      }
    }
  }
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

/** Everything the report reads from a tweet's own text, from one cleaning pass. */
export interface TextAnalysis {
  words: string[];
  phrases: string[];
  /** As {@link normalizeForDuplicates}. */
  normalized: string;
  /** As {@link hasOwnWords}. */
  hasOwnWords: boolean;
}

/**
 * The words, phrases, duplicate key and bare-link test of a text at once: the aggregator runs this
 * on every tweet of a detailed month, and the regular expressions are the costly part.
 */
export function analyzeText(text: string): TextAnalysis {
  const lower = withoutLinksAndHandles(text.normalize('NFKC')).toLowerCase();
  const normalized = lower
    .split(NON_WORD)
    .filter((token) => token.length > 0)
    .join(' ');
  const withoutHashtags = lower.replace(HASHTAG, '$1 ');
  const { words, phrases } = termsOf(withoutHashtags);
  const own = withoutHashtags.split(NON_WORD).some((token) => token.length > 0 && !LINK_FILLER.has(token));
  return { words, phrases, normalized, hasOwnWords: own };
}

/** The host of a URL, lowercased, without "www."; null when it does not parse. */
export function domainOf(url: string): string | null {
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(url) ? url : `http://${url}`).hostname;
    return host.length > 0 ? host.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}
