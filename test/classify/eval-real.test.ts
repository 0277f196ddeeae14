import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { createClassifier, evaluate, readLabels, renderEvaluation, type EvalPair } from '../../src/classify/index.js';
import { discoverIdentity } from '../../src/config/index.js';
import type { Tweet } from '../../src/model/tweet.js';
import { createZone } from '../../src/time/zone.js';

/**
 * The classifier against the hand labels of two real archives, with the default config and the
 * identity discovered from each archive, as `tweet-audit eval <archive> --labels <csv>` runs it.
 * Reproduce with: npx vitest run test/classify/eval-real.test.ts
 */
const SHARED = new URL('../../../shared/archives/', import.meta.url);
const MIN_ACCURACY = 0.9;
const MIN_MACRO_F1 = 0.85;

describe.skipIf(!existsSync(SHARED))('classification of the hand-labeled real archives', () => {
  it.each(['alrocar-2024', 'dgageot-2013'])('%s: accuracy >= 0.90 and macro-F1 >= 0.85', async (name) => {
    const archive = await openArchive(new URL(name, SHARED).pathname);
    const tweets: Tweet[] = [];
    for await (const tweet of archive.tweets()) tweets.push(tweet);
    const identity = await discoverIdentity(archive.owner, tweets);
    const classifier = await createClassifier({ identity, zone: createZone(archive.owner.timeZone ?? 'UTC') });
    const expected = await readLabels(new URL(`labels/${name}.csv`, SHARED).pathname);
    const byId = new Map(tweets.map((tweet) => [tweet.id, tweet]));
    const pairs: EvalPair[] = [...expected].map(([id, label]) => {
      const tweet = byId.get(id);
      return tweet ? { id, expected: label, actual: classifier.classify(tweet) } : { id, expected: label };
    });
    const result = evaluate(pairs);
    console.log(`${name}\n${renderEvaluation(result, 'table')}`);
    expect(result.missing).toBe(0);
    expect(result.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
    expect(result.macroF1).toBeGreaterThanOrEqual(MIN_MACRO_F1);
  });
});
