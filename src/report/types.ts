import type { Category, Classification, Flag, Subcategory } from '../classify/taxonomy.js';
import type { Target } from '../config/schema.js';
import type { Tweet } from '../model/tweet.js';
import type { LocalParts } from '../time/zone.js';

/** One tweet with its label and its local time: what the aggregator and the row writers take. */
export interface ClassifiedTweet {
  tweet: Tweet;
  classification: Classification;
  /** Local calendar fields of `tweet.createdAt` in the report's time zone. */
  local: LocalParts;
  /** "YYYY-MM" of `tweet.createdAt` in the report's time zone. */
  month: string;
}

/** A count and its share of the month's total (a fraction 0..1, rounded to 4 decimals). */
export interface ShareCount {
  count: number;
  share: number;
  /**
   * Share minus the previous calendar month's share, in percentage points (1 decimal); null when
   * the previous month has no tweets, so there is nothing to compare with.
   */
  changePoints: number | null;
}

/** One category of a month: its own figures and every one of its subcategories (zeros included). */
export interface CategoryBreakdown<C extends Category = Category> extends ShareCount {
  /** Keyed by every subcategory of the category, in taxonomy order. Shares are of the month total. */
  subcategories: { [S in Subcategory<C>]: ShareCount };
}

/** The four categories of a month, each with exactly its own subcategories. */
export type CategoryBreakdowns = { [C in Category]: CategoryBreakdown<C> };

/** A term and how often it occurs. */
export interface TermCount {
  term: string;
  count: number;
}

/** Where a sentence of the report comes from, so JSON readers can act on it without parsing text. */
export type ObservationKind =
  | 'empty'
  | 'low-volume'
  | 'largest'
  | 'professional'
  | 'spike'
  | 'drop'
  | 'target'
  | 'whereabouts'
  | 'nightlife'
  | 'complaint'
  | 'goals'
  | 'no-goals';

/** One plain sentence about the month, with the figures it was built from. */
export interface Observation {
  kind: ObservationKind;
  text: string;
  /** The category or "category/subcategory" it is about, where there is one. */
  scope?: string;
  /** What most of a spike or drop came from ("#ccdemo11", "@alice", "conference/chat"). */
  driver?: string;
}

/** Identifiers of the post's five questions, in the order the post asks them. */
export type QuestionId = 'read-you' | 'persona' | 'topics' | 'boring' | 'untrustworthy';

/**
 * Figures behind "What do you really tweet about?": every list counts your own tweets only
 * (retweets excluded), and lists only what was used at least twice.
 */
export interface TopicsAnswer {
  /** Your own words, filler (stopwords, laughter), links and handles skipped. */
  words: TermCount[];
  /** Two-word phrases of your own words. */
  phrases: TermCount[];
  /** Hashtags, lowercased, with "#". */
  hashtags: TermCount[];
  /** People you reply to or mention, with "@". */
  people: TermCount[];
  /** Domains you link to, without "www.". */
  domains: TermCount[];
}

/** Figures behind "Are you boring?". */
export interface BoringAnswer {
  /** Tweets whose text (handles, links and punctuation aside) equals another tweet's of the month. */
  exactDuplicates: number;
  /** Tweets nearly the same as another (and not exact duplicates). */
  nearDuplicates: number;
  /** Groups of tweets that repeat each other. */
  duplicateGroups: number;
  /** Share of the month's tweets that repeat another (exact or near). */
  duplicateShare: number;
  /** Links posted with no words of your own. */
  bareLinks: number;
  retweets: number;
  retweetShare: number;
}

/** Figures behind "Or untrustworthy?", after the "clones" of seed 001. */
export interface UntrustworthyAnswer {
  promotionShare: number;
  conversationShare: number;
  /** Promotion tweets per conversation tweet; null when there is no conversation at all. */
  promotionPerConversation: number | null;
  /** Share of tweets that answer someone else. */
  replyShare: number;
  /** True when the config states goals. */
  goalsStated: boolean;
  /** The clone signs found, as short phrases. */
  cloneSigns: string[];
  /** All three signs at once: more than half promotion, few replies, no goals stated. */
  looksLikeClone: boolean;
}

