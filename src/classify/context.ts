import type { Tweet } from '../model/tweet.js';
import { isFiller } from '../report/stopwords.js';
import { CJK } from '../report/text.js';
import { registrableDomain } from '../config/discover.js';
import type { Identity } from '../config/schema.js';
import { indexIdentity } from './identity.js';
import { parseLink } from './text.js';

/**
 * What the whole archive says about the person, for judging one tweet: whom they retweet and link
 * often (their field's sources), whom they talk to, and when they tweet (an event shows as a burst
 * of tweets close together). Built once per audit from every tweet of the archive.
 */
export interface ArchiveContext {
  /** The tweets a self-reply answers, by id: where a thread starts is found through them. */
  byId: ReadonlyMap<string, Tweet>;
  /** createdAt of every tweet, ascending. */
  times: Float64Array;
  /** Retweets per retweeted account. */
  retweeted: ReadonlyMap<string, number>;
  /** Tweets linking each registrable domain. */
  domains: ReadonlyMap<string, number>;
  /** Replies and mentions per account. */
  talkedTo: ReadonlyMap<string, number>;
  /** createdAt of the tweets carrying each (lowercased) hashtag, ascending. */
  hashtagTimes: ReadonlyMap<string, Float64Array>;
  /**
   * The owner's field in words: words of their bio, and words that their own posts linking their
   * own site, or their own tweets using a word of their bio, use far more than the archive at large.
   */
  fieldWords: ReadonlySet<string>;
  /** The owner's tweets of an event (an event's or a chat's hashtag, or a hashtag used in a burst), and their createdAt ascending. */
  eventIds: ReadonlySet<string>;
  eventTimes: Float64Array;
  /** createdAt of the tweets using each topic word (topicWords), ascending. */
  wordTimes: ReadonlyMap<string, Float64Array>;
  /** Tweets per UTC day ("time / DAY"), and the median over days with tweets. */
  perDay: ReadonlyMap<number, number>;
  medianPerDay: number;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** How many tweets of a kind there are, and how many of them use each word. */
class Tally {
  tweets = 0;
  readonly counts = new Map<string, number>();
  add(words: ReadonlySet<string>): void {
    this.tweets++;
    for (const word of words) bump(this.counts, word);
  }
}

/** What marks a tweet as the owner's own publication (a link to their own site), and their bio. */
export interface FieldSources {
  bio?: string;
  isOwnPost?: (tweet: Tweet) => boolean;
  /** The hashtags of the owner's events and chats. */
  eventTags?: ReadonlySet<string>;
}

export function buildContext(tweets: readonly Tweet[], field: FieldSources = {}): ArchiveContext {
  const times: number[] = [];
  const retweeted = new Map<string, number>();
  const domains = new Map<string, number>();
  const talkedTo = new Map<string, number>();
  const tags = new Map<string, number[]>();
  const perDay = new Map<number, number>();
  const words = new Map<string, number[]>();
  const byId = new Map<string, Tweet>();
  // The owner's field: their bio's words, and the words their own publications (links to their
  // own site) and their own tweets that use a word of their bio favour.
  const bio = topicWords(field.bio ?? '');
  const published = new Tally();
  const onField = new Tally();
  // Indexing every tweet by id cost more than the rest of this loop together.
  const answered = new Set<string>();
  for (const tweet of tweets) if (tweet.isSelfReply && tweet.inReplyToStatusId) answered.add(tweet.inReplyToStatusId);
  for (const tweet of tweets) {
    if (answered.has(tweet.id)) byId.set(tweet.id, tweet);
    const own = topicWords(tweet.text);
    for (const word of own) {
      let list = words.get(word);
      if (!list) words.set(word, (list = []));
      list.push(tweet.createdAt);
    }
    if (!tweet.isRetweet) {
      if (field.isOwnPost?.(tweet)) published.add(own);
      for (const word of own) {
        if (!bio.has(word)) continue;
        onField.add(own);
        break;
      }
    }
    times.push(tweet.createdAt);
    const day = Math.floor(tweet.createdAt / DAY);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (tweet.retweetOf) bump(retweeted, tweet.retweetOf);
    else for (const handle of tweet.mentions) bump(talkedTo, handle);
    for (const domain of new Set(linkDomains(tweet))) bump(domains, domain);
    for (const tag of new Set(tweet.hashtags.map((h) => h.toLowerCase()))) {
      let list = tags.get(tag);
      if (!list) tags.set(tag, (list = []));
      list.push(tweet.createdAt);
    }
  }
  const counts = [...perDay.values()].sort((a, b) => a - b);
  const fieldWords = new Set(bio);
  for (const tally of [published, onField]) {
    for (const [word, n] of tally.counts) {
      const everywhere = words.get(word)!.length;
      // Used in at least 3 of these tweets, and 3 times as often there as in the archive at large.
      if (n >= 3 && n / tally.tweets >= (3 * everywhere) / times.length) fieldWords.add(word);
    }
  }
  const hashtagTimes = new Map<string, Float64Array>();
  for (const [tag, list] of tags) hashtagTimes.set(tag, new Float64Array(list).sort());
  // The owner's tweets of an event: its hashtag, or a hashtag used 3 times or more within 6 hours.
  const eventIds = new Set<string>();
  const eventTimes: number[] = [];
  for (const tweet of tweets) {
    if (tweet.isRetweet) continue;
    const t = tweet.createdAt;
    const ofEvent = tweet.hashtags.some((h) => {
      const tag = h.toLowerCase();
      return field.eventTags?.has(tag) || hashtagUsesNear(hashtagTimes.get(tag)!, t) >= HASHTAG_BURST;
    });
    if (!ofEvent) continue;
    eventIds.add(tweet.id);
    eventTimes.push(t);
  }
  const wordTimes = new Map<string, Float64Array>();
  for (const [word, list] of words) if (list.length >= 3) wordTimes.set(word, new Float64Array(list).sort());
  return {
    byId,
    times: new Float64Array(times).sort(),
    retweeted,
    domains,
    talkedTo,
    hashtagTimes,
    eventIds,
    eventTimes: new Float64Array(eventTimes).sort(),
    fieldWords,
    wordTimes,
    perDay,
    medianPerDay: counts.length === 0 ? 0 : counts[Math.floor(counts.length / 2)]!,
  };
}

const URL_OR_HANDLE = /(?:https?|at):\/\/\S+|@\w+/g;
const TOPIC_WORD = /[\p{L}\p{N}_]+/gu;
// Four characters, not UTF-16 units: "𝗵𝗶" is two letters.
const FOUR_CHARACTERS = /^[\p{L}\p{N}_]{4}/u;
// Japanese content words are mostly runs of kanji or of katakana; hiragana carries the grammar.
// Chinese, in Han characters alone, stays in whole runs (a clause each): no word of it repeats.
const CJK_WORD = /\p{sc=Han}{2,}|[\p{sc=Katakana}ー]{2,}|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]{4,}/gu;

