import type { Tweet } from '../model/tweet.js';
import type { LocalParts } from '../time/zone.js';
import { registrableDomain } from '../config/discover.js';
import { countBetween, DAY, HASHTAG_BURST, hashtagUsesNear, HOUR, topicWords, type ArchiveContext } from './context.js';
import type { IdentityIndex } from './identity.js';
import type { TweetText } from './text.js';
import { isNewsOutlet, topicsOf } from './topics.js';

/**
 * The evidence about one tweet that the learned model weighs: which rules fired, the tweet's
 * shape, how it relates to its owner (own site, employer, accounts and domains they keep coming
 * back to), when it was sent (bursts of tweets mean an event), and its words. Each feature is a
 * name and a value (1 for presence). Features named "u:" are about this person only (an account
 * they retweet, a domain they link): the shipped model has no weight for them, a user's own
 * labels give them one.
 */
export type Evidence = Map<string, number>;

export interface EvidenceInput {
  tweet: Tweet;
  text: TweetText;
  /** Ids of the rules that fired, and the label of the first by precedence. */
  rules: readonly string[];
  firstRule?: string;
  identity: IdentityIndex;
  context?: ArchiveContext;
  local: LocalParts;
  /** A folded word's stem in the tweet's language ("deployed" -> "deploy"). */
  stem: (word: string) => string;
}

// Scripts written without spaces between words: read as overlapping character pairs.
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SCRIPT_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー]+/gu;
/**
 * Link shorteners hide where a link goes: their domain says nothing about the person's field.
 * Source: the shorteners common in archives from 2008 on.
 */
const SHORTENERS = new Set([
  'bit.ly',
  'tinyurl.com',
  'ow.ly',
  'goo.gl',
  't.co',
  'is.gd',
  'buff.ly',
  'dlvr.it',
  'fb.me',
  'j.mp',
  'tr.im',
  'su.pr',
  'lnkd.in',
  'ift.tt',
  'tiny.cc',
  'shar.es',
  'wp.me',
  'trib.al',
  'bitly.com',
  'cli.gs',
  'ff.im',
]);
/**
 * Laughter and its spellings across languages (haha, jaja, kkkk, rsrs, mdr, www, 笑), and the
 * emoji of it: a tweet that laughs is talking, not passing on material.
 */
const LAUGHTER =
  /(?:^|[^\p{L}])(?:a?(?:ha){2,}h?|(?:he){2,}|(?:hi){2,}|(?:ja){2,}|(?:je){2,}|k{3,}|(?:rs){2,}|lol+|lmao|rofl|mdr|xd+|w{3,}(?!\.))(?=$|[^\p{L}])|笑|草|😂|🤣|😆|😹/iu;
/** "?!?!", "!!!": spoken emphasis. */
const EMPHASIS = /[!?]{2,}/;

function bucket(value: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && value >= edges[i]!) i++;
  return i === 0 ? `<${edges[0]}` : i === edges.length ? `${edges[i - 1]}+` : `${edges[i - 1]}-${edges[i]! - 1}`;
}

