import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { indexIdentity } from '../../src/classify/identity.js';
import { factsOf, NEED_BITS } from '../../src/classify/classifier.js';
import { NEEDS, type Need, type Rule, type RuleContext } from '../../src/classify/rule.js';
import { RULES } from '../../src/classify/rules/index.js';
import { analyzeText } from '../../src/classify/text.js';
import { discoverIdentity } from '../../src/config/index.js';
import type { Tweet } from '../../src/model/tweet.js';
import { exampleContext, sharedNlp } from './support.js';

/**
 * The classifier does not call a rule on a tweet that has none of the rule's `needs`. These tests
 * hold the rules to that claim: wherever a rule matches, the tweet has one of its needs.
 */
const WITH_NEEDS = Object.values(RULES).filter((rule) => rule.needs !== undefined);

/** Ids of the rules that match this tweet although it has none of their needs. */
function brokenClaims(tweet: Tweet, ctx: RuleContext): string[] {
  return WITH_NEEDS.filter((rule) => rule.match(tweet, ctx) !== null && !hasANeed(rule, tweet, ctx)).map(
    (rule) => `${rule.id} on ${tweet.id}: ${tweet.text}`,
  );
}

function hasANeed(rule: Rule, tweet: Tweet, ctx: RuleContext): boolean {
  return rule.needs!.some((need) => NEEDS[need](tweet, ctx.text));
}

const SAMPLE = new URL('../../fixtures/sample-archive', import.meta.url).pathname;
const SHARED = new URL('../../../shared/archives/', import.meta.url).pathname;
const BENCH = new URL('../../.bench/archive-10000', import.meta.url).pathname;
const ARCHIVES = [
  SAMPLE,
  ...['alrocar-2024', 'dgageot-2013', 'larsbrinkhoff-2021'].map((name) => SHARED + name),
  BENCH,
].filter((path) => existsSync(path));

describe('rule needs', () => {
  it('are declared by most rules, each need at least once', () => {
    const declared = new Set(WITH_NEEDS.flatMap((rule) => rule.needs!));
    expect([...declared].sort()).toEqual(Object.keys(NEEDS).sort());
  });

  it('are each computed by the classifier as NEEDS defines them (a need it forgot would silence rules)', () => {
    const bits = Object.values(NEED_BITS);
    expect(new Set(bits).size).toBe(bits.length);
    expect(Object.keys(NEED_BITS).sort()).toEqual(Object.keys(NEEDS).sort());
    let seen = 0;
    for (const rule of Object.values(RULES)) {
      for (const spec of [...rule.examples.match, ...rule.examples.noMatch]) {
        const { tweet, ctx } = exampleContext(spec);
        const facts = factsOf(tweet, ctx.text);
        for (const need of Object.keys(NEEDS) as Need[]) {
          expect([need, (facts & NEED_BITS[need]) !== 0]).toEqual([need, NEEDS[need](tweet, ctx.text)]);
          if (NEEDS[need](tweet, ctx.text)) seen |= NEED_BITS[need];
        }
      }
    }
    // Every need is present in some example, so each one was really compared.
    expect(seen).toBe(bits.reduce((a, b) => a | b, 0));
  });

  it('hold on every example of every rule', () => {
    const broken = Object.values(RULES).flatMap((rule) =>
      [...rule.examples.match, ...rule.examples.noMatch].flatMap((spec) => {
        const { tweet, ctx } = exampleContext(spec);
        return brokenClaims(tweet, ctx);
      }),
    );
    expect(broken).toEqual([]);
  });

  it.each(ARCHIVES)(
    'hold on every tweet of %s',
    async (path) => {
      const archive = await openArchive(path);
      const tweets: Tweet[] = [];
      for await (const tweet of archive.tweets()) tweets.push(tweet);
      const identity = indexIdentity(await discoverIdentity(archive.owner, tweets));
      const broken = tweets.flatMap((tweet) =>
        brokenClaims(tweet, { identity, text: analyzeText(tweet, sharedNlp().vocabulary) }),
      );
      expect(broken).toEqual([]);
    },
    60_000,
  );
});
