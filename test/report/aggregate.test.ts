import { beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES, SUBCATEGORIES } from '../../src/classify/taxonomy.js';
import { createAggregator } from '../../src/report/index.js';
import { formatPercent } from '../../src/report/format.js';
import type { MonthReport } from '../../src/report/index.js';
import { aggregate, classified, filler, postLikeArchive, resetIds, times } from './fixtures.js';

function only(months: MonthReport[]): MonthReport {
  expect(months).toHaveLength(1);
  return months[0] as MonthReport;
}

beforeEach(() => resetIds());

describe('createAggregator: counts and shares', () => {
  it('lists every category and subcategory, zeros included, and the shares add up to 1', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    expect(Object.keys(month.categories)).toEqual(CATEGORIES);
    for (const category of CATEGORIES) {
      expect(Object.keys(month.categories[category].subcategories)).toEqual([...SUBCATEGORIES[category]]);
    }
    expect(month.categories.conversation.subcategories.mention).toEqual({ count: 0, share: 0, changePoints: 0 });
    const shares = CATEGORIES.map((c) => month.categories[c].share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    for (const category of CATEGORIES) {
      const breakdown = month.categories[category];
      const subCounts = Object.values(breakdown.subcategories).reduce((sum, s) => sum + s.count, 0);
      expect(subCounts).toBe(breakdown.count);
    }
    expect(CATEGORIES.reduce((sum, c) => sum + month.categories[c].count, 0)).toBe(month.total);
  });

  it('computes the figures of the post-like month', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    expect(month.total).toBe(62);
    expect(month.categories.conversation.count).toBe(24);
    expect(month.categories.conversation.share).toBe(0.3871);
    expect(month.professionalShare).toBe(month.categories.promotion.share);
    expect(month.professionalShare).toBe(0.2742);
    expect(month.period).toEqual({
      start: '2024-05-01',
      end: '2024-05-31',
      firstTweet: '2024-05-01',
      lastTweet: '2024-05-29',
      activeDays: 29,
    });
  });

  it('gives the change vs the previous calendar month in points', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    expect(month.previous).toEqual({ month: '2024-04', total: 40 });
    // Conference: 14/62 now, 2/40 in April.
    expect(month.categories.conference.changePoints).toBe(17.6);
    expect(month.categories.conversation.changePoints).toBe(-11.3);
    expect(month.categories.conference.subcategories.live.changePoints).toBe(-5);
  });

  it('has no change when the previous month has no tweets', () => {
    const tweets = [...times(25, () => ({ month: '2024-05' })), ...times(25, () => ({ month: '2024-03' }))];
    const month = only(aggregate(tweets, { detailMonths: ['2024-05'] }).months);
    expect(month.previous).toEqual({ month: '2024-04', total: 0 });
    for (const category of CATEGORIES) {
      expect(month.categories[category].changePoints).toBeNull();
      for (const sub of Object.values(month.categories[category].subcategories)) expect(sub.changePoints).toBeNull();
    }
  });

  it('marks months under 20 tweets as low volume, and warns', () => {
    const low = only(
      aggregate(
        times(19, () => ({})),
        { detailMonths: ['2024-05'] },
      ).months,
    );
    expect(low.lowVolume).toBe(true);
    expect(low.observations[0]?.kind).toBe('low-volume');
    expect(low.observations[0]?.text).toContain('No verdict: only 19 tweets in 2024-05');
    // One line says why, instead of judging: no portrait, no clone signs, no goal advice.
    expect(low.observations).toHaveLength(1);
    expect(low.questions.map((q) => q.id)).toEqual(['read-you', 'persona', 'topics', 'boring', 'untrustworthy']);
    expect(low.questions[0]?.answer).toBe('Not judged on 19 tweets: a reader would need more to go on.');
    for (const q of low.questions) expect(q.answer).not.toMatch(/Mostly|first \(|Clone signs|clone sign/);
    expect(new Set(low.questions.map((q) => q.answer)).size).toBe(5);
    resetIds();
    const enough = only(
      aggregate(
        times(20, () => ({})),
        { detailMonths: ['2024-05'] },
      ).months,
    );
    expect(enough.lowVolume).toBe(false);
    expect(enough.observations.some((o) => o.kind === 'low-volume')).toBe(false);
  });

  it('reports a detailed month without tweets with zero shares and no comparison', () => {
    const month = only(
      aggregate(
        times(30, () => ({ month: '2024-04' })),
        { detailMonths: ['2024-05'] },
      ).months,
    );
    expect(month.total).toBe(0);
    expect(month.lowVolume).toBe(true);
    expect(month.categories.personal).toMatchObject({ count: 0, share: 0, changePoints: null });
    expect(month.period.firstTweet).toBeNull();
    expect(month.observations[0]?.kind).toBe('empty');
  });

  it('rejects a detail month that is not YYYY-MM', () => {
    expect(() => createAggregator({ detailMonths: ['2024-5'], config: {}, timeZone: 'UTC' })).toThrow(/not a month/);
  });
});

