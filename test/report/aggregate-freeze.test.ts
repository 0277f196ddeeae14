import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as gen from '../../scripts/generate-archive.js';
import { prepareAudit } from '../../src/audit.js';
import type { TweetAuditConfig } from '../../src/config/schema.js';
import { createAggregator, finishDuplicates, type AggregatorOptions } from '../../src/report/aggregate.js';
import type { AuditReport, ClassifiedTweet } from '../../src/report/types.js';
import { repoRoot } from '../support/cli.js';

// Months in detail are frozen (packed) when not added to for a while and thawed when needed: the
// report must not change. Aggregators that freeze every month after every tweet, or now and then,
// are compared with one that never freezes, fed the same tweets.

type Freeze = AggregatorOptions['freeze'];
/** Every month frozen before each tweet: the month the tweet is for is thawed again at once. */
const ALWAYS: Freeze = { from: 0, every: 1, after: 0, live: 0, regret: 0 };
/** Now and then, the months not added to for a few tweets. */
const SOMETIMES: Freeze = { from: 0, every: 7, after: 25, live: 2 };
const NEVER: Freeze = { every: Number.POSITIVE_INFINITY };

interface Archive {
  tweets: ClassifiedTweet[];
  config: TweetAuditConfig;
  /** Every month with tweets, in order. */
  months: string[];
}

async function read(archive: string, timeZone: string): Promise<Archive> {
  const prepared = await prepareAudit({ archives: [archive], period: { all: true }, timeZone, config: {} });
  const tweets: ClassifiedTweet[] = [];
  for await (const item of prepared.classified('all')) tweets.push(item);
  return { tweets, config: prepared.config, months: [...new Set(tweets.map((t) => t.month))].sort() };
}

function options(archive: Archive, detailMonths: AggregatorOptions['detailMonths'], freeze: Freeze): AggregatorOptions {
  return { detailMonths, config: archive.config, timeZone: 'UTC', examples: 3, generator: { name: 'tweet-audit', version: '0.0.0-test' }, freeze };
}

function whole(tweets: ClassifiedTweet[], opts: AggregatorOptions): AuditReport {
  const aggregator = createAggregator(opts);
  for (const tweet of tweets) aggregator.add(tweet);
  return aggregator.finish();
}

/**
 * As a parallel audit: parts read by aggregators of their own, whose snapshots (cloned as
 * postMessage would) are merged into one that read the first part itself, with its near-duplicate
 * checks taken out and run apart.
 */
function parallel(parts: ClassifiedTweet[][], opts: AggregatorOptions): AuditReport {
  const target = createAggregator(opts);
  for (const tweet of parts[0] ?? []) target.add(tweet);
  for (const part of parts.slice(1)) {
    const aggregator = createAggregator(opts);
    for (const tweet of part) aggregator.add(tweet);
    target.merge(structuredClone(aggregator.snapshot()));
  }
  const findings = new Map(structuredClone(target.takeDuplicateStates()).map(([month, state]) => [month, finishDuplicates(state)]));
  return target.finish(findings);
}

/** The detail settings to check: every month (listed, as --all does, or open bounds) and a bounded period. */
function detailChoices(archive: Archive): AggregatorOptions['detailMonths'][] {
  const middle = archive.months.slice(Math.floor(archive.months.length / 3), Math.ceil((archive.months.length * 2) / 3) + 1);
  return [archive.months, {}, { from: middle[0] as string, to: middle.at(-1) as string }, middle.slice(1, 3)];
}

/** Stretches of time in a shuffled order, as a split archive is read; some months are cut in two. */
function stretches(tweets: ClassifiedTweet[]): ClassifiedTweet[][] {
  const size = Math.ceil(tweets.length / 5);
  const parts = [0, 1, 2, 3, 4].map((k) => tweets.slice(k * size, (k + 1) * size));
  return [parts[2], parts[0], parts[4], parts[1], parts[3]] as ClassifiedTweet[][];
}

function checkArchive(archive: () => Archive): void {
  it('gives the same report whether months are frozen or not, tweet by tweet', () => {
    const { tweets } = archive();
    for (const detailMonths of detailChoices(archive())) {
      const expected = whole(tweets, options(archive(), detailMonths, NEVER));
      expect(expected.months.length).toBeGreaterThan(0);
      expect(whole(tweets, options(archive(), detailMonths, ALWAYS))).toEqual(expected);
      expect(whole(tweets, options(archive(), detailMonths, SOMETIMES))).toEqual(expected);
      // Stretches of time out of order: months are frozen, then added to again.
      expect(whole(stretches(tweets).flat(), options(archive(), detailMonths, SOMETIMES))).toEqual(expected);
    }
  });

  it('gives the same report through snapshot, merge and takeDuplicateStates', () => {
    const { tweets } = archive();
    for (const detailMonths of detailChoices(archive())) {
      const expected = whole(tweets, options(archive(), detailMonths, NEVER));
      expect(parallel(stretches(tweets), options(archive(), detailMonths, ALWAYS))).toEqual(expected);
      // Interleaved parts: every month is in every part.
      expect(parallel([0, 1, 2].map((r) => tweets.filter((_, i) => i % 3 === r)), options(archive(), detailMonths, SOMETIMES))).toEqual(expected);
    }
  });
}

describe('aggregator freezing months: the sample archive', () => {
  let sample: Archive;
  beforeAll(async () => {
    sample = await read(path.join(repoRoot, 'fixtures/sample-archive'), 'America/New_York');
    expect(sample.months.length).toBeGreaterThanOrEqual(3);
  });
  checkArchive(() => sample);
});

describe('aggregator freezing months: a generated archive', () => {
  let dir: string;
  let generated: Archive;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tweet-audit-freeze-'));
    await gen.generateArchive({ tweets: 800, out: path.join(dir, 'archive'), seed: 11 });
    generated = await read(path.join(dir, 'archive'), 'UTC');
    expect(generated.months.length).toBeGreaterThanOrEqual(5);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  checkArchive(() => generated);
});
