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
import {
  BoundedSortedList,
  FirstTweets,
  IdCounter,
  NumberList,
  TermCounter,
  compareIds,
  compareStrings,
  round,
  type IdCounts,
  type TermCounts,
  type TweetList,
} from './counters.js';
import { DuplicateFinder, compareMembers, type DuplicateFindings, type DuplicateState } from './duplicates.js';
import { formatDate, monthBounds, monthRange, shiftMonth } from './format.js';
import { pack, unpack } from './frozen.js';
import { defaultGenerator } from './generator.js';
import { buildObservations, buildQuestions, type MonthFacts } from './insights.js';
import { evaluateTargets } from './targets.js';
import { TextScan, domainOf } from './text.js';
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
  /**
   * When month details are frozen (see {@link FREEZE_FROM}, {@link FREEZE_EVERY},
   * {@link FREEZE_AFTER}, {@link LIVE_MONTHS} and {@link FREEZE_REGRET}). Tests freeze every month
   * before every tweet (`{ from: 0, every: 1, after: 0, live: 0, regret: 0 }`), or never
   * (`{ every: Infinity }`); the report is the same either way.
   */
  freeze?: { from?: number; every?: number; after?: number; live?: number; regret?: number };
}

/**
 * Month details are frozen only once this many tweets have been added or merged. Below, the whole
 * detail is small (the 100k bench archive's months pack to ~5 MB in all) and freezing cost more
 * than it saved: the 100k report in one thread peaked ~20 MB higher with it.
 */
export const FREEZE_FROM = 200_000;

/**
 * Every this many tweets added or merged, the months in detail not added to lately are frozen:
 * kept packed (V8-serialized and deflated, a fraction of their size) until a tweet, a merge, a
 * snapshot or the report needs them. Archives list tweets month by month, so with every month in
 * detail (--all) all but one or two would otherwise sit in memory, whole, until the report is made.
 */
export const FREEZE_EVERY = 100;
/** Tweets after which a month not added to is frozen: a few months' worth for a sparse account. */
export const FREEZE_AFTER = 200;
/**
 * How many months, the ones added to last, may stay thawed however few tweets came since. The
 * versions of edited tweets come after the rest of the archive, a few for every month in turn:
 * they would thaw every month again, faster than FREEZE_AFTER freezes them.
 */
export const LIVE_MONTHS = 8;
/**
 * A month thawed within this many tweets of being frozen was frozen too soon: tweets that go back
 * and forth between many months (in no order) would freeze and thaw them over and over. Each
 * time, one more month may stay thawed and a month must wait twice as long to be frozen.
 */
export const FREEZE_REGRET = 2_000;

/** Inclusive "YYYY-MM" bounds of the detailed months; an absent bound is open. */
export interface DetailBounds {
  from?: string;
  to?: string;
}

/**
 * Feeds classified tweets one at a time and produces the report at the end. Several aggregators
 * made with the same options (one per worker thread, say) can be combined: `merge` the others'
 * `snapshot()` into one, and its `finish()` equals what one aggregator fed every tweet returns.
 */
export interface Aggregator {
  add(tweet: ClassifiedTweet): void;
  /** Everything counted so far, as plain data that `structuredClone` and `postMessage` keep. */
  snapshot(): AggregatorState;
  /** Adds what another aggregator, made with the same options, counted. */
  merge(state: AggregatorState): void;
  /**
   * Takes the near-duplicate check of every month in detail out of the aggregator, as plain data,
   * for {@link finishDuplicates} to run elsewhere (worker threads: it is most of `finish()`'s time
   * on a large archive). `finish` must then be given the findings of every month taken.
   */
  takeDuplicateStates(): Array<[string, DuplicateState]>;
  /** The report; `findings`: the near-duplicate findings of the months taken by `takeDuplicateStates`. */
  finish(findings?: ReadonlyMap<string, DuplicateFindings>): AuditReport;
}

/** What the near-duplicate check of one month finds, from its state (see `takeDuplicateStates`). */
export function finishDuplicates(state: DuplicateState): DuplicateFindings {
  const finder = new DuplicateFinder(FLAG_ID_CAP);
  finder.merge(state);
  return finder.finish();
}

/**
 * An aggregator's counts as plain data: strings, numbers, plain objects, arrays and typed arrays
 * (the large parts, which `postMessage` can transfer). Word and phrase counts refer to words by
 * their number in `vocabulary`, which is this aggregator's own numbering.
 */
