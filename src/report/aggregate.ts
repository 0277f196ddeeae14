import { CATEGORIES, FLAGS, SUBCATEGORIES } from '../classify/taxonomy.js';
import type { TweetAuditConfig } from '../config/schema.js';
import { TweetAuditError } from '../errors.js';
import {
  FLAG_ID_CAP,
  LOW_CONFIDENCE_ID_CAP,
  LOW_CONFIDENCE_THRESHOLD,
  LOW_VOLUME_THRESHOLD,
  STANDOUT_MONTHS,
  STANDOUT_POINTS,
  TOPIC_MIN_COUNT,
  TOP_TERMS,
  TOP_TWEETS,
} from './constants.js';
import { BoundedSortedList, TermCounter, compareIds, compareStrings, round } from './counters.js';
import { DuplicateFinder, compareMembers, type DuplicateFindings } from './duplicates.js';
import { formatDate, formatPercent, monthBounds, monthRange, plural, shiftMonth } from './format.js';
import { defaultGenerator } from './generator.js';
import { buildObservations, buildQuestions, type MonthFacts } from './insights.js';
import { evaluateTargets } from './targets.js';
import { analyzeText, domainOf, type TextAnalysis } from './text.js';
import { createZone, isValidTimeZone } from '../time/zone.js';
import type {
  AuditReport,
  BoringAnswer,
  ShownTweet,
  Category,
  CategoryBreakdowns,
  CategoryEngagement,
  ClassifiedTweet,
  ExampleTweet,
  Flag,
  FlagTally,
  GeneratorInfo,
  MonthReport,
  PeriodReport,
  Review,
  ShareCount,
  Standout,
  Spread,
  TermCount,
  TrendPoint,
} from './types.js';

/** Options of {@link createAggregator}. */
export interface AggregatorOptions {
  /** Months ("YYYY-MM") that get a full report; every other month keeps counters only. */
  detailMonths: string[];
  config: TweetAuditConfig;
  /** The IANA zone the months were cut in; it is printed with the report. */
  timeZone: string;
  /** Example tweets per category in each detailed month (0 or absent: none). */
  examples?: number;
  /** Who made the report; defaults to tweet-audit and its package version. */
  generator?: GeneratorInfo;
  /** Every month of the archive with tweets (default: the months of the tweets added). */
  monthsSeen?: readonly string[];
  /** The months the trend is cut to, when the tweets added are those of some months only. */
  trend?: { from: string; to: string };
  /** Also review the detailed months as one period (`summary`), when there are several. */
  summary?: boolean;
  /**
   * How many tweets each month will get, where the caller knows: a detailed month is summed up
   * as soon as it has them all, instead of at the end (see MonthDetail.sum).
   */
  monthTotals?: ReadonlyMap<string, number>;
}

/** Feeds classified tweets one at a time and produces the report at the end. */
export interface Aggregator {
  add(tweet: ClassifiedTweet): void;
  finish(): AuditReport;
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/u;

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((category, i) => [category, i]));
/** "category/subcategory" of the taxonomy, in order, and each one's index per category. */
const SUBCATEGORY_KEYS = CATEGORIES.flatMap((category) => SUBCATEGORIES[category].map((sub) => `${category}/${sub}`));
const SUBCATEGORY_INDEX = CATEGORIES.map(
  (category) =>
    new Map<string, number>(
      SUBCATEGORIES[category].map((sub) => [sub, SUBCATEGORY_KEYS.indexOf(`${category}/${sub}`)]),
    ),
);
/** Flags counted per tweet: all but `duplicate`, which is computed over the whole month. */
const FLAG_INDEX = new Map<string, number>(FLAGS.map((flag, i) => [flag, i]));
const DUPLICATE_FLAG = 1 << FLAGS.indexOf('duplicate');
const LATE_NIGHT_DRINKING = (1 << FLAGS.indexOf('late-night')) | (1 << FLAGS.indexOf('drinking'));

/** Category and subcategory counts of one month: all that months outside the detailed set keep. */
class MonthCounts {
  total = 0;
  /** By category index. */
  readonly byCategory = new Int32Array(CATEGORIES.length);
  /** By index in SUBCATEGORY_KEYS. */
  readonly bySubcategory = new Int32Array(SUBCATEGORY_KEYS.length);
  /** Pairs outside the taxonomy, keyed "category/subcategory", should a classifier give one. */
  other: Record<string, number> | null = null;

  add(category: string, subcategory: string): void {
    this.total += 1;
    const c = CATEGORY_INDEX.get(category);
    const s = c === undefined ? undefined : (SUBCATEGORY_INDEX[c] as Map<string, number>).get(subcategory);
    if (c !== undefined) this.byCategory[c] = (this.byCategory[c] as number) + 1;
    if (s !== undefined) {
      this.bySubcategory[s] = (this.bySubcategory[s] as number) + 1;
    } else {
      const key = `${category}/${subcategory}`;
      this.other ??= {};
      this.other[key] = (this.other[key] ?? 0) + 1;
    }
  }

