import { uniformTweet, type Tweet } from '../model/tweet.js';
import { htmlToText } from './mastodon-html.js';
import { MASTODON_EARLIEST, plausibleInstant } from './dates.js';

/** The ActivityStreams collection every post "to" or "cc" it is public or unlisted holds. */
const PUBLIC_COLLECTION = 'https://www.w3.org/ns/activitystreams#Public';
/** JSON-LD allows the compact forms too. */
const PUBLIC_NAMES = new Set([PUBLIC_COLLECTION, 'as:Public', 'Public']);

/** The account whose outbox is read, as far as converting its activities needs. */
export interface MastodonAccount {
  /** The actor's id, "https://host/users/alice". */
  id: string;
  /** Its followers collection: posts addressed to it are followers-only or unlisted. */
  followers: string;
  /** "alice@host", lowercased, the form mentions are stored in. */
  handle?: string;
  /** URL prefixes of the account's own statuses, to recognise self-replies. */
  statusPrefixes: string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A link value: a URL string, or an object with an "id" (or "href"). */
function linkOf(value: unknown): string | undefined {
  if (isObject(value)) return asString(value.id) ?? asString(value.href);
  return asString(value);
}

/** The first http(s) link of a value (a URL, a Link object or a list of them): a page to link to. */
function pageOf(value: unknown): string | undefined {
  for (const item of list(value)) {
    const link = linkOf(item);
    if (link && /^https?:\/\//i.test(link)) return link;
  }
  return undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The account a status or actor URL belongs to, where its path says so: Mastodon's
 * "/users/<name>[/statuses/<id>]" and "/@<name>[/<id>]". Other servers' object URLs
 * ("/objects/<uuid>", "/notes/<id>") do not name their author, so they give undefined.
 */
export function accountOfUrl(url: string): { handle: string; actorId?: string } | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.host.toLowerCase();
  const users = /^\/users\/([^/]+)/.exec(parsed.pathname);
  if (users) {
    const name = decodeURIComponent(users[1]!);
    return { handle: `${name}@${host}`.toLowerCase(), actorId: `${parsed.origin}/users/${users[1]!}` };
  }
  const at = /^\/@([^/]+)/.exec(parsed.pathname);
  if (at) {
    const name = decodeURIComponent(at[1]!);
    // "/@bob@other.social/123" is a remote account as shown on this server.
    return { handle: (name.includes('@') ? name : `${name}@${host}`).toLowerCase() };
  }
  return undefined;
}

/** The status id in a status URL: its last path segment ("/users/a/statuses/<id>[/activity]"). */
export function statusIdOf(url: string): string | undefined {
  const parsed = parseUrl(url);
  const segments = (parsed ? parsed.pathname : url).split('/').filter((s) => s !== '');
  if (segments.at(-1) === 'activity') segments.pop();
  return segments.at(-1);
}

/** Builds what conversion needs from the actor's id (and actor.json's fields, where known). */
export function accountFromActor(
  id: string,
  fields: { followers?: string; url?: string; preferredUsername?: string } = {},
): MastodonAccount {
  const parsed = parseUrl(id);
  const derived = accountOfUrl(id);
  const handle =
    fields.preferredUsername && parsed ? `${fields.preferredUsername}@${parsed.host}`.toLowerCase() : derived?.handle;
  const prefixes = [`${id}/statuses/`];
  if (fields.url) prefixes.push(`${fields.url.replace(/\/$/, '')}/`);
  return {
    id,
    followers: fields.followers ?? `${id}/followers`,
    ...(handle ? { handle } : {}),
    statusPrefixes: prefixes,
  };
}

/** Why an activity gave no tweet. */
type SkipReason = 'direct' | 'undated' | 'unknown';

/** What one activity gave: a tweet, or why it gave none. */
export type Converted = { tweet: Tweet } | { skipped: SkipReason };

/**
 * Mastodon's visibility, read from the addressing: public posts are to Public; unlisted ones are
 * to the followers and cc Public; followers-only ones are to the followers; direct messages are
 * to the mentioned accounts only. The first three are the author's posts; direct messages are
 * private conversation, which this audit leaves out.
 */
function isDirect(activity: Json, object: Json | undefined, account: MastodonAccount): boolean {
  const audience = [activity.to, activity.cc, object?.to, object?.cc].flatMap(list).map(linkOf);
  return !audience.some((target) => target !== undefined && (PUBLIC_NAMES.has(target) || target === account.followers));
}

function dateOf(...values: unknown[]): number | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    // Out of range (before Mastodon, far ahead, beyond JavaScript's dates) counts as no date.
    const instant = plausibleInstant(Date.parse(value), MASTODON_EARLIEST);
    if (instant !== undefined) return instant;
  }
  return undefined;
}

/** "@user@host" or "@user" (a local account) → "user@host", the one form mentions are kept in. */
function mentionName(tag: Json, fallbackHost: string | undefined): string | undefined {
  const name = asString(tag.name)?.replace(/^@/, '');
  const href = asString(tag.href);
  if (name === undefined) return href ? accountOfUrl(href)?.handle : undefined;
  if (name.includes('@')) return name.toLowerCase();
  const host = (href && parseUrl(href)?.host) ?? fallbackHost;
  return (host ? `${name}@${host}` : name).toLowerCase();
}

const POST_TYPES = new Set(['Note', 'Question', 'Article']);

