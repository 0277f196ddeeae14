import { CATEGORIES, FLAGS, SUBCATEGORIES } from '../classify/taxonomy.js';
import type { TweetAuditConfig } from '../config/schema.js';
import { TweetAuditError } from '../errors.js';
import {
  FLAG_ID_CAP,
  LOW_CONFIDENCE_ID_CAP,
  LOW_CONFIDENCE_THRESHOLD,
  LOW_VOLUME_THRESHOLD,
  TOP_TERMS,
} from './constants.js';
import { BoundedSortedList, TermCounter, compareIds, compareStrings, round } from './counters.js';
import { DuplicateFinder, compareMembers } from './duplicates.js';
import { formatDate, monthBounds, monthRange, shiftMonth } from './format.js';
import { defaultGenerator } from './generator.js';
import { buildObservations, buildQuestions, type MonthFacts } from './insights.js';
import { evaluateTargets } from './targets.js';
import { analyzeText, domainOf } from './text.js';
import type {
  AuditReport,
  BoringAnswer,
  Category,
  CategoryBreakdowns,
  CategoryEngagement,
  ClassifiedTweet,
  ExampleTweet,
  Flag,
  FlagTally,
  GeneratorInfo,
  MonthReport,
  ShareCount,
  Spread,
  TrendPoint,
} from './types.js';

/** Options of {@link createAggregator}. */
export interface AggregatorOptions {
  /**
   * Months ("YYYY-MM") that get a full report; every other month keeps counters only. Either a
   * list, or bounds (open where absent) when the months are not known before reading: then the
   * months from the first to the last seen within the bounds are detailed.
   */
  detailMonths: string[] | DetailBounds;
  config: TweetAuditConfig;
  /** The IANA zone the months were cut in; it is printed with the report. */
  timeZone: string;
  /** Example tweets per category in each detailed month (0 or absent: none). */
  examples?: number;
  /** Who made the report; defaults to tweet-audit and its package version. */
  generator?: GeneratorInfo;
}

/** Inclusive "YYYY-MM" bounds of the detailed months; an absent bound is open. */
export interface DetailBounds {
  from?: string;
  to?: string;
}

/** Feeds classified tweets one at a time and produces the report at the end. */
export interface Aggregator {
  add(tweet: ClassifiedTweet): void;
  finish(): AuditReport;
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/u;

/** Category and subcategory counts of one month: all that months outside the detailed set keep. */
interface MonthCounts {
  total: number;
  categories: Record<Category, number>;
  /** Keyed "category/subcategory". */
  subcategories: Record<string, number>;
}

function emptyCounts(): MonthCounts {
  const subcategories: Record<string, number> = {};
  for (const category of CATEGORIES) for (const sub of SUBCATEGORIES[category]) subcategories[`${category}/${sub}`] = 0;
  return { total: 0, categories: { conversation: 0, promotion: 0, conference: 0, personal: 0 }, subcategories };
}

function perCategory<T>(make: (category: Category) => T): Record<Category, T> {
  return { conversation: make('conversation'), promotion: make('promotion'), conference: make('conference'), personal: make('personal') };
}

/** Hashtags and people per category, kept for detailed months and the months before them. */
class DriverCounts {
  readonly byCategory = perCategory(() => new TermCounter());
  /** Hashtags as written, so "#ccdemo11" can be shown as the user wrote it, "#CCDemo11". */
  readonly hashtagSpellings = new TermCounter();
}

interface ExampleCandidate extends ExampleTweet {
  engagement: number;
}

/** Everything a detailed month's report needs besides its counts. */
class MonthDetail {
  readonly words = new TermCounter();
  readonly phrases = new TermCounter();
  readonly hashtags = new TermCounter();
  readonly people = new TermCounter();
  readonly domains = new TermCounter();
  readonly flagCounts = new Map<Flag, number>();
  readonly flagIds = new Map<Flag, BoundedSortedList<{ id: string; createdAt: number }>>();
  readonly duplicates = new DuplicateFinder(FLAG_ID_CAP);
  readonly days = new Set<string>();
  first: { createdAt: number; date: string } | null = null;
  last: { createdAt: number; date: string } | null = null;
  lateNightDrinking = 0;
  bareLinks = 0;
  retweets = 0;
  repliesToOthers = 0;
  withEngagement = 0;
  readonly likes = perCategory((): number[] => []);
  readonly retweetCounts = perCategory((): number[] => []);
  readonly engagementTweets = perCategory(() => 0);
  readonly examples: Record<Category, BoundedSortedList<ExampleCandidate>>;
  lowConfidenceCount = 0;
  readonly lowConfidence = new BoundedSortedList<{ id: string; confidence: number }>(
    LOW_CONFIDENCE_ID_CAP,
    (a, b) => a.confidence - b.confidence || compareIds(a.id, b.id),
  );

