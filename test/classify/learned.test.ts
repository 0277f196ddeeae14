import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import { archiveContext, buildContext, topicWords } from '../../src/classify/context.js';
import { describeFeature } from '../../src/classify/explain.js';
import type { Tweet } from '../../src/model/tweet.js';
import {
  parseLearned,
  personalize,
  scoreLearned,
  serializeLearned,
  trainLearned,
  type TrainingTweet,
} from '../../src/classify/learned.js';
import { predict, train } from '../../src/classify/logistic.js';
import type { LabelKey } from '../../src/classify/model.js';
import { createZone } from '../../src/time/zone.js';
import { identity, tweet } from './support.js';

const ev = (...features: string[]) => new Map(features.map((f) => [f, 1]));
const ex = (label: LabelKey, ...features: string[]): TrainingTweet => ({ label, evidence: ev(...features) });

describe('logistic regression', () => {
  it('learns which feature means which class, gives probabilities that sum to 1, and is deterministic', () => {
    const examples = [
      ...Array.from({ length: 20 }, () => ({ evidence: ev('a', 'x'), label: 0, weight: 1 })),
      ...Array.from({ length: 20 }, () => ({ evidence: ev('b', 'x'), label: 1, weight: 1 })),
    ];
    const options = { classes: ['first', 'second'], l2: 0.001, epochs: 100 };
    const model = train(examples, options);
    const p = predict(model, ev('a'));
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    expect(predict(model, ev('b'))[1]).toBeGreaterThan(0.9);
    expect([...train(examples, options).weights.get('a')!]).toEqual([...model.weights.get('a')!]);
  });

  it("learns what a group of classes shares from all the group's examples together", () => {
    // 'sign' comes with each of the first group's two classes a few times, and with the other class as often.
    const examples = [
      ...['a1', 'a2'].flatMap((_, label) =>
        Array.from({ length: 3 }, () => ({ evidence: ev('sign'), label, weight: 1 })),
      ),
      ...Array.from({ length: 4 }, () => ({ evidence: ev('sign'), label: 2, weight: 1 })),
      ...Array.from({ length: 20 }, () => ({ evidence: ev('other'), label: 2, weight: 1 })),
    ];
    const options = { classes: ['a1', 'a2', 'b'], l2: 0.05, epochs: 150 };
    const group = (model: ReturnType<typeof train>) => {
      const p = predict(model, ev('sign'));
      return p[0]! + p[1]!;
    };
    const apart = train(examples, options);
    const together = train(examples, { ...options, groups: { of: [0, 0, 1], l2: 0.05 } });
    expect(group(together)).toBeGreaterThan(group(apart) + 0.02);
    expect(group(together)).toBeGreaterThan(0.5);
  });

  it("leaves out features seen in only one archive: one person's words say nothing about the next", () => {
    const model = trainLearned([
      [ex('personal/life', 'w:shared', 'w:only-mine'), ex('promotion/sharing', 'shape:link')],
      [ex('personal/life', 'w:shared'), ex('promotion/sharing', 'shape:link')],
    ]);
    expect(model.weights.has('w:shared')).toBe(true);
    expect(model.weights.has('w:only-mine')).toBe(false);
  });

  it('round-trips through its file, rounded', () => {
    const model = trainLearned([
      [ex('personal/life', 'w:a'), ex('promotion/sharing', 'w:b')],
      [ex('personal/life', 'w:a'), ex('promotion/sharing', 'w:b')],
    ]);
    const text = serializeLearned(model);
    expect(serializeLearned(parseLearned(text))).toBe(text);
    expect(scoreLearned(parseLearned(text), ev('w:a')).best).toBe(scoreLearned(model, ev('w:a')).best);
  });
});

