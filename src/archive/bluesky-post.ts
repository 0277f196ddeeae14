import { uniformTweet, type Tweet } from '../model/tweet.js';
import { isDagMap } from './car.js';
import type { DagValue } from './cbor.js';
import { BLUESKY_EARLIEST, plausibleInstant } from './dates.js';

/** Who owns the repository, as far as converting records needs to know. */
export interface RepoOwner {
  did: string;
  /** The handle when one is known (it is not stored in the repository itself). */
  handle?: string;
}

type DagMap = { [key: string]: DagValue };

/** A post's page on bsky.app: the DID (stable, unlike a handle) and the record key; none for odd values. */
function bskyPostUrl(authority: string, rkey: string): string | undefined {
  if (!/^did:[a-z]+:[A-Za-z0-9._:%-]+$/.test(authority) || !/^[A-Za-z0-9._:~-]+$/.test(rkey)) return undefined;
  return `https://bsky.app/profile/${authority}/post/${rkey}`;
}

/** The parts of an at:// URI: `at://<did or handle>/<collection>/<rkey>`. */
function parseAtUri(uri: unknown): { authority: string; collection: string; rkey: string } | undefined {
  if (typeof uri !== 'string') return undefined;
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  if (!match) return undefined;
  return { authority: match[1]!, collection: match[2]!, rkey: match[3]! };
}

/** The instant of a record's `createdAt`, or undefined when it has none that parses. */
function recordDate(record: DagMap): number | undefined {
  const created = record.createdAt;
  if (typeof created !== 'string') return undefined;
  // Out of range (before Bluesky, far ahead, beyond JavaScript's dates) counts as no date.
  return plausibleInstant(Date.parse(created), BLUESKY_EARLIEST);
}

/** The name to store for an account known only by its DID: the owner's handle when it is them. */
function accountName(did: string, owner: RepoOwner): string {
  return did === owner.did && owner.handle ? owner.handle : did.toLowerCase();
}

interface RichText {
  text: string;
  mentions: string[];
  hashtags: string[];
  urls: string[];
}

/**
 * Applies a post's facets. Their `byteStart`/`byteEnd` count UTF-8 bytes, not UTF-16 code units,
 * so the text is cut as bytes. Link facets replace the visible (often shortened) text with their
 * full URI, as t.co expansion does for tweets. Facets that overlap, run past the text or split a
 * character are ignored: a client wrote them wrong, and the plain text is still right.
 */
export function applyFacets(text: string, facets: DagValue | undefined): RichText {
  const result: RichText = { text, mentions: [], hashtags: [], urls: [] };
  if (!Array.isArray(facets) || facets.length === 0) return result;
  const bytes = Buffer.from(text, 'utf8');
  const onBoundary = (i: number): boolean => i === bytes.length || ((bytes[i] ?? 0) & 0xc0) !== 0x80;

  const spans: { start: number; end: number; features: DagValue[] }[] = [];
  for (const facet of facets) {
    if (!isDagMap(facet) || !isDagMap(facet.index) || !Array.isArray(facet.features)) continue;
    const { byteStart: start, byteEnd: end } = facet.index;
    if (typeof start !== 'number' || typeof end !== 'number') continue;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) continue;
    if (end > bytes.length || !onBoundary(start) || !onBoundary(end)) continue;
    spans.push({ start, end, features: facet.features });
  }
  spans.sort((a, b) => a.start - b.start);

  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    const visible = bytes.toString('utf8', span.start, span.end);
    let replacement = visible;
    for (const feature of span.features) {
      if (!isDagMap(feature)) continue;
      switch (feature.$type) {
        case 'app.bsky.richtext.facet#mention': {
          // The visible "@handle" is the account's name as the author saw it; the DID is the
          // stable fallback when a client wrote something else there.
          const name = visible.startsWith('@')
            ? visible.slice(1).toLowerCase()
            : typeof feature.did === 'string'
              ? feature.did.toLowerCase()
              : undefined;
          if (name && !result.mentions.includes(name)) result.mentions.push(name);
          break;
        }
        case 'app.bsky.richtext.facet#link':
          if (typeof feature.uri === 'string' && feature.uri !== '') {
            result.urls.push(feature.uri);
            replacement = feature.uri;
          }
          break;
        case 'app.bsky.richtext.facet#tag':
          if (typeof feature.tag === 'string' && feature.tag !== '') {
            result.hashtags.push(feature.tag.replace(/^#/, ''));
          }
          break;
      }
    }
    out += bytes.toString('utf8', cursor, span.start) + replacement;
    cursor = span.end;
  }
  result.text = out + bytes.toString('utf8', cursor);
  return result;
}

