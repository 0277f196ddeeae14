import { describe, expect, it } from 'vitest';
import { PackedTweets } from '../../src/archive/packed-tweets.js';
import { uniformTweet } from '../../src/model/tweet.js';

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

describe('PackedTweets', () => {
  it('gives back the batches packed, in order, field for field (undefined fields too) and in the readers\' field order', () => {
    const packed = new PackedTweets();
    packed.push([full, bare]);
    packed.push([]);
    packed.push([bare]);
    const batches = [...packed.take()];
    expect(batches).toHaveLength(2);
    expect(batches[0]).toStrictEqual([full, bare]);
    expect(batches[1]).toStrictEqual([bare]);
    expect(Object.keys(batches[0]![1]!)).toEqual(Object.keys(bare));
    // Copies, not the tweets that were packed.
    expect(batches[0]![0]).not.toBe(full);
  });

  it('gives its tweets once: taken, it holds nothing', () => {
    const packed = new PackedTweets();
    packed.push([full]);
    const taking = packed.take();
    // Taken when asked, before a batch is read.
    expect([...packed.take()]).toEqual([]);
    expect([...taking]).toStrictEqual([[full]]);
    packed.push([bare]);
    expect([...packed.take()]).toStrictEqual([[bare]]);
  });
});