  get categories(): Record<Category, number> {
    return perCategory((category) => this.byCategory[CATEGORY_INDEX.get(category) as number] as number);
  }

  get subcategories(): Record<string, number> {
    const record: Record<string, number> = {};
    SUBCATEGORY_KEYS.forEach((key, i) => {
      record[key] = this.bySubcategory[i] as number;
    });
    if (!this.other) return record;
    // In code-unit order, not in the order they were first met.
    for (const key of Object.keys(this.other).sort(compareStrings)) record[key] = this.other[key] as number;
    return record;
  }
}

function perCategory<T>(make: (category: Category) => T): Record<Category, T> {
  return {
    conversation: make('conversation'),
    promotion: make('promotion'),
    conference: make('conference'),
    personal: make('personal'),
  };
}

/** Hashtags and people per category, kept for detailed months and the months before them. */
class DriverCounts {
  readonly byCategory = CATEGORIES.map(() => new TermCounter());
  /** Hashtags as written, so "#ccdemo11" can be shown as the user wrote it, "#CCDemo11". */
  readonly hashtagSpellings = new TermCounter();
  /** Lowercased hashtag → its most used spelling, made when first asked for. */
  private spellings: Map<string, { term: string; count: number }> | null = null;

  /** The spelling of a lowercased "#tag" used most (ties: the first in code-unit order), if any. */
  spellingOf(key: string): string | undefined {
    if (!this.spellings) {
      this.spellings = new Map();
      for (const spelling of this.hashtagSpellings.keys()) {
        const lower = spelling.toLowerCase();
        const count = this.hashtagSpellings.get(spelling);
        const best = this.spellings.get(lower);
        if (!best || count > best.count || (count === best.count && spelling < best.term))
          this.spellings.set(lower, { term: spelling, count });
      }
    }
    return this.spellings.get(key)?.term;
  }
}

/** An example tweet and its engagement, which orders the candidates; its local time is made at the end. */
export interface ExampleCandidate extends Omit<ExampleTweet, 'local'> {
  engagement: number;
  createdAt: number;
}

/** A candidate for a category's most engaging tweets. */
interface TopCandidate {
  id: string;
  createdAt: number;
  text: string;
  url?: string;
  likes: number;
  retweets: number;
}

/** A listed tweet's time and text, to show it. */
interface ShownText {
  createdAt: number;
  text: string;
  url?: string;
}

/**
 * What a detailed month gathers from every one of its tweets (terms, texts, repeats, engagement
 * figures): kept only until the month has all its tweets, then summed up in a {@link SummedDetail}.
 */
class GrowingDetail {
  readonly words = new TermCounter();
  /** Two words joined by a space. */
  readonly phrases = new TermCounter();
  readonly hashtags = new TermCounter();
  readonly people = new TermCounter();
  readonly domains = new TermCounter();
  readonly duplicates = new DuplicateFinder(FLAG_ID_CAP);
  /** Local days with tweets, as year * 512 + month * 32 + day. */
  readonly days = new Set<number>();
  readonly likes = CATEGORIES.map((): number[] => []);
  readonly retweetCounts = CATEGORIES.map((): number[] => []);
  /** Every tweet's time and text, to show the listed ones. */
  readonly texts = new Map<string, ShownText>();
}

/** What a month's report reads of its {@link GrowingDetail}: a few dozen terms and tweets. */
interface SummedDetail {
  topics: {
    words: TermCount[];
    phrases: TermCount[];
    hashtags: TermCount[];
    people: TermCount[];
    domains: TermCount[];
  };
  /** The month's repeats; none for a period, whose months find them. */
  duplicates: DuplicateFindings | null;
  /** The texts of the tweets the report can list (flags, low confidence, repeats). */
  texts: Map<string, ShownText>;
  likes: (Spread | null)[];
  retweets: (Spread | null)[];
  activeDays: number;
}

