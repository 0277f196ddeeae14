import type { Tweet } from '../model/tweet.js';
import { SHOUT_OUT_HASHTAGS } from './lexicons.js';
import type { RuleContext } from './rule.js';

/**
 * Small structural questions several rules ask. They read Tweet fields (reply, retweet, mentions)
 * rather than guessing from the text.
 */

/** A reply to somebody else's tweet (a self-reply is a thread continuation, not an answer). */
export function isReplyToOthers(tweet: Tweet, ctx: RuleContext): boolean {
  if (!tweet.isReply || tweet.isSelfReply) return false;
  // Some formats cannot tell self-replies apart, but still name the account replied to.
  return !(tweet.inReplyToScreenName !== undefined && ctx.identity.ownHandles.has(tweet.inReplyToScreenName));
}

/** The handles that are not the owner's own. */
export function othersIn(handles: readonly string[], ctx: RuleContext): string[] {
  return handles.filter((handle) => !ctx.identity.ownHandles.has(handle));
}

const THREAD_EMOJI = new Set(['👇', '🧵', '⬇', '⤵', '👉']);
// "1/", "2/5", "(3/n)", "6-7/40": thread numbering at the start or the end of the text.
const THREAD_NUMBER =
  /^\(?\d{1,3}(?:-\d{1,3})?\s*\/\s*(?:\d{1,3}|n)?\)?(?:\s|$)|\(?\d{1,3}\s*\/\s*(?:\d{1,3}|n)\)?\s*$/i;

/** The tweet is part of a thread of the owner's, or announces one. */
export function isThreadLike(tweet: Tweet, ctx: RuleContext): boolean {
  if (tweet.isSelfReply) return true;
  if (ctx.text.emoji.some((emoji) => THREAD_EMOJI.has(emoji))) return true;
  return THREAD_NUMBER.test(ctx.text.body);
}

/** The tweet carries something to look at: a link, a photo, a video. */
export function hasAttachment(tweet: Tweet): boolean {
  return tweet.urls.length > 0 || tweet.mediaCount > 0;
}

/** How many opening words a how-to must start within ("Hoy, en cómo…", "Here's how to…"). */
const HOW_TO_WITHIN = 6;

/**
 * A tutorial opening: "how to" + verb, Spanish "cómo" + infinitive, French "comment" +
 * infinitive, German "wie man", "so geht". Only near the start of the text: further in, "this is
 * how to be efficient" is a reflection, not a tutorial.
 */
export function howTo(ctx: RuleContext): string | undefined {
  const { words } = ctx.text;
  const end = Math.min(words.length - 1, HOW_TO_WITHIN);
  for (let i = 0; i < end; i++) {
    const word = words[i]!;
    const next = words[i + 1]!;
    if (word === 'how' && next === 'to') return 'how to';
    if (word === 'como' && /^[a-z]{3,}(?:ar|er|ir)$/.test(next)) return `como ${next}`;
    if (word === 'comment' && /^[a-z]{3,}(?:er|ir|re)$/.test(next)) return `comment ${next}`;
    if (word === 'wie' && next === 'man') return 'wie man';
    if (word === 'so' && next === 'geht') return 'so geht';
  }
  return undefined;
}

/**
 * The text announces something to come, or presents one's own content (in words, or as slides,
 * notes or a recap on the owner's site): not a report from an event. "Slides from my #conf talk:
 * <my blog>" is promotion/self (docs/taxonomy.md), even under the event's hashtag; "Big news at #conf,
 * details on my blog" is still the event.
 */
export function isAnnouncement(ctx: RuleContext): boolean {
  const { hits } = ctx.text;
  return hits.has('announcement') || hits.has('ownContent') || (hits.has('contentKinds') && linksOwnSite(ctx));
}

/** The tweet links the owner's own site or profile page. */
export function linksOwnSite(ctx: RuleContext): boolean {
  return ctx.text.links.some((link) => ctx.identity.ownLink(link) !== undefined);
}

/** A #FF-style shout-out: a list of people, conversation/mention whatever else it names. */
export function isShoutOut(tweet: Tweet): boolean {
  return tweet.hashtags.some((tag) => SHOUT_OUT.has(tag.toLowerCase()));
}

const SHOUT_OUT = new Set(SHOUT_OUT_HASHTAGS);

/** Words of the person's life (family, food, bars, travel, TV): the text is about the person. */
export function isAboutPersonalLife(ctx: RuleContext): boolean {
  const { hits } = ctx.text;
  return hits.has('life') || hits.has('drinking') || hits.has('whereabouts') || hits.has('media');
}
