import { beforeEach, describe, expect, it } from 'vitest';
import { checkTargets, renderers } from '../../src/report/index.js';
import type { MonthReport, Question } from '../../src/report/index.js';
import { aggregate, classified, filler, postLikeArchive, resetIds, times } from './fixtures.js';

beforeEach(() => resetIds());

function may(config = {}): MonthReport {
  const month = aggregate(postLikeArchive(), { detailMonths: ['2024-05'], config }).months[0];
  if (!month) throw new Error('no month');
  return month;
}

function question<I extends Question['id']>(month: MonthReport, id: I): Extract<Question, { id: I }> {
  const found = month.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found as Extract<Question, { id: I }>;
}

describe('observations', () => {
  it('names the largest category first, with its share and n', () => {
    const largest = may().observations.find((o) => o.kind === 'largest');
    expect(largest).toMatchObject({ scope: 'conversation' });
    expect(largest?.text).toBe(
      'Conversation is your largest category: 39% (24 of 62 tweets), mostly conversation/reply (24).',
    );
  });

  it('says when categories tie for largest', () => {
    const tweets = [
      ...times(10, () => ({ label: 'promotion/self' })),
      ...times(10, () => ({ label: 'personal/life' })),
    ];
    const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0];
    expect(month?.observations.find((o) => o.kind === 'largest')?.text).toMatch(/^Promotion and personal are tied/);
  });

  it('explains a spike by the hashtag most of it came from', () => {
    const spike = may().observations.find((o) => o.kind === 'spike');
    expect(spike?.scope).toBe('conference');
    expect(spike?.driver).toBe('#CCDemo11');
    expect(spike?.text).toContain('Conference rose 17.6 points to 23% (from 5% in 2024-04)');
    expect(spike?.text).toContain('mostly conference/chat (14, up from 0)');
    expect(spike?.text).toContain('most of the rise came from #CCDemo11 (14 tweets, up from 0)');
  });

  it('explains a drop by the person it came from', () => {
    const tweets = [
      ...times(30, (i) => ({
        month: '2024-04',
        label: 'conversation/reply',
        mentions: ['bob'],
        text: `@bob ${filler(i)}`,
      })),
      ...times(20, (i) => ({ month: '2024-04', label: 'personal/life', text: filler(i + 50) })),
      ...times(5, (i) => ({
        month: '2024-05',
        label: 'conversation/reply',
        mentions: ['ann'],
        text: `@ann ${filler(i + 100)}`,
      })),
      ...times(25, (i) => ({ month: '2024-05', label: 'personal/life', text: filler(i + 150) })),
    ];
    const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0];
    const drop = month?.observations.find((o) => o.kind === 'drop');
    expect(drop?.scope).toBe('conversation');
    expect(drop?.driver).toBe('@bob');
    expect(drop?.text).toContain('most of the drop came from @bob (0 tweets, down from 30)');
  });

  it('does not credit a hashtag when the share moved only because the total did', () => {
    const drop = may().observations.find((o) => o.kind === 'drop');
    expect(drop?.scope).toBe('conversation');
    expect(drop?.driver).toBeUndefined();
    expect(drop?.text).toContain('24 tweets, up from 20, so the change comes from the other categories');
  });

  it('stays quiet about changes under 10 points', () => {
    // Personal moved -8.7 points.
    expect(may().observations.some((o) => o.scope === 'personal' && (o.kind === 'spike' || o.kind === 'drop'))).toBe(
      false,
    );
  });

  it('states the professional share with its parts', () => {
    expect(may().observations.find((o) => o.kind === 'professional')?.text).toBe(
      '27% of your tweets are professional (promotion): self 15%, employer 3% and sharing 10%.',
    );
  });

  it('notes late-night drinking, as the post does', () => {
    expect(may().observations.find((o) => o.kind === 'nightlife')?.text).toBe(
      '3 tweets (5%) were posted late at night and 3 mention drinking; 3 are both.',
    );
  });

  it('speaks of one tweet in the singular', () => {
    const tweets = [
      ...times(19, (i) => ({ text: filler(i) })),
      ...times(1, () => ({ hour: 2, flags: ['late-night', 'drinking', 'complaint'] })),
    ];
    const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0];
    expect(month?.observations.find((o) => o.kind === 'nightlife')?.text).toBe(
      '1 tweet (5%) was posted late at night and 1 mentions drinking; 1 is both.',
    );
    expect(month?.observations.find((o) => o.kind === 'complaint')?.text).toBe('1 tweet (5%) complains.');
  });

  it('lists the goals, or says there are none', () => {
    const goals = ['Establish myself as a customer service leader', 'Meet interesting people'];
    expect(may({ goals }).observations.at(-1)?.text).toBe(
      'Your goals: (1) Establish myself as a customer service leader; (2) Meet interesting people. Does this month serve them?',
    );
    expect(may().observations.at(-1)?.kind).toBe('no-goals');
  });
});