/** Everything a detailed month's report needs besides its counts. */
class MonthDetail {
  /** By index in FLAGS. */
  readonly flagCounts = new Int32Array(FLAGS.length);
  /** Per flag, its first tweets by time, then id. */
  readonly flagIds = FLAGS.map(
    () => new BoundedSortedList<{ id: string; createdAt: number }>(FLAG_ID_CAP, compareMembers),
  );
  /** The first and last tweet's time and local day (year * 512 + month * 32 + day; 0: none yet). */
  firstAt = 0;
  firstDay = 0;
  lastAt = 0;
  lastDay = 0;
  lateNightDrinking = 0;
  bareLinks = 0;
  retweets = 0;
  repliesToOthers = 0;
  withEngagement = 0;
  readonly engagementTweets = new Int32Array(CATEGORIES.length);
  /** Per category, its most engaging own tweets: likes + retweets, then id. */
  readonly topTweets = CATEGORIES.map(
    () =>
      new BoundedSortedList<TopCandidate>(
        TOP_TWEETS,
        (a, b) => b.likes + b.retweets - (a.likes + a.retweets) || compareIds(a.id, b.id),
      ),
  );
  /** Tweets per local hour (0..23) and per weekday (0: Sunday). */
  readonly hours = new Int32Array(24);
  readonly weekdays = new Int32Array(7);
  readonly examples: BoundedSortedList<ExampleCandidate>[];
  lowConfidenceCount = 0;
  readonly lowConfidence = new BoundedSortedList<{ id: string; confidence: number }>(
    LOW_CONFIDENCE_ID_CAP,
    (a, b) => a.confidence - b.confidence || compareIds(a.id, b.id),
  );
  private growing: GrowingDetail | null = new GrowingDetail();
  private summed: SummedDetail | null = null;

  /**
   * @param period the detail of a period of several months: it keeps no texts and finds no
   * repeats of its own (its months have both), since comparing every pair of a long period costs
   * far more memory than a month at a time.
   */
  constructor(
    examples: number,
    readonly period = false,
  ) {
    // Highest confidence first (the clearest examples), then most engagement, then id.
    this.examples = CATEGORIES.map(
      () =>
        new BoundedSortedList<ExampleCandidate>(
          examples,
          (a, b) => b.confidence - a.confidence || b.engagement - a.engagement || compareIds(a.id, b.id),
        ),
    );
  }

  /** What grows with the tweets; a month summed up takes no more. */
  get open(): GrowingDetail {
    if (!this.growing) throw new Error('internal error: a tweet came for a month already summed up');
    return this.growing;
  }

  /**
   * Sums the month up (once) and lets go of what grew with its tweets: with --all, every month
   * of the archive is detailed, and only what its report shows should outlive it.
   */
  sum(): SummedDetail {
    if (this.summed) return this.summed;
    const grown = this.open;
    // A term used once is a one-off, not a subject.
    const top = (counter: TermCounter) => counter.top(TOP_TERMS).filter((t) => t.count >= TOPIC_MIN_COUNT);
    const duplicates = this.period ? null : grown.duplicates.finish();
    const listed = [
      ...this.flagIds.flatMap((list) => list.toArray()),
      ...this.lowConfidence.toArray(),
      ...(duplicates ? [...duplicates.exact, ...duplicates.near] : []),
    ];
    const texts = new Map<string, ShownText>();
    for (const { id } of listed) {
      const found = grown.texts.get(id);
      if (found) texts.set(id, found);
    }
    const engaged = this.withEngagement > 0;
    this.summed = {
      topics: {
        words: top(grown.words),
        phrases: top(grown.phrases),
        hashtags: top(grown.hashtags),
        people: top(grown.people),
        domains: top(grown.domains),
      },
      duplicates,
      texts,
      likes: grown.likes.map((values) => (engaged ? spread(values) : null)),
      retweets: grown.retweetCounts.map((values) => (engaged ? spread(values) : null)),
      activeDays: grown.days.size,
    };
    this.growing = null;
    return this.summed;
  }
}

/** What a detailed month reads from one of the owner's own tweets (not a retweet). */
interface OwnWords {
  text: TextAnalysis;
  /** The host of each link that has one, in order. */
  domains: string[];
}

function ownWords(tweet: ClassifiedTweet['tweet']): OwnWords {
  const domains: string[] = [];
  for (const url of tweet.urls) {
    const domain = domainOf(url);
    if (domain) domains.push(domain);
  }
  return { text: analyzeText(tweet.text), domains };
}

/** "#" or "@" and the name, lowercased. */
function key(prefix: string, name: string): string {
  return prefix + name.toLowerCase();
}

function spread(values: readonly number[]): Spread | null {
  const n = values.length;
  if (n === 0) return null;
  // Counts are whole numbers, whose sum is exact in any order; anything else is summed sorted.
  let sum = 0;
  let whole = true;
  for (const value of values) {
    sum += value;
    if (!Number.isSafeInteger(value) || value < 0) whole = false;
  }
  const sorted = whole && sum <= Number.MAX_SAFE_INTEGER ? null : Float64Array.from(values).sort();
  if (sorted) {
    sum = 0;
    for (let i = 0; i < n; i += 1) sum += sorted[i] as number;
  }
  const middle = Math.floor(n / 2);
  const copy = sorted ?? Float64Array.from(values);
  const upper = sorted ? (sorted[middle] as number) : select(copy, middle);
  // select() leaves the smaller values before `middle`: the largest of them is the one below.
  let lower = upper;
  if (n % 2 === 0) {
    if (sorted) lower = sorted[middle - 1] as number;
    else {
      lower = copy[0] as number;
      for (let i = 1; i < middle; i += 1) lower = Math.max(lower, copy[i] as number);
    }
  }
  const median = n % 2 === 1 ? upper : (lower + upper) / 2;
  return { mean: round(sum / n, 2), median: round(median, 2) };
}

