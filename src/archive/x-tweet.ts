import { uniformTweet, type Tweet } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { parseArchiveDate } from './dates.js';
import { asArray, asCount, asId, asObject, asString, sortedEntities, type JsonObject } from './json-guards.js';
import type { NoteIndex } from './note-tweets.js';
import {
  decodeEntities,
  expandLinks,
  hashtagsFromText,
  isMediaUrl,
  isStatusUrl,
  mentionsFromText,
  pushUnique,
  retweetedScreenName,
  sourceName,
  withWrittenLinks,
  type LinkExpansion,
} from './text.js';

/** Who owns the archive, as needed to tell self-replies. */
export interface OwnerKeys {
  accountIds: ReadonlySet<string>;
  /** Lowercased. */
  handles: ReadonlySet<string>;
}

/** How to read the tweets of one X format. */
export interface XTweetOptions {
  owner: OwnerKeys;
  /**
   * A legacy Grailbird file. Mentions and hashtags are then taken from the text rather than the
   * entity lists, which miss accounts renamed since (dgageot-2013: 111 tweets); reading the text
   * keeps the Grailbird and tweets.csv readers of one archive in agreement.
   */
  legacy?: boolean;
  /** Long tweets' full texts, from note-tweet.js. */
  notes?: NoteIndex;
}

/**
 * The tweet object of an archive item, `{"tweet": {…}}` (2020 on) or bare (before), or undefined
 * when the item does not look like a tweet at all.
 */
export function unwrapTweet(item: unknown): JsonObject | undefined {
  const o = asObject(item);
  if (!o) return undefined;
  const inner = asObject(o.tweet);
  if (inner) return inner;
  return 'id_str' in o || 'full_text' in o || 'created_at' in o || ('id' in o && 'text' in o) ? o : undefined;
}

/** The error for a tweets file whose first item is not a tweet (another data file renamed). */
export function notTweets(item: unknown, file: string): TweetAuditError {
  const o = asObject(item);
  const what = o
    ? `an object with keys ${
        Object.keys(o)
          .slice(0, 5)
          .map((k) => `"${k}"`)
          .join(', ') || '(none)'
      }`
    : `a ${item === null ? 'null' : typeof item}`;
  return new TweetAuditError(
    `holds a list whose items are not tweets (the first is ${what}) — is this the right file?`,
    { file },
  );
}

/** The tweet's id, from id_str (ids exceed 2^53; numeric `id`s are trusted only when exact). */
export function tweetId(raw: JsonObject): string | undefined {
  return asId(raw.id_str) ?? asId(raw.id);
}

/**
 * The list without spare room. An array grown by `push` from empty has room for 16 items, ~130
 * bytes where one mention needs 8: with 100,000 tweets kept for discovery, about 10 MB of room
 * that is never used.
 */
function exact(list: string[]): string[] {
  return list.length === 0 ? list : list.slice();
}

/** The links of a tweet with no url or media entity: never written to. */
const NO_LINKS: LinkExpansion = { expanded: new Map(), media: new Set() };

/**
 * Turns one tweet object of a modern tweets.js or a Grailbird file into a Tweet, or undefined
 * when it has no usable id or date (the caller counts those).
 */
