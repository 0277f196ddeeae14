import type { Category, Flag } from '../../src/classify/taxonomy.js';
import type { TweetAuditConfig } from '../../src/config/schema.js';
import type { Tweet } from '../../src/model/tweet.js';
import { createAggregator } from '../../src/report/aggregate.js';
import type { AuditReport, ClassifiedTweet } from '../../src/report/types.js';

/** What a fixture tweet may set; everything else gets a plain default. */
export interface FixtureSpec extends Partial<Omit<Tweet, 'id' | 'createdAt'>> {
  id?: string;
  /** "YYYY-MM" (UTC, the fixtures' zone). */
  month?: string;
  day?: number;
  hour?: number;
  label?: `${Category}/${string}`;
  confidence?: number;
  flags?: Flag[];
  decidedBy?: string[];
}

let nextId = 1_000_000_000_000_000_000n;

/** Resets ids so each test file builds the same ids whatever ran before. */
export function resetIds(): void {
  nextId = 1_000_000_000_000_000_000n;
}

/** One classified tweet in UTC, with ids above 2^53 like real ones. */
export function classified(spec: FixtureSpec = {}): ClassifiedTweet {
  const month = spec.month ?? '2024-05';
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = spec.day ?? 1;
  const hour = spec.hour ?? 12;
  const createdAt = Date.UTC(year, monthNumber - 1, day, hour, 0, 0);
  const [category, subcategory] = (spec.label ?? 'personal/life').split('/') as [Category, string];
  nextId += 1n;
  const tweet: Tweet = {
    id: spec.id ?? String(nextId),
    createdAt,
    text: spec.text ?? 'just a thought about the weather',
    isReply: spec.isReply ?? false,
    isSelfReply: spec.isSelfReply ?? false,
    isRetweet: spec.isRetweet ?? false,
    isQuote: spec.isQuote ?? false,
    mentions: spec.mentions ?? [],
    hashtags: spec.hashtags ?? [],
    urls: spec.urls ?? [],
    mediaCount: spec.mediaCount ?? 0,
    ...(spec.inReplyToScreenName !== undefined ? { inReplyToScreenName: spec.inReplyToScreenName } : {}),
    ...(spec.retweetOf !== undefined ? { retweetOf: spec.retweetOf } : {}),
    ...(spec.likeCount !== undefined ? { likeCount: spec.likeCount } : {}),
    ...(spec.retweetCount !== undefined ? { retweetCount: spec.retweetCount } : {}),
    ...(spec.url !== undefined ? { url: spec.url } : {}),
  };
  return {
    tweet,
    classification: {
      category,
      subcategory,
      confidence: spec.confidence ?? 0.9,
      decidedBy: spec.decidedBy ?? ['fixture'],
      flags: spec.flags ?? [],
    } as ClassifiedTweet['classification'],
    local: { year, month: monthNumber, day, hour, weekday: new Date(createdAt).getUTCDay() },
    month,
  };
}

const BANK = (
  'apple river stone cloud maple harbor violin canyon pepper lantern meadow copper falcon ' +
  'orchid glacier velvet timber saffron comet willow marble thunder cedar puzzle ember ' +
  'lagoon walnut prism badger quartz tundra mango ripple cobalt heron thistle basalt ' +
  'juniper pylon sonnet fjord kettle nectar olive pebble quill raven tulip umber vortex'
).split(' ');

/**
 * Filler words that differ from one `i` to the next, so template tweets are not near duplicates
 * of each other (the duplicate check would rightly catch "same text, new number").
 */
export function filler(i: number, words = 5): string {
  return Array.from({ length: words }, (_, k) => BANK[(i * 7 + k * 11 + i * k) % BANK.length]).join(' ');
}

/** `count` tweets made by `make(i)`. */
export function times(count: number, make: (i: number) => FixtureSpec): ClassifiedTweet[] {
  return Array.from({ length: count }, (_, i) => classified(make(i)));
}

/** Runs the aggregator over tweets. */
export function aggregate(
  tweets: Iterable<ClassifiedTweet>,
  options: {
    detailMonths: string[];
    config?: TweetAuditConfig;
    examples?: number;
    summary?: boolean;
    monthTotals?: ReadonlyMap<string, number>;
  },
): AuditReport {
  const aggregator = createAggregator({
    detailMonths: options.detailMonths,
    summary: options.summary,
    monthTotals: options.monthTotals,
    config: options.config ?? {},
    timeZone: 'UTC',
    examples: options.examples ?? 0,
    generator: { name: 'tweet-audit', version: '0.0.0-test' },
  });
  for (const tweet of tweets) aggregator.add(tweet);
  return aggregator.finish();
}