describe("a user's own labels", () => {
  const shared = trainLearned([
    [
      ex('promotion/sharing', 'shape:retweet', 'w:release'),
      ex('personal/life', 'w:lunch'),
      ex('promotion/sharing', 'shape:retweet'),
    ],
    [
      ex('promotion/sharing', 'shape:retweet', 'w:release'),
      ex('personal/life', 'w:lunch'),
      ex('promotion/sharing', 'shape:retweet'),
    ],
  ]);

  it('carry over to other tweets of the same account, and move nothing else much', () => {
    const before = scoreLearned(shared, ev('shape:retweet', 'u:retweet:band'));
    expect(before.best).toBe('promotion/sharing');
    const mine = personalize(shared, [
      ex('personal/media', 'shape:retweet', 'u:retweet:band'),
      ex('personal/media', 'shape:retweet', 'u:retweet:band', 'w:tour'),
      ex('personal/media', 'shape:retweet', 'u:retweet:band', 'w:album'),
    ]);
    expect(scoreLearned(mine, ev('shape:retweet', 'u:retweet:band')).best).toBe('personal/media');
    expect(scoreLearned(mine, ev('shape:retweet', 'u:retweet:vendor')).best).toBe('promotion/sharing');
  });

  it('three labels of one category teach their own evidence, and do not move the whole mix towards it', () => {
    // A tweet with nothing the labels speak of: only the mix decides it (0.44 promotion here).
    const unrelated = ev('w:other');
    const before = scoreLearned(shared, unrelated).categories.promotion;
    const mine = personalize(shared, [
      ex('personal/life', 'w:garden'),
      ex('personal/life', 'w:garden', 'w:tomato'),
      ex('personal/life', 'w:garden', 'w:rain'),
    ]);
    expect(scoreLearned(mine, ev('w:garden')).best).toBe('personal/life');
    // With the biases left free, three labels took it to 0.06; pulled towards the shipped ones, 0.23.
    expect(scoreLearned(mine, unrelated).categories.promotion).toBeGreaterThan(0.35 * before);
  });

  it("reach the classifier: labeled retweets of one account teach it about that account's other retweets", async () => {
    const zone = createZone('UTC');
    const rt = (id: string, text: string) =>
      tweet(`RT @band: ${text}`, {
        id,
        isRetweet: true,
        retweetOf: 'band',
        mentions: ['band'],
        createdAt: Date.UTC(2024, 0, Number(id)),
      });
    const tweets = [
      rt('1', 'new single out now'),
      rt('2', 'tickets for the spring tour'),
      rt('3', 'studio day'),
      rt('4', 'backstage photos'),
    ];
    const labels = new Map(['1', '2', '3'].map((id) => [id, { category: 'personal' as const, subcategory: 'media' }]));
    const context = buildContext(tweets);
    const plain = await createClassifier({ identity: identity(), zone, context });
    const taught = await createClassifier({ identity: identity(), zone, context, labels });
    taught.learn(tweets);
    const other = tweets[3]!;
    const before = plain.explain(other).learned!.categories.personal;
    const after = taught.explain(other).learned!.categories.personal;
    expect(after).toBeGreaterThan(before);
    expect(taught.classify(other).category).toBe('personal');
  });

  /** How many "u:" features of a kind (day, week, thread) two tweets share, in an archive of these tweets. */
  async function groupsShared(tweets: Tweet[], zone: string) {
    const me = identity();
    const c = await createClassifier({ identity: me, zone: createZone(zone), context: archiveContext(tweets, me) });
    const keys = (t: Tweet, kind: string) => [...c.evidence(t).keys()].filter((f) => f.startsWith(`u:${kind}:`));
    return (a: Tweet, b: Tweet, kind: string) => keys(a, kind).filter((f) => keys(b, kind).includes(f)).length;
  }

  it('speak for the other tweets of the same thread, day and week', async () => {
    const at = (day: number, hour: number) => Date.UTC(2024, 4, day, hour);
    const start = tweet('how we moved our builds, a thread', { id: 's', createdAt: at(6, 9) });
    const next = tweet('step two: the cache', {
      id: 'n',
      createdAt: at(6, 10),
      isReply: true,
      isSelfReply: true,
      inReplyToStatusId: 's',
    });
    const sameWeek = tweet('a rainy walk', { id: 'w', createdAt: at(7, 18) });
    const later = tweet('a rainy walk', { id: 'l', createdAt: at(20, 18) });
    const share = await groupsShared([start, next, sameWeek, later], 'UTC');
    expect([share(start, next, 'thread'), share(start, next, 'day'), share(start, next, 'week')]).toEqual([1, 1, 2]);
    expect([share(start, sameWeek, 'thread'), share(start, sameWeek, 'day'), share(start, sameWeek, 'week')]).toEqual([
      0, 0, 2,
    ]);
    expect([share(start, later, 'thread'), share(start, later, 'day'), share(start, later, 'week')]).toEqual([0, 0, 0]);
    expect(describeFeature('u:thread:s')).toBe('your own labels of tweets of the same thread');
  });

  it("group tweets by the person's own days, and any two tweets at most three days apart by a week", async () => {
    // New York, May 2024 (UTC-4): Sunday the 12th, morning and late evening (Monday in UTC).
    const local = (day: number, hour: number) => Date.UTC(2024, 4, day, hour + 4);
    const morning = tweet('a walk by the river', { id: 'a', createdAt: local(12, 10) });
    const evening = tweet('an early night', { id: 'b', createdAt: local(12, 22) });
    const monday = tweet('back at the desk', { id: 'c', createdAt: local(13, 9) });
    const friday = tweet('back at the desk', { id: 'd', createdAt: local(17, 9) });
    const share = await groupsShared([morning, evening, monday, friday], 'America/New_York');
    expect(share(morning, evening, 'day')).toBe(1);
    expect(share(morning, evening, 'week')).toBe(2);
    expect(share(evening, monday, 'day')).toBe(0);
    // Sunday and the next Monday: not the same week from Monday, the same from Thursday.
    expect(share(evening, monday, 'week')).toBe(1);
    expect(share(morning, friday, 'week')).toBe(0);
  });
});

