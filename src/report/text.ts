import { isFiller } from './stopwords.js';

// Links, handles and the "RT @user:" prefix are not the user's words, so every analysis below
// removes them first. Hashtags are counted on their own from Tweet.hashtags.
const RETWEET_PREFIX = /^\s*RT\s+@\w+:?/iu;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])@\w+/gu;
// Its words count for duplicates, not for topics.
const HASHTAG = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
// A phrase does not run across these.
const PHRASE_BREAK = /[.!?;:,()[\]{}"“”«»…\n|/\\–—]+/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const DIGITS_ONLY = /^\p{N}+$/u;
// Most tweets have no link, no handle, no hashtag, no character beyond ASCII: a quick test skips
// the slower expression (NFKC leaves ASCII alone).
const ASCII = /^[\u0000-\u007f]*$/u;
const LINK_HINT = /:\/\/|www\./iu;
// Japanese and Chinese write words without spaces: a run of them is cut into words by ICU.
export const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
// Made on first use: creating it loads ICU's word dictionaries (~9 ms), which most archives never need.
let segmenter: Intl.Segmenter | undefined;
// Mastodon's custom emoji (":blobcat:") are pictures, not words.
const SHORTCODE = /:[a-z0-9_]*[a-z][a-z0-9_]*:/giu;

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

/**
 * The words, phrases, duplicate key and bare-link test of a text at once: links, handles,
 * hashtags, the retweet prefix and stopwords removed, lowercased. A phrase joins two content
 * words that stand next to each other in the same clause.
 */
export function analyzeText(text: string): TextAnalysis {
  let lower = ASCII.test(text) ? text : text.normalize('NFKC');
  lower = lower.replace(RETWEET_PREFIX, ' ');
  if (LINK_HINT.test(lower)) lower = lower.replace(LINK, ' ');
  if (lower.includes('@')) lower = lower.replace(HANDLE, '$1 ');
  lower = lower.toLowerCase();
  const normalized = lower
    .split(NON_WORD)
    .filter((token) => token.length > 0)
    .join(' ');
  let withoutHashtags = lower.includes('#') ? lower.replace(HASHTAG, '$1 ') : lower;
  if (withoutHashtags.includes(':')) withoutHashtags = withoutHashtags.replace(SHORTCODE, ' ');
  const words: string[] = [];
  const phrases: string[] = [];
  let hasOwnWords = false;
  let previous: string | null = null;
  const take = (token: string): void => {
    if (token.length === 0) return;
    if (!LINK_FILLER.has(token)) hasOwnWords = true;
    // Topic words: two code units or more, not only digits, not filler.
    if (token.length >= 2 && !DIGITS_ONLY.test(token) && !isFiller(token)) {
      words.push(token);
      if (previous !== null) phrases.push(`${previous} ${token}`);
      previous = token;
    } else {
      previous = null;
    }
  };
  const ascii = ASCII.test(withoutHashtags);
  for (const clause of withoutHashtags.split(PHRASE_BREAK)) {
    previous = null;
    for (const token of clause.split(NON_WORD)) {
      if (ascii || !CJK.test(token)) take(token);
      else for (const word of cutWords(token)) take(word);
    }
  }
  return { words, phrases, normalized, hasOwnWords };
}

/** A token as words: itself, or, with Japanese or Chinese in it, the words ICU cuts it into. */
function cutWords(token: string): string[] {
  if (!CJK.test(token)) return [token];
  const words: string[] = [];
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  for (const part of segmenter.segment(token)) if (part.isWordLike) words.push(part.segment);
  return words;
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
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//iu.test(url) ? url : `http://${url}`).hostname;
    return host.length > 0 ? host.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}
