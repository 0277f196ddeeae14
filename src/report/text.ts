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
  const words: string[] = [];
  const phrases: string[] = [];
  const cleaned = withoutLinksAndHandles(text).replace(HASHTAG, '$1 ').toLowerCase();
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
 * The text as compared for duplicates: lowercased, compatibility-normalized, links, handles,
 * the retweet prefix, "#" signs and punctuation removed, spaces collapsed. Two tweets that say the
 * same thing to different people ("@a thanks for the RT!" and "@b thanks for the RT") compare equal.
 */
export function normalizeForDuplicates(text: string): string {
  return withoutLinksAndHandles(text.normalize('NFKC'))
    .toLowerCase()
    .split(NON_WORD)
    .filter((token) => token.length > 0)
    .join(' ');
}

/** True when a tweet has words of its own besides links, handles, hashtags and "via". */
export function hasOwnWords(text: string): boolean {
  const cleaned = withoutLinksAndHandles(text).replace(HASHTAG, '$1 ').toLowerCase();
  return cleaned.split(NON_WORD).some((token) => token.length > 0 && !LINK_FILLER.has(token));
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
