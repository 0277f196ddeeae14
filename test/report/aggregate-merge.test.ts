import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareAudit } from '../../src/audit.js';
import type { Category, Flag } from '../../src/classify/taxonomy.js';
import { createAggregator, finishDuplicates, type AggregatorOptions, type AggregatorState } from '../../src/report/aggregate.js';
import type { AuditReport, ClassifiedTweet } from '../../src/report/types.js';
import { repoRoot } from '../support/cli.js';
import { classified, type FixtureSpec } from './fixtures.js';

// Aggregators fed parts of an archive, in any order, merged through their snapshots: the report
// must be the one a single aggregator fed every tweet gives.

const MONTHS = ['2023-12', '2024-01', '2024-02', '2024-03', '2024-05'];
const LABELS: `${Category}/${string}`[] = ['conversation/reply', 'conversation/question', 'promotion/self', 'promotion/sharing', 'conference/live', 'personal/life', 'personal/media'];
const FLAG_CHOICES: Flag[] = ['retweet', 'reply', 'link', 'media', 'late-night', 'drinking', 'complaint', 'duplicate'];
const PITCHES = [
  'Join my webinar on social customer service this Thursday at 2pm ET, sign up now',
  'Our team is hiring a community manager in Boston, apply today',
  'New blog post about the weekend queue and the customer support backlog',
  'just a thought about the weather',
  'thanks for the RT',
];
const EDITS = ['', '!', ' today', ' 3pm', ' again', 'X'];
const WORDS = ['apple', 'river', 'stone', 'cloud', 'maple', 'harbor', 'violin', 'canyon', 'pepper', 'the', 'and', 'a'];
const TAGS = ['CCDemo11', 'ccdemo11', 'CCDEMO11', 'OtherConf', 'otherconf', 'Rust'];
const PEOPLE = ['ann', 'Bob', 'carol', 'me', 'guru'];

/** A tweet's text: a pitch repeated as is or slightly edited (exact and near duplicates), or loose words. */
const textArb = fc.oneof(
  fc.tuple(fc.constantFrom(...PITCHES), fc.constantFrom(...EDITS), fc.boolean()).map(([pitch, edit, upper]) => {
    const edited = edit === 'X' ? pitch.replace(/\b\w{5}\b/u, 'other') : pitch + edit;
    return upper ? edited.toUpperCase() : edited;
  }),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')),
);