describe('createAggregator: months and trend', () => {
  it('keeps counters for every month but details only the asked ones', () => {
    const tweets = [
      ...times(3, () => ({ month: '2023-11' })),
      ...times(5, () => ({ month: '2024-02', label: 'promotion/self' })),
    ];
    const report = aggregate(tweets, { detailMonths: ['2024-02'] });
    expect(report.monthsSeen).toEqual(['2023-11', '2024-02']);
    expect(report.months.map((m) => m.month)).toEqual(['2024-02']);
    // The trend runs through the empty months in between.
    expect(report.trend.map((p) => p.month)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(report.trend[1]).toMatchObject({
      total: 0,
      lowVolume: true,
      shares: { conversation: 0, promotion: 0, conference: 0, personal: 0 },
    });
    expect(report.trend[3]).toMatchObject({ total: 5, counts: { promotion: 5 }, shares: { promotion: 1 } });
  });

  it('sorts detailed months and drops repeats', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-05', '2024-04', '2024-05'] });
    expect(report.months.map((m) => m.month)).toEqual(['2024-04', '2024-05']);
    expect(report.months[0]?.categories.conversation.changePoints).toBeNull();
  });

  it('gives the same report whatever order the tweets arrive in', () => {
    const tweets = postLikeArchive();
    const options = { detailMonths: ['2024-05'], examples: 2, config: { goals: ['be useful'] } };
    const forward = JSON.stringify(aggregate(tweets, options));
    const backward = JSON.stringify(aggregate([...tweets].reverse(), options));
    // A fixed shuffle: every 7th element first, and so on.
    const shuffled = [...tweets].sort(
      (a, b) =>
        Number(BigInt(a.tweet.id) % 7n) - Number(BigInt(b.tweet.id) % 7n) || a.tweet.id.localeCompare(b.tweet.id),
    );
    expect(backward).toBe(forward);
    expect(JSON.stringify(aggregate(shuffled, options))).toBe(forward);
  });

  it('gives the same report when each month is summed up as soon as it has all its tweets', () => {
    // More flagged, unsure and repeated tweets than a month lists, so the listed ones must be kept.
    const month = (i: number) => (i % 3 === 0 ? '2024-04' : '2024-05');
    const tweets = [
      ...postLikeArchive(),
      ...times(60, (i) => ({
        month: month(i),
        day: 1 + (i % 28),
        flags: ['late-night'],
        text: `late ${filler(i + 900, 6)}`,
      })),
      ...times(120, (i) => ({
        month: month(i),
        day: 1 + (i % 28),
        confidence: 0.2 + i / 1000,
        text: `unsure ${filler(i + 700, 6)}`,
      })),
      ...times(9, (i) => ({ month: month(i), day: 1 + i, text: 'the same thought said again and again' })),
    ];
    const monthTotals = new Map<string, number>();
    for (const t of tweets) monthTotals.set(t.month, (monthTotals.get(t.month) ?? 0) + 1);
    const options = { detailMonths: ['2024-04', '2024-05'], examples: 2, summary: true };
    const report = aggregate(tweets, options);
    // Every tweet listed (flags, repeats, low confidence; each month and the period) is shown with its text.
    const listed = [...report.months, report.summary!].flatMap((review) => [
      ...Object.values(review.flags).flatMap((flag) => flag.tweets),
      ...review.lowConfidence.tweets,
    ]);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.filter((shown) => shown.text === '')).toEqual([]);
    const atTheEnd = JSON.stringify(report);
    // Months one after the other, newest first, and interleaved (a month is complete only at its last tweet).
    const interleaved = [...tweets].sort((a, b) => Number(BigInt(a.tweet.id) % 5n) - Number(BigInt(b.tweet.id) % 5n));
    for (const order of [tweets, [...tweets].reverse(), interleaved])
      expect(JSON.stringify(aggregate(order, { ...options, monthTotals }))).toBe(atTheEnd);
  });

  it('sums a month up once it has the tweets it was told of, and takes no more', () => {
    const tweets = postLikeArchive();
    const april = tweets.filter((t) => t.month === '2024-04').length;
    const monthTotals = new Map([['2024-04', april - 1]]);
    expect(() => aggregate(tweets, { detailMonths: ['2024-04'], monthTotals })).toThrow(/already summed up/u);
  });
});