export interface AggregatorState {
  version: 1;
  /** The options that shape the state, checked by `merge`. */
  detailMonths: string[] | DetailBounds;
  examples: number;
  /** Every month with tweets: months[i] has totals[i] tweets, byCategory[i * 4 + c], bySubcategory[i * S + s]. */
  months: string[];
  totals: Int32Array;
  byCategory: Int32Array;
  bySubcategory: Int32Array;
  /** Per month, pairs outside the taxonomy ("category/subcategory" → count), or null. */
  other: (Record<string, number> | null)[];
  /** Word i of the vocabulary is vocabulary.units[starts[i] .. starts[i + 1]). */
  vocabulary: { units: Uint16Array; starts: Int32Array };
  drivers: DriverState[];
  details: MonthDetailState[];
}

/** Hashtags and people per category (in CATEGORIES order), and hashtags as written, of one month. */
export interface DriverState {
  month: string;
  byCategory: TermCounts[];
  hashtagSpellings: TermCounts;
}

/** A detailed month's counts besides the category ones. Lists per category or flag follow CATEGORIES and FLAGS. */
export interface MonthDetailState {
  month: string;
  words: IdCounts;
  phrases: IdCounts;
  hashtags: TermCounts;
  people: TermCounts;
  domains: TermCounts;
  flagCounts: Int32Array;
  flagIds: TweetList[];
  duplicates: DuplicateState;
  /** Local days with tweets (year * 512 + month * 32 + day). */
  days: Int32Array;
  firstAt: number;
  firstDay: number;
  lastAt: number;
  lastDay: number;
  lateNightDrinking: number;
  bareLinks: number;
  retweets: number;
  repliesToOthers: number;
  withEngagement: number;
  likes: Float64Array[];
  retweetCounts: Float64Array[];
  engagementTweets: Int32Array;
  examples: ExampleCandidate[][];
  lowConfidenceCount: number;
  lowConfidence: { id: string; confidence: number }[];
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/u;

const CATEGORY_INDEX = new Map<string, number>(CATEGORIES.map((category, i) => [category, i]));
/** "category/subcategory" of the taxonomy, in order, and each one's index per category. */
const SUBCATEGORY_KEYS = CATEGORIES.flatMap((category) => SUBCATEGORIES[category].map((sub) => `${category}/${sub}`));
const SUBCATEGORY_INDEX = CATEGORIES.map((category) => new Map<string, number>(SUBCATEGORIES[category].map((sub) => [sub, SUBCATEGORY_KEYS.indexOf(`${category}/${sub}`)])));
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
  return { conversation: make('conversation'), promotion: make('promotion'), conference: make('conference'), personal: make('personal') };
}

/** Hashtags and people per category, kept for detailed months and the months before them. */
class DriverCounts {
  readonly byCategory = CATEGORIES.map(() => new TermCounter());
  /** Hashtags as written, so "#ccdemo11" can be shown as the user wrote it, "#CCDemo11". */
  readonly hashtagSpellings = new TermCounter();
  /** Lowercased hashtag → its most used spelling, made when first asked for. */
  private spellings: Map<string, { term: string; count: number }> | null = null;

  /** Drops the spellings made so far, when more counts came in. */
  forgetSpellings(): void {
    this.spellings = null;
  }

  /** The spelling of a lowercased "#tag" used most (ties: the first in code-unit order), if any. */
  spellingOf(key: string): string | undefined {
    if (!this.spellings) {
      this.spellings = new Map();
      for (const spelling of this.hashtagSpellings.keys()) {
        const lower = spelling.toLowerCase();
        const count = this.hashtagSpellings.get(spelling);
        const best = this.spellings.get(lower);
        if (!best || count > best.count || (count === best.count && spelling < best.term)) this.spellings.set(lower, { term: spelling, count });
      }
    }
    return this.spellings.get(key)?.term;
  }
}

/** An example tweet and its engagement, which orders the candidates. */
export interface ExampleCandidate extends ExampleTweet {
  engagement: number;
}

