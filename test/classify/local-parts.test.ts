import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openArchives } from '../../src/archive/index.js';
import { createClassifier } from '../../src/classify/index.js';
import { discoverIdentity } from '../../src/config/index.js';
import type { Tweet } from '../../src/model/tweet.js';
import { createZone, systemTimeZone } from '../../src/time/zone.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('classify(tweet, local)', () => {
  it('labels every tweet of the sample archive as classify(tweet) does, late-night included', async () => {
    const archive = await openArchives([path.join(root, 'fixtures/sample-archive')]);
    const tweets: Tweet[] = [];
    for await (const tweet of archive.tweets()) tweets.push(tweet);
    // Hours around the night boundaries and a DST change in Madrid, on a copy of one tweet.
    for (let hour = 0; hour < 48; hour++) tweets.push({ ...tweets[0]!, createdAt: Date.UTC(2024, 2, 30, hour, 30) });
    for (const name of [archive.owner.timeZone ?? systemTimeZone(), 'Europe/Madrid', 'Asia/Kathmandu']) {
      const zone = createZone(name);
      const identity = await discoverIdentity(archive.owner, tweets, {});
      const classifier = await createClassifier({ identity, zone, nightHours: { from: 23, to: 4 } });
      const nights = tweets.filter((tweet) => classifier.classify(tweet).flags.includes('late-night')).length;
      expect(nights).toBeGreaterThan(0);
      for (const tweet of tweets)
        expect(classifier.classify(tweet, zone.parts(tweet.createdAt))).toEqual(classifier.classify(tweet));
    }
  });
});
