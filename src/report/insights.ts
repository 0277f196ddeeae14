import { CATEGORIES, SUBCATEGORIES } from '../classify/taxonomy.js';
import { CLONE_PROMOTION_SHARE, CLONE_REPLY_SHARE, LOW_VOLUME_THRESHOLD, SPIKE_POINTS } from './constants.js';
import { subcategoryOf } from './breakdown.js';
import { formatPercent, joinWords, plural } from './format.js';
import type {
  BoringAnswer,
  Category,
  CategoryBreakdowns,
  Flag,
  FlagTally,
  Observation,
  Question,
  TargetResult,
  TermCount,
  TopicsAnswer,
  UntrustworthyAnswer,
} from './types.js';

/** What the sentences of one month are built from; all counts, nothing pre-worded. */
export interface MonthFacts {
  /** "YYYY-MM", or "YYYY-MM..YYYY-MM" for a period. */
  month: string;
  /** What `month` names, for the sentences ("this month", "this period"); default month. */
  span?: 'month' | 'period';
  total: number;
  previous: { month: string; total: number };
  categories: CategoryBreakdowns;
  /** Category and subcategory counts of the previous month; null when it had no tweets. */
  previousCounts: { categories: Record<Category, number>; subcategories: Record<string, number> } | null;
  /** Change drivers ("#tag", "@person") counted per category, this month and the previous one. */
  drivers: Record<Category, ReadonlyMap<string, number>>;
  previousDrivers: Record<Category, ReadonlyMap<string, number>> | null;
  /** Display form of a driver key ("#ccdemo11" → "#CCDemo11"). */
  displayDriver: (key: string) => string;
  flags: Record<Flag, FlagTally>;
  lateNightDrinking: number;
  targets: TargetResult[];
  goals: string[];
  topics: TopicsAnswer;
  boring: BoringAnswer;
  /** Tweets that answer someone else (self-replies, i.e. threads, excluded). */
  repliesToOthers: number;
}