/** One of the post's questions, answered with the month's figures. */
export type Question =
  | { id: 'read-you'; question: string; answer: string; portrait: string }
  | { id: 'persona'; question: string; answer: string; portrait: string; goals: string[] }
  | { id: 'topics'; question: string; answer: string; data: TopicsAnswer }
  | { id: 'boring'; question: string; answer: string; data: BoringAnswer }
  | { id: 'untrustworthy'; question: string; answer: string; data: UntrustworthyAnswer };

/** A listed tweet as the reader sees it: local date and time and its text. */
export interface ShownTweet {
  id: string;
  /** Local "YYYY-MM-DD HH:MM" in the report's zone. */
  local: string;
  text: string;
  /** The post's own page where the archive gives one (Mastodon, Bluesky); X's is made from the id. */
  url?: string;
}

/** A flag's tally for the month. */
export interface FlagTally {
  count: number;
  share: number;
  /** Ids of the first tweets with the flag (by time, then id), at most {@link FLAG_ID_CAP}. */
  ids: string[];
  /** The same tweets as `ids`, in the same order, with their time and text. */
  tweets: ShownTweet[];
}

/** How a target fared in one month. */
export type TargetStatus = 'met' | 'below' | 'above' | 'no-data' | 'invalid-scope';

/** One configured target checked against one month. */
export interface TargetResult {
  month: string;
  scope: string;
  min: number | null;
  max: number | null;
  /** The scope's share of the month; null when the month has no tweets or the scope is unknown. */
  share: number | null;
  status: TargetStatus;
  /** How far outside the range, in percentage points (1 decimal); 0 when met or not checkable. */
  points: number;
  text: string;
}

/** Mean and median of one engagement count. */
export interface Spread {
  mean: number;
  median: number;
}

/** Engagement of one category's own tweets (retweets excluded: archives give them no counts). */
export interface CategoryEngagement {
  /** Tweets of the category that carry the counts. */
  tweets: number;
  likes: Spread | null;
  retweets: Spread | null;
  /** Its most engaging tweets, by likes + retweets (then id), at most {@link TOP_TWEETS}. */
  top: TopTweet[];
}

/** A tweet among a category's most engaging ones. */
export interface TopTweet extends ShownTweet {
  likes: number;
  retweets: number;
}

/** When the tweets were sent, in the report's zone: every tweet, retweets included. */
export interface Activity {
  /** Tweets per local hour, 0..23. */
  hours: number[];
  /** Tweets per weekday, Monday first. */
  weekdays: number[];
}

/** An example tweet shown to the user: a shown tweet with its date, subcategory and confidence. */
export interface ExampleTweet extends ShownTweet {
  /** Local date "YYYY-MM-DD" in the report's zone. */
  date: string;
  subcategory: string;
  confidence: number;
  text: string;
}

/** The full self-review of one month. */
export interface MonthReport {
  month: string;
  timezone: string;
  period: {
    /** First and last calendar day of the month, "YYYY-MM-DD". */
    start: string;
    end: string;
    /** Local dates of the first and last tweet; null without tweets. */
    firstTweet: string | null;
    lastTweet: string | null;
    /** Distinct local days with at least one tweet. */
    activeDays: number;
  };
  /** n, the number of tweets. */
  total: number;
  /** Fewer than {@link LOW_VOLUME_THRESHOLD} tweets: too few for a fair look. */
  lowVolume: boolean;
  /** The previous calendar month and its total (0 when it had no tweets). */
  previous: { month: string; total: number };
  categories: CategoryBreakdowns;
  /** The promotion share, which the post calls "professional". */
  professionalShare: number;
  observations: Observation[];
  questions: Question[];
  flags: Record<Flag, FlagTally>;
  /** Tweets that are both late-night and drinking: the post's "after 3 or 4 beers". */
  lateNightDrinking: number;
  targets: TargetResult[];
  /** The user's goals, as written in the config. */
  goals: string[];
  /** Present only when some tweet of the month carries like or retweet counts. */
  engagement?: Record<Category, CategoryEngagement>;
  /** When the tweets were sent. */
  activity?: Activity;
  /** Present when examples were asked for (the report command: 3 per category by default). */
  examples?: Record<Category, ExampleTweet[]>;
  lowConfidence: { threshold: number; count: number; ids: string[]; tweets: ShownTweet[] };
}