/** Everything a detailed month's report needs besides its counts. */
class MonthDetail {
  /** Words and phrases by their numbers in the aggregator's vocabulary. */
  readonly words = new IdCounter();
  readonly phrases = new IdCounter();
  readonly hashtags = new TermCounter();
  readonly people = new TermCounter();
  readonly domains = new TermCounter();
  /** By index in FLAGS. */
  readonly flagCounts = new Int32Array(FLAGS.length);
  readonly flagIds = FLAGS.map(() => new FirstTweets(FLAG_ID_CAP));
  /** Replaced by an empty finder once taken by `takeDuplicateStates`. */
  duplicates = new DuplicateFinder(FLAG_ID_CAP);
  /** Local days with tweets, as year * 512 + month * 32 + day. */
  readonly days = new Set<number>();
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
  readonly likes = CATEGORIES.map(() => new NumberList());
  readonly retweetCounts = CATEGORIES.map(() => new NumberList());
  readonly engagementTweets = new Int32Array(CATEGORIES.length);
  readonly examples: BoundedSortedList<ExampleCandidate>[];
  lowConfidenceCount = 0;
  readonly lowConfidence = new BoundedSortedList<{ id: string; confidence: number }>(
    LOW_CONFIDENCE_ID_CAP,
    (a, b) => a.confidence - b.confidence || compareIds(a.id, b.id),
  );
  /** The aggregator's tweet count when this month was last added to: old enough, it is frozen. */
  touchedAt = 0;

  constructor(examples: number) {
    // Highest confidence first (the clearest examples), then most engagement, then id.
    this.examples = CATEGORIES.map(
      () => new BoundedSortedList<ExampleCandidate>(examples, (a, b) => b.confidence - a.confidence || b.engagement - a.engagement || compareIds(a.id, b.id)),
    );
  }
}

/**
 * Counter keys made from tweet fields ("#" or "@" and the name, lowercased or not), each made
 * once: the same hashtag and handle come back tweet after tweet.
 */
class Keys {
  private readonly made = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly lower: boolean,
  ) {}

  of(name: string): string {
    let key = this.made.get(name);
    if (key === undefined) {
      key = this.prefix + (this.lower ? name.toLowerCase() : name);
      this.made.set(name, key);
    }
    return key;
  }
}

const NONE: readonly string[] = Object.freeze([]);

/** The keys of some names, each once, in order of first appearance, in a list reused for it. */
function distinctKeys(names: readonly string[], keys: Keys, list: string[]): string[] {
  let count = 0;
  for (const name of names) {
    const key = keys.of(name);
    let seen = false;
    for (let i = 0; i < count; i += 1) if (list[i] === key) seen = true;
    if (!seen) list[count++] = key;
  }
  if (list.length !== count) list.length = count;
  return list;
}

/** Adds a key unless the list has it already. */
function addOnce(list: string[], key: string): void {
  if (!list.includes(key)) list.push(key);
}

function remove(list: string[], item: string): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