describe('createAggregator: details', () => {
  it('counts flags with capped, time-ordered ids, and late-night drinking', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    expect(month.flags['late-night'].count).toBe(3);
    expect(month.flags.drinking.count).toBe(3);
    expect(month.lateNightDrinking).toBe(3);
    expect(month.flags.retweet).toMatchObject({ count: 6, share: 0.0968 });
    expect(month.flags.retweet.ids.every((id) => typeof id === 'string' && id.length === 19)).toBe(true);
    expect(month.flags.complaint).toEqual({ count: 0, share: 0, ids: [], tweets: [] });
  });

  it('caps flag id lists at 20 while counting all', () => {
    const month = only(
      aggregate(
        times(30, (i) => ({ day: 1 + i, flags: ['link'] })),
        { detailMonths: ['2024-05'] },
      ).months,
    );
    expect(month.flags.link.count).toBe(30);
    expect(month.flags.link.ids).toHaveLength(20);
    expect(month.flags.link.ids[0]).toBe('1000000000000000001');
  });

  it('lists low-confidence tweets for a second look', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    expect(month.lowConfidence.count).toBe(3);
    expect(month.lowConfidence.threshold).toBe(0.5);
    expect(month.lowConfidence.ids).toHaveLength(3);
  });

  it('summarizes engagement per category, own tweets only, and omits it when the archive has none', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    // Conversation likes are 0..23: mean and median 11.5.
    expect(month.engagement?.conversation).toMatchObject({
      tweets: 24,
      likes: { mean: 11.5, median: 11.5 },
      retweets: { mean: 1, median: 1 },
    });
    expect(month.engagement?.promotion).toMatchObject({
      tweets: 6,
      likes: { mean: 12.5, median: 12.5 },
      retweets: null,
    });
    expect(month.engagement?.conference).toEqual({ tweets: 0, likes: null, retweets: null, top: [] });
    const bare = only(
      aggregate(
        times(25, () => ({})),
        { detailMonths: ['2024-05'] },
      ).months,
    );
    expect(bare.engagement).toBeUndefined();
    expect('engagement' in bare).toBe(false);
  });

  it('lists the most liked and retweeted tweets per category, and when in the day and week tweets were sent', () => {
    const tweets = [
      classified({ label: 'promotion/self', likeCount: 5, retweetCount: 5, text: 'ten', day: 6, hour: 9 }),
      classified({ label: 'promotion/self', likeCount: 30, retweetCount: 0, text: 'thirty', day: 6, hour: 23 }),
      classified({ label: 'promotion/self', likeCount: 1, text: 'one', day: 7, hour: 23 }),
      classified({ label: 'promotion/self', likeCount: 2, retweetCount: 1, text: 'three', day: 12, hour: 2 }),
      classified({
        label: 'promotion/self',
        isRetweet: true,
        likeCount: 99,
        text: 'RT @x: not mine',
        day: 12,
        hour: 2,
      }),
    ];
    const month = only(aggregate(tweets, { detailMonths: ['2024-05'] }).months);
    expect(month.engagement?.promotion.top.map((t) => [t.text, t.likes, t.retweets])).toEqual([
      ['thirty', 30, 0],
      ['ten', 5, 5],
      ['three', 2, 1],
    ]);
    expect(month.engagement?.promotion.top[0]?.local).toBe('2024-05-06 23:00');
    expect(month.engagement?.personal.top).toEqual([]);
    // 2024-05-06 is a Monday, 05-07 a Tuesday, 05-12 a Sunday; the retweet was sent too.
    expect(month.activity?.weekdays).toEqual([2, 1, 0, 0, 0, 0, 2]);
    expect(month.activity?.hours.filter((n) => n > 0)).toEqual([2, 1, 2]);
    expect(month.activity?.hours[23]).toBe(2);
  });

  it('picks examples by confidence, then engagement, then id, only when asked', () => {
    const tweets = [
      classified({ label: 'promotion/self', confidence: 0.7, text: 'low confidence pitch' }),
      classified({ label: 'promotion/self', confidence: 0.95, likeCount: 1, text: 'sure pitch, few likes' }),
      classified({ label: 'promotion/self', confidence: 0.95, likeCount: 9, text: 'sure pitch, many likes' }),
    ];
    const month = only(aggregate(tweets, { detailMonths: ['2024-05'], examples: 2 }).months);
    expect(month.examples?.promotion.map((e) => e.text)).toEqual(['sure pitch, many likes', 'sure pitch, few likes']);
    expect(month.examples?.promotion[0]).toMatchObject({ date: '2024-05-01', subcategory: 'self', confidence: 0.95 });
    expect(month.examples?.conversation).toEqual([]);
    expect(only(aggregate(tweets, { detailMonths: ['2024-05'] }).months).examples).toBeUndefined();
  });

  it('answers "what do you tweet about" from own words, hashtags, people and domains', () => {
    const month = only(aggregate(postLikeArchive(), { detailMonths: ['2024-05'] }).months);
    const topics = month.questions.find((q) => q.id === 'topics');
    if (topics?.id !== 'topics') throw new Error('topics question missing');
    expect(topics.data.hashtags[0]).toEqual({ term: '#CCDemo11', count: 14 });
    expect(topics.data.people.map((p) => p.term)).toEqual(['@pal0', '@pal1', '@pal2']);
    expect(topics.data.domains).toEqual([{ term: 'me.example.com', count: 6 }]);
    expect(topics.data.words[0]).toEqual({ term: 'community', count: 24 });
    expect(topics.data.phrases[0]).toEqual({ term: 'community managers', count: 24 });
    // Retweeted words are someone else's; the retweeted author is not someone you talked to.
    expect(topics.data.words.some((w) => w.term === 'support')).toBe(false);
    expect(topics.data.people.some((p) => p.term === '@guru')).toBe(false);
    expect(topics.answer).toContain('#CCDemo11 (14)');
  });

  it('leaves retweets out of every topic list alike, says so, and lists nothing used once', () => {
    const tweets = [
      ...times(2, () => ({
        text: 'kayak trip',
        hashtags: ['Paddle'],
        mentions: ['ann'],
        urls: ['https://a.example/x'],
      })),
      ...times(3, () => ({
        isRetweet: true,
        retweetOf: 'guru',
        text: 'RT @guru: glacier photos @bob #Ice https://b.example/y',
        hashtags: ['Ice'],
        mentions: ['guru', 'bob'],
        urls: ['https://b.example/y'],
      })),
      classified({ text: 'lonely word', hashtags: ['random'], mentions: ['carl'], urls: ['https://c.example/z'] }),
      ...times(16, () => ({ text: 'lol haha xd' })),
    ];
    const month = only(aggregate(tweets, { detailMonths: ['2024-05'] }).months);
    const topics = month.questions.find((q) => q.id === 'topics');
    if (topics?.id !== 'topics') throw new Error('topics question missing');
    expect(topics.data).toEqual({
      words: [
        { term: 'kayak', count: 2 },
        { term: 'trip', count: 2 },
      ],
      phrases: [{ term: 'kayak trip', count: 2 }],
      hashtags: [{ term: '#Paddle', count: 2 }],
      people: [{ term: '@ann', count: 2 }],
      domains: [{ term: 'a.example', count: 2 }],
    });
    expect(topics.answer).toMatch(/^In your own tweets \(3 retweets left out\), words: kayak \(2\)/u);
    expect(topics.answer).not.toContain('(1)');
  });

  it("leaves the owner's own handles out of the people list", () => {
    const tweets = times(3, () => ({ mentions: ['me', 'ann'], text: '@me @ann hello there friends' }));
    const month = only(
      aggregate(tweets, { detailMonths: ['2024-05'], config: { identity: { handles: ['Me'] } } }).months,
    );
    const topics = month.questions.find((q) => q.id === 'topics');
    if (topics?.id !== 'topics') throw new Error('topics question missing');
    expect(topics.data.people).toEqual([{ term: '@ann', count: 3 }]);
  });
});

