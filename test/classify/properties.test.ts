import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, FLAGS, isSubcategoryOf } from '../../src/classify/index.js';
import type { Tweet } from '../../src/model/tweet.js';
import { createZone } from '../../src/time/zone.js';
import { identity } from './support.js';

const handle = fc.stringMatching(/^[a-z0-9_]{1,15}$/);
const arbitraryTweet: fc.Arbitrary<Tweet> = fc
  .record({
    id: fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String),
    createdAt: fc.integer({ min: Date.UTC(2006, 0, 1), max: Date.UTC(2030, 0, 1) }),
    text: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.constantFrom('', 'RT @x:', '@a @b', '?¿!', '🚀🧵👇', 'Q1: #chat'),
    ),
    lang: fc.option(fc.constantFrom('en', 'es', 'fr', 'de', 'und', 'ja'), { nil: undefined }),
    isReply: fc.boolean(),
    isSelfReply: fc.boolean(),
    isRetweet: fc.boolean(),
    isQuote: fc.boolean(),
    mentions: fc.array(handle, { maxLength: 5 }),
    hashtags: fc.array(fc.stringMatching(/^\w{1,20}$/), { maxLength: 4 }),
    urls: fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })), { maxLength: 3 }),
    mediaCount: fc.nat(4),
  })
  .map((t) => ({ ...t, isReply: t.isReply || t.isSelfReply }));

describe('classify, on any tweet', () => {
  it('returns one valid label, a confidence in 0..1, known flags and who decided', async () => {
    const classifier = await createClassifier({
      identity: identity({
        handles: ['me'],
        ownDomains: ['me.example'],
        employer: { names: ['Acme'], handles: ['acme'], domains: ['acme.example'] },
        eventHashtags: ['conf'],
        chatHashtags: ['chat'],
      }),
      zone: createZone('America/New_York'),
      nightHours: { from: 22, to: 6 },
    });
    fc.assert(
      fc.property(arbitraryTweet, (tweet) => {
        const c = classifier.classify(tweet);
        expect(isSubcategoryOf(c.category, c.subcategory)).toBe(true);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.decidedBy.length).toBeGreaterThan(0);
        for (const flag of c.flags) expect(FLAGS).toContain(flag);
        expect(new Set(c.flags).size).toBe(c.flags.length);
        const e = classifier.explain(tweet);
        expect(e.classification).toEqual(c);
      }),
      { numRuns: 400 },
    );
  });
});

describe('training at startup', () => {
  it('is deterministic: two classifiers trained on the shipped corpus score alike', async () => {
    const make = (): ReturnType<typeof createClassifier> =>
      createClassifier({ identity: identity(), zone: createZone('UTC') });
    const [a, b] = await Promise.all([make(), make()]);
    fc.assert(
      fc.property(arbitraryTweet, (tweet) => {
        expect(a.explain(tweet).model).toEqual(b.explain(tweet).model);
      }),
      { numRuns: 100 },
    );
  });
});
