import { DEFAULT_NIGHT_HOURS } from '../config/schema.js';
import type { Tweet } from '../model/tweet.js';
import type { LocalParts } from '../time/zone.js';
import type { Nlp } from './nlp.js';
import type { Flag } from './taxonomy.js';
import { words, type TweetText } from './text.js';

/** Local hours [from, to) counted as late night; `from > to` wraps midnight (22..4). */
export interface NightHours {
  from: number;
  to: number;
}

/** True when `hour` falls in [from, to), wrapping midnight when from > to. */
export function isNightHour(hour: number, night: NightHours): boolean {
  if (night.from === night.to) return false;
  return night.from < night.to ? hour >= night.from && hour < night.to : hour >= night.from || hour < night.to;
}

/** What the complaint flag found, for explanations. */
export interface ComplaintSignal {
  sentiment: number;
  threshold: number;
  word?: string;
}

/**
 * Clearly negative tone. Precision first: it takes a word of the complaint list AND a sentiment
 * score (natural's SentimentAnalyzer) at or below the language's "negative" threshold. Sentiment
 * alone is too noisy (one "bug" or "kill" in a technical tweet reads negative), and a complaint
 * word alone can be a joke or a negation. The sentiment is only computed when the word is there
 * (or when `always`, for explanations): scoring every tweet was a hot spot.
 */
export function complaintSignal(text: TweetText, nlp: Nlp, always = false): ComplaintSignal & { complaint: boolean } {
  const word = text.hits.get('complaint');
  const threshold = nlp.negativeThreshold(text.lang);
  if (word === undefined && !always) return { complaint: false, sentiment: 0, threshold };
  const sentiment = clauseSentiment(text, nlp);
  const complaint = word !== undefined && sentiment <= threshold;
  return { complaint, sentiment, threshold, ...(word === undefined ? {} : { word }) };
}

/**
 * natural's analyzer flips every word after a negation to the end of the text ("No more broken
 * builds, the team did a wonderful job" reads negative), so the text is scored clause by clause
 * and the clauses' scores are weighted by their length. The vocabularies keep accents: clauses
 * are the lowercased body, not the folded words.
 */
function clauseSentiment(text: TweetText, nlp: Nlp): number {
  let total = 0;
  let count = 0;
  for (const clause of text.body.toLowerCase().split(/[,.;:!?¡¿()\n]+/)) {
    const clauseWords = words(clause);
    if (clauseWords.length === 0) continue;
    total += nlp.sentiment(text.lang, clauseWords) * clauseWords.length;
    count += clauseWords.length;
  }
  return count === 0 ? 0 : total / count;
}

/**
 * Computes the flags of a tweet, in the order of FLAGS, except `duplicate` (set by the report).
 * `local` is the tweet's local time (for late-night).
 */
export function computeFlags(
  tweet: Tweet,
  text: TweetText,
  nlp: Nlp,
  local: LocalParts,
  night: NightHours = DEFAULT_NIGHT_HOURS,
): Flag[] {
  const flags: Flag[] = [];
  if (tweet.isRetweet) flags.push('retweet');
  if (tweet.isReply) flags.push('reply');
  if (tweet.urls.length > 0) flags.push('link');
  if (tweet.mediaCount > 0) flags.push('media');
  if (isNightHour(local.hour, night)) flags.push('late-night');
  if (text.hits.has('drinking')) flags.push('drinking');
  // A retweet's tone is somebody else's.
  if (!tweet.isRetweet && complaintSignal(text, nlp).complaint) flags.push('complaint');
  return flags;
}