describe('targets', () => {
  const targets = [
    { scope: 'promotion/employer' as const, min: 0.1 },
    { scope: 'promotion' as const, min: 0.2, max: 0.35 },
    { scope: 'personal' as const, max: 0.05 },
  ];

  it('says whether each target is met and by how much it is missed', () => {
    const month = may({ targets });
    expect(month.targets.map((t) => [t.scope, t.status, t.points])).toEqual([
      ['promotion/employer', 'below', 6.8],
      ['promotion', 'met', 0],
      ['personal', 'above', 6.3],
    ]);
    expect(month.targets[0]?.text).toBe('promotion/employer is 3.2%, 6.8 points under your target of at least 10%.');
    expect(month.targets[1]?.text).toBe('promotion is 27.4%, within your target of 20–35%.');
    expect(month.targets[2]?.text).toBe('personal is 11.3%, 6.3 points over your target of at most 5%.');
    expect(month.observations.filter((o) => o.kind === 'target').map((o) => o.text)).toEqual(
      month.targets.map((t) => t.text),
    );
  });

  it('fails the check when any target is missed, passes when all are met', () => {
    const report = aggregate(postLikeArchive(), { detailMonths: ['2024-05'], config: { targets } });
    const check = checkTargets(report);
    expect(check.ok).toBe(false);
    expect(check.results).toHaveLength(3);
    resetIds();
    const met = aggregate(postLikeArchive(), {
      detailMonths: ['2024-05'],
      config: { targets: [targets[1] as (typeof targets)[number]] },
    });
    expect(checkTargets(met).ok).toBe(true);
  });

  it('cannot judge a month without tweets, and rejects a scope that names nothing', () => {
    const report = aggregate(
      times(5, () => ({ month: '2024-04' })),
      {
        detailMonths: ['2024-05'],
        config: {
          targets: [
            { scope: 'promotion', min: 0.1 },
            { scope: 'promotion/ads', min: 0.1 },
          ],
        },
      },
    );
    const [empty, unknown] = report.months[0]?.targets ?? [];
    expect(empty?.status).toBe('no-data');
    expect(unknown?.status).toBe('invalid-scope');
    expect(checkTargets(report).ok).toBe(false);
  });
});

describe('the five questions', () => {
  it("asks them in the post's order", () => {
    expect(may().questions.map((q) => q.question)).toEqual([
      'Would you want to read you?',
      'Is this the persona you want to portray?',
      'What do you really tweet about?',
      'Are you boring?',
      'Or untrustworthy?',
    ]);
  });

  it('draws a portrait from the figures', () => {
    expect(question(may(), 'read-you').portrait).toBe(
      'A conversationalist first (39%), who promotes 27%, joins chats 23% and says where they are and what they watch 11%; the stream has 3 late-night tweets after drinks.',
    );
  });

  it('sets the persona beside the goals', () => {
    const persona = question(may({ goals: ['Meet interesting people'] }), 'persona');
    expect(persona.goals).toEqual(['Meet interesting people']);
    expect(persona.answer).toContain('Set it beside your goals: (1) Meet interesting people.');
  });

  it('counts repeats, bare links and retweets for "are you boring"', () => {
    const boring = question(may(), 'boring');
    expect(boring.data).toEqual({
      exactDuplicates: 2,
      nearDuplicates: 1,
      duplicateGroups: 1,
      duplicateShare: 0.0484,
      bareLinks: 0,
      retweets: 6,
      retweetShare: 0.0968,
    });
    expect(boring.answer).toBe('3 tweets (5%) repeat another (2 exact and 1 near, in 1 group); 10% retweets.');
  });

  it('finds no clone in the post-like month', () => {
    const trust = question(may({ goals: ['x'] }), 'untrustworthy');
    expect(trust.data).toMatchObject({
      promotionPerConversation: 0.71,
      cloneSigns: [],
      looksLikeClone: false,
      goalsStated: true,
    });
  });

  it('spots the clone of "constant ads": mostly promotion, few replies, no goals', () => {
    const tweets = [
      ...times(18, (i) => ({
        label: 'promotion/employer',
        text: `Buy our product today ${filler(i)} https://shop.example.com/${i}`,
        urls: [`https://shop.example.com/${i}`],
      })),
      ...times(2, (i) => ({ label: 'personal/life', text: filler(i + 40) })),
    ];
    const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0];
    if (!month) throw new Error('no month');
    const trust = question(month, 'untrustworthy');
    expect(trust.data.looksLikeClone).toBe(true);
    expect(trust.data.promotionPerConversation).toBeNull();
    expect(trust.data.cloneSigns).toEqual([
      'more than half promotion (90%)',
      'few replies to others (0%)',
      'no business goals stated',
    ]);
    expect(trust.answer).toContain('the stream may read like constant ads');
  });
});