/** The post's questions, in its words. */
export const QUESTION_TEXT: Record<Question['id'], string> = {
  'read-you': 'Would you want to read you?',
  persona: 'Is this the persona you want to portray?',
  topics: 'What do you really tweet about?',
  boring: 'Are you boring?',
  untrustworthy: 'Or untrustworthy?',
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function subcategoryShare(categories: CategoryBreakdowns, category: Category, subcategory: string): number {
  return subcategoryOf(categories, category, subcategory)?.share ?? 0;
}

/** The categories ordered by share, largest first; ties keep the taxonomy's order. */
function categoriesByShare(categories: CategoryBreakdowns): Category[] {
  return [...CATEGORIES].sort((a, b) => categories[b].count - categories[a].count);
}

/** "up from 3", "down from 30", "the same as in 2024-04". */
function versus(now: number, before: number): string {
  if (now > before) return `up from ${before}`;
  if (now < before) return `down from ${before}`;
  return 'unchanged';
}

/** Observation sentences, after the post's own list of thoughts on last month. */
export function buildObservations(facts: MonthFacts): Observation[] {
  const { total, categories } = facts;
  if (total === 0) {
    return [{ kind: 'empty', text: `No tweets in ${facts.month}: nothing to review.` }, ...goalObservations(facts)];
  }
  // The post asks for twenty tweets or more: below that, one line says why there is no verdict.
  if (total < LOW_VOLUME_THRESHOLD) return [{ kind: 'low-volume', text: tooFewText(facts) }];
  const observations: Observation[] = [];
  observations.push(largestObservation(categories, total));
  const promotion = categories.promotion;
  const parts = SUBCATEGORIES.promotion
    .filter((sub) => promotion.subcategories[sub].count > 0)
    .map((sub) => `${sub} ${formatPercent(subcategoryShare(categories, 'promotion', sub))}`);
  observations.push({
    kind: 'professional',
    scope: 'promotion',
    text: `${formatPercent(promotion.share)} of your tweets are professional (promotion)${parts.length > 0 ? `: ${joinWords(parts)}` : ''}.`,
  });
  for (const category of CATEGORIES) {
    const change = changeObservation(facts, category);
    if (change) observations.push(change);
  }
  for (const target of facts.targets) observations.push({ kind: 'target', scope: target.scope, text: target.text });

  const whereabouts = subcategoryShare(categories, 'personal', 'whereabouts');
  const media = subcategoryShare(categories, 'personal', 'media');
  if (whereabouts + media >= 0.1) {
    observations.push({
      kind: 'whereabouts',
      scope: 'personal',
      text: `You tell people where you are or what you watch and listen to in ${formatPercent(whereabouts + media)} of your tweets (whereabouts ${formatPercent(whereabouts)}, media ${formatPercent(media)}).`,
    });
  }
  const late = facts.flags['late-night'];
  const drinking = facts.flags.drinking;
  if (facts.lateNightDrinking > 0 || drinking.share >= 0.05 || late.share >= 0.1) {
    observations.push({
      kind: 'nightlife',
      text: nightlifeText(late, drinking, facts.lateNightDrinking),
    });
  }
  const complaint = facts.flags.complaint;
  if (complaint.share >= 0.05) {
    observations.push({
      kind: 'complaint',
      text: `${plural(complaint.count, 'tweet')} (${formatPercent(complaint.share)}) ${complaint.count === 1 ? 'complains' : 'complain'}.`,
    });
  }
  observations.push(...goalObservations(facts));
  return observations;
}

/** Why a month gets no verdict, in one line. */
export function tooFewText(facts: Pick<MonthFacts, 'month' | 'total'>): string {
  return `No verdict: only ${plural(facts.total, 'tweet')} in ${facts.month}, and a fair review needs at least ${LOW_VOLUME_THRESHOLD} or a few weeks' worth; widen the period with --from/--to or --all.`;
}

/** "3 tweets (5%) were posted late at night and 2 mention drinking; 1 is both", zero clauses left out. */
function nightlifeText(late: FlagTally, drinking: FlagTally, both: number): string {
  const parts: string[] = [];
  if (late.count > 0)
    parts.push(
      `${plural(late.count, 'tweet')} (${formatPercent(late.share)}) ${late.count === 1 ? 'was' : 'were'} posted late at night`,
    );
  if (drinking.count > 0) {
    const verb = drinking.count === 1 ? 'mentions' : 'mention';
    parts.push(
      late.count > 0
        ? `${drinking.count} ${verb} drinking`
        : `${plural(drinking.count, 'tweet')} (${formatPercent(drinking.share)}) ${verb} drinking`,
    );
  }
  const sentence = capitalize(joinWords(parts));
  return both > 0 ? `${sentence}; ${both} ${both === 1 ? 'is' : 'are'} both.` : `${sentence}.`;
}

function largestObservation(categories: CategoryBreakdowns, total: number): Observation {
  const ordered = categoriesByShare(categories);
  const top = ordered[0] as Category;
  const tied = ordered.filter((category) => categories[category].count === categories[top].count);
  const breakdown = categories[top];
  if (tied.length > 1) {
    return {
      kind: 'largest',
      scope: joinWords(tied),
      text: `${capitalize(joinWords(tied))} are tied as your largest categories at ${formatPercent(breakdown.share)} each (${breakdown.count} of ${total} tweets).`,
    };
  }
  const subs = SUBCATEGORIES[top] as readonly string[];
  const countOf = (sub: string) => subcategoryOf(categories, top, sub)?.count ?? 0;
  const mainSub = [...subs].sort((a, b) => countOf(b) - countOf(a))[0] as string;
  const mainCount = countOf(mainSub);
  return {
    kind: 'largest',
    scope: top,
    text: `${capitalize(top)} is your largest category: ${formatPercent(breakdown.share)} (${breakdown.count} of ${total} tweets), mostly ${top}/${mainSub} (${mainCount}).`,
  };
}

/** A spike or drop of ≥ SPIKE_POINTS, with what most of it came from. */
function changeObservation(facts: MonthFacts, category: Category): Observation | null {
  const breakdown = facts.categories[category];
  const points = breakdown.changePoints;
  if (points === null || Math.abs(points) < SPIKE_POINTS || !facts.previousCounts) return null;
  const rise = points > 0;
  const before = facts.previousCounts.categories[category];
  const now = breakdown.count;
  const delta = now - before;
  // The previous share as reported (4 decimals), as the change was computed from it.
  const previousShare = facts.previous.total > 0 ? Math.round((before / facts.previous.total) * 10_000) / 10_000 : 0;
  let text = `${capitalize(category)} ${rise ? 'rose' : 'dropped'} ${Math.abs(points).toFixed(1)} points to ${formatPercent(breakdown.share)} (from ${formatPercent(previousShare)} in ${facts.previous.month}): ${plural(now, 'tweet')}, ${versus(now, before)}`;
  // The count can move against the share when the month's total changes a lot; then the other
  // categories, not this one, explain the change, and no single hashtag is to thank for it.
  if ((rise && delta <= 0) || (!rise && delta >= 0)) {
    return {
      kind: rise ? 'spike' : 'drop',
      scope: category,
      text: `${text}, so the change comes from the other categories.`,
    };
  }

  const subDrivers = (SUBCATEGORIES[category] as readonly string[]).map((sub) => {
    const key = `${category}/${sub}`;
    const subNow = subcategoryOf(facts.categories, category, sub)?.count ?? 0;
    const subBefore = facts.previousCounts?.subcategories[key] ?? 0;
    return { key, now: subNow, before: subBefore, delta: subNow - subBefore };
  });
  const termDrivers: { key: string; now: number; before: number; delta: number }[] = [];
  const current = facts.drivers[category];
  const previous = facts.previousDrivers?.[category] ?? new Map<string, number>();
  for (const key of new Set([...current.keys(), ...previous.keys()])) {
    const termNow = current.get(key) ?? 0;
    const termBefore = previous.get(key) ?? 0;
    termDrivers.push({ key, now: termNow, before: termBefore, delta: termNow - termBefore });
  }
  const strongest = (list: typeof termDrivers) =>
    list
      .filter((d) => (rise ? d.delta > 0 : d.delta < 0))
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];
  const sub = strongest(subDrivers);
  const term = strongest(termDrivers);
  const word = rise ? 'rise' : 'drop';
  let driver: string | undefined;
  if (sub && Math.abs(sub.delta) >= Math.abs(delta) / 2) {
    text += `, mostly ${sub.key} (${sub.now}, ${versus(sub.now, sub.before)})`;
    driver = sub.key;
  }
  if (term && Math.abs(term.delta) >= 2 && Math.abs(term.delta) >= Math.abs(delta) / 4) {
    const share = Math.abs(term.delta) >= Math.abs(delta) / 2 ? 'most' : 'much';
    const shown = facts.displayDriver(term.key);
    text += `; ${share} of the ${word} came from ${shown} (${plural(term.now, 'tweet')}, ${versus(term.now, term.before)})`;
    driver = shown;
  }
  return { kind: rise ? 'spike' : 'drop', scope: category, text: `${text}.`, ...(driver ? { driver } : {}) };
}