/** What a month's review and a period's review share: all but which month and the one before. */
export type Review = Omit<MonthReport, 'month' | 'previous'>;

/** A month of a period whose share of one category was far from the period's. */
export interface Standout {
  month: string;
  category: Category;
  /** The category's tweets and the month's total. */
  count: number;
  total: number;
  share: number;
  /** The category's share over the whole period. */
  periodShare: number;
  /** `share` minus `periodShare`, in percentage points (1 decimal). */
  points: number;
  text: string;
}

/**
 * One review of a period of several months (`--from/--to`, `--all`): the figures, flags, examples
 * and answers over the whole period, and the months that stood out. Shares are of the period's
 * total; there is no change column (`changePoints` is null), the trend says how the months moved.
 * Repeats (the duplicate flag, "Are you boring?") are its months' added up: a tweet is compared
 * with the tweets of its own month, as in the monthly reports.
 */
export interface PeriodReport extends Review {
  /** Inclusive "YYYY-MM" bounds. */
  from: string;
  to: string;
  /** Months of the period with at least one tweet. */
  activeMonths: number;
  /** Every month of the period, oldest first, empty ones included with total 0. */
  trend: TrendPoint[];
  /** At most one per month, largest first: months whose share of a category moved most from the period's. */
  standouts: Standout[];
}

/** One month of the trend: counters only, kept for every month. */
export interface TrendPoint {
  month: string;
  total: number;
  lowVolume: boolean;
  counts: Record<Category, number>;
  /** Shares of the month total; all 0 for a month without tweets. */
  shares: Record<Category, number>;
}

/** The archive's owner and platform: X links are `https://x.com/<handle>/status/<id>`. */
export interface ReportAccount {
  handle: string;
  platform: 'x' | 'mastodon' | 'bluesky';
  /** The name shown on the profile, where the archive has one. */
  displayName?: string;
}

/** How recent the archive is: the day it was generated, else the day of its newest tweet (local). */
export interface ArchiveDate {
  date: string;
  basis: 'generated' | 'newest-tweet';
}

/** Something the report took without the user saying so, and how to set it. */
export interface Guess {
  kind: 'time-zone' | 'employer';
  text: string;
}

/** Who produced a report. No date: the same input must give the same bytes. */
export interface GeneratorInfo {
  name: string;
  version: string;
}

/** Everything the renderers need, computed once by the aggregator. */
export interface AuditReport {
  schemaVersion: 1;
  generator: GeneratorInfo;
  timezone: string;
  /** Every month with at least one tweet, sorted. */
  monthsSeen: string[];
  /** One report per detailed month, sorted by month. */
  months: MonthReport[];
  /** Whose archive, for links to the tweets; set by the CLI, absent when unknown. */
  account?: ReportAccount;
  /** How recent the archive is; set by the CLI. */
  archive?: ArchiveDate;
  /** What was guessed rather than set (time zone, employer); set by the CLI, absent when nothing was. */
  guesses?: Guess[];
  /** The review of the detailed months as one period; present when asked for and they are several. */
  summary?: PeriodReport;
  /**
   * Shares per month from the first to the last month seen (empty months in between included,
   * with total 0), widened to cover the detailed months.
   */
  trend: TrendPoint[];
}

export type { Category, Subcategory, Flag, Target };
