import { openArchives, tweetBatches } from './archive/index.js';
import { flattenBatches } from './archive/tweet-items.js';
import { createClassifier, type Classifier, type UserLabel } from './classify/index.js';
import { discoverIdentity } from './config/index.js';
import { DEFAULT_NIGHT_HOURS, type Identity, type TweetAuditConfig } from './config/schema.js';
import type { OpenedArchive, Tweet } from './model/tweet.js';
import { monthsBetween, resolvePeriod, type Period, type PeriodOptions } from './period.js';
import { createAggregator, type AuditReport, type ClassifiedTweet, type DetailBounds } from './report/index.js';
import { createZone, monthKeyOf, systemTimeZone, type Zone } from './time/zone.js';

/** Everything an audit needs besides the archive's own files. */
export interface AuditOptions {
  /** Archive paths (zip, folder, data file, or a folder of archives); several are merged. */
  archives: string[];
  period: PeriodOptions;
  /** IANA zone from --tz; wins over the config's and the archive's. */
  timeZone?: string;
  config?: TweetAuditConfig;
  /** The user's own labels (--labels): they win, and the model learns from them. */
  labels?: ReadonlyMap<string, UserLabel>;
  /** Example tweets per category in the report. */
  examples?: number;
  /** Called now and then while reading, with the number of tweets read so far. */
  onProgress?: (tweetsRead: number) => void;
  /** Tweets kept in memory from the first read (default 100,000); tests lower it. */
  bufferLimit?: number;
  /**
   * Worker threads for a whole-archive audit (`audit()`): 0 for none, or 'auto' (the
   * default): as many as cores, up to 4, for tweet files of 160 MB and more (src/parallel/run.ts).
   */
  workers?: number | 'auto';
  /** About this many bytes of a tweets file per batch handed to a worker (default 1 MiB); tests lower it. */
  batchBytes?: number;
  /** The worker script (default: src/parallel/worker.ts compiled); tests give one that fails. */
  workerFile?: string;
}

/** What `audit()` returns. */
export interface AuditResult {
  prepared: PreparedAudit;
  report: AuditReport;
}

/** Where the time zone came from, so the report can say it. */
export type TimeZoneSource = 'option' | 'config' | 'archive' | 'system';

/**
 * An archive opened for auditing: its owner's identity discovered, its classifier built. The
 * months and the period are complete once `classified()` has been read through (before, when the
 * default period made the tool read the whole archive first).
 */
export interface PreparedAudit {
  archive: OpenedArchive;
  zone: Zone;
  timeZoneSource: TimeZoneSource;
  identity: Identity;
  classifier: Classifier;
  config: TweetAuditConfig;
  /** Tweets per local month over the whole archive, complete once the tweets are read through. */
  monthCounts: ReadonlyMap<string, number>;
  /** The period, resolved against the months read so far. */
  readonly period: Period;
  /** The months of the period, oldest first. */
  readonly periodMonths: string[];
  /** What the aggregator should detail: the period's months, or bounds when they are not known yet. */
  detailMonths(): string[] | DetailBounds;
  /**
   * Classifies every tweet of the archive (`scope: 'all'`) or of the period only. An archive too
   * large to keep in memory is streamed, and then this may be read only once.
   */
  classified(scope: 'all' | 'period'): AsyncIterable<ClassifiedTweet>;
  /** `classified()` in batches (never empty): for loops over a whole archive. */
  classifiedBatches(scope: 'all' | 'period'): AsyncIterable<ClassifiedTweet[]>;
}

/**
 * Up to this many tweets are kept in memory from the first read, so that discovery (which needs
 * tweets before anything can be classified) and classification share one read. Larger archives
 * discover the identity from the first 100,000 tweets read (X lists newest first) and stream the
 * rest.
 */
export const MAX_BUFFERED_TWEETS = 100_000;
export const PROGRESS_EVERY = 10_000;

/** True when reading from `before` to `after` tweets passed a multiple of PROGRESS_EVERY: time to report. */
export function passedProgressStep(before: number, after: number): boolean {
  return Math.floor(after / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY);
}
/** Buffered tweets handed on at a time. */
const SLICE = 1024;