/**
 * Converts one activity of a Mastodon outbox: a Create of a Note (or poll) is a post, an
 * Announce a boost. Direct messages, activities without a date and anything else are skipped
 * with the reason, for the caller to count.
 */
export function activityToTweet(activity: unknown, owner: MastodonAccount | undefined): Converted {
  if (!isObject(activity)) return { skipped: 'unknown' };
  const actorId = linkOf(activity.actor);
  const account = owner ?? (actorId ? accountFromActor(actorId) : undefined);
  if (!account) return { skipped: 'unknown' };
  if (activity.type === 'Create') return createToTweet(activity, account);
  if (activity.type === 'Announce') return announceToTweet(activity, account);
  return { skipped: 'unknown' };
}

function createToTweet(activity: Json, account: MastodonAccount): Converted {
  const object = activity.object;
  if (!isObject(object) || typeof object.type !== 'string' || !POST_TYPES.has(object.type)) {
    return { skipped: 'unknown' };
  }
  if (isDirect(activity, object, account)) return { skipped: 'direct' };
  const createdAt = dateOf(object.published, activity.published);
  if (createdAt === undefined) return { skipped: 'undated' };
  const objectId = linkOf(object.id) ?? linkOf(activity.id);
  const id = objectId && statusIdOf(objectId);
  if (!id) return { skipped: 'unknown' };

  const contentMap = isObject(object.contentMap) ? object.contentMap : {};
  const html = asString(object.content) ?? Object.values(contentMap).find((v) => typeof v === 'string') ?? '';
  const plain = htmlToText(html as string);
  // A content warning is text the author wrote in front of the post, so it is kept.
  const warning = asString(object.summary) ? htmlToText(object.summary as string).text : '';
  const text = warning && plain.text ? `${warning}\n\n${plain.text}` : warning || plain.text;

  const tags = list(object.tag).filter(isObject);
  const ownHost = parseUrl(account.id)?.host;
  const mentions: string[] = [];
  for (const tag of tags) {
    if (tag.type !== 'Mention') continue;
    const name = mentionName(tag, ownHost);
    if (name && !mentions.includes(name)) mentions.push(name);
  }
  const hashtags = [...plain.hashtags];
  for (const tag of tags) {
    if (tag.type !== 'Hashtag') continue;
    const name = asString(tag.name)?.replace(/^#/, '');
    if (name && !hashtags.some((known) => known.toLowerCase() === name.toLowerCase())) hashtags.push(name);
  }

  const tweet: Tweet = {
    id,
    createdAt,
    text,
    isReply: false,
    isSelfReply: false,
    isRetweet: false,
    // Quote posts: Mastodon 4.5's "quote", and the older fields other servers use.
    isQuote: [object.quote, object.quoteUri, object.quoteUrl, object._misskey_quote].some((q) => linkOf(q)),
    mentions,
    hashtags,
    urls: plain.urls,
    mediaCount: list(object.attachment).filter(isObject).length,
  };
  // The status's page ("url", https://host/@alice/123), else its id (https://host/users/alice/statuses/123).
  const page = pageOf(object.url) ?? pageOf(objectId);
  if (page) tweet.url = page;
  const lang = Object.keys(contentMap)[0];
  if (lang) tweet.lang = lang;

  const inReplyTo = linkOf(object.inReplyTo);
  if (inReplyTo) {
    tweet.isReply = true;
    const statusId = statusIdOf(inReplyTo);
    if (statusId) tweet.inReplyToStatusId = statusId;
    if (account.statusPrefixes.some((prefix) => inReplyTo.startsWith(prefix))) {
      tweet.isSelfReply = true;
      tweet.inReplyToUserId = account.id;
      if (account.handle) tweet.inReplyToScreenName = account.handle;
    } else {
      const other = accountOfUrl(inReplyTo);
      if (other?.actorId) tweet.inReplyToUserId = other.actorId;
      if (other) tweet.inReplyToScreenName = other.handle;
    }
  }
  return { tweet: uniformTweet(tweet) };
}

function announceToTweet(activity: Json, account: MastodonAccount): Converted {
  if (isDirect(activity, undefined, account)) return { skipped: 'direct' };
  const createdAt = dateOf(activity.published);
  if (createdAt === undefined) return { skipped: 'undated' };
  const activityId = linkOf(activity.id);
  const id = activityId && statusIdOf(activityId);
  if (!id) return { skipped: 'unknown' };
  const boosted = linkOf(activity.object);
  const tweet: Tweet = {
    id,
    createdAt,
    // The export keeps only the boosted post's URL, not its text.
    text: boosted ? `RT ${boosted}` : 'RT',
    isReply: false,
    isSelfReply: false,
    isRetweet: true,
    isQuote: false,
    mentions: [],
    hashtags: [],
    urls: [],
    mediaCount: 0,
  };
  // Mastodon also addresses a boost (cc) to the boosted author: the fallback when the post's URL
  // does not name its author (other servers' "/objects/<uuid>").
  const author =
    (boosted && accountOfUrl(boosted)) ??
    [activity.cc, activity.to]
      .flatMap(list)
      .map(linkOf)
      .filter((target): target is string => !!target && !PUBLIC_NAMES.has(target) && target !== account.followers)
      .map(accountOfUrl)
      .find((found) => found !== undefined);
  if (author) tweet.retweetOf = author.handle;
  // A boost has no page of its own: it links to the boosted post.
  const page = pageOf(boosted);
  if (page) tweet.url = page;
  return { tweet: uniformTweet(tweet) };
}
