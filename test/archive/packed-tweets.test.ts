import { describe, expect, it } from 'vitest';
import { PackedTweets } from '../../src/archive/packed-tweets.js';
import { uniformTweet, type Tweet } from '../../src/model/tweet.js';

// Invented tweets: one with every optional field, one with none (undefined, as readers leave them).
const full = uniformTweet({
  id: '1790000000000000101',
  createdAt: Date.UTC(2024, 4, 10, 9),
  text: 'Slides of my talk, with a café ☕: https://talks.example/slides',
  lang: 'en',
  isReply: true,
  isSelfReply: false,
  inReplyToStatusId: '1790000000000000100',
  inReplyToUserId: '7',
  inReplyToScreenName: 'alice',
  isRetweet: false,
  isQuote: false,
  mentions: ['alice', 'bob'],
  hashtags: ['Conf24'],
  urls: ['https://talks.example/slides'],
  mediaCount: 2,
  likeCount: 3,
  retweetCount: 0,
  source: 'Twitter Web App',
});
const bare = uniformTweet({
  id: '2',
  createdAt: Date.UTC(2010, 0, 1),
  text: '',
  isReply: false,
  isSelfReply: false,
  isRetweet: false,
  isQuote: false,
  mentions: [],
  hashtags: [],
  urls: [],
  mediaCount: 0,
});

function unpackAll(packed: PackedTweets, release: boolean): Tweet[][] {
  return [...packed.unpack(release)];
}

describe('PackedTweets', () => {
  it('gives back the batches packed, in order, field for field (undefined fields too) and in the readers\' field order', () => {
    const packed = new PackedTweets();
    packed.push([full, bare]);
    packed.push([]);
    packed.push([bare]);
    expect(packed.length).toBe(3);
    const batches = unpackAll(packed, false);
    expect(batches).toHaveLength(2);
    expect(batches[0]).toStrictEqual([full, bare]);
    expect(batches[1]).toStrictEqual([bare]);
    expect(Object.keys(batches[0]![1]!)).toEqual(Object.keys(bare));
    // Copies: what is done to them does not reach the packed tweets.
    batches[0]![0]!.mentions.push('carol');
    expect(unpackAll(packed, false)[0]![0]!.mentions).toEqual(['alice', 'bob']);
  });

  it('can be read once only when each batch is let go of as it is unpacked', () => {
    const packed = new PackedTweets();
    packed.push([full]);
    expect(unpackAll(packed, true)).toStrictEqual([[full]]);
    expect(packed.length).toBe(0);
    expect(unpackAll(packed, false)).toEqual([]);
  });

  it('holds nothing once cleared', () => {
    const packed = new PackedTweets();
    packed.push([full, bare]);
    packed.clear();
    expect(packed.length).toBe(0);
    expect(unpackAll(packed, false)).toEqual([]);
  });
});