/** The months a period option names without reading the archive, or null for the default. */
export function boundsOf(options: PeriodOptions): DetailBounds | null {
  if (options.month) return { from: options.month, to: options.month };
  if (options.from || options.to) return { from: options.from, to: options.to };
  if (options.all) return {};
  return null;
}

/**
 * Opens the archives, reads the first tweets (all of them, for most archives), discovers the
 * owner's identity and builds the classifier. Only the default period ("the last complete
 * month") of an archive too large to keep in memory needs a whole extra read, to find its months.
 * `opened`: the archive of `options.archives`, already opened (no tweet read from it yet).
 */
export async function prepareAudit(options: AuditOptions, opened?: OpenedArchive): Promise<PreparedAudit> {
  const config = options.config ?? {};
  const archive = opened ?? (await openArchives(options.archives));
  const { zone, source: timeZoneSource } = chooseZone(options.timeZone, config, archive);

  const monthCounts = new Map<string, number>();
  const labeled: Tweet[] = [];
  let read = 0;
  // Counts a batch's tweets per month, and reports progress each time the count passes a
  // multiple of PROGRESS_EVERY.
  function count(batch: Tweet[]): void {
    for (let i = 0; i < batch.length; i++) {
      const tweet = batch[i]!;
      const month = zone.monthKey(tweet.createdAt);
      monthCounts.set(month, (monthCounts.get(month) ?? 0) + 1);
      if (options.labels?.has(tweet.id)) labeled.push(tweet);
    }
    const before = read;
    read += batch.length;
    if (passedProgressStep(before, read)) options.onProgress?.(read);
  }

  // Tweets are read in batches: one await per batch, not per tweet.
  const stream = tweetBatches(archive)[Symbol.asyncIterator]();
  const buffer: Tweet[] = [];
  // The tweets of the batch that filled the buffer which did not fit in it.
  let overflow: Tweet[] = [];
  let exhausted = false;
  const limit = options.bufferLimit ?? MAX_BUFFERED_TWEETS;
  while (buffer.length < limit) {
    const next = await stream.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    let batch = next.value;
    const room = limit - buffer.length;
    if (batch.length > room) {
      overflow = batch.slice(room);
      batch = batch.slice(0, room);
    }
    count(batch);
    for (let i = 0; i < batch.length; i++) buffer.push(batch[i]!);
  }
  const bounds = boundsOf(options.period);
  // The rest of a large archive: counted now when the period depends on all its months (and read
  // again to classify), else classified as it streams.
  let rest: AsyncIterator<Tweet[]> | null = exhausted ? null : stream;
  if (rest && bounds === null) {
    count(overflow);
    overflow = [];
    for (let next = await rest.next(); !next.done; next = await rest.next()) count(next.value);
    rest = null;
  }
  const reread = !exhausted && bounds === null;
  options.onProgress?.(read);

  const identity = await discoverIdentity(archive.owner, buffer, config);
  // Read again from the files: the buffer served discovery only.
  if (reread) buffer.length = 0;
  const classifier = await createClassifier({
    identity,
    zone,
    nightHours: config.nightHours ?? DEFAULT_NIGHT_HOURS,
    labels: options.labels,
  });
  // Learning the labeled tweets up front makes the other tweets' labels independent of the order
  // the archive lists them in (for a streamed archive, of those read so far).
  if (labeled.length > 0) classifier.learn(labeled);

  const coveredUntil = archive.exportedAt === undefined ? undefined : zone.monthKey(archive.exportedAt);
  const resolve = () => resolvePeriod(options.period, [...monthCounts.keys()], coveredUntil, archive.path);
  const fixed = bounds === null ? resolve() : null;
  const inPeriod = (month: string) =>
    fixed ? month >= fixed.from && month <= fixed.to : (!bounds!.from || month >= bounds!.from) && (!bounds!.to || month <= bounds!.to);

  async function* source(): AsyncGenerator<Tweet[]> {
    if (reread) {
      // The second read counts from zero again: "reading… N tweets" of the same archive.
      let seen = 0;
      for await (const batch of tweetBatches(archive)) {
        const before = seen;
        seen += batch.length;
        if (passedProgressStep(before, seen)) options.onProgress?.(seen);
        yield batch;
      }
      return;
    }
    // The buffer goes in slices, so that no more than a slice's classifications exist at once. A
    // streamed archive is read once: each slice is let go of as it is handed on, so the first 100k
    // tweets do not stay in memory for the rest of the read.
    const streams = rest !== null;
    for (let i = 0; i < buffer.length; i += SLICE) {
      const slice = buffer.slice(i, i + SLICE);
      if (streams) buffer.fill(undefined as unknown as Tweet, i, i + SLICE);
      yield slice;
    }
    if (!rest) return;
    buffer.length = 0;
    const streaming = rest;
    rest = null;
    if (overflow.length > 0) {
      count(overflow);
      yield overflow;
      overflow = [];
    }
    for (let next = await streaming.next(); !next.done; next = await streaming.next()) {
      count(next.value);
      yield next.value;
    }
    options.onProgress?.(read);
  }
  let streamed = false;
  async function* classifiedBatches(scope: 'all' | 'period'): AsyncGenerator<ClassifiedTweet[]> {
    if (streamed) throw new Error('this archive was streamed once already; prepare it again to read it again');
    streamed = !exhausted && !reread;
    // Buffered tweets are classified without waiting on I/O: step out to the event loop now and
    // then, so that Ctrl-C and SIGTERM (handled there) stop the run within a second.
    let stepped = performance.now();
    for await (const batch of source()) {
      if (performance.now() - stepped > 100) {
        await new Promise((resolve) => setImmediate(resolve));
        stepped = performance.now();
      }
      const out: ClassifiedTweet[] = [];
      for (let i = 0; i < batch.length; i++) {
        const tweet = batch[i]!;
        const local = zone.parts(tweet.createdAt);
        const month = monthKeyOf(local);
        if (scope === 'period' && !inPeriod(month)) continue;
        out.push({ tweet, classification: classifier.classify(tweet, local), local, month });
      }
      if (out.length > 0) yield out;
    }
  }

  return {
    archive,
    zone,
    timeZoneSource,
    identity,
    classifier,
    config,
    monthCounts,
    get period() {
      return fixed ?? resolve();
    },
    get periodMonths() {
      const period = fixed ?? resolve();
      return monthsBetween(period.from, period.to);
    },
    detailMonths: () => (fixed ? monthsBetween(fixed.from, fixed.to) : bounds!),
    classified: (scope) => flattenBatches(classifiedBatches(scope)),
    classifiedBatches,
  };
}