export function normalizeXTweet(raw: JsonObject, options: XTweetOptions): Tweet | undefined {
  const id = tweetId(raw);
  const createdAt = parseArchiveDate(raw.created_at);
  if (id === undefined || createdAt === undefined) return undefined;

  const rawText = typeof raw.full_text === 'string' ? raw.full_text : typeof raw.text === 'string' ? raw.text : '';
  const entities = asObject(raw.entities);
  const extended = asObject(raw.extended_entities);

  let urls: string[] = [];
  const extendedMedia = asArray(extended?.media);
  const media = extendedMedia.length > 0 ? extendedMedia : asArray(entities?.media);
  const urlEntities = sortedEntities(entities?.urls);
  // Most tweets have neither links nor media: no maps for them.
  const links: LinkExpansion =
    urlEntities.length > 0 || media.length > 0 ? { expanded: new Map(), media: new Set() } : NO_LINKS;
  let mediaCount = media.length;
  for (const u of urlEntities) {
    const short = asString(u.url);
    const long = asString(u.expanded_url) ?? short;
    // Grailbird lists the photo of a retweeted tweet as a link to ".../status/<id>/photo/1";
    // tweets.csv and modern archives treat it as the attached media it is.
    if (options.legacy && short && long && media.length === 0 && isMediaUrl(long)) {
      links.media.add(short);
      mediaCount++;
      continue;
    }
    if (short && long) links.expanded.set(short, long);
    if (long) pushUnique(urls, long);
  }
  for (const m of media) {
    const short = asString(asObject(m)?.url);
    if (short) links.media.add(short);
  }

  const decoded = decodeEntities(rawText);
  let text = expandLinks(decoded, links);
  let mentions: string[];
  let hashtags: string[];
  if (options.legacy) {
    mentions = mentionsFromText(text);
    hashtags = hashtagsFromText(text);
  } else {
    mentions = [];
    for (const m of sortedEntities(entities?.user_mentions)) {
      const name = asString(m.screen_name)?.toLowerCase();
      if (name) pushUnique(mentions, name);
    }
    hashtags = [];
    for (const h of sortedEntities(entities?.hashtags)) {
      const tag = asString(h.text);
      if (tag) hashtags.push(tag);
    }
  }

  const note = options.notes?.match(createdAt, text);
  if (note) {
    // The note lacks the "@alice @bob " that starts a reply's text; keep it in front.
    const prefix = note.text.startsWith('@') ? '' : (/^(?:[@＠][A-Za-z0-9_]+\s+)+/.exec(text)?.[0] ?? '');
    text = prefix + note.text;
    for (const u of note.urls) pushUnique(urls, u);
    for (const m of note.mentions) pushUnique(mentions, m);
    for (const h of note.hashtags) if (!hashtags.includes(h)) hashtags.push(h);
  }

  // Links typed out in full have no url entity in tweets from before t.co (2011).
  urls = withWrittenLinks(urls, decoded, text, links);

  const inReplyToStatusId = asId(raw.in_reply_to_status_id_str) ?? asId(raw.in_reply_to_status_id);
  const inReplyToUserId = asId(raw.in_reply_to_user_id_str) ?? asId(raw.in_reply_to_user_id);
  const inReplyToScreenName = asString(raw.in_reply_to_screen_name)?.toLowerCase();
  // A Grailbird file without in_reply_to_status_id_str still says it is a reply, with a number
  // too large to trust as an id.
  const isReply = inReplyToStatusId !== undefined || typeof raw.in_reply_to_status_id === 'number';
  const isSelfReply =
    isReply &&
    ((inReplyToUserId !== undefined && options.owner.accountIds.has(inReplyToUserId)) ||
      (inReplyToScreenName !== undefined && options.owner.handles.has(inReplyToScreenName)));

  // Grailbird keeps the retweeted tweet; modern archives only say "RT @user:" in the text.
  const retweeted = asObject(raw.retweeted_status);
  // The name in the text is the one at retweet time (the user object has the name at export).
  const retweetOf = retweetedScreenName(text) ?? asString(asObject(retweeted?.user)?.screen_name)?.toLowerCase();
  const isRetweet = retweeted !== undefined || retweetOf !== undefined;

  // Archives have no quoted_status field in most years: a quote shows as a link to the quoted tweet.
  const isQuote =
    !isRetweet &&
    (raw.is_quote_status === true ||
      asId(raw.quoted_status_id_str) !== undefined ||
      asObject(raw.quoted_status) !== undefined ||
      urls.some(isStatusUrl));

  return uniformTweet({
    id,
    createdAt,
    text,
    lang: asString(raw.lang),
    isReply,
    isSelfReply,
    inReplyToStatusId,
    inReplyToUserId,
    inReplyToScreenName,
    isRetweet,
    retweetOf,
    isQuote,
    mentions: exact(mentions),
    hashtags: exact(hashtags),
    urls: exact(urls),
    mediaCount,
    likeCount: asCount(raw.favorite_count),
    retweetCount: asCount(raw.retweet_count),
    source: sourceName(raw.source),
  });
}