function goalObservations(facts: MonthFacts): Observation[] {
  if (facts.goals.length === 0) {
    return [
      {
        kind: 'no-goals',
        text: `No goals are stated in your config; write down what your tweets are for ("goals") to judge the ${facts.span ?? 'month'} against them.`,
      },
    ];
  }
  const listed = facts.goals.map((goal, i) => `(${i + 1}) ${goal}`).join('; ');
  return [{ kind: 'goals', text: `Your goals: ${listed}. Does this ${facts.span ?? 'month'} serve them?` }];
}

const ROLE: Record<Category, string> = {
  conversation: 'a conversationalist',
  promotion: 'a promoter',
  conference: 'an event live-tweeter',
  personal: 'a personal diarist',
};

function activity(category: Category, categories: CategoryBreakdowns): string {
  const pct = formatPercent(categories[category].share);
  switch (category) {
    case 'conversation':
      return `talks with people ${pct}`;
    case 'promotion':
      return `promotes ${pct}`;
    case 'conference': {
      const chat = subcategoryShare(categories, 'conference', 'chat');
      const live = subcategoryShare(categories, 'conference', 'live');
      return chat > live ? `joins chats ${pct}` : `live-tweets events ${pct}`;
    }
    case 'personal': {
      const life = subcategoryShare(categories, 'personal', 'life');
      const out =
        subcategoryShare(categories, 'personal', 'whereabouts') + subcategoryShare(categories, 'personal', 'media');
      return out > life ? `says where they are and what they watch ${pct}` : `shares personal life ${pct}`;
    }
  }
}

/**
 * A one-sentence portrait of the month's stream, as a reader would sum it up:
 * "Mostly a conversationalist (46%), who promotes 27% and live-tweets events 12%."
 */
