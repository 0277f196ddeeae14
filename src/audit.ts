// The audit as a pipeline: read -> discover -> classify -> aggregate, plain data between the steps
// (docs/architecture.md). The renderers take the report it returns.
import { openArchives, tweetBatches } from './archive/index.js';
// The modules themselves, not their folders' index files: an index loads every module of its
// folder (evaluation, labels, init, the renderers), which an audit does not need.
import { createClassifier, type Classifier, type UserLabel } from './classify/classifier.js';
import { archiveContext } from './classify/context.js';
import { discoverIdentity } from './config/discover.js';
import { DEFAULT_NIGHT_HOURS, type Identity, type TweetAuditConfig } from './config/schema.js';
import type { ArchiveOwner, OpenedArchive, Tweet } from './model/tweet.js';
import { monthsBetween, previousMonth, resolvePeriod, type Period, type PeriodOptions } from './period.js';
import { createAggregator } from './report/aggregate.js';
import type { AuditReport, ClassifiedTweet } from './report/types.js';
import { createZone, monthKeyOf, systemTimeZone, type Zone } from './time/zone.js';

/** What an audit is asked for, besides the archive's own files. */
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
  /** Full reports of the period's months (default); false for the trend alone. */
  detail?: boolean;
  /**
   * Also review a period asked for with --from/--to or --all as one (the report's `summary`), when
   * it spans several months. The default window stays a month's review, even when widened.
   */
  summary?: boolean;
  /**
   * The months the report's trend covers: every month of the archive ('all', the default: the
   * JSON report carries the whole trend), the period's months ('period'), or the N months up to
   * the period's last one. Only these months and the detailed ones are classified.
   */
  trend?: 'all' | 'period' | number;
}

/** What `audit()` returns. */
export interface AuditResult {
  prepared: PreparedAudit;
  report: AuditReport;
}

/** Where the time zone came from, so the report can say it. */
export type TimeZoneSource = 'option' | 'config' | 'archive' | 'system';

/** An archive read, its owner's identity discovered and its classifier built. */
export interface PreparedAudit {
  archive: OpenedArchive;
  zone: Zone;
  timeZoneSource: TimeZoneSource;
  identity: Identity;
  classifier: Classifier;
  config: TweetAuditConfig;
  /** Every tweet of the archive, in the order the archive lists them. */
  tweets: readonly Tweet[];
  /** Tweets per local month over the whole archive. */
  monthCounts: ReadonlyMap<string, number>;
  /** The period, resolved against the archive's months (throws for an archive without tweets). */
  readonly period: Period;
  /** The months of the period, oldest first. */
  readonly periodMonths: string[];
  /** Classifies, one at a time in the archive's order, the tweets of these months (default: all). */
  classified(months?: ReadonlySet<string>): Iterable<ClassifiedTweet>;
}

/**
 * Owner identity is discovered from the first this-many tweets the archive lists (all of them for
 * a real archive; X lists newest first): the same window whatever period is asked for, so a
 * month's report does not depend on the other months asked with it.
 */
const DISCOVERY_WINDOW = 100_000;
const PROGRESS_EVERY = 10_000;

/** The whole audit: read, discover, classify the months the report needs, aggregate. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const prepared = await prepareAudit(options);
  const detail = options.detail ?? true;
  // An archive without a single tweet has no default or --all period: the report is empty, and
  // the command says why once it has shown the reader's warnings (what it skipped).
  const { month, from, to } = options.period;
  if (prepared.monthCounts.size === 0 && !month && !from && !to) {
    return {
      prepared,
      report: aggregate([], { detailMonths: [], config: prepared.config, timeZone: prepared.zone.name }),
    };
  }
  const trend = trendWindow(prepared.period, options.trend ?? 'all');
  const detailMonths = detail ? prepared.periodMonths : [];
  const months = trend === undefined ? undefined : monthsToClassify(detailMonths, trend);
  const report = aggregate(prepared.classified(months), {
    detailMonths,
    monthsSeen: [...prepared.monthCounts.keys()],
    monthTotals: prepared.monthCounts,
    trend,
    config: prepared.config,
    timeZone: prepared.zone.name,
    examples: options.examples,
    summary: Boolean(options.summary) && ['range', 'all'].includes(prepared.period.chosenBy),
  });
  return { prepared, report };
}

/** Reads the archive, discovers its owner's identity and builds the classifier. */
export async function prepareAudit(options: AuditOptions): Promise<PreparedAudit> {
  const config = options.config ?? {};
  const { archive, tweets } = await readArchive(options.archives, options.onProgress);
  const { zone, source: timeZoneSource } = chooseZone(options.timeZone, config, archive);
  const months = tweets.map((tweet) => zone.monthKey(tweet.createdAt));
  const monthCounts = countMonths(months);
  const identity = await discoverOwner(archive.owner, tweets, config);
  // The one place the classifier is made; `tweets` holds every tweet of the archive.
  const classifier = await createClassifier({
    identity,
    zone,
    nightHours: config.nightHours ?? DEFAULT_NIGHT_HOURS,
    labels: options.labels,
    context: archiveContext(tweets, identity, archive.owner.bio),
  });
  // Learning the labeled tweets up front makes every tweet's label independent of which months
  // are classified and in what order.
  if (options.labels && options.labels.size > 0)
    classifier.learn(tweets.filter((tweet) => options.labels!.has(tweet.id)));

  const coveredUntil = archive.exportedAt === undefined ? undefined : zone.monthKey(archive.exportedAt);
  let period: Period | undefined;
  const resolved = () => (period ??= resolvePeriod(options.period, monthCounts, coveredUntil, archive.path));
  return {
    archive,
    zone,
    timeZoneSource,
    identity,
    classifier,
    config,
    tweets,
    monthCounts,
    get period() {
      return resolved();
    },
    get periodMonths() {
      return monthsBetween(resolved().from, resolved().to);
    },
    classified: (wanted) => classify(tweets, months, classifier, zone, wanted),
  };
}

