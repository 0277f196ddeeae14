import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { indexIdentity } from '../../src/classify/identity.js';
import { NEEDS, type Rule, type RuleContext } from '../../src/classify/rule.js';
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
  return WITH_NEEDS.filter((rule) => rule.match(tweet, ctx) !== null && !hasANeed(rule, tweet, ctx)).map((rule) => `${rule.id} on ${tweet.id}: ${tweet.text}`);
}

function hasANeed(rule: Rule, tweet: Tweet, ctx: RuleContext): boolean {
  return rule.needs!.some((need) => NEEDS[need](tweet, ctx.text));
}

const SAMPLE = new URL('../../fixtures/sample-archive', import.meta.url).pathname;
const SHARED = new URL('../../../shared/archives/', import.meta.url).pathname;
const BENCH = new URL('../../.bench/archive-10000', import.meta.url).pathname;
const ARCHIVES = [SAMPLE, ...['alrocar-2024', 'dgageot-2013', 'larsbrinkhoff-2021'].map((name) => SHARED + name), BENCH].filter((path) => existsSync(path));

describe('rule needs', () => {
  it('are declared by most rules, each need at least once', () => {
    const declared = new Set(WITH_NEEDS.flatMap((rule) => rule.needs!));
    expect([...declared].sort()).toEqual(Object.keys(NEEDS).sort());
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

  it.each(ARCHIVES)('hold on every tweet of %s', async (path) => {
    const archive = await openArchive(path);
    const tweets: Tweet[] = [];
    for await (const tweet of archive.tweets()) tweets.push(tweet);
    const identity = indexIdentity(await discoverIdentity(archive.owner, tweets));
    const broken = tweets.flatMap((tweet) => brokenClaims(tweet, { identity, text: analyzeText(tweet, sharedNlp().vocabulary) }));
    expect(broken).toEqual([]);
  }, 60_000);
});