  constructor(examples: number) {
    // Highest confidence first (the clearest examples), then most engagement, then id.
    this.examples = perCategory(
      () => new BoundedSortedList<ExampleCandidate>(examples, (a, b) => b.confidence - a.confidence || b.engagement - a.engagement || compareIds(a.id, b.id)),
    );
    for (const flag of FLAGS) {
      this.flagCounts.set(flag, 0);
      this.flagIds.set(flag, new BoundedSortedList(FLAG_ID_CAP, compareMembers));
    }
  }

  countFlag(flag: Flag, id: string, createdAt: number): void {
    this.flagCounts.set(flag, (this.flagCounts.get(flag) ?? 0) + 1);
    this.flagIds.get(flag)?.add({ id, createdAt });
  }
}

/** People a tweet talks to: its mentions and the account it answers, minus the owner. */
function peopleOf(t: ClassifiedTweet, ownHandles: ReadonlySet<string>): string[] {
  const people = new Set(t.tweet.mentions.map((handle) => handle.toLowerCase()));
  if (t.tweet.isReply && !t.tweet.isSelfReply && t.tweet.inReplyToScreenName) people.add(t.tweet.inReplyToScreenName.toLowerCase());
  // A retweet names its author, but the owner did not talk to them.
  if (t.tweet.isRetweet && t.tweet.retweetOf) people.delete(t.tweet.retweetOf.toLowerCase());
  for (const own of ownHandles) people.delete(own);
  return [...people];
}

function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { mean: round(mean, 2), median: round(median, 2) };
}

/**
 * Creates the incremental aggregator behind every report. Memory stays bounded for any archive
 * size: each month costs a dozen counters, and only the detailed months (and, for their change
 * drivers, the months before them) keep term counts, flag ids and duplicate signatures.
 */