describe('one rounding', () => {
  it('computes each change from the shares as shown, so subtracting them gives the change shown', () => {
    // 1 of 22 is reported as 0.0455 and shown as 4.6%; 1 of 20 is 5.0%. The change shown is
    // 5.0 - 4.6 = 0.4, not 0.5 as the unrounded 5 - 4.545… would round to.
    const tweets = [
      ...times(1, () => ({ month: '2024-04', label: 'promotion/sharing' })),
      ...times(21, () => ({ month: '2024-04', label: 'conversation/reply' })),
      ...times(1, () => ({ month: '2024-05', label: 'promotion/sharing' })),
      ...times(19, () => ({ month: '2024-05', label: 'conversation/reply' })),
    ];
    const [april, may] = aggregate(tweets, { detailMonths: ['2024-04', '2024-05'] }).months;
    expect(april!.categories.promotion.share).toBe(0.0455);
    expect(formatPercent(april!.categories.promotion.share, 1)).toBe('4.6%');
    expect(formatPercent(may!.categories.promotion.share, 1)).toBe('5.0%');
    expect(may!.categories.promotion.changePoints).toBe(0.4);
  });

  it('holds for every category and subcategory of the post-like months', () => {
    const [april, may] = aggregate(postLikeArchive(), { detailMonths: ['2024-04', '2024-05'] }).months;
    const shown = (share: number) => Number(formatPercent(share, 1).slice(0, -1));
    let checked = 0;
    for (const category of CATEGORIES) {
      const pairs: [{ share: number; changePoints: number | null }, { share: number }][] = [
        [may!.categories[category], april!.categories[category]],
      ];
      const subs = (m: MonthReport) =>
        m.categories[category].subcategories as Record<string, { share: number; changePoints: number | null }>;
      for (const sub of Object.keys(subs(may!))) pairs.push([subs(may!)[sub]!, subs(april!)[sub]!]);
      for (const [now, before] of pairs) {
        expect(now.changePoints).toBeCloseTo(shown(now.share) - shown(before.share), 9);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