/** The k-th smallest of `values` (quickselect), which is left partitioned around it. */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >>> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/**
 * Creates the aggregator behind every report: each month counts its categories; the detailed
 * months (and, for their change drivers, the months before them) keep term counts, flag ids and
 * duplicate texts.
 */
export function createAggregator(options: AggregatorOptions): Aggregator {
  const detailMonths = [...new Set(options.detailMonths)].sort(compareStrings);
  for (const month of detailMonths) {
    if (!MONTH_KEY.test(month)) throw new TweetAuditError(`"${month}" is not a month; use YYYY-MM, e.g. 2024-05`);
  }
  const examples = Math.max(0, Math.floor(options.examples ?? 0));
  const zone = createZone(isValidTimeZone(options.timeZone) ? options.timeZone : 'UTC');
  const ownHandles = [
    ...new Set((options.config.identity?.handles ?? []).map((handle) => handle.toLowerCase().replace(/^@/u, ''))),
  ];
  const counts = new Map<string, MonthCounts>();
  const details = new Map(detailMonths.map((month) => [month, new MonthDetail(examples)]));
  const drivers = new Map<string, DriverCounts>();
  for (const month of detailMonths) {
    drivers.set(month, new DriverCounts());
    drivers.set(shiftMonth(month, -1), new DriverCounts());
  }
  const ownKeys = ownHandles.map((handle) => `@${handle}`);
  // The detailed months as one period: its own counts, details and hashtag spellings.
  const summary =
    options.summary && detailMonths.length > 1
      ? { counts: new MonthCounts(), detail: new MonthDetail(examples, true), drivers: new DriverCounts() }
      : undefined;
  // The month of the last tweet and what it keeps: archives list tweets month by month.
  let month: string | null = null;
  let monthCounts: MonthCounts | undefined;
  let monthDrivers: DriverCounts | undefined;
  let monthDetail: MonthDetail | undefined;

  function add(t: ClassifiedTweet): void {
    const { tweet, classification } = t;
    if (t.month !== month) {
      month = t.month;
      monthCounts = counts.get(month);
      if (!monthCounts) {
        monthCounts = new MonthCounts();
        counts.set(month, monthCounts);
      }
      monthDrivers = drivers.get(month);
      monthDetail = details.get(month);
    }
    const { category, subcategory } = classification;
    (monthCounts as MonthCounts).add(category, subcategory);
    // Most months of a long archive end here: they only need the counts above.
    if (!monthDrivers && !monthDetail) return;

    // Hashtags lowercased and people talked to (mentions and the account answered, minus the
    // owner and, for a retweet, its author), each once, in order of appearance.
    const tagKeys = new Set(tweet.hashtags.map((tag) => key('#', tag)));
    const personKeys = new Set(tweet.mentions.map((handle) => key('@', handle)));
    const answered = tweet.isReply && !tweet.isSelfReply ? tweet.inReplyToScreenName : undefined;
    if (answered) personKeys.add(key('@', answered));
    // A retweet names its author, but the owner did not talk to them.
    if (tweet.isRetweet && tweet.retweetOf) personKeys.delete(key('@', tweet.retweetOf));
    for (const own of ownKeys) personKeys.delete(own);
    if (monthDrivers) {
      const counter = monthDrivers.byCategory[CATEGORY_INDEX.get(category) as number];
      if (counter) {
        for (const tag of tagKeys) counter.add(tag);
        for (const person of personKeys) counter.add(person);
      }
      for (const spelling of new Set(tweet.hashtags)) monthDrivers.hashtagSpellings.add(`#${spelling}`);
    }
    if (!monthDetail) return;
    // The month and the period it belongs to read the same text: analysed once for both.
    const ownText = tweet.isRetweet ? undefined : ownWords(tweet);
    addDetail(monthDetail, t, tagKeys, personKeys, ownText);
    if (options.monthTotals?.get(t.month) === monthCounts!.total) monthDetail.sum();
    if (summary) {
      summary.counts.add(category, subcategory);
      const counter = summary.drivers.byCategory[CATEGORY_INDEX.get(category) as number];
      if (counter) for (const term of [...tagKeys, ...personKeys]) counter.add(term);
      for (const spelling of new Set(tweet.hashtags)) summary.drivers.hashtagSpellings.add(`#${spelling}`);
      addDetail(summary.detail, t, tagKeys, personKeys, ownText);
    }
  }

  function addDetail(
    detail: MonthDetail,
    t: ClassifiedTweet,
    tagKeys: ReadonlySet<string>,
    personKeys: ReadonlySet<string>,
    own: OwnWords | undefined,
  ): void {
    const { tweet, classification, local } = t;
    const grown = detail.open;
    const createdAt = tweet.createdAt;
    const day = local.year * 512 + local.month * 32 + local.day;
    grown.days.add(day);
    detail.hours[local.hour] = (detail.hours[local.hour] as number) + 1;
    detail.weekdays[local.weekday] = (detail.weekdays[local.weekday] as number) + 1;
    if (detail.firstDay === 0 || createdAt < detail.firstAt) {
      detail.firstAt = createdAt;
      detail.firstDay = day;
    }
    if (detail.lastDay === 0 || createdAt > detail.lastAt) {
      detail.lastAt = createdAt;
      detail.lastDay = day;
    }

    if (!detail.period) grown.texts.set(tweet.id, { createdAt, text: tweet.text, url: tweet.url });
    // `duplicate` is computed here over the whole month; a classifier's own value is ignored.
    let seen = 0;
    for (const flag of classification.flags) {
      const index = FLAG_INDEX.get(flag);
      if (index === undefined || ((seen >>> index) & 1) === 1) continue;
      seen |= 1 << index;
      if (1 << index === DUPLICATE_FLAG) continue;
      detail.flagCounts[index] = (detail.flagCounts[index] as number) + 1;
      const ids = detail.flagIds[index] as BoundedSortedList<{ id: string; createdAt: number }>;
      if (ids.accepts((last) => createdAt - last.createdAt || compareIds(tweet.id, last.id)))
        ids.add({ id: tweet.id, createdAt });
    }
    if ((seen & LATE_NIGHT_DRINKING) === LATE_NIGHT_DRINKING) detail.lateNightDrinking += 1;

    const c = CATEGORY_INDEX.get(classification.category) as number;
    if (!own) {
      detail.retweets += 1;
    } else {
      // Retweets are other people's words: they count for none of the topics (words, hashtags,
      // people, links alike), nor for repeats or engagement (archives record no likes for them).
      for (const tag of tagKeys) grown.hashtags.add(tag);
      for (const person of personKeys) grown.people.add(person);
      for (const domain of own.domains) grown.domains.add(domain);
      const { text } = own;
      for (const word of text.words) grown.words.add(word);
      for (const phrase of text.phrases) grown.phrases.add(phrase);
      if (!detail.period) grown.duplicates.addNormalized(tweet.id, createdAt, text.normalized);
      if (tweet.urls.length > 0 && !text.hasOwnWords) detail.bareLinks += 1;
      if (tweet.likeCount !== undefined || tweet.retweetCount !== undefined) {
        detail.withEngagement += 1;
        detail.engagementTweets[c] = (detail.engagementTweets[c] as number) + 1;
        if (tweet.likeCount !== undefined) (grown.likes[c] as number[]).push(tweet.likeCount);
        if (tweet.retweetCount !== undefined) (grown.retweetCounts[c] as number[]).push(tweet.retweetCount);
        const likes = tweet.likeCount ?? 0;
        const retweets = tweet.retweetCount ?? 0;
        const top = detail.topTweets[c] as BoundedSortedList<TopCandidate>;
        if (top.accepts((last) => last.likes + last.retweets - (likes + retweets) || compareIds(tweet.id, last.id)))
          top.add({
            id: tweet.id,
            createdAt,
            text: tweet.text,
            ...(tweet.url ? { url: tweet.url } : {}),
            likes,
            retweets,
          });
      }
    }
    if (tweet.isReply && !tweet.isSelfReply) detail.repliesToOthers += 1;

    if (examples > 0) {
      const confidence = round(classification.confidence, 2);
      const engagement = (tweet.likeCount ?? 0) + (tweet.retweetCount ?? 0);
      const list = detail.examples[c] as BoundedSortedList<ExampleCandidate>;
      if (
        list.accepts(
          (last) => last.confidence - confidence || last.engagement - engagement || compareIds(tweet.id, last.id),
        )
      ) {
        list.add({
          id: tweet.id,
          date: formatDate(local.year, local.month, local.day),
          subcategory: classification.subcategory,
          confidence,
          text: tweet.text,
          ...(tweet.url ? { url: tweet.url } : {}),
          engagement,
          createdAt,
        });
      }
    }
    if (classification.confidence < LOW_CONFIDENCE_THRESHOLD) {
      detail.lowConfidenceCount += 1;
      detail.lowConfidence.add({ id: tweet.id, confidence: classification.confidence });
    }
  }

  function finish(): AuditReport {
    const monthsSeen = [...(options.monthsSeen ?? counts.keys())].sort(compareStrings);
    const span = [...monthsSeen, ...detailMonths].sort(compareStrings);
    const cut = options.trend;
    const trend: TrendPoint[] =
      span.length === 0
        ? []
        : monthRange(span[0] as string, span[span.length - 1] as string)
            .filter((month) => !cut || (month >= cut.from && month <= cut.to))
            .map((month) => trendPoint(month, counts.get(month)));
    const report: AuditReport = {
      schemaVersion: 1,
      generator: options.generator ?? defaultGenerator(),
      timezone: options.timeZone,
      monthsSeen,
      months: detailMonths.map((month) => buildMonthReport(month, details.get(month) as MonthDetail)),
      trend,
    };
    if (summary) report.summary = buildPeriodReport(detailMonths[0]!, detailMonths.at(-1)!);
    return report;
  }

  /** Each detailed month's repeats, found once: the period's are the sum of its months'. */
  const monthDuplicates = new Map<string, DuplicateFindings>();

  function buildMonthReport(month: string, detail: MonthDetail): MonthReport {
    const previousMonth = shiftMonth(month, -1);
    const duplicates = detail.sum().duplicates!;
    monthDuplicates.set(month, duplicates);
    const { previous, ...review } = buildReview({
      label: month,
      span: 'month',
      bounds: monthBounds(month),
      detail,
      duplicates,
      texts: (id) => detail.sum().texts.get(id),
      own: counts.get(month),
      previous: { month: previousMonth, counts: counts.get(previousMonth) },
      drivers: drivers.get(month) as DriverCounts,
      previousDrivers: drivers.get(previousMonth) as DriverCounts,
      displayHashtag: (key) => displayHashtag(month, key),
    });
    const { timezone, period, total, lowVolume, ...rest } = review;
    return { month, timezone, period, total, lowVolume, previous, ...rest };
  }

  /** The period's review: its figures as one, and how its months moved. */
  function buildPeriodReport(from: string, to: string): PeriodReport {
    const label = `${from}..${to}`;
    const review: Review & { previous?: unknown } = buildReview({
      label,
      span: 'period',
      bounds: { start: monthBounds(from).start, end: monthBounds(to).end },
      detail: summary!.detail,
      duplicates: mergeDuplicates([...monthDuplicates.values()]),
      // The months keep the texts; a listed tweet is in one of them.
      texts: (id) => {
        for (const detail of details.values()) {
          const found = detail.sum().texts.get(id);
          if (found) return found;
        }
        return undefined;
      },
      own: summary!.counts,
      drivers: summary!.drivers,
      displayHashtag: (key) => summary!.drivers.spellingOf(key) ?? key,
    });
    delete review.previous;
    const trend = monthRange(from, to).map((month) => trendPoint(month, counts.get(month)));
    return {
      from,
      to,
      ...review,
      activeMonths: trend.filter((point) => point.total > 0).length,
      trend,
      standouts: findStandouts(trend, review.categories),
    };
  }

  /** A month's or a period's review, from its counts and details (and the month before, for a month). */
  function buildReview(input: {
    label: string;
    span: 'month' | 'period';
    bounds: { start: string; end: string };
    detail: MonthDetail;
    duplicates: DuplicateFindings;
    texts: (id: string) => ShownText | undefined;
    own: MonthCounts | undefined;
    /** The month before, for the change column; none for a period. */
    previous?: { month: string; counts: MonthCounts | undefined };
    drivers: DriverCounts;
    previousDrivers?: DriverCounts;
    displayHashtag: (key: string) => string;
  }): Review & { previous: { month: string; total: number } } {
    const { label, detail } = input;
    const summed = detail.sum();
    const ownCounts = input.own;
    const own = {
      total: ownCounts?.total ?? 0,
      categories: (ownCounts ?? EMPTY).categories,
      subcategories: (ownCounts ?? EMPTY).subcategories,
    };
    const previousMonth = input.previous?.month ?? label;
    const previousCounts = input.previous?.counts;
    const previous = previousCounts && {
      total: previousCounts.total,
      categories: previousCounts.categories,
      subcategories: previousCounts.subcategories,
    };
    const comparable = own.total > 0 && previous !== undefined && previous.total > 0;
    const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);
    // One rounding: each share is rounded once (whole basis points, as reported), and the change
    // is the difference of the two shares as shown at one decimal (tenths of a point, integers),
    // so subtracting the shares shown gives the change shown.
    const basisPoints = (count: number, total: number) => Math.round(shareOf(count, total) * 10_000);
    const tenths = (bp: number) => Math.round(bp / 10);
    const entry = (count: number, previousCount: number): ShareCount => {
      const now = basisPoints(count, own.total);
      return {
        count,
        share: round(now / 10_000, 4),
        changePoints: comparable
          ? round((tenths(now) - tenths(basisPoints(previousCount, previous.total))) / 10, 1)
          : null,
      };
    };
    const categories = perCategory((category) => {
      const subcategories: Record<string, ShareCount> = {};
      for (const sub of SUBCATEGORIES[category]) {
        const key = `${category}/${sub}`;
        subcategories[sub] = entry(own.subcategories[key] ?? 0, previous?.subcategories[key] ?? 0);
      }
      return { ...entry(own.categories[category], previous?.categories[category] ?? 0), subcategories };
    }) as CategoryBreakdowns;

    const shown = (id: string): ShownTweet => {
      const found = input.texts(id);
      return {
        id,
        local: found ? zone.localTime(found.createdAt) : '',
        text: found?.text ?? '',
        ...(found?.url ? { url: found.url } : {}),
      };
    };
    const { duplicates } = input;
    const flags = {} as Record<Flag, FlagTally>;
    for (const flag of FLAGS) {
      const index = FLAG_INDEX.get(flag) as number;
      const count =
        flag === 'duplicate' ? duplicates.exactCount + duplicates.nearCount : (detail.flagCounts[index] as number);
      const ids =
        flag === 'duplicate'
          ? [...duplicates.exact, ...duplicates.near].sort(compareMembers).slice(0, FLAG_ID_CAP)
          : (detail.flagIds[index] as BoundedSortedList<{ id: string; createdAt: number }>).toArray();
      const listed = ids.map((member) => member.id);
      flags[flag] = { count, share: round(shareOf(count, own.total), 4), ids: listed, tweets: listed.map(shown) };
    }

    const boring: BoringAnswer = {
      exactDuplicates: duplicates.exactCount,
      nearDuplicates: duplicates.nearCount,
      duplicateGroups: duplicates.groups,
      duplicateShare: round(shareOf(duplicates.exactCount + duplicates.nearCount, own.total), 4),
      bareLinks: detail.bareLinks,
      retweets: detail.retweets,
      retweetShare: round(shareOf(detail.retweets, own.total), 4),
    };
    const topics = {
      ...summed.topics,
      hashtags: summed.topics.hashtags.map((t) => ({ term: input.displayHashtag(t.term), count: t.count })),
    };
    const targets = evaluateTargets(label, own.total, categories, options.config.targets ?? []);
    const goals = [...(options.config.goals ?? [])];
    const monthDrivers = input.drivers;
    const previousDrivers = input.previousDrivers;
    const facts: MonthFacts = {
      month: label,
      span: input.span,
      total: own.total,
      previous: { month: previousMonth, total: previous?.total ?? 0 },
      categories,
      previousCounts:
        previous && previous.total > 0
          ? { categories: previous.categories, subcategories: previous.subcategories }
          : null,
      drivers: perCategory((category) =>
        (monthDrivers.byCategory[CATEGORY_INDEX.get(category) as number] as TermCounter).toMap(),
      ),
      previousDrivers: previousDrivers
        ? perCategory((category) =>
            (previousDrivers.byCategory[CATEGORY_INDEX.get(category) as number] as TermCounter).toMap(),
          )
        : null,
      displayDriver: (key) => (key.startsWith('#') ? input.displayHashtag(key) : key),
      flags,
      lateNightDrinking: detail.lateNightDrinking,
      targets,
      goals,
      topics,
      boring,
      repliesToOthers: detail.repliesToOthers,
    };

    const report: Review & { previous: { month: string; total: number } } = {
      timezone: options.timeZone,
      period: {
        ...input.bounds,
        firstTweet: detail.firstDay === 0 ? null : dayString(detail.firstDay),
        lastTweet: detail.lastDay === 0 ? null : dayString(detail.lastDay),
        activeDays: summed.activeDays,
      },
      total: own.total,
      lowVolume: own.total < LOW_VOLUME_THRESHOLD,
      previous: facts.previous,
      categories,
      professionalShare: categories.promotion.share,
      observations: buildObservations(facts),
      questions: buildQuestions(facts),
      flags,
      lateNightDrinking: detail.lateNightDrinking,
      targets,
      goals,
      lowConfidence: {
        threshold: LOW_CONFIDENCE_THRESHOLD,
        count: detail.lowConfidenceCount,
        ids: detail.lowConfidence.toArray().map((item) => item.id),
        tweets: detail.lowConfidence.toArray().map((item) => shown(item.id)),
      },
    };
    if (detail.withEngagement > 0) {
      report.engagement = perCategory((category): CategoryEngagement => {
        const c = CATEGORY_INDEX.get(category) as number;
        return {
          tweets: detail.engagementTweets[c] as number,
          likes: summed.likes[c] as Spread | null,
          retweets: summed.retweets[c] as Spread | null,
          top: (detail.topTweets[c] as BoundedSortedList<TopCandidate>).toArray().map((t) => ({
            id: t.id,
            local: zone.localTime(t.createdAt),
            text: t.text,
            ...(t.url ? { url: t.url } : {}),
            likes: t.likes,
            retweets: t.retweets,
          })),
        };
      });
    }
    // Monday first, as people read a week.
    report.activity = {
      hours: [...detail.hours],
      weekdays: [1, 2, 3, 4, 5, 6, 0].map((d) => detail.weekdays[d] as number),
    };
    if (examples > 0) {
      report.examples = perCategory((category) =>
        (detail.examples[CATEGORY_INDEX.get(category) as number] as BoundedSortedList<ExampleCandidate>)
          .toArray()
          .map(({ id, date, subcategory, confidence, text, url, createdAt }) => ({
            id,
            local: zone.localTime(createdAt),
            text,
            ...(url ? { url } : {}),
            date,
            subcategory,
            confidence,
          })),
      );
    }
    return report;
  }

  /** The spelling of a hashtag used most in the month (or the month before), else the key itself. */
  function displayHashtag(month: string, key: string): string {
    return drivers.get(month)?.spellingOf(key) ?? drivers.get(shiftMonth(month, -1))?.spellingOf(key) ?? key;
  }

  return { add, finish };
}