function spread(values: Int32Array | Float64Array): Spread | null {
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
 * Creates the incremental aggregator behind every report. Memory stays bounded for any archive
 * size: each month costs a dozen counters, and only the detailed months (and, for their change
 * drivers, the months before them) keep term counts, flag ids and duplicate texts, packed while
 * they are not added to (see FREEZE_EVERY).
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
  const ownHandles = [...new Set((options.config.identity?.handles ?? []).map((handle) => handle.toLowerCase().replace(/^@/u, '')))];
  const counts = new Map<string, MonthCounts>();
  const details = new Map(detailMonths.map((month) => [month, new MonthDetail(examples)]));
  const drivers = new Map<string, DriverCounts>();
  for (const month of detailMonths) {
    drivers.set(month, new DriverCounts());
    drivers.set(shiftMonth(month, -1), new DriverCounts());
  }
  // The month before the bounds is nobody's to open, but the first detailed month compares with
  // it: it counts from the start, not from whenever a tweet of the first month comes by.
  if (bounds?.from !== undefined) drivers.set(shiftMonth(bounds.from, -1), new DriverCounts());
  const text = new TextScan();
  const vocabulary = text.vocabulary.words;
  const tagKey = new Keys('#', true);
  const spellingKey = new Keys('#', false);
  const personKey = new Keys('@', true);
  const ownKeys = ownHandles.map((handle) => `@${handle}`);
  // Reused from tweet to tweet.
  const tagList: string[] = [];
  const personList: string[] = [];
  const spellingList: string[] = [];
  // The month of the last tweet and what it keeps: archives list tweets month by month.
  let month: string | null = null;
  let monthCounts: MonthCounts | undefined;
  let monthDrivers: DriverCounts | undefined;
  let monthDetail: MonthDetail | undefined;
  // Months in detail not added to for a while, packed (see FREEZE_EVERY); a month is either here
  // or in `details`, never both.
  const frozen = new Map<string, Uint8Array>();
  /** When each frozen month was frozen (see FREEZE_REGRET). */
  const frozenAt = new Map<string, number>();
  const freezeFrom = options.freeze?.from ?? FREEZE_FROM;
  const freezeEvery = options.freeze?.every ?? FREEZE_EVERY;
  const regret = options.freeze?.regret ?? FREEZE_REGRET;
  let freezeAfter = options.freeze?.after ?? FREEZE_AFTER;
  let liveMonths = options.freeze?.live ?? LIVE_MONTHS;
  /** Tweets added or merged so far: the clock months age by. */
  let counted = 0;
  let nextFreeze = freezeEvery;
  /** The identity renumbering: a frozen month numbers its words as this aggregator does. */
  let sameNumbers = new Int32Array(0);

  /** Every month in detail, frozen or not, in order. */
  function detailKeys(): string[] {
    return [...details.keys(), ...frozen.keys()].sort(compareStrings);
  }

  /** A month's detail, thawed (and kept thawed) if frozen; undefined for a month not in detail. */
  function detailOf(key: string): MonthDetail | undefined {
    const live = details.get(key);
    if (live) return live;
    const packed = frozen.get(key);
    if (!packed) return undefined;
    const detail = thawDetail(packed);
    frozen.delete(key);
    details.set(key, detail);
    if (counted - (frozenAt.get(key) as number) < regret) {
      liveMonths += 1;
      freezeAfter *= 2;
    }
    return detail;
  }

  function thawDetail(packed: Uint8Array): MonthDetail {
    const detail = new MonthDetail(examples);
    if (sameNumbers.length < vocabulary.length) {
      sameNumbers = new Int32Array(Math.max(vocabulary.length, sameNumbers.length * 2));
      for (let id = 0; id < sameNumbers.length; id += 1) sameNumbers[id] = id;
    }
    mergeDetail(detail, unpack<MonthDetailState>(packed), sameNumbers);
    detail.touchedAt = counted;
    return detail;
  }

  /**
   * When it is time to look, freezes the months not added to for `freezeAfter` tweets, and those
   * beyond the `liveMonths` added to last (but the one being added to).
   */
  function freezeStale(): void {
    if (counted < nextFreeze || counted < freezeFrom) return;
    nextFreeze = counted + freezeEvery;
    const live = [...details].sort(([, a], [, b]) => b.touchedAt - a.touchedAt);
    live.forEach(([key, detail], rank) => {
      const idle = counted - detail.touchedAt;
      if (idle >= freezeAfter || (rank >= liveMonths && idle > 0)) freezeMonth(key, detail);
    });
  }

  function freezeMonth(key: string, detail: MonthDetail): void {
    frozen.set(key, pack(snapshotDetail(key, detail)));
    frozenAt.set(key, counted);
    details.delete(key);
    // The month last added to is looked up again by the next tweet, which thaws it.
    if (key === month) month = null;
  }

  /** With bounds, a month's detail and drivers are made when its first tweet arrives. */
  function openMonth(key: string): void {
    if (details.has(key) || frozen.has(key)) return;
    const detail = new MonthDetail(examples);
    detail.touchedAt = counted;
    details.set(key, detail);
    if (!drivers.has(key)) drivers.set(key, new DriverCounts());
    if (!drivers.has(shiftMonth(key, -1))) drivers.set(shiftMonth(key, -1), new DriverCounts());
  }

  function add(t: ClassifiedTweet): void {
    const { tweet, classification } = t;
    counted += 1;
    freezeStale();
    if (t.month !== month) {
      month = t.month;
      if (bounds && withinBounds(month)) openMonth(month);
      monthCounts = counts.get(month);
      if (!monthCounts) {
        monthCounts = new MonthCounts();
        counts.set(month, monthCounts);
      }
      monthDrivers = drivers.get(month);
      monthDetail = detailOf(month);
    }
    const { category, subcategory } = classification;
    (monthCounts as MonthCounts).add(category, subcategory);
    // Most months of a long archive end here: they only need the counts above.
    if (!monthDrivers && !monthDetail) return;

    // Hashtags lowercased and people talked to (mentions and the account answered, minus the
    // owner and, for a retweet, its author), each once, in order of appearance.
    const tagKeys = tweet.hashtags.length === 0 ? NONE : distinctKeys(tweet.hashtags, tagKey, tagList);
    let personKeys = NONE;
    const answered = tweet.isReply && !tweet.isSelfReply ? tweet.inReplyToScreenName : undefined;
    if (tweet.mentions.length > 0 || answered) {
      const people = distinctKeys(tweet.mentions, personKey, personList);
      if (answered) addOnce(people, personKey.of(answered));
      // A retweet names its author, but the owner did not talk to them.
      if (tweet.isRetweet && tweet.retweetOf) remove(people, personKey.of(tweet.retweetOf));
      for (const own of ownKeys) remove(people, own);
      personKeys = people;
    }
    if (monthDrivers) {
      const counter = monthDrivers.byCategory[CATEGORY_INDEX.get(category) as number];
      if (counter) {
        for (const key of tagKeys) counter.add(key);
        for (const key of personKeys) counter.add(key);
      }
      if (tweet.hashtags.length > 0) for (const key of distinctKeys(tweet.hashtags, spellingKey, spellingList)) monthDrivers.hashtagSpellings.add(key);
    }
    if (monthDetail) {
      monthDetail.touchedAt = counted;
      addDetail(monthDetail, t, tagKeys, personKeys);
    }
  }

  function addDetail(detail: MonthDetail, t: ClassifiedTweet, tagKeys: readonly string[], personKeys: readonly string[]): void {
    const { tweet, classification, local } = t;
    const createdAt = tweet.createdAt;
    const day = local.year * 512 + local.month * 32 + local.day;
    detail.days.add(day);
    if (detail.firstDay === 0 || createdAt < detail.firstAt) {
      detail.firstAt = createdAt;
      detail.firstDay = day;
    }
    if (detail.lastDay === 0 || createdAt > detail.lastAt) {
      detail.lastAt = createdAt;
      detail.lastDay = day;
    }

    // `duplicate` is computed here over the whole month; a classifier's own value is ignored.
    let seen = 0;
    for (const flag of classification.flags) {
      const index = FLAG_INDEX.get(flag);
      if (index === undefined || ((seen >>> index) & 1) === 1) continue;
      seen |= 1 << index;
      if ((1 << index) === DUPLICATE_FLAG) continue;
      detail.flagCounts[index] = (detail.flagCounts[index] as number) + 1;
      (detail.flagIds[index] as FirstTweets).add(tweet.id, createdAt);
    }
    if ((seen & LATE_NIGHT_DRINKING) === LATE_NIGHT_DRINKING) detail.lateNightDrinking += 1;

    for (const key of tagKeys) detail.hashtags.add(key);
    for (const key of personKeys) detail.people.add(key);
    for (const url of tweet.urls) {
      const domain = domainOf(url);
      if (domain) detail.domains.add(domain);
    }
    const c = CATEGORY_INDEX.get(classification.category) as number;
    if (tweet.isRetweet) {
      detail.retweets += 1;
    } else {
      // Retweets are other people's words: they count for hashtags and links, not for topics,
      // repeats or engagement (archives record no likes for them).
      text.scan(tweet.text);
      for (let k = 0; k < text.wordCount; k += 1) detail.words.add(text.wordIds[k] as number);
      for (let k = 0; k < text.phraseCount; k += 1) detail.phrases.add(text.phraseFirst[k] as number, text.phraseSecond[k] as number);
      detail.duplicates.addUnits(tweet.id, createdAt, text.units, text.unitCount, text.unitHash, text.normalizedWords);
      if (tweet.urls.length > 0 && !text.hasOwnWords) detail.bareLinks += 1;
      if (tweet.likeCount !== undefined || tweet.retweetCount !== undefined) {
        detail.withEngagement += 1;
        detail.engagementTweets[c] = (detail.engagementTweets[c] as number) + 1;
        if (tweet.likeCount !== undefined) (detail.likes[c] as NumberList).push(tweet.likeCount);
        if (tweet.retweetCount !== undefined) (detail.retweetCounts[c] as NumberList).push(tweet.retweetCount);
      }
    }
    if (tweet.isReply && !tweet.isSelfReply) detail.repliesToOthers += 1;

    if (examples > 0) {
      const confidence = round(classification.confidence, 2);
      const engagement = (tweet.likeCount ?? 0) + (tweet.retweetCount ?? 0);
      const list = detail.examples[c] as BoundedSortedList<ExampleCandidate>;
      if (list.accepts((last) => last.confidence - confidence || last.engagement - engagement || compareIds(tweet.id, last.id))) {
        list.add({ id: tweet.id, date: formatDate(local.year, local.month, local.day), subcategory: classification.subcategory, confidence, text: tweet.text, engagement });
      }
    }
    if (classification.confidence < LOW_CONFIDENCE_THRESHOLD) {
      detail.lowConfidenceCount += 1;
      detail.lowConfidence.add({ id: tweet.id, confidence: classification.confidence });
    }
  }

  let taken: Set<string> | undefined;
  function takeDuplicateStates(): Array<[string, DuplicateState]> {
    const states: Array<[string, DuplicateState]> = [];
    taken ??= new Set();
    for (const key of detailKeys()) {
      const detail = details.get(key);
      if (detail) {
        states.push([key, detail.duplicates.snapshot()]);
        detail.duplicates = new DuplicateFinder(FLAG_ID_CAP);
      } else {
        // Frozen: taken out of the packed month, which is packed again without it.
        const state = unpack<MonthDetailState>(frozen.get(key) as Uint8Array);
        states.push([key, state.duplicates]);
        state.duplicates = new DuplicateFinder(FLAG_ID_CAP).snapshot();
        frozen.set(key, pack(state));
      }
      taken.add(key);
    }
    return states;
  }

  let findingsOf: ReadonlyMap<string, DuplicateFindings> | undefined;
  function finish(findings?: ReadonlyMap<string, DuplicateFindings>): AuditReport {
    for (const month of taken ?? []) {
      if (!findings?.has(month)) throw new Error(`finish: no near-duplicate findings for ${month}, whose check was taken`);
    }
    findingsOf = findings;
    const monthsSeen = [...counts.keys()].sort(compareStrings);
    let reported = detailMonths;
    if (bounds) {
      // Months without tweets between the first and last detailed ones get their (empty) report too.
      const opened = detailKeys();
      const first = bounds.from ?? opened[0];
      const last = bounds.to ?? opened.at(-1);
      reported = first !== undefined && last !== undefined && first <= last ? monthRange(first, last) : [];
      for (const month of reported) openMonth(month);
    }
    const span = [...monthsSeen, ...reported].sort(compareStrings);
    const trend: TrendPoint[] =
      span.length === 0
        ? []
        : monthRange(span[0] as string, span[span.length - 1] as string).map((month) => trendPoint(month, counts.get(month)));
    return {
      schemaVersion: 1,
      generator: options.generator ?? defaultGenerator(),
      timezone: options.timeZone,
      monthsSeen,
      // A frozen month is thawed for its report only, one at a time: the whole detail of a long
      // archive never sits in memory at once.
      months: reported.map((month) => buildMonthReport(month, details.get(month) ?? thawDetail(frozen.get(month) as Uint8Array))),
      trend,
    };
  }

  function buildMonthReport(month: string, detail: MonthDetail): MonthReport {
    const ownCounts = counts.get(month);
    const own = { total: ownCounts?.total ?? 0, categories: (ownCounts ?? EMPTY).categories, subcategories: (ownCounts ?? EMPTY).subcategories };
    const previousMonth = shiftMonth(month, -1);
    const previousCounts = counts.get(previousMonth);
    const previous = previousCounts && { total: previousCounts.total, categories: previousCounts.categories, subcategories: previousCounts.subcategories };
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

    const duplicates = findingsOf?.get(month) ?? detail.duplicates.finish();
    const flags = {} as Record<Flag, FlagTally>;
    for (const flag of FLAGS) {
      const index = FLAG_INDEX.get(flag) as number;
      const count = flag === 'duplicate' ? duplicates.exactCount + duplicates.nearCount : (detail.flagCounts[index] as number);
      const ids =
        flag === 'duplicate'
          ? [...duplicates.exact, ...duplicates.near].sort(compareMembers).slice(0, FLAG_ID_CAP)
          : (detail.flagIds[index] as FirstTweets).toArray();
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
      words: detail.words.top(TOP_TERMS, (id) => vocabulary[id] as string),
      phrases: detail.phrases.top(TOP_TERMS, (a, b) => `${vocabulary[a]} ${vocabulary[b]}`).filter((phrase) => phrase.count >= 2),
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
      drivers: perCategory((category) => (monthDrivers.byCategory[CATEGORY_INDEX.get(category) as number] as TermCounter).toMap()),
      previousDrivers: perCategory((category) => (previousDrivers.byCategory[CATEGORY_INDEX.get(category) as number] as TermCounter).toMap()),
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
        firstTweet: detail.firstDay === 0 ? null : dayString(detail.firstDay),
        lastTweet: detail.lastDay === 0 ? null : dayString(detail.lastDay),
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
        (category): CategoryEngagement => {
          const c = CATEGORY_INDEX.get(category) as number;
          return {
            tweets: detail.engagementTweets[c] as number,
            likes: spread((detail.likes[c] as NumberList).view()),
            retweets: spread((detail.retweetCounts[c] as NumberList).view()),
          };
        },
      );
    }
    if (examples > 0) {
      report.examples = perCategory((category) =>
        (detail.examples[CATEGORY_INDEX.get(category) as number] as BoundedSortedList<ExampleCandidate>).toArray().map(({ id, date, subcategory, confidence, text }) => ({ id, date, subcategory, confidence, text })),
      );
    }
    return report;
  }

  /** The spelling of a hashtag used most in the month (or the month before), else the key itself. */
  function displayHashtag(month: string, key: string): string {
    return drivers.get(month)?.spellingOf(key) ?? drivers.get(shiftMonth(month, -1))?.spellingOf(key) ?? key;
  }

  function snapshot(): AggregatorState {
    const months = [...counts.keys()];
    const totals = new Int32Array(months.length);
    const byCategory = new Int32Array(months.length * CATEGORIES.length);
    const bySubcategory = new Int32Array(months.length * SUBCATEGORY_KEYS.length);
    const other: (Record<string, number> | null)[] = [];
    months.forEach((key, i) => {
      const own = counts.get(key) as MonthCounts;
      totals[i] = own.total;
      byCategory.set(own.byCategory, i * CATEGORIES.length);
      bySubcategory.set(own.bySubcategory, i * SUBCATEGORY_KEYS.length);
      other.push(own.other && { ...own.other });
    });
    return {
      version: 1,
      detailMonths: bounds ? { ...bounds } : [...detailMonths],
      examples,
      months,
      totals,
      byCategory,
      bySubcategory,
      other,
      vocabulary: text.vocabulary.snapshot(),
      drivers: [...drivers].map(([key, counters]) => ({
        month: key,
        byCategory: counters.byCategory.map((counter) => counter.snapshot()),
        hashtagSpellings: counters.hashtagSpellings.snapshot(),
      })),
      details: detailKeys().map((key) => {
        const detail = details.get(key);
        return detail ? snapshotDetail(key, detail) : unpack<MonthDetailState>(frozen.get(key) as Uint8Array);
      }),
    };
  }

  function merge(state: AggregatorState): void {
    if (state.version !== 1) throw new Error(`cannot merge an aggregator state of version ${String(state.version)}`);
    const same = (a: string[] | DetailBounds, b: string[] | DetailBounds) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(state.detailMonths, bounds ? { ...bounds } : detailMonths) || state.examples !== examples) {
      throw new Error('cannot merge aggregators made with different detail months or examples');
    }
    const tweetsIn = new Map<string, number>();
    state.months.forEach((key, i) => {
      tweetsIn.set(key, state.totals[i] as number);
      counted += state.totals[i] as number;
      let own = counts.get(key);
      if (!own) {
        own = new MonthCounts();
        counts.set(key, own);
      }
      own.total += state.totals[i] as number;
      for (let c = 0; c < CATEGORIES.length; c += 1) {
        own.byCategory[c] = (own.byCategory[c] as number) + (state.byCategory[i * CATEGORIES.length + c] as number);
      }
      for (let k = 0; k < SUBCATEGORY_KEYS.length; k += 1) {
        own.bySubcategory[k] = (own.bySubcategory[k] as number) + (state.bySubcategory[i * SUBCATEGORY_KEYS.length + k] as number);
      }
      const theirs = state.other[i];
      if (theirs) {
        own.other ??= {};
        for (const [pair, count] of Object.entries(theirs)) own.other[pair] = (own.other[pair] ?? 0) + count;
      }
    });
    // With bounds, the months the other aggregator opened are opened here too (with their drivers).
    if (bounds) for (const theirs of state.details) openMonth(theirs.month);
    for (const theirs of state.drivers) {
      let own = drivers.get(theirs.month);
      if (!own) {
        own = new DriverCounts();
        drivers.set(theirs.month, own);
      }
      theirs.byCategory.forEach((counts, c) => (own.byCategory[c] as TermCounter).merge(counts));
      own.hashtagSpellings.merge(theirs.hashtagSpellings);
      own.forgetSpellings();
    }
    // Their word numbers, in this aggregator's vocabulary.
    const { units, starts } = state.vocabulary;
    const renumber = new Int32Array(Math.max(0, starts.length - 1));
    for (let id = 0; id < renumber.length; id += 1) renumber[id] = text.vocabulary.enterUnits(units, starts[id] as number, starts[id + 1] as number);
    for (const theirs of state.details) {
      // A month without tweets there adds nothing: a frozen one stays frozen.
      if (frozen.has(theirs.month) && !((tweetsIn.get(theirs.month) ?? 0) > 0)) continue;
      const own = detailOf(theirs.month);
      if (!own) continue;
      mergeDetail(own, theirs, renumber);
      own.touchedAt = counted;
    }
    // The month last added to may have gained a detail or drivers: look it up again.
    month = null;
    freezeStale();
  }

  return { add, snapshot, merge, takeDuplicateStates, finish };
}