describe('evidence from the archive', () => {
  it('marks a tweet sent among many tweets of the same hours that share its words (an event without a hashtag)', async () => {
    const at = (h: number) => Date.UTC(2024, 4, 10, 9) + h * 600_000;
    const notes = Array.from({ length: 8 }, (_, i) =>
      tweet(`roundtable notes: point ${i} about practice`, { id: `n${i}`, createdAt: at(i) }),
    );
    const lonely = tweet('roundtable at home tonight', { id: 'x', createdAt: Date.UTC(2023, 0, 1) });
    const c = await createClassifier({
      identity: identity(),
      zone: createZone('UTC'),
      context: buildContext([...notes, lonely]),
    });
    expect([...c.evidence(notes[3]!).keys()].some((f) => f.startsWith('time:topic-burst'))).toBe(true);
    expect([...c.evidence(lonely).keys()].some((f) => f.startsWith('time:topic-burst'))).toBe(false);
  });

  it("marks a tweet sent among the owner's tweets of an event, but not the event's only tweet by itself", async () => {
    const at = (minutes: number) => Date.UTC(2024, 4, 10, 9) + minutes * 60_000;
    const tagged = [0, 20, 50].map((m, i) =>
      tweet(`notes from the keynote #devday ${i}`, { id: `t${i}`, createdAt: at(m), hashtags: ['devday'] }),
    );
    const between = tweet('the coffee line is long', { id: 'b', createdAt: at(30) });
    const later = tweet('the coffee line is long', { id: 'l', createdAt: at(600) });
    const lone = tweet('off to #devday next week', { id: 'o', createdAt: Date.UTC(2023, 0, 1), hashtags: ['devday'] });
    const c = await createClassifier({
      identity: identity({ eventHashtags: ['devday'] }),
      zone: createZone('UTC'),
      context: archiveContext([...tagged, between, later, lone], identity({ eventHashtags: ['devday'] })),
    });
    const amid = (t: Tweet) => [...c.evidence(t).keys()].find((f) => f.startsWith('time:amid-event'));
    expect(amid(between)).toBe('time:amid-event:3-5');
    expect(amid(tagged[0]!)).toBe('time:amid-event:1-2');
    expect(amid(later)).toBeUndefined();
    expect(amid(lone)).toBeUndefined();
  });

  it('puts every piece of evidence in plain words for explain', async () => {
    const at = (minutes: number) => Date.UTC(2024, 4, 11, 9) + minutes * 60_000;
    const tweets = [
      tweet('notes from the keynote #devday, great talk 😀', { id: 'a', createdAt: at(0), hashtags: ['devday'] }),
      tweet('keynote notes part two #devday haha!!', { id: 'b', createdAt: at(10), hashtags: ['devday'] }),
      tweet('RT @news: the match tonight https://example.org/x', {
        id: 'c',
        createdAt: at(20),
        isRetweet: true,
        retweetOf: 'news',
        urls: ['https://example.org/x'],
      }),
      tweet('@friend keynote was fun? #devday', {
        id: 'd',
        createdAt: at(30),
        isReply: true,
        inReplyToScreenName: 'friend',
        mentions: ['friend'],
        hashtags: ['devday'],
      }),
    ];
    const me = identity({ eventHashtags: ['devday'] });
    const c = await createClassifier({
      identity: me,
      zone: createZone('UTC'),
      context: archiveContext(tweets, me, 'keynote speaker'),
    });
    const features = new Set(tweets.flatMap((t) => [...c.evidence(t).keys()]));
    expect(features.size).toBeGreaterThan(20);
    for (const feature of features) {
      const words = describeFeature(feature);
      expect(words, feature).not.toBe(feature);
      // No feature name ("time:hour") and no bucket ("<6", "2-3", "4+") left in the words.
      expect(words, feature).not.toMatch(/[a-z]:\S|<\d|\d\+|\d-\d/);
    }
    expect(describeFeature('time:amid-event:3-5')).toBe('3 to 5 of your tweets of an event within two hours');
    expect(describeFeature('time:hour:22+')).toBe('sent from 22 h on, your time');
    expect(describeFeature('shape:mentions:1-1')).toBe('1 other account named');
  });

  it("hears laughter in several languages, and reads nothing into a link shortener's domain", async () => {
    const c = await createClassifier({ identity: identity(), zone: createZone('UTC'), context: buildContext([]) });
    for (const text of ['kkkkk que isso', 'jajaja no puede ser', 'that was great haha', '今日は寝坊した笑'])
      expect(c.evidence(tweet(text)).has('tone:laughter')).toBe(true);
    expect(c.evidence(tweet('the hash of the commit')).has('tone:laughter')).toBe(false);
    const short = c.evidence(tweet('look http://bit.ly/abc', { urls: ['http://bit.ly/abc'] }));
    expect([...short.keys()].some((f) => f.startsWith('domain:'))).toBe(false);
    expect(short.has('shape:short-link-only')).toBe(true);
  });

  it('weighs words by their stem, so that the forms two people write meet', async () => {
    const c = await createClassifier({ identity: identity(), zone: createZone('UTC'), context: buildContext([]) });
    const words = (text: string) => [...c.evidence(tweet(text)).keys()].filter((f) => f.startsWith('w:')).sort();
    expect(words('deploying releases')).toEqual(words('deployed the release').filter((w) => w !== 'w:the'));
    expect(words('deploying releases')).not.toContain('w:deploying');
    expect(describeFeature('w:deploy')).toBe('words with the stem "deploy"');
    expect(describeFeature('w:試し')).toBe('the characters "試し"');
  });

  it('reads Latin words inside Japanese text as words, and a Japanese sentence as several words', async () => {
    const c = await createClassifier({ identity: identity(), zone: createZone('UTC'), context: buildContext([]) });
    const mixed = c.evidence(tweet('新しいpythonのライブラリを試してみた'));
    expect(mixed.has('w:python')).toBe(true);
    expect(mixed.has('w:試し')).toBe(true);
    expect(mixed.has('topic:tech')).toBe(true);
    expect(mixed.has('shape:words:4-9')).toBe(true);
  });
});