export function evidenceOf(input: EvidenceInput): Evidence {
  const { tweet, text, identity, context, local } = input;
  const out: Evidence = new Map();
  const on = (name: string, value = 1) => out.set(name, value);

  for (const rule of input.rules) on(`rule:${rule}`);
  if (input.firstRule) on(`first:${input.firstRule}`);
  else on('first:none');

  // Shape.
  const replyToOthers = tweet.isReply && !tweet.isSelfReply;
  if (replyToOthers) on('shape:reply');
  if (tweet.isSelfReply) on('shape:thread');
  if (tweet.isRetweet) on('shape:retweet');
  if (tweet.isQuote) on('shape:quote');
  if (tweet.urls.length > 0) on('shape:link');
  if (tweet.mediaCount > 0) on('shape:media');
  if (text.leadingHandles.length > 0 && !tweet.isRetweet) on('shape:opens-with-handle');
  const others = tweet.mentions.filter((m) => !identity.ownHandles.has(m) && m !== tweet.retweetOf);
  if (others.length > 0) on(`shape:mentions:${bucket(others.length, [1, 2, 4])}`);
  if (tweet.hashtags.length > 0) on(`shape:hashtags:${bucket(tweet.hashtags.length, [1, 2, 4])}`);
  if (text.body.includes('?')) on('shape:question-mark');
  if (text.body.includes('!')) on('shape:exclamation');
  if (/(?:…|\.\.\.)$/.test(tweet.text.trim())) on('shape:cut');
  // Tested once on the body rather than three times per word: nearly all texts have no such script.
  const unspaced = UNSPACED.test(text.body);
  const tokens = unspaced ? text.words.flatMap(byScript) : text.words;
  // A run of Chinese, Japanese or Thai is several words: about one per two characters.
  const wordCount = tokens.reduce((n, t) => n + (unspaced && UNSPACED.test(t) ? Math.ceil(t.length / 2) : 1), 0);
  on(`shape:words:${bucket(wordCount, [1, 4, 10, 20])}`);
  if (LAUGHTER.test(text.body)) on('tone:laughter');
  if (EMPHASIS.test(text.body)) on('tone:emphasis');

  // The owner.
  // The links analyzeText parsed already, by registrable domain, as the context counts them.
  const domains = text.links.map((link) => registrableDomain(link.host)).filter((domain) => !SHORTENERS.has(domain));
  if (domains.length === 0 && tweet.urls.length > 0) on('shape:short-link-only');
  for (const link of text.links) {
    if (identity.ownLink(link)) on('owner:own-link');
    if (identity.employerLink(link)) on('owner:employer-link');
  }
  if (tweet.retweetOf && identity.ownHandles.has(tweet.retweetOf)) on('owner:retweets-self');
  if (tweet.retweetOf && identity.employerHandles.has(tweet.retweetOf)) on('owner:retweets-employer');
  if (tweet.mentions.some((m) => identity.employerHandles.has(m))) on('owner:mentions-employer');
  if (identity.employerName(text)) on('owner:employer-name');
  const tags = tweet.hashtags.map((h) => h.toLowerCase());
  if (tags.some((t) => identity.eventHashtags.has(t))) on('owner:event-hashtag');
  if (tags.some((t) => identity.chatHashtags.has(t))) on('owner:chat-hashtag');

  // What the archive says: accounts and domains the person keeps returning to are their field's.
  if (context) {
    if (tweet.retweetOf) {
      on(`context:retweets-account:${bucket(context.retweeted.get(tweet.retweetOf) ?? 0, [2, 5, 20])}`);
      on(`u:retweet:${tweet.retweetOf}`);
      // Someone the owner also talks with: a friend's news rather than a source's.
      if ((context.talkedTo.get(tweet.retweetOf) ?? 0) >= 3) on('context:retweets-a-friend');
    }
    for (const domain of new Set(domains)) {
      on(`context:links-domain:${bucket(context.domains.get(domain) ?? 0, [2, 5, 20])}`);
      on(`u:domain:${domain}`);
    }
    if (replyToOthers || others.length > 0) {
      const partner = tweet.inReplyToScreenName ?? others[0];
      if (partner) {
        on(`context:talks-to:${bucket(context.talkedTo.get(partner) ?? 0, [2, 5, 20])}`);
        on(`u:talks-to:${partner}`);
      }
    }
    // Time: an event shows as many tweets within an hour or two, on a busier day than usual.
    const t = tweet.createdAt;
    on(`time:burst:${bucket(countBetween(context.times, t - HOUR, t + HOUR) - 1, [1, 3, 6, 10])}`);
    const day = context.perDay.get(Math.floor(t / DAY)) ?? 1;
    if (context.medianPerDay > 0) on(`time:day-vs-usual:${bucket(day / context.medianPerDay, [2, 4, 8])}`);
    // Words this tweet shares with many tweets of the same few hours, and rarely uses otherwise.
    let topicBurst = 0;
    let field = 0;
    for (const word of topicWords(tweet.text)) {
      if (context.fieldWords.has(word)) field++;
      const times = context.wordTimes.get(word);
      if (!times) continue;
      const near = countBetween(times, t - 3 * HOUR, t + 3 * HOUR) - 1;
      if (near >= 2 && near >= 0.3 * (times.length - 1)) topicBurst = Math.max(topicBurst, near);
    }
    if (topicBurst > 0) on(`time:topic-burst:${bucket(topicBurst, [2, 4, 8])}`);
    if (field > 0) on(`owner:field-words:${bucket(field, [1, 2, 4])}`);
    for (const tag of tags) {
      const times = context.hashtagTimes.get(tag);
      if (!times) continue;
      const uses = hashtagUsesNear(times, t);
      const near = uses - 1;
      const total = times.length;
      // Most uses of the tag within a few hours of each other: an event's or a chat's tag.
      if (uses >= HASHTAG_BURST) on('time:hashtag-burst');
      if (total >= 5 && near / total >= 0.5) on('time:hashtag-mostly-now');
      on(`u:hashtag:${tag}`);
    }
    // Sent among the owner's tweets of an event (its hashtag, or a hashtag used in a burst): the
    // tweets between an event's hashtagged ones are often about it too.
    const amid =
      countBetween(context.eventTimes, t - 2 * HOUR, t + 2 * HOUR) - (context.eventIds.has(tweet.id) ? 1 : 0);
    if (amid > 0) on(`time:amid-event:${bucket(amid, [1, 3, 6])}`);
  }
  on(`time:hour:${bucket(local.hour, [6, 9, 12, 18, 22])}`);
  if (local.weekday === 0 || local.weekday === 6) on('time:weekend');
  // Tweets of the same day or week share what the person was doing then (an event, a trip, a
  // debate): about this person only, so only their own labels weigh it. Days in their time zone;
  // weeks from Monday and from Thursday (day 0, 1 January 1970, was a Thursday), so two tweets at
  // most three days apart always share one.
  const localDay = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY);
  on(`u:day:${localDay}`);
  on(`u:week:mon-${Math.floor((localDay + 3) / 7)}`);
  on(`u:week:thu-${Math.floor(localDay / 7)}`);

  // Words, in any language.
  for (const domain of new Set(domains)) on(`domain:${domain}`);
  for (const tag of tags) on(`tag:${tag}`);
  for (const word of tokens) addWord(out, word, unspaced, input.stem);
  for (const emoji of text.emoji) on(`emoji:${emoji}`);
  for (const lexicon of text.hits.keys()) on(`lexicon:${lexicon}`);
  for (const topic of topicsOf(tokens, tweet.text)) on(`topic:${topic}`);
  if (isNewsOutlet(domains, tweet.retweetOf)) on('topic:news-outlet');
  return out;
}

/** A token of mixed scripts in its runs: Latin words inside Japanese text ("javaで") are words too. */
function byScript(word: string): string[] {
  return UNSPACED.test(word) ? (word.match(SCRIPT_RUN) ?? []) : [word];
}

/**
 * Words by their stem: the forms one person writes ("deploying") meet another's ("deployed"), and a
 * word gets a weight only when two archives share it. Unspaced scripts by character pairs.
 */
function addWord(out: Evidence, word: string, unspaced: boolean, stem: (word: string) => string): void {
  if (unspaced && UNSPACED.test(word)) {
    if (word.length === 1) out.set(`w:${word}`, 1);
    for (let i = 0; i + 2 <= word.length; i++) out.set(`w:${word.slice(i, i + 2)}`, 1);
    return;
  }
  if (word.length < 2 || /^\d+$/.test(word) || word.length > 30) return;
  out.set(`w:${stem(word)}`, 1);
}