function snapshotDetail(month: string, detail: MonthDetail): MonthDetailState {
  return {
    month,
    words: detail.words.snapshot(),
    phrases: detail.phrases.snapshot(),
    hashtags: detail.hashtags.snapshot(),
    people: detail.people.snapshot(),
    domains: detail.domains.snapshot(),
    flagCounts: detail.flagCounts.slice(),
    flagIds: detail.flagIds.map((list) => list.snapshot()),
    duplicates: detail.duplicates.snapshot(),
    days: Int32Array.from(detail.days),
    firstAt: detail.firstAt,
    firstDay: detail.firstDay,
    lastAt: detail.lastAt,
    lastDay: detail.lastDay,
    lateNightDrinking: detail.lateNightDrinking,
    bareLinks: detail.bareLinks,
    retweets: detail.retweets,
    repliesToOthers: detail.repliesToOthers,
    withEngagement: detail.withEngagement,
    likes: detail.likes.map((values) => Float64Array.from(values.view())),
    retweetCounts: detail.retweetCounts.map((values) => Float64Array.from(values.view())),
    engagementTweets: detail.engagementTweets.slice(),
    examples: detail.examples.map((list) => list.toArray().map((example) => ({ ...example }))),
    lowConfidenceCount: detail.lowConfidenceCount,
    lowConfidence: detail.lowConfidence.toArray().map((item) => ({ ...item })),
  };
}