export function createAggregator(options: AggregatorOptions): Aggregator {
  const bounds = Array.isArray(options.detailMonths) ? undefined : options.detailMonths;
  const detailMonths = Array.isArray(options.detailMonths) ? [...new Set(options.detailMonths)].sort(compareStrings) : [];
  for (const month of [...detailMonths, bounds?.from, bounds?.to]) {
    if (month !== undefined && !MONTH_KEY.test(month)) throw new TweetAuditError(`"${month}" is not a month; use YYYY-MM, e.g. 2024-05`);
  }
  const withinBounds = (month: string) =>
    bounds !== undefined && (bounds.from === undefined || month >= bounds.from) && (bounds.to === undefined || month <= bounds.to);
  const examples = Math.max(0, Math.floor(options.examples ?? 0));
  const ownHandles = new Set((options.config.identity?.handles ?? []).map((handle) => handle.toLowerCase().replace(/^@/u, '')));
  const counts = new Map<string, MonthCounts>();
  const details = new Map(detailMonths.map((month) => [month, new MonthDetail(examples)]));
  const drivers = new Map<string, DriverCounts>();
  for (const month of detailMonths) {
    drivers.set(month, new DriverCounts());
    drivers.set(shiftMonth(month, -1), new DriverCounts());
  }

  /** With bounds, a month's detail and drivers are made when its first tweet arrives. */
  function openMonth(month: string): void {
    if (details.has(month)) return;
    details.set(month, new MonthDetail(examples));
    if (!drivers.has(month)) drivers.set(month, new DriverCounts());
    if (!drivers.has(shiftMonth(month, -1))) drivers.set(shiftMonth(month, -1), new DriverCounts());
  }

  function add(t: ClassifiedTweet): void {
    const { tweet, classification } = t;
    if (bounds && withinBounds(t.month)) openMonth(t.month);
    const { category, subcategory } = classification;
    let monthCounts = counts.get(t.month);
    if (!monthCounts) {
      monthCounts = emptyCounts();
      counts.set(t.month, monthCounts);
    }
    monthCounts.total += 1;
    monthCounts.categories[category] += 1;
    monthCounts.subcategories[`${category}/${subcategory}`] = (monthCounts.subcategories[`${category}/${subcategory}`] ?? 0) + 1;

    const monthDrivers = drivers.get(t.month);
    const detail = details.get(t.month);
    // Most months of a long archive end here: they only need the counts above.
    if (!monthDrivers && !detail) return;
    const people = peopleOf(t, ownHandles);
    const hashtags = [...new Set(tweet.hashtags.map((tag) => tag.toLowerCase()))];
    if (monthDrivers) {
      const counter = monthDrivers.byCategory[category];
      for (const tag of hashtags) counter.add(`#${tag}`);
      for (const person of people) counter.add(`@${person}`);
      for (const tag of new Set(tweet.hashtags)) monthDrivers.hashtagSpellings.add(`#${tag}`);
    }

    if (detail) addDetail(detail, t, hashtags, people);
  }

  function addDetail(detail: MonthDetail, t: ClassifiedTweet, hashtags: string[], people: string[]): void {
    const { tweet, classification, local } = t;
    const date = formatDate(local.year, local.month, local.day);
    detail.days.add(date);
    if (!detail.first || tweet.createdAt < detail.first.createdAt) detail.first = { createdAt: tweet.createdAt, date };
    if (!detail.last || tweet.createdAt > detail.last.createdAt) detail.last = { createdAt: tweet.createdAt, date };

    // `duplicate` is computed here over the whole month; a classifier's own value is ignored.
    const flags = new Set(classification.flags.filter((flag) => flag !== 'duplicate'));
    for (const flag of flags) detail.countFlag(flag, tweet.id, tweet.createdAt);
    if (flags.has('late-night') && flags.has('drinking')) detail.lateNightDrinking += 1;

    for (const tag of hashtags) detail.hashtags.add(`#${tag}`);
    for (const person of people) detail.people.add(`@${person}`);
    for (const url of tweet.urls) {
      const domain = domainOf(url);
      if (domain) detail.domains.add(domain);
    }
    if (tweet.isRetweet) {
      detail.retweets += 1;
    } else {
      // Retweets are other people's words: they count for hashtags and links, not for topics,
      // repeats or engagement (archives record no likes for them).
      const text = analyzeText(tweet.text);
      for (const word of text.words) detail.words.add(word);
      for (const phrase of text.phrases) detail.phrases.add(phrase);
      detail.duplicates.addNormalized(tweet.id, tweet.createdAt, text.normalized);
      if (tweet.urls.length > 0 && !text.hasOwnWords) detail.bareLinks += 1;
      if (tweet.likeCount !== undefined || tweet.retweetCount !== undefined) {
        detail.withEngagement += 1;
        detail.engagementTweets[classification.category] += 1;
        if (tweet.likeCount !== undefined) detail.likes[classification.category].push(tweet.likeCount);
        if (tweet.retweetCount !== undefined) detail.retweetCounts[classification.category].push(tweet.retweetCount);
      }
    }
    if (tweet.isReply && !tweet.isSelfReply) detail.repliesToOthers += 1;

    detail.examples[classification.category].add({
      id: tweet.id,
      date,
      subcategory: classification.subcategory,
      confidence: round(classification.confidence, 2),
      text: tweet.text,
      engagement: (tweet.likeCount ?? 0) + (tweet.retweetCount ?? 0),
    });
    if (classification.confidence < LOW_CONFIDENCE_THRESHOLD) {
      detail.lowConfidenceCount += 1;
      detail.lowConfidence.add({ id: tweet.id, confidence: classification.confidence });
    }
  }

  function finish(): AuditReport {
    const monthsSeen = [...counts.keys()].sort(compareStrings);
    if (bounds) {
      // Months without tweets between the first and last detailed ones get their (empty) report too.
      const opened = [...details.keys()].sort(compareStrings);
      const first = bounds.from ?? opened[0];
      const last = bounds.to ?? opened.at(-1);
      if (first !== undefined && last !== undefined && first <= last) {
        for (const month of monthRange(first, last)) openMonth(month);
        detailMonths.push(...monthRange(first, last));
      }
    }
    const span = [...monthsSeen, ...detailMonths].sort(compareStrings);
    const trend: TrendPoint[] =
      span.length === 0
        ? []
        : monthRange(span[0] as string, span[span.length - 1] as string).map((month) => trendPoint(month, counts.get(month)));
    return {
      schemaVersion: 1,
      generator: options.generator ?? defaultGenerator(),
      timezone: options.timeZone,
      monthsSeen,
      months: detailMonths.map((month) => buildMonthReport(month, details.get(month) as MonthDetail)),
      trend,
    };
  }

  function buildMonthReport(month: string, detail: MonthDetail): MonthReport {
    const own = counts.get(month) ?? emptyCounts();
    const previousMonth = shiftMonth(month, -1);
    const previous = counts.get(previousMonth);
    const comparable = own.total > 0 && previous !== undefined && previous.total > 0;
    const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);
    const entry = (count: number, previousCount: number): ShareCount => ({
      count,
      share: round(shareOf(count, own.total), 4),
      changePoints: comparable ? round((shareOf(count, own.total) - shareOf(previousCount, previous.total)) * 100, 1) : null,
    });
    const categories = perCategory((category) => {
      const subcategories: Record<string, ShareCount> = {};
      for (const sub of SUBCATEGORIES[category]) {
        const key = `${category}/${sub}`;
        subcategories[sub] = entry(own.subcategories[key] ?? 0, previous?.subcategories[key] ?? 0);
      }
      return { ...entry(own.categories[category], previous?.categories[category] ?? 0), subcategories };
    }) as CategoryBreakdowns;

    const duplicates = detail.duplicates.finish();
    const flags = {} as Record<Flag, FlagTally>;
    for (const flag of FLAGS) {
      const count = flag === 'duplicate' ? duplicates.exactCount + duplicates.nearCount : (detail.flagCounts.get(flag) ?? 0);
      const ids =
        flag === 'duplicate'
          ? [...duplicates.exact, ...duplicates.near].sort(compareMembers).slice(0, FLAG_ID_CAP)
          : (detail.flagIds.get(flag)?.toArray() ?? []);
      flags[flag] = { count, share: round(shareOf(count, own.total), 4), ids: ids.map((member) => member.id) };
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
      words: detail.words.top(TOP_TERMS),
      phrases: detail.phrases.top(TOP_TERMS).filter((phrase) => phrase.count >= 2),
      hashtags: detail.hashtags.top(TOP_TERMS).map((t) => ({ term: displayHashtag(month, t.term), count: t.count })),
      people: detail.people.top(TOP_TERMS),
      domains: detail.domains.top(TOP_TERMS),
    };
    const targets = evaluateTargets(month, own.total, categories, options.config.targets ?? []);
    const goals = [...(options.config.goals ?? [])];
    const monthDrivers = drivers.get(month) as DriverCounts;
    const previousDrivers = drivers.get(previousMonth) as DriverCounts;
    const facts: MonthFacts = {
      month,
      total: own.total,
      previous: { month: previousMonth, total: previous?.total ?? 0 },
      categories,
      previousCounts: previous && previous.total > 0 ? { categories: previous.categories, subcategories: previous.subcategories } : null,
      drivers: perCategory((category) => counterMap(monthDrivers.byCategory[category])),
      previousDrivers: perCategory((category) => counterMap(previousDrivers.byCategory[category])),
      displayDriver: (key) => (key.startsWith('#') ? displayHashtag(month, key) : key),
      flags,
      lateNightDrinking: detail.lateNightDrinking,
      targets,
      goals,
      topics,
      boring,
      repliesToOthers: detail.repliesToOthers,
    };

    const report: MonthReport = {
      month,
      timezone: options.timeZone,
      period: {
        ...monthBounds(month),
        firstTweet: detail.first?.date ?? null,
        lastTweet: detail.last?.date ?? null,
        activeDays: detail.days.size,
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
      },
    };
    if (detail.withEngagement > 0) {
      report.engagement = perCategory(
        (category): CategoryEngagement => ({
          tweets: detail.engagementTweets[category],
          likes: spread(detail.likes[category]),
          retweets: spread(detail.retweetCounts[category]),
        }),
      );
    }
    if (examples > 0) {
      report.examples = perCategory((category) =>
        detail.examples[category].toArray().map(({ id, date, subcategory, confidence, text }) => ({ id, date, subcategory, confidence, text })),
      );
    }
    return report;
  }

  /** The spelling of a hashtag used most in the month (or the month before), else the key itself. */
  function displayHashtag(month: string, key: string): string {
    for (const source of [drivers.get(month), drivers.get(shiftMonth(month, -1))]) {
      if (!source) continue;
      let best: { term: string; count: number } | null = null;
      for (const spelling of source.hashtagSpellings.keys()) {
        if (spelling.toLowerCase() !== key) continue;
        const count = source.hashtagSpellings.get(spelling);
        if (!best || count > best.count || (count === best.count && spelling < best.term)) best = { term: spelling, count };
      }
      if (best) return best.term;
    }
    return key;
  }

  return { add, finish };
}

function counterMap(counter: TermCounter): ReadonlyMap<string, number> {
  return new Map([...counter.keys()].map((key) => [key, counter.get(key)]));
}

function trendPoint(month: string, monthCounts: MonthCounts | undefined): TrendPoint {
  const own = monthCounts ?? emptyCounts();
  return {
    month,
    total: own.total,
    lowVolume: own.total < LOW_VOLUME_THRESHOLD,
    counts: { ...own.categories },
    shares: perCategory((category) => (own.total > 0 ? round(own.categories[category] / own.total, 4) : 0)),
  };
}
