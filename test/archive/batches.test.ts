import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchives, tweetBatches } from '../../src/archive/index.js';
import { uniformTweet, type Tweet } from '../../src/model/tweet.js';
import { FIXTURES, REPO } from './helpers/read.js';

/** Every format's reader, and two archives merged. */
const CASES: Array<[string, string[]]> = [
  ['modern, one tweets.js (the sample)', [path.join(REPO, 'fixtures/sample-archive')]],
  ['modern, split parts', [path.join(FIXTURES, 'modern-split')]],
  ['modern, bare items (2019)', [path.join(FIXTURES, 'modern-2019-bare')]],
  ['legacy (tweets.csv and Grailbird)', [path.join(FIXTURES, 'legacy-2016')]],
  ['Mastodon', [path.join(REPO, 'fixtures/mastodon/basic')]],
  ['Bluesky', [path.join(REPO, 'fixtures/bluesky/basic')]],
  ['two archives merged', [path.join(FIXTURES, 'modern-split'), path.join(REPO, 'fixtures/sample-archive')]],
];

describe('tweetBatches', () => {
  it.each(CASES)('gives the tweets of tweets(), in the same order: %s', async (_name, targets) => {
    const single = await openArchives(targets);
    const one: Tweet[] = [];
    for await (const tweet of single.tweets()) one.push(tweet);
    const archive = await openArchives(targets);
    const batched: Tweet[] = [];
    for await (const batch of tweetBatches(archive)) batched.push(...batch);
    expect(one.length).toBeGreaterThan(0);
    expect(batched).toEqual(one);
    expect(archive.warnings).toEqual(single.warnings);
  });

  it('hands a large archive over in many batches, not one', async () => {
    const archive = await openArchives([path.join(REPO, 'fixtures/sample-archive')]);
    const sizes: number[] = [];
    for await (const batch of tweetBatches(archive)) sizes.push(batch.length);
    expect(sizes.length).toBeGreaterThan(1);
  });
});

describe('the shape of tweets', () => {
  // Every field of the model, in the model's order: what uniformTweet gives.
  const FIELDS = Object.keys(
    uniformTweet({
      id: '1',
      createdAt: 0,
      text: '',
      isReply: false,
      isSelfReply: false,
      isRetweet: false,
      isQuote: false,
      mentions: [],
      hashtags: [],
      urls: [],
      mediaCount: 0,
    }),
  );

  it('has every field of the model', () => {
    expect(FIELDS).toHaveLength(20);
  });

  it.each(CASES)('is one and the same for every tweet of every reader: %s', async (_name, targets) => {
    const shapes = new Set<string>();
    for await (const tweet of (await openArchives(targets)).tweets()) shapes.add(Object.keys(tweet).join(','));
    expect([...shapes]).toEqual([FIELDS.join(',')]);
  });

  it.each(CASES)(
    'shares one frozen empty list among tweets without mentions, hashtags or links: %s',
    async (_name, targets) => {
      const empty = new Set<readonly string[]>();
      let lists = 0;
      for await (const tweet of (await openArchives(targets)).tweets()) {
        for (const list of [tweet.mentions, tweet.hashtags, tweet.urls]) {
          if (list.length > 0) continue;
          lists += 1;
          empty.add(list);
        }
      }
      expect(lists).toBeGreaterThan(1);
      expect(empty.size).toBe(1);
      expect(Object.isFrozen([...empty][0])).toBe(true);
    },
  );
});