/** "YYYY-MM-DD" of a day kept as year * 512 + month * 32 + day. */
function dayString(day: number): string {
  return formatDate(Math.floor(day / 512), Math.floor(day / 32) % 16, day % 32);
}

const EMPTY = new MonthCounts();

/** The repeats of several months as one: counts and groups added up, the first tweets by time. */
function mergeDuplicates(months: readonly DuplicateFindings[]): DuplicateFindings {
  const first = (lists: DuplicateFindings['exact'][]) => lists.flat().sort(compareMembers).slice(0, FLAG_ID_CAP);
  return {
    exact: first(months.map((m) => m.exact)),
    near: first(months.map((m) => m.near)),
    exactCount: months.reduce((sum, m) => sum + m.exactCount, 0),
    nearCount: months.reduce((sum, m) => sum + m.nearCount, 0),
    groups: months.reduce((sum, m) => sum + m.groups, 0),
  };
}

/**
 * The months that stood out: per month of at least LOW_VOLUME_THRESHOLD tweets, the category whose
 * share is furthest from the period's, when at least STANDOUT_POINTS away; largest first, at most
 * STANDOUT_MONTHS. Shares are compared as shown (tenths of a point), like the change column.
 */
function findStandouts(points: readonly TrendPoint[], period: CategoryBreakdowns): Standout[] {
  const tenths = (share: number) => Math.round(Math.round(share * 10_000) / 10);
  const months = points.filter((point) => point.total >= LOW_VOLUME_THRESHOLD);
  if (months.length < 2) return [];
  const standouts: Standout[] = [];
  for (const point of months) {
    let best: Standout | undefined;
    for (const category of CATEGORIES) {
      const share = point.counts[category] / point.total;
      const periodShare = period[category].share;
      const change = round((tenths(share) - tenths(periodShare)) / 10, 1);
      if (Math.abs(change) < STANDOUT_POINTS || (best && Math.abs(change) <= Math.abs(best.points))) continue;
      best = {
        month: point.month,
        category,
        count: point.counts[category],
        total: point.total,
        share: round(share, 4),
        periodShare,
        points: change,
        text: `${point.month}: ${category} ${formatPercent(share, 1)} of ${plural(point.total, 'tweet')}, ${Math.abs(change).toFixed(1)} points ${change > 0 ? 'above' : 'below'} the period's ${formatPercent(periodShare, 1)}.`,
      };
    }
    if (best) standouts.push(best);
  }
  return standouts
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || compareStrings(a.month, b.month))
    .slice(0, STANDOUT_MONTHS);
}

function trendPoint(month: string, monthCounts: MonthCounts | undefined): TrendPoint {
  const own = monthCounts ?? EMPTY;
  const categories = own.categories;
  return {
    month,
    total: own.total,
    lowVolume: own.total < LOW_VOLUME_THRESHOLD,
    counts: categories,
    shares: perCategory((category) => (own.total > 0 ? round(categories[category] / own.total, 4) : 0)),
  };
}