/**
 * The whole audit: reads, classifies every tweet and aggregates the report. Every month gets its
 * shares (the trend); the months of the period also get their full report, unless `detail` is
 * false (the trend alone).
 */
export async function audit(options: AuditOptions, detail = true): Promise<AuditResult> {
  let opened: OpenedArchive | undefined;
  if (options.workers !== 0 && !(options.labels && options.labels.size > 0)) {
    // Loaded only when it may be used: a single-threaded audit (and --help) does not pay for it.
    const { auditInParallel } = await import('./parallel/run.js');
    const { result, archive } = await auditInParallel(options, detail);
    if (result) return result;
    opened = archive;
  }
  const prepared = await prepareAudit(options, opened);
  const aggregator = createAggregator({
    detailMonths: detail ? prepared.detailMonths() : [],
    config: prepared.config,
    timeZone: prepared.zone.name,
    examples: options.examples,
  });
  for await (const batch of prepared.classifiedBatches('all')) {
    for (let i = 0; i < batch.length; i++) aggregator.add(batch[i]!);
  }
  return { prepared, report: aggregator.finish() };
}

export function chooseZone(
  option: string | undefined,
  config: TweetAuditConfig,
  archive: OpenedArchive,
): { zone: Zone; source: TimeZoneSource } {
  if (option) return { zone: createZone(option), source: 'option' };
  if (config.timeZone) return { zone: createZone(config.timeZone), source: 'config' };
  if (archive.owner.timeZone) return { zone: createZone(archive.owner.timeZone), source: 'archive' };
  return { zone: createZone(systemTimeZone()), source: 'system' };
}