describe('wording a person would write', () => {
  const sentences = (text: string) =>
    text
      .split(/(?<=[.!?])\s+/)
      .map((t) => t.trim())
      .filter((t) => t.length > 0);

  it.each([
    ['the post-like month', () => may()],
    ['a month with goals', () => may({ goals: ['Promote my blog'] })],
    ['a month without tweets', () => aggregate(postLikeArchive(), { detailMonths: ['2024-07'] }).months[0]!],
    [
      'a month under 20 tweets',
      () =>
        aggregate(
          times(12, () => ({})),
          { detailMonths: ['2024-05'] },
        ).months[0]!,
    ],
  ])('no two answers of %s share a sentence', (_name, make) => {
    const month = make();
    const seen = new Map<string, string>();
    for (const q of month.questions) {
      for (const sentence of sentences(q.answer)) {
        expect(seen.get(sentence), `"${sentence}" in ${q.id} and ${seen.get(sentence)}`).toBeUndefined();
        seen.set(sentence, q.id);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it('agrees in number: no "1 … tweets", no "N … tweet" for N other than 1', () => {
    const one = [
      ...times(20, () => ({
        label: 'conversation/reply',
        isReply: true,
        inReplyToScreenName: 'ann',
        mentions: ['ann'],
      })),
      ...times(20, () => ({ label: 'promotion/self' })),
      classified({ label: 'personal/life', hour: 1, flags: ['late-night', 'drinking'] }),
    ];
    const texts = (m: MonthReport) => [...m.observations.map((o) => o.text), ...m.questions.map((q) => q.answer)];
    const all = [
      ...texts(aggregate(one, { detailMonths: ['2024-05'] }).months[0]!),
      ...texts(may()),
      ...texts(may({ goals: ['x'] })),
    ];
    expect(all.join('\n')).toContain('1 promotion tweet per conversation tweet');
    for (const text of all) {
      expect(text).not.toMatch(/(?<![\d.])1 (?:[a-z-]+ )?(tweets|links|groups|bare links|mention\b|are both|were)/);
      expect(text).not.toMatch(/(?<![\d.])(?:[02-9]|\d{2,}) (?:[a-z-]+ )?(tweet|link|group|bare link)\b(?! per)/);
    }
  });

  it('leaves out zero clauses: no "0 mention drinking", no "0 are both"', () => {
    const tweets = [
      ...times(20, () => ({ label: 'conversation/reply' })),
      ...times(5, (i) => ({ label: 'personal/life', hour: 1, day: 1 + i, flags: ['late-night'] })),
    ];
    const month = aggregate(tweets, { detailMonths: ['2024-05'] }).months[0]!;
    const night = month.observations.find((o) => o.kind === 'nightlife');
    expect(night?.text).toBe('5 tweets (20%) were posted late at night.');
    for (const text of [...month.observations.map((o) => o.text), ...month.questions.map((q) => q.answer)]) {
      expect(text).not.toMatch(/(?<![\d.])0 (?!%)/);
    }
  });

  it('says how to add goals once per report, not in every month nor in the answers', () => {
    const tweets = [...times(25, () => ({ month: '2024-04' })), ...times(25, () => ({ month: '2024-05' }))];
    const report = aggregate(tweets, { detailMonths: ['2024-04', '2024-05'] });
    // Each month's data keeps it (a month reads the same alone); a report of several says it once.
    for (const m of report.months) expect(m.observations.filter((o) => o.kind === 'no-goals')).toHaveLength(1);
    for (const format of ['table', 'markdown', 'html'] as const) {
      const text = renderers[format](report, { color: null, width: 200 });
      expect(text.split('No goals are stated').length - 1, format).toBe(1);
    }
    for (const m of report.months) expect(question(m, 'persona').answer).not.toMatch(/goal/i);
  });
});