/** Step 1: every tweet of the archives, in their order, read once. */
export async function readArchive(
  paths: string[],
  onProgress?: (tweetsRead: number) => void,
): Promise<{ archive: OpenedArchive; tweets: Tweet[] }> {
  const archive = await openArchives(paths);
  const tweets: Tweet[] = [];
  for await (const batch of tweetBatches(archive)) {
    const before = tweets.length;
    for (const tweet of batch) tweets.push(tweet);
    if (Math.floor(tweets.length / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) onProgress?.(tweets.length);
  }
  onProgress?.(tweets.length);
  return { archive, tweets };
}

/** Step 2: the owner's identity, from the discovery window (see DISCOVERY_WINDOW). */
export function discoverOwner(
  owner: ArchiveOwner,
  tweets: readonly Tweet[],
  config: TweetAuditConfig,
): Promise<Identity> {
  return discoverIdentity(owner, tweets.length > DISCOVERY_WINDOW ? tweets.slice(0, DISCOVERY_WINDOW) : tweets, config);
}

/** Step 3: the tweets of the wanted months (all without a set), labeled, in the archive's order. */
export function* classify(
  tweets: readonly Tweet[],
  months: readonly string[],
  classifier: Classifier,
  zone: Zone,
  wanted?: ReadonlySet<string>,
): Generator<ClassifiedTweet> {
  for (let i = 0; i < tweets.length; i++) {
    if (wanted && !wanted.has(months[i]!)) continue;
    const tweet = tweets[i]!;
    const local = zone.parts(tweet.createdAt);
    yield { tweet, classification: classifier.classify(tweet, local), local, month: monthKeyOf(local) };
  }
}

/** Tweets classified between two turns of the event loop in `withTurns` (a few ms of work). */
export const TURN_EVERY = 256;

/**
 * `items` as an async iterable that lets the event loop run every `every` items. A loop that
 * classifies while a --out temporary file is pending needs it: the signal handler that removes
 * that file runs only between turns, so Ctrl-C would otherwise wait for the last tweet (or for
 * the output stream to ask for a pause, which a fast disk may never do).
 */
export async function* withTurns<T>(items: Iterable<T>, every = TURN_EVERY): AsyncGenerator<T> {
  let n = 0;
  for (const item of items) {
    yield item;
    if (++n % every === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Step 4: the report of classified tweets. */
export function aggregate(
  classified: Iterable<ClassifiedTweet>,
  options: Parameters<typeof createAggregator>[0],
): AuditReport {
  const aggregator = createAggregator(options);
  for (const tweet of classified) aggregator.add(tweet);
  return aggregator.finish();
}

/** The trend's months as bounds, or undefined for every month of the archive. */
function trendWindow(period: Period, trend: 'all' | 'period' | number): { from: string; to: string } | undefined {
  if (trend === 'all') return undefined;
  if (trend === 'period') return { from: period.from, to: period.to };
  let from = period.to;
  for (let i = 1; i < trend; i++) from = previousMonth(from);
  // Zero months: a window that holds none.
  return trend <= 0 ? { from: period.to, to: previousMonth(period.to) } : { from, to: period.to };
}

/** The detailed months, the month before each (for the change), and the trend's months. */
function monthsToClassify(detailMonths: readonly string[], trend: { from: string; to: string }): Set<string> {
  const months = new Set<string>();
  for (const month of detailMonths) {
    months.add(month);
    months.add(previousMonth(month));
  }
  if (trend.from <= trend.to) for (const month of monthsBetween(trend.from, trend.to)) months.add(month);
  return months;
}

function countMonths(months: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const month of months) counts.set(month, (counts.get(month) ?? 0) + 1);
  return counts;
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
