import type { SkippedRecords } from './skipped.js';

/**
 * The one normalized tweet that every archive reader produces. Only readers know raw formats;
 * everything downstream (classification, reports) sees this shape.
 */
export interface Tweet {
  /** The tweet id exactly as in the archive. Ids exceed 2^53, so they are never numbers. */
  id: string;
  /** The UTC instant the tweet was posted, in milliseconds since the epoch. */
  createdAt: number;
  /**
   * The text as the user wrote it: HTML entities decoded, t.co links replaced by their expanded
   * URLs, media links removed (they are counted in `mediaCount`). For long (note) tweets, the full
   * text. For retweets, the text as stored ("RT @user: …", possibly cut at 140 characters).
   */
  text: string;
  /** Language code from the archive where it has one ("en", "es", "und"). */
  lang?: string;
  /** The tweet answers another tweet (anyone's, including the owner's own). */
  isReply: boolean;
  /** The tweet answers one of the owner's own tweets: a thread continuation. */
  isSelfReply: boolean;
  inReplyToStatusId?: string;
  inReplyToUserId?: string;
  /** Lowercased screen name of the account replied to, without "@". */
  inReplyToScreenName?: string;
  /** A retweet (modern archives only say so through the "RT @user:" text). */
  isRetweet: boolean;
  /** Lowercased screen name of the retweeted account, without "@". */
  retweetOf?: string;
  /** The tweet quotes another tweet. */
  isQuote: boolean;
  /** Lowercased screen names mentioned, without "@", in text order, without duplicates. */
  mentions: string[];
  /** Hashtags without "#", in the case written, in text order. */
  hashtags: string[];
  /**
   * Expanded URLs of links (not media), in text order. Tweets from before t.co (2011) have no link
   * entities: their links are the complete ones typed in the text.
   */
  urls: string[];
  /** Number of attached photos, videos and GIFs. */
  mediaCount: number;
  /** Likes at export time, where the format has them. */
  likeCount?: number;
  /** Retweets at export time, where the format has them. */
  retweetCount?: number;
  /** The client's name ("Twitter for iPhone"), where the format has it. */
  source?: string;
  /**
   * The post's own page (an http(s) URL), where the format knows it: a Mastodon status's URL, a
   * Bluesky post's bsky.app page; for a boost or repost, the boosted post's. X's is made from the
   * handle and id instead (https://x.com/<handle>/status/<id>).
   */
  url?: string;
}

/**
 * The empty list of every tweet without mentions, hashtags or links (most tweets), shared rather
 * than one empty array each (32 bytes apiece: a million tweets hold three million lists). Frozen:
 * adding to it throws instead of changing every tweet.
 */
const NONE = Object.freeze([]) as unknown as string[];

/**
 * `fields` as a tweet with every field of the model present (undefined where the format has no
 * value), always in this order. Every reader builds its tweets with it: V8 then gives all tweets
 * one hidden class, and the classifier's and the report's reads of their fields stay
 * monomorphic. Built field by field, a reply, a retweet and a plain tweet were three shapes.
 */
export function uniformTweet(fields: Tweet): Tweet {
  return {
    id: fields.id,
    createdAt: fields.createdAt,
    text: fields.text,
    lang: fields.lang,
    isReply: fields.isReply,
    isSelfReply: fields.isSelfReply,
    inReplyToStatusId: fields.inReplyToStatusId,
    inReplyToUserId: fields.inReplyToUserId,
    inReplyToScreenName: fields.inReplyToScreenName,
    isRetweet: fields.isRetweet,
    retweetOf: fields.retweetOf,
    isQuote: fields.isQuote,
    mentions: fields.mentions.length === 0 ? NONE : fields.mentions,
    hashtags: fields.hashtags.length === 0 ? NONE : fields.hashtags,
    urls: fields.urls.length === 0 ? NONE : fields.urls,
    mediaCount: fields.mediaCount,
    likeCount: fields.likeCount,
    retweetCount: fields.retweetCount,
    source: fields.source,
    url: fields.url,
  };
}

/** The kinds of input tweet-audit reads. */
export type ArchiveFormat = 'x-modern' | 'x-legacy-csv' | 'x-legacy-grailbird' | 'mastodon' | 'bluesky';

/** What an archive says about its owner, besides the tweets. */
export interface ArchiveOwner {
  /** Lowercased screen names of the owner, without "@" (usually one). */
  handles: string[];
  /** Account ids of the owner (used to recognise self-replies). */
  accountIds: string[];
  displayName?: string;
  /** IANA time zone of the account (mapped from X's own zone names), where the archive has one. */
  timeZone?: string;
  /** Website from the profile, where the archive has one. */
  website?: string;
  /** Profile bio, where the archive has one. */
  bio?: string;
}

/** An archive opened for reading: who it belongs to and how to read its tweets. */
export interface OpenedArchive {
  /** The path the user gave. */
  path: string;
  format: ArchiveFormat;
  owner: ArchiveOwner;
  /**
   * When the archive was exported (manifest generationDate, payload created_at), epoch ms UTC,
   * where the archive says. A month before it is complete even if the owner went quiet.
   */
  exportedAt?: number;
  /**
   * Reads the tweets, each once (edited tweets in their last version, note tweets with their full
   * text), in no promised order. May be called more than once; each call reads afresh.
   */
  tweets(): AsyncIterable<Tweet>;
  /**
   * The same tweets as `tweets()`, in batches as the reader has them (a batch may be empty), where
   * the format reads that way: a million tweets then cost a thousand awaits, not a million. Use
   * `tweetBatches()` (src/archive) rather than calling this directly.
   */
  batches?(): AsyncIterable<Tweet[]>;
  /** Warnings met while reading (a damaged optional file and the like), filled as reading goes. */
  warnings: string[];
  /** The records the readers skipped (no valid date and the like), counted as reading goes. */
  skipped: SkippedRecords;
}