/**
 * The distinct words of a tweet, lowercased, links and handles left out (four letters or more;
 * Japanese cut into runs of kanji and of katakana of two characters or more, its function words
 * left out):
 * a session's name or a speaker's topic, repeated in many tweets within hours, marks an event
 * even without a hashtag.
 */
export function topicWords(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const token of text.toLowerCase().replace(URL_OR_HANDLE, ' ').match(TOPIC_WORD) ?? []) {
    if (!CJK.test(token)) {
      if (FOUR_CHARACTERS.test(token)) out.add(token);
      continue;
    }
    for (const word of token.match(CJK_WORD) ?? []) if (!isFiller(word)) out.add(word);
  }
  return out;
}

/** The registrable domains a tweet links ("blog.example.com/x" -> "example.com"). */
function linkDomains(tweet: Tweet): string[] {
  const out: string[] = [];
  for (const url of tweet.urls) {
    const link = parseLink(url);
    if (link) out.push(registrableDomain(link.host));
  }
  return out;
}

/** Uses of a hashtag this many or more within six hours of each other mark an event's or a chat's tag. */
export const HASHTAG_BURST = 3;

/** The uses of a hashtag (its sorted times) within six hours of `t`, the one at `t` included. */
export function hashtagUsesNear(times: Float64Array, t: number): number {
  return countBetween(times, t - 6 * HOUR, t + 6 * HOUR);
}

/** How many values of a sorted array lie in [from, to]. */
export function countBetween(sorted: Float64Array, from: number, to: number): number {
  return lowerBound(sorted, to + 1e-9) - lowerBound(sorted, from);
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The context of an archive whose owner's identity is known: their own site's links mark their own posts. */
export function archiveContext(tweets: readonly Tweet[], identity: Identity, bio?: string): ArchiveContext {
  const index = indexIdentity(identity);
  const isOwnPost = (tweet: Tweet) =>
    tweet.urls.some((url) => {
      const link = parseLink(url);
      return link !== undefined && index.ownLink(link) !== undefined;
    });
  return buildContext(tweets, { bio, isOwnPost, eventTags: new Set([...index.eventHashtags, ...index.chatHashtags]) });
}

/** The first tweet of the thread a self-reply continues, where the archive has it. */
export function threadStart(tweet: Tweet, context: ArchiveContext): Tweet | undefined {
  let start: Tweet | undefined;
  let at: Tweet | undefined = tweet;
  // Threads of a few hundred tweets exist; a cycle of ids must not loop forever.
  for (let depth = 0; at?.isSelfReply && at.inReplyToStatusId && depth < 500; depth++) {
    at = context.byId.get(at.inReplyToStatusId);
    if (at) start = at;
  }
  return start;
}