export function buildPortrait(facts: MonthFacts): string {
  if (facts.total === 0) return `No tweets this ${facts.span ?? 'month'}, so no portrait.`;
  const ordered = categoriesByShare(facts.categories);
  const top = ordered[0] as Category;
  const share = facts.categories[top].share;
  const lead = share >= 0.4 ? `Mostly ${ROLE[top]}` : `${capitalize(ROLE[top])} first`;
  const others = ordered.slice(1).filter((category) => facts.categories[category].share >= 0.05);
  let sentence = `${lead} (${formatPercent(share)})`;
  if (others.length > 0)
    sentence += `, who ${joinWords(others.map((category) => activity(category, facts.categories)))}`;
  const tails: string[] = [];
  if (facts.boring.duplicateShare >= 0.1)
    tails.push(`repeats itself (${formatPercent(facts.boring.duplicateShare)} of tweets)`);
  if (facts.boring.retweetShare >= 0.3) tails.push(`leans on retweets (${formatPercent(facts.boring.retweetShare)})`);
  if (facts.lateNightDrinking > 0)
    tails.push(`has ${plural(facts.lateNightDrinking, 'late-night tweet')} after drinks`);
  if (tails.length > 0) sentence += `; the stream ${joinWords(tails)}`;
  return `${sentence}.`;
}

function listTerms(terms: TermCount[], limit = 5): string {
  return terms
    .slice(0, limit)
    .map((t) => `${t.term} (${t.count})`)
    .join(', ');
}

/** Figures for the "clone" check of seed 001. */
export function judgeTrust(facts: MonthFacts): UntrustworthyAnswer {
  const promotionShare = facts.categories.promotion.share;
  const conversationShare = facts.categories.conversation.share;
  const replyShare = facts.total > 0 ? facts.repliesToOthers / facts.total : 0;
  const goalsStated = facts.goals.length > 0;
  const cloneSigns: string[] = [];
  if (promotionShare > CLONE_PROMOTION_SHARE)
    cloneSigns.push(`more than half promotion (${formatPercent(promotionShare)})`);
  if (facts.total > 0 && replyShare < CLONE_REPLY_SHARE)
    cloneSigns.push(`few replies to others (${formatPercent(replyShare)})`);
  if (!goalsStated) cloneSigns.push('no business goals stated');
  const promotionCount = facts.categories.promotion.count;
  const conversationCount = facts.categories.conversation.count;
  return {
    promotionShare,
    conversationShare,
    promotionPerConversation:
      conversationCount > 0 ? Math.round((promotionCount / conversationCount) * 100) / 100 : null,
    replyShare: Math.round(replyShare * 10_000) / 10_000,
    goalsStated,
    cloneSigns,
    looksLikeClone: cloneSigns.length === 3,
  };
}

/** What a reader meets, the zero parts left out: "37% conversation, 12% repeats and 3 bare links". */
function readerParts(facts: MonthFacts): string[] {
  const { boring } = facts;
  const parts = [`${formatPercent(facts.categories.conversation.share)} conversation`];
  if (boring.duplicateShare > 0) parts.push(`${formatPercent(boring.duplicateShare)} repeats`);
  if (boring.bareLinks > 0) parts.push(plural(boring.bareLinks, 'bare link'));
  if (boring.retweets > 0) parts.push(`${formatPercent(boring.retweetShare)} retweets`);
  return parts;
}

/** The "Are you boring?" clauses, zero counts left out. */
function boringParts(boring: BoringAnswer): string[] {
  const repeats = boring.exactDuplicates + boring.nearDuplicates;
  const kinds = [
    boring.exactDuplicates > 0 ? `${boring.exactDuplicates} exact` : '',
    boring.nearDuplicates > 0 ? `${boring.nearDuplicates} near` : '',
  ].filter((part) => part.length > 0);
  const parts = [
    repeats === 0
      ? 'No tweet repeats another'
      : `${plural(repeats, 'tweet')} (${formatPercent(boring.duplicateShare)}) ${repeats === 1 ? 'repeats' : 'repeat'} another (${joinWords(kinds)}, in ${plural(boring.duplicateGroups, 'group')})`,
  ];
  if (boring.bareLinks > 0) parts.push(`${plural(boring.bareLinks, 'link')} with no words of your own`);
  if (boring.retweets > 0) parts.push(`${formatPercent(boring.retweetShare)} retweets`);
  return parts;
}