/**
 * Two months in the spirit of the post: April is a quiet month; in May conversation leads, an
 * event hashtag (#CCDemo11) makes conference spike, promotion sits near 27%, and a few tweets come
 * late at night from a bar. Texts are invented for the tests.
 */
export function postLikeArchive(): ClassifiedTweet[] {
  resetIds();
  const april = [
    ...times(20, (i) => ({
      month: '2024-04',
      day: 1 + (i % 28),
      label: 'conversation/reply',
      text: `@friend${i % 4} good point, ${filler(i)}`,
      isReply: true,
      inReplyToScreenName: `friend${i % 4}`,
      mentions: [`friend${i % 4}`],
    })),
    ...times(10, (i) => ({
      month: '2024-04',
      day: 2 + i,
      label: 'promotion/sharing',
      text: `Great read: ${filler(i + 100)} https://blog.example.org/p/${i}`,
      urls: [`https://blog.example.org/p/${i}`],
    })),
    ...times(2, (i) => ({
      month: '2024-04',
      day: 5 + i,
      label: 'conference/live',
      text: `Keynote notes ${filler(i + 200)} #OtherConf`,
      hashtags: ['OtherConf'],
    })),
    ...times(8, (i) => ({
      month: '2024-04',
      day: 10 + i,
      label: 'personal/media',
      text: `Watching ${filler(i + 300)}`,
    })),
  ];
  const may = [
    ...times(24, (i) => ({
      month: '2024-05',
      day: 1 + (i % 28),
      label: 'conversation/reply',
      text: `@pal${i % 3} community managers ${filler(i + 400)}`,
      isReply: true,
      inReplyToScreenName: `pal${i % 3}`,
      mentions: [`pal${i % 3}`],
      likeCount: i,
      retweetCount: i % 3,
    })),
    ...times(6, (i) => ({
      month: '2024-05',
      day: 3 + i,
      label: 'promotion/self',
      text: `New blog post: ${filler(i + 500)} https://me.example.com/post-${i}`,
      urls: [`https://me.example.com/post-${i}`],
      likeCount: 10 + i,
    })),
    ...times(2, (i) => ({
      month: '2024-05',
      day: 9 + i,
      label: 'promotion/employer',
      text: `Our product team shipped ${filler(i + 600)}`,
    })),
    ...times(6, (i) => ({
      month: '2024-05',
      day: 11 + i,
      label: 'promotion/sharing',
      text: `RT @guru: customer support ${filler(i + 700)}`,
      isRetweet: true,
      retweetOf: 'guru',
      mentions: ['guru'],
      flags: ['retweet'],
    })),
    ...times(14, (i) => ({
      month: '2024-05',
      day: 12 + (i % 5),
      label: 'conference/chat',
      text: `A${(i % 7) + 1}: weekend queue ${filler(i + 800)} #CCDemo11`,
      hashtags: ['CCDemo11'],
    })),
    ...times(4, (i) => ({
      month: '2024-05',
      day: 20 + i,
      label: 'personal/whereabouts',
      text: `Landed in ${filler(i + 900, 3)}`,
    })),
    ...times(3, (i) => ({
      month: '2024-05',
      day: 24 + i,
      hour: 1,
      label: 'personal/life',
      text: `third beer at the bar, ${filler(i + 1000)}`,
      flags: ['late-night', 'drinking'],
      confidence: 0.4,
    })),
    // A pitch posted three times with small changes, and once word for word.
    classified({
      month: '2024-05',
      day: 27,
      label: 'promotion/self',
      text: 'Join my webinar on social customer service this Thursday at 2pm ET, sign up now!',
    }),
    classified({
      month: '2024-05',
      day: 28,
      label: 'promotion/self',
      text: 'Join my webinar on social customer service this Thursday at 3pm ET, sign up now',
    }),
    classified({
      month: '2024-05',
      day: 29,
      label: 'promotion/self',
      text: 'join my webinar on social customer service this thursday at 2pm ET: sign up now',
    }),
  ];
  return [...april, ...may];
}