/** Adds a detailed month's state into the same month of this aggregator; `renumber` maps their word numbers to ours. */
function mergeDetail(detail: MonthDetail, state: MonthDetailState, renumber: Int32Array): void {
  detail.words.merge(state.words, renumber, false);
  detail.phrases.merge(state.phrases, renumber, true);
  detail.hashtags.merge(state.hashtags);
  detail.people.merge(state.people);
  detail.domains.merge(state.domains);
  for (let f = 0; f < FLAGS.length; f += 1) {
    detail.flagCounts[f] = (detail.flagCounts[f] as number) + (state.flagCounts[f] as number);
    (detail.flagIds[f] as FirstTweets).merge(state.flagIds[f] as TweetList);
  }
  detail.duplicates.merge(state.duplicates);
  for (const day of state.days) detail.days.add(day);
  if (state.firstDay !== 0 && (detail.firstDay === 0 || state.firstAt < detail.firstAt)) {
    detail.firstAt = state.firstAt;
    detail.firstDay = state.firstDay;
  }
  if (state.lastDay !== 0 && (detail.lastDay === 0 || state.lastAt > detail.lastAt)) {
    detail.lastAt = state.lastAt;
    detail.lastDay = state.lastDay;
  }
  detail.lateNightDrinking += state.lateNightDrinking;
  detail.bareLinks += state.bareLinks;
  detail.retweets += state.retweets;
  detail.repliesToOthers += state.repliesToOthers;
  detail.withEngagement += state.withEngagement;
  for (let c = 0; c < CATEGORIES.length; c += 1) {
    (detail.likes[c] as NumberList).pushAll(state.likes[c] as Float64Array);
    (detail.retweetCounts[c] as NumberList).pushAll(state.retweetCounts[c] as Float64Array);
    detail.engagementTweets[c] = (detail.engagementTweets[c] as number) + (state.engagementTweets[c] as number);
    for (const example of state.examples[c] as ExampleCandidate[]) (detail.examples[c] as BoundedSortedList<ExampleCandidate>).add(example);
  }
  detail.lowConfidenceCount += state.lowConfidenceCount;
  for (const item of state.lowConfidence) detail.lowConfidence.add(item);
}

/** "YYYY-MM-DD" of a day kept as year * 512 + month * 32 + day. */
function dayString(day: number): string {
  return formatDate(Math.floor(day / 512), Math.floor(day / 32) % 16, day % 32);
}

const EMPTY = new MonthCounts();

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
