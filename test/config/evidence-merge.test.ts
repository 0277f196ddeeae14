import { describe, expect, it } from 'vitest';
import { discoverIdentity, IdentityEvidence } from '../../src/config/index.js';
import type { OpenedArchive, Tweet } from '../../src/model/tweet.js';
import { FIXTURES, REPO, collect, hasShared, readAll, shared } from '../archive/helpers/read.js';
import path from 'node:path';

/**
 * Discovery in threads: each thread gathers evidence from its parts of the archive, and the parts'
 * evidence merged in reading order must decide exactly what one pass over every tweet decides.
 */
async function splitAndMerge(archive: OpenedArchive, tweets: Tweet[], parts: number): Promise<void> {
  const whole = await discoverIdentity(archive.owner, tweets);
  const merged = new IdentityEvidence(archive.owner);
  const size = Math.ceil(tweets.length / parts);
  for (let start = 0; start < tweets.length; start += size) {
    const part = new IdentityEvidence(archive.owner);
    for (const tweet of tweets.slice(start, start + size)) part.add(tweet);
    merged.merge(structuredClone(part.take()));
  }
  expect(merged.decide()).toEqual(whole);
}

const archives = [
  { name: 'the sample archive', dir: path.join(REPO, 'fixtures/sample-archive'), present: true },
  { name: 'alrocar-2024', dir: shared('alrocar-2024'), present: hasShared('alrocar-2024') },
  { name: 'dgageot-2013', dir: shared('dgageot-2013'), present: hasShared('dgageot-2013') },
];

describe('identity evidence gathered in parts and merged', () => {
  for (const { name, dir, present } of archives) {
    it.skipIf(!present)(`decides what one pass decides: ${name}`, async () => {
      const { archive, tweets } = await readAll(dir);
      const whole = await discoverIdentity(archive.owner, tweets);
      // The comparison is only worth something when discovery finds things.
      expect(whole.ownDomains.length + whole.eventHashtags.length + whole.chatHashtags.length + whole.employer.handles.length).toBeGreaterThan(0);
      for (const parts of [2, 3, 7, 50]) await splitAndMerge(archive, tweets, parts);
    });
  }

  it('take() empties the collector: evidence is never counted twice', async () => {
    const { archive, tweets } = await collect(await (await import('../../src/archive/index.js')).openArchive(path.join(FIXTURES, '..', 'sample-archive')));
    const evidence = new IdentityEvidence(archive.owner);
    for (const tweet of tweets) evidence.add(tweet);
    const first = evidence.take();
    expect(first.tags.length).toBeGreaterThan(0);
    const second = evidence.take();
    expect(second).toEqual({ domains: [], handles: [], tags: [], ownLinkTweets: 0 });
  });
});