const specArb: fc.Arbitrary<FixtureSpec> = fc.record({
  month: fc.constantFrom(...MONTHS),
  // Few days and hours, so times tie and ids must break the ties.
  day: fc.integer({ min: 1, max: 4 }),
  hour: fc.constantFrom(1, 12),
  label: fc.constantFrom(...LABELS),
  confidence: fc.constantFrom(0.3, 0.45, 0.7, 0.9, 0.95),
  flags: fc.uniqueArray(fc.constantFrom(...FLAG_CHOICES), { maxLength: 3 }),
  text: textArb,
  hashtags: fc.array(fc.constantFrom(...TAGS), { maxLength: 2 }),
  mentions: fc.array(fc.constantFrom(...PEOPLE), { maxLength: 2 }),
  urls: fc.array(fc.constantFrom('https://blog.example.org/p/1', 'https://www.Example.com/x', 'ftp://odd'), { maxLength: 1 }),
  isRetweet: fc.boolean(),
  isReply: fc.boolean(),
  likeCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  retweetCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

/** Tweets from specs, with ids of a few lengths (compared numerically) and never twice the same. */
function build(specs: FixtureSpec[]): ClassifiedTweet[] {
  return specs.map((spec, i) =>
    classified({
      ...spec,
      id: String((i % 3 === 0 ? 1_000_000_000_000_000_000n : 20_000_000_000_000_000n) + BigInt(i * 7919)),
      ...(spec.isReply ? { inReplyToScreenName: 'ann' } : {}),
      ...(spec.isRetweet ? { retweetOf: 'guru' } : {}),
    }),
  );
}

function options(detailMonths: AggregatorOptions['detailMonths'], examples: number): AggregatorOptions {
  return {
    detailMonths,
    examples,
    config: { identity: { handles: ['me'] } },
    timeZone: 'UTC',
    generator: { name: 'tweet-audit', version: '0.0.0-test' },
  };
}

function whole(tweets: ClassifiedTweet[], opts: AggregatorOptions): AuditReport {
  const aggregator = createAggregator(opts);
  for (const tweet of tweets) aggregator.add(tweet);
  return aggregator.finish();
}

/**
 * Each part in its own aggregator, snapshots cloned as postMessage would, merged into one.
 * `elsewhere`: the near-duplicate checks taken out, cloned, run apart and their findings given to
 * `finish`, as a parallel audit does.
 */
function merged(parts: ClassifiedTweet[][], opts: AggregatorOptions, intoFirst: boolean, elsewhere = false, freeze?: AggregatorOptions['freeze']): AuditReport {
  // Freezing months (see aggregate-freeze.test.ts) must not change the report either.
  if (freeze) opts = { ...opts, freeze };
  const states: AggregatorState[] = parts.map((part) => {
    const aggregator = createAggregator(opts);
    for (const tweet of part) aggregator.add(tweet);
    return structuredClone(aggregator.snapshot());
  });
  const target = createAggregator(opts);
  if (intoFirst) {
    for (const tweet of parts[0] ?? []) target.add(tweet);
    states.shift();
  }
  for (const state of states) target.merge(state);
  if (!elsewhere) return target.finish();
  const findings = new Map(structuredClone(target.takeDuplicateStates()).map(([month, state]) => [month, finishDuplicates(state)]));
  return target.finish(structuredClone(findings));
}

/** Cuts a list at sorted positions into parts (some possibly empty). */
function split<T>(items: T[], cuts: number[]): T[][] {
  const at = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let from = 0;
  for (const cut of at) {
    parts.push(items.slice(from, cut));
    from = cut;
  }
  parts.push(items.slice(from));
  return parts;
}

const DETAILS: AggregatorOptions['detailMonths'][] = [
  ['2024-01', '2024-02', '2024-03', '2024-04'],
  ['2024-05'],
  {},
  { from: '2024-01', to: '2024-03' },
  { from: '2024-02' },
  { to: '2024-01' },
];

describe('aggregator snapshot and merge', () => {
  it('gives the report of one aggregator fed every tweet, for any order and split', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 0, maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
        fc.constantFrom(...DETAILS),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<AggregatorOptions['freeze']>(undefined, { from: 0, every: 1, after: 0, live: 0, regret: 0 }, { from: 0, every: 2, after: 5, live: 1 }),
        (specs, keys, cuts, detailMonths, examples, intoFirst, elsewhere, freeze) => {
          const tweets = build(specs);
          // A permutation: each tweet sorted by a random key, ties by position.
          const order = tweets.map((tweet, i) => ({ tweet, key: keys[i] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i);
          const parts = split(
            order.map((entry) => entry.tweet),
            cuts,
          );
          const opts = options(detailMonths, examples);
          expect(merged(parts, opts, intoFirst, elsewhere, freeze)).toEqual(whole(tweets, opts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the state to plain data that structuredClone copies whole', () => {
    const tweets = build([
      { month: '2024-01', text: PITCHES[0], hashtags: ['Rust'], mentions: ['ann'], likeCount: 3 },
      { month: '2024-01', text: `${PITCHES[0]}!`, label: 'promotion/self' },
      { month: '2024-02', text: PITCHES[1], confidence: 0.3, flags: ['link'] },
    ]);
    const aggregator = createAggregator(options({}, 2));
    for (const tweet of tweets) aggregator.add(tweet);
    const state = aggregator.snapshot();
    expect(structuredClone(state)).toEqual(state);
    const text = JSON.stringify(state, (_key, value: unknown) => (typeof value === 'function' ? 'FUNCTION' : value));
    expect(text).not.toContain('FUNCTION');
  });

  it('will not finish without the findings of a near-duplicate check it gave away', () => {
    const aggregator = createAggregator(options(['2024-01', '2024-02'], 0));
    for (const tweet of build([{ month: '2024-01', text: PITCHES[0] }, { month: '2024-01', text: PITCHES[0] }])) aggregator.add(tweet);
    const taken = aggregator.takeDuplicateStates();
    expect(taken.map(([month]) => month)).toEqual(['2024-01', '2024-02']);
    expect(() => aggregator.finish(new Map([['2024-01', finishDuplicates(taken[0]![1])]]))).toThrow(/2024-02/);
    const report = aggregator.finish(new Map(taken.map(([month, state]) => [month, finishDuplicates(state)])));
    expect(report.months[0]!.flags.duplicate.count).toBe(2);
  });

  it('refuses a state made with other options', () => {
    const state = createAggregator(options(['2024-01'], 0)).snapshot();
    expect(() => createAggregator(options(['2024-02'], 0)).merge(state)).toThrow(/different/);
    expect(() => createAggregator(options(['2024-01'], 2)).merge(state)).toThrow(/different/);
  });

  it('merges the sample archive read in three parts into the report of one read', async () => {
    const prepared = await prepareAudit({
      archives: [path.join(repoRoot, 'fixtures/sample-archive')],
      period: { all: true },
      timeZone: 'America/New_York',
      config: {},
    });
    const tweets: ClassifiedTweet[] = [];
    for await (const item of prepared.classified('all')) tweets.push(item);
    const opts = { ...options(prepared.detailMonths(), 3), config: prepared.config };
    const third = Math.ceil(tweets.length / 3);
    // Interleaved parts, so every month is split between aggregators.
    const parts = [0, 1, 2].map((r) => tweets.filter((_, i) => i % 3 === r));
    expect(third).toBeGreaterThan(10);
    expect(merged(parts, opts, false)).toEqual(whole(tweets, opts));
    expect(merged([tweets.slice(0, third), tweets.slice(third, 2 * third), tweets.slice(2 * third)], opts, true)).toEqual(whole(tweets, opts));
  });
});