describe("the owner's field", () => {
  const words = (text: string) => [...topicWords(text)].sort();

  it('cuts Japanese and Chinese into runs of kanji and katakana, leaving the grammar and links out', () => {
    expect(words('新しいクラウドサービスの設計について http://example.com @someone')).toEqual([
      'クラウドサービス',
      '設計',
    ]);
    expect(words('the rollout of version 2 went fine')).toEqual(['fine', 'rollout', 'version', 'went']);
  });

  it('takes words that their own tweets using a word of their bio favour, not what every tweet says', () => {
    const at = (i: number) => Date.UTC(2024, 0, 1) + i * 86_400_000;
    const onField = Array.from({ length: 4 }, (_, i) =>
      tweet(`compiler passes and register allocation, part ${i}`, { id: `f${i}`, createdAt: at(i) }),
    );
    const elsewhere = Array.from({ length: 12 }, (_, i) =>
      tweet(`lovely walk along the river ${i}`, { id: `w${i}`, createdAt: at(10 + i) }),
    );
    const retweets = Array.from({ length: 4 }, (_, i) =>
      tweet(`compiler tricks for beginners ${i}`, {
        id: `r${i}`,
        createdAt: at(30 + i),
        isRetweet: true,
        retweetOf: 'someone',
      }),
    );
    const field = buildContext([...onField, ...elsewhere, ...retweets], {
      bio: 'I work on compiler internals',
    }).fieldWords;
    expect(field.has('compiler')).toBe(true);
    expect(field.has('passes')).toBe(true);
    expect(field.has('river')).toBe(false);
    // What they retweet is somebody else's words, even with a word of their bio in it.
    expect(field.has('beginners')).toBe(false);
    // Without a bio there is nothing to start from.
    expect(buildContext([...onField, ...elsewhere]).fieldWords.has('passes')).toBe(false);
  });
});

