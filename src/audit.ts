import { openArchives } from './archive/index.js';
import { createClassifier, type Classifier, type UserLabel } from './classify/index.js';
import { discoverIdentity } from './config/index.js';
import { DEFAULT_NIGHT_HOURS, type Identity, type TweetAuditConfig } from './config/schema.js';
import type { OpenedArchive, Tweet } from './model/tweet.js';
import { monthsBetween, resolvePeriod, type Period, type PeriodOptions } from './period.js';
import { createAggregator, type AuditReport, type ClassifiedTweet } from './report/index.js';
import { createZone, systemTimeZone, type Zone } from './time/zone.js';

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
}

/** Where the time zone came from, so the report can say it. */
export type TimeZoneSource = 'option' | 'config' | 'archive' | 'system';

/** An archive read once: its months known, its owner's identity discovered, its period chosen. */
export interface PreparedAudit {
  archive: OpenedArchive;
  zone: Zone;
  timeZoneSource: TimeZoneSource;
  identity: Identity;
  classifier: Classifier;
  config: TweetAuditConfig;
  /** Tweets per local month, over the whole archive. */
  monthCounts: ReadonlyMap<string, number>;
  period: Period;
  /** The months of the period, oldest first. */
  periodMonths: string[];
  /** Classifies every tweet of the archive (`scope: 'all'`) or of the period only. */
  classified(scope: 'all' | 'period'): AsyncIterable<ClassifiedTweet>;
}

/**
 * Archives up to this many tweets are kept in memory after the first pass, so the second pass
 * does not read the files again; larger ones are streamed twice to keep memory bounded.
 */
const MAX_BUFFERED_TWEETS = 200_000;
const PROGRESS_EVERY = 10_000;

/**
 * Opens the archives and reads them once: counts tweets per month, discovers the owner's
 * identity, chooses the period and builds the classifier. Reading stays lazy until then.
 */
export async function prepareAudit(options: AuditOptions): Promise<PreparedAudit> {
  const config = options.config ?? {};
  const archive = await openArchives(options.archives);
  const { zone, source: timeZoneSource } = chooseZone(options.timeZone, config, archive);

  const monthCounts = new Map<string, number>();
  let buffer: Tweet[] | null = [];
  const labeled: Tweet[] = [];
  let read = 0;
  async function* firstPass(): AsyncIterable<Tweet> {
    for await (const tweet of archive.tweets()) {
      const month = zone.monthKey(tweet.createdAt);
      monthCounts.set(month, (monthCounts.get(month) ?? 0) + 1);
      if (options.labels?.has(tweet.id)) labeled.push(tweet);
      if (buffer) {
        if (buffer.length < MAX_BUFFERED_TWEETS) buffer.push(tweet);
        else buffer = null;
      }
      if (++read % PROGRESS_EVERY === 0) options.onProgress?.(read);
      yield tweet;
    }
  }
  const identity = await discoverIdentity(archive.owner, firstPass(), config);
  options.onProgress?.(read);

  const coveredUntil = archive.exportedAt === undefined ? undefined : zone.monthKey(archive.exportedAt);
  const period = resolvePeriod(options.period, [...monthCounts.keys()], coveredUntil);
  const periodMonths = monthsBetween(period.from, period.to);
  const inPeriod = new Set(periodMonths);

  const classifier = await createClassifier({
    identity,
    zone,
    nightHours: config.nightHours ?? DEFAULT_NIGHT_HOURS,
    labels: options.labels,
  });
  // Learning every labeled tweet up front makes the other tweets' labels independent of the
  // order the archive lists them in.
  if (labeled.length > 0) classifier.learn(labeled);

  const kept = buffer;
  async function* classified(scope: 'all' | 'period'): AsyncIterable<ClassifiedTweet> {
    const source: AsyncIterable<Tweet> | Iterable<Tweet> = kept ?? archive.tweets();
    let seen = 0;
    for await (const tweet of source) {
      if (!kept && ++seen % PROGRESS_EVERY === 0) options.onProgress?.(read + seen);
      const local = zone.parts(tweet.createdAt);
      const month = `${local.year}-${String(local.month).padStart(2, '0')}`;
      if (scope === 'period' && !inPeriod.has(month)) continue;
      yield { tweet, classification: classifier.classify(tweet), local, month };
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
    period,
    periodMonths,
    classified,
  };
}

/**
 * The whole audit: reads, classifies every tweet and aggregates the report. Every month gets its
 * shares (the trend); the months of the period also get their full report, unless `detail` is
 * false (the trend alone).
 */
export async function audit(
  options: AuditOptions,
  detail = true,
): Promise<{ prepared: PreparedAudit; report: AuditReport }> {
  const prepared = await prepareAudit(options);
  const aggregator = createAggregator({
    detailMonths: detail ? prepared.periodMonths : [],
    config: prepared.config,
    timeZone: prepared.zone.name,
    examples: options.examples,
  });
  for await (const item of prepared.classified('all')) aggregator.add(item);
  return { prepared, report: aggregator.finish() };
}

function chooseZone(
  option: string | undefined,
  config: TweetAuditConfig,
  archive: OpenedArchive,
): { zone: Zone; source: TimeZoneSource } {
  if (option) return { zone: createZone(option), source: 'option' };
  if (config.timeZone) return { zone: createZone(config.timeZone), source: 'config' };
  if (archive.owner.timeZone) return { zone: createZone(archive.owner.timeZone), source: 'archive' };
  return { zone: createZone(systemTimeZone()), source: 'system' };
}