/** The post's five questions, each answered with the month's figures. */
export function buildQuestions(facts: MonthFacts): Question[] {
  const portrait = buildPortrait(facts);
  const { boring, topics } = facts;
  const trust = judgeTrust(facts);
  const empty = facts.total === 0;
  if (!empty && facts.total < LOW_VOLUME_THRESHOLD) return tooFewQuestions(facts, portrait, trust);

  const readYou = empty
    ? `No tweets this ${facts.span ?? 'month'} to read.`
    : `A reader of your ${plural(facts.total, 'tweet')} gets ${joinWords(readerParts(facts))}.`;

  // Without goals the observations say, once, how to add them; the answer does not say it again.
  const persona =
    facts.goals.length > 0
      ? `${portrait} Set it beside your goals: ${facts.goals.map((goal, i) => `(${i + 1}) ${goal}`).join('; ')}.`
      : portrait;

  const topicParts = [
    topics.words.length > 0 ? `words: ${listTerms(topics.words)}` : '',
    topics.phrases.length > 0 ? `phrases: ${listTerms(topics.phrases)}` : '',
    topics.hashtags.length > 0 ? `hashtags: ${listTerms(topics.hashtags)}` : '',
    topics.people.length > 0 ? `people: ${listTerms(topics.people)}` : '',
    topics.domains.length > 0 ? `links to: ${listTerms(topics.domains)}` : '',
  ].filter((part) => part.length > 0);
  // Retweets are left out of every list; the answer says so where there were some.
  const basis = boring.retweets > 0 ? `In your own tweets (${plural(boring.retweets, 'retweet')} left out), ` : '';
  const topicAnswer =
    topicParts.length > 0
      ? `${basis === '' ? capitalize(topicParts.join('; ')) : basis + topicParts.join('; ')}.`
      : `Nothing used twice or more to go on this ${facts.span ?? 'month'}.`;

  const boringAnswer = empty ? 'No tweets, so nothing repeats.' : `${boringParts(boring).join('; ')}.`;

  const ratio =
    trust.promotionPerConversation === null
      ? 'no conversation at all'
      : trust.promotionPerConversation === 0
        ? 'no promotion at all'
        : `${plural(trust.promotionPerConversation, 'promotion tweet')} per conversation tweet`;
  const trustAnswer = empty
    ? 'No tweets, so no promotion to weigh.'
    : `Promotion ${formatPercent(trust.promotionShare)} against conversation ${formatPercent(trust.conversationShare)} (${ratio}); ${formatPercent(trust.replyShare)} of tweets answer others. ${
        trust.looksLikeClone
          ? `Every clone sign is there: ${joinWords(trust.cloneSigns)}; the stream may read like constant ads.`
          : trust.cloneSigns.length > 0
            ? `Clone signs: ${joinWords(trust.cloneSigns)}.`
            : 'No clone signs.'
      }`;

  return [
    { id: 'read-you', question: QUESTION_TEXT['read-you'], answer: readYou, portrait },
    { id: 'persona', question: QUESTION_TEXT.persona, answer: persona, portrait, goals: facts.goals },
    { id: 'topics', question: QUESTION_TEXT.topics, answer: topicAnswer, data: topics },
    { id: 'boring', question: QUESTION_TEXT.boring, answer: boringAnswer, data: boring },
    { id: 'untrustworthy', question: QUESTION_TEXT.untrustworthy, answer: trustAnswer, data: trust },
  ];
}

/** Below the minimum: each question says, in its own words, why it is not answered. */
function tooFewQuestions(facts: MonthFacts, portrait: string, trust: UntrustworthyAnswer): Question[] {
  const few = plural(facts.total, 'tweet');
  return [
    {
      id: 'read-you',
      question: QUESTION_TEXT['read-you'],
      answer: `Not judged on ${few}: a reader would need more to go on.`,
      portrait,
    },
    {
      id: 'persona',
      question: QUESTION_TEXT.persona,
      answer: `A persona cannot be drawn from ${few}.`,
      portrait,
      goals: facts.goals,
    },
    {
      id: 'topics',
      question: QUESTION_TEXT.topics,
      answer: `Too few tweets to tell a subject from a one-off.`,
      data: facts.topics,
    },
    {
      id: 'boring',
      question: QUESTION_TEXT.boring,
      answer: `Repeats and bare links mean little over ${few}.`,
      data: facts.boring,
    },
    {
      id: 'untrustworthy',
      question: QUESTION_TEXT.untrustworthy,
      answer: `Promotion against conversation is not weighed on ${few}.`,
      data: trust,
    },
  ];
}