describe('topics', () => {
  it('reads what a tweet is about in several languages, and nothing in a plain remark', async () => {
    const { topicsOf } = await import('../../src/classify/topics.js');
    expect([...topicsOf(['que', 'golazo', 'do', 'flamengo'], '')]).toEqual(['sport']);
    expect(topicsOf(['nouvelle', 'saison', 'de', 'la', 'serie'], '').has('screen')).toBe(true);
    expect(topicsOf([], '今日はラーメンを食べた').has('food')).toBe(true);
    expect(topicsOf(['deploying', 'the', 'api', 'today'], '').has('tech')).toBe(true);
    expect(topicsOf(['what', 'a', 'nice', 'day'], '').size).toBe(0);
  });

  it('knows a news outlet by its site or its account name', async () => {
    const { isNewsOutlet } = await import('../../src/classify/topics.js');
    expect(isNewsOutlet(['npr.org'], undefined)).toBe(true);
    expect(isNewsOutlet([], 'citynews')).toBe(true);
    expect(isNewsOutlet(['github.com'], 'octocat')).toBe(false);
  });
});

describe('threads', () => {
  it('tells a self-reply what its thread started as', async () => {
    const first = tweet('New post on my blog: how we cut our queue times https://me.example/queues', {
      id: 't1',
      urls: ['https://me.example/queues'],
      createdAt: Date.UTC(2024, 1, 1, 9),
    });
    const second = tweet('the second trick is batching', {
      id: 't2',
      isReply: true,
      isSelfReply: true,
      inReplyToStatusId: 't1',
      createdAt: Date.UTC(2024, 1, 1, 9, 1),
    });
    const third = tweet('and the last one: measure first', {
      id: 't3',
      isReply: true,
      isSelfReply: true,
      inReplyToStatusId: 't2',
      createdAt: Date.UTC(2024, 1, 1, 9, 2),
    });
    const c = await createClassifier({
      identity: identity({ ownDomains: ['me.example'] }),
      zone: createZone('UTC'),
      context: buildContext([first, second, third]),
    });
    expect(c.evidence(third).has('thread:starts-as:promotion')).toBe(true);
    expect([...c.evidence(first).keys()].some((f) => f.startsWith('thread:'))).toBe(false);
  });
});