/** What an embed adds to a post: media, a link card, a quoted post. */
function readEmbed(embed: DagValue | undefined, tweet: Tweet): void {
  if (!isDagMap(embed)) return;
  switch (embed.$type) {
    case 'app.bsky.embed.images':
      tweet.mediaCount += Array.isArray(embed.images) ? embed.images.length : 0;
      break;
    case 'app.bsky.embed.video':
      tweet.mediaCount += 1;
      break;
    case 'app.bsky.embed.external':
      if (isDagMap(embed.external) && typeof embed.external.uri === 'string') {
        const uri = embed.external.uri;
        // The link card usually repeats a link already in the text.
        if (uri !== '' && !tweet.urls.includes(uri)) tweet.urls.push(uri);
      }
      break;
    case 'app.bsky.embed.record':
      // Embedding a feed, list or starter pack is sharing, not quoting a post.
      if (isDagMap(embed.record) && parseAtUri(embed.record.uri)?.collection === 'app.bsky.feed.post') {
        tweet.isQuote = true;
      }
      break;
    case 'app.bsky.embed.recordWithMedia':
      readEmbed(isDagMap(embed.record) ? { ...embed.record, $type: 'app.bsky.embed.record' } : undefined, tweet);
      readEmbed(embed.media, tweet);
      break;
  }
}

/**
 * Converts an app.bsky.feed.post record to a Tweet, or undefined when it has no usable date
 * (the caller counts those). `rkey` is the record key from the repository tree: records do not
 * carry their own id.
 */
export function postToTweet(rkey: string, record: DagMap, owner: RepoOwner): Tweet | undefined {
  const createdAt = recordDate(record);
  if (createdAt === undefined) return undefined;
  const rich = applyFacets(typeof record.text === 'string' ? record.text : '', record.facets);
  const tweet: Tweet = {
    id: rkey,
    createdAt,
    text: rich.text,
    isReply: false,
    isSelfReply: false,
    isRetweet: false,
    isQuote: false,
    mentions: rich.mentions,
    hashtags: rich.hashtags,
    urls: rich.urls,
    mediaCount: 0,
  };
  if (Array.isArray(record.langs) && typeof record.langs[0] === 'string') tweet.lang = record.langs[0];
  const url = bskyPostUrl(owner.did, rkey);
  if (url) tweet.url = url;

  // Outline tags ("tags") are hashtags the author attached without writing them in the text.
  if (Array.isArray(record.tags)) {
    for (const tag of record.tags) {
      if (typeof tag !== 'string' || tag === '') continue;
      const lower = tag.toLowerCase();
      if (!tweet.hashtags.some((known) => known.toLowerCase() === lower)) tweet.hashtags.push(tag);
    }
  }

  if (isDagMap(record.reply)) {
    tweet.isReply = true;
    const parent = isDagMap(record.reply.parent) ? parseAtUri(record.reply.parent.uri) : undefined;
    if (parent) {
      tweet.inReplyToStatusId = parent.rkey;
      if (parent.authority.startsWith('did:')) {
        tweet.inReplyToUserId = parent.authority;
        tweet.isSelfReply = parent.authority === owner.did;
        if (tweet.isSelfReply && owner.handle) tweet.inReplyToScreenName = owner.handle;
      }
    }
  }

  readEmbed(record.embed, tweet);
  return uniformTweet(tweet);
}

/**
 * Converts an app.bsky.feed.repost record to a retweet, or undefined when it has no usable date.
 * The repository keeps only the reposted post's at:// URI, so that is the text; the reposted
 * account is known by its DID only.
 */
export function repostToTweet(rkey: string, record: DagMap, owner: RepoOwner): Tweet | undefined {
  const createdAt = recordDate(record);
  if (createdAt === undefined) return undefined;
  const uri = isDagMap(record.subject) && typeof record.subject.uri === 'string' ? record.subject.uri : undefined;
  const subject = parseAtUri(uri);
  const tweet: Tweet = {
    id: rkey,
    createdAt,
    text: uri ? `RT ${uri}` : 'RT',
    isReply: false,
    isSelfReply: false,
    isRetweet: true,
    isQuote: false,
    mentions: [],
    hashtags: [],
    urls: [],
    mediaCount: 0,
  };
  if (subject?.authority.startsWith('did:')) tweet.retweetOf = accountName(subject.authority, owner);
  // A repost has no page of its own: it links to the reposted post.
  const url = subject?.collection === 'app.bsky.feed.post' ? bskyPostUrl(subject.authority, subject.rkey) : undefined;
  if (url) tweet.url = url;
  return uniformTweet(tweet);
}
