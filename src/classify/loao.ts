import type { LabeledArchive } from './corpus.js';
import { evaluate, type EvalPair } from './evaluate.js';
import { chooseLabel, personalize, scoreLearned, trainLearned } from './learned.js';
import type { LinearModel } from './logistic.js';
import { labelFromKey, type LabelKey } from './model.js';

/** One archive scored by a model trained on the other archives only. */
export interface ArchiveScore {
  name: string;
  labeled: number;
  /** The rules alone (the classifier before the learned model). */
  rules: { accuracy: number; macroF1: number };
  /** sureAccuracy: the category accuracy on the labels their annotator marked sure. */
  learned: { accuracy: number; macroF1: number; subcategoryAccuracy: number; sureAccuracy: number };
}

/** Among tweets given a confidence in [from, to): how many, and how many were right. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  correct: number;
}

export interface LeaveOneOut {
  archives: ArchiveScore[];
  reliability: ReliabilityBin[];
  /** What a user's own labels add, when asked for (one model per archive serves both). */
  lift: LiftScore[];
}

/** How many of a user's labels, drawn at random how many times, for the lift. */
export interface LiftOptions {
  given: number;
  draws: number;
  /** How many of the model's wrong answers a user corrects, in the second measure. */
  corrections: number;
}

/** The lift as `npm run eval` and the tests measure it: 3 draws put one model 0.3 points off its figure over 10. */
export const LIFT: LiftOptions = { given: 50, draws: 10, corrections: 10 };

const BINS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

/** "promotion/sharing" -> "promotion". */
const category = (label: string) => label.split('/')[0];

function pair(id: string, expected: LabelKey, actual: LabelKey): EvalPair {
  const e = labelFromKey(expected);
  return { id, expected: { category: e.category, subcategory: e.subcategory }, actual: labelFromKey(actual) };
}

/** Scores each archive with a model trained on the others' labels only. */
export function leaveOneArchiveOut(archives: readonly LabeledArchive[], liftOptions?: LiftOptions): LeaveOneOut {
  const scores: ArchiveScore[] = [];
  const lift: LiftScore[] = [];
  const reliability: ReliabilityBin[] = BINS.slice(0, -1).map((from, i) => ({
    from,
    to: Math.min(1, BINS[i + 1]!),
    count: 0,
    correct: 0,
  }));
  for (const held of archives) {
    const model = trainLearned(archives.filter((a) => a !== held).map((a) => a.tweets));
    const learnedPairs: EvalPair[] = [];
    const rulePairs: EvalPair[] = [];
    let sure = 0;
    let sureRight = 0;
    // Whether the model's best label has the right category, tweet by tweet: the lift starts from it.
    const right: boolean[] = [];
    for (const tweet of held.tweets) {
      const scored = scoreLearned(model, tweet.evidence);
      const chosen = chooseLabel(scored, tweet.rules);
      learnedPairs.push(pair(tweet.id, tweet.label, chosen));
      if (tweet.sure) {
        sure++;
        if (category(chosen) === category(tweet.label)) sureRight++;
      }
      rulePairs.push(pair(tweet.id, tweet.label, tweet.rules));
      const bin = reliability.find(
        (b) => scored.probability >= b.from && scored.probability < BINS[BINS.indexOf(b.from) + 1]!,
      )!;
      bin.count++;
      right.push(category(scored.best) === category(tweet.label));
      if (right.at(-1)) bin.correct++;
    }
    if (liftOptions && held.tweets.length > liftOptions.given) lift.push(liftOf(held, model, right, liftOptions));
    const learned = evaluate(learnedPairs);
    const rules = evaluate(rulePairs);
    scores.push({
      name: held.name,
      labeled: held.tweets.length,
      rules: { accuracy: rules.accuracy, macroF1: rules.macroF1 },
      learned: {
        accuracy: learned.accuracy,
        macroF1: learned.macroF1,
        subcategoryAccuracy: learned.subcategoryAccuracy,
        sureAccuracy: sure === 0 ? Number.NaN : sureRight / sure,
      },
    });
  }
  return {
    archives: scores.sort((a, b) => a.learned.accuracy - b.learned.accuracy || a.name.localeCompare(b.name)),
    reliability,
    lift,
  };
}

export interface LiftScore {
  name: string;
  /** Accuracy on the other tweets before and after `given` labels drawn at random. */
  before: number;
  after: number;
  /** The same before and after `corrections` of the model's wrong answers (the tweets a user would fix). */
  beforeCorrections: number;
  afterCorrections: number;
}

/**
 * What a user's own labels are worth: the model trained on the other archives, corrected with
 * labels of this archive, scored on its other tweets (category accuracy), averaged over `draws`
 * seeded draws: `given` labels drawn at random, and `corrections` tweets the model got wrong
 * (`right`: whether the model's category is right, tweet by tweet).
 */
function liftOf(held: LabeledArchive, model: LinearModel, right: readonly boolean[], options: LiftOptions): LiftScore {
  const random = { before: 0, after: 0, scored: 0 };
  const corrected = { before: 0, after: 0, scored: 0 };
  const measure = (labeled: readonly number[], into: typeof random) => {
    const mine = new Set(labeled);
    const personal = personalize(
      model,
      labeled.map((i) => held.tweets[i]!),
    );
    held.tweets.forEach((tweet, i) => {
      if (mine.has(i)) return;
      if (right[i]) into.before++;
      if (category(scoreLearned(personal, tweet.evidence).best) === category(tweet.label)) into.after++;
      into.scored++;
    });
  };
  for (let draw = 0; draw < options.draws; draw++) {
    const order = shuffled(held.tweets.length, draw * 7919 + 1);
    measure(order.slice(0, options.given), random);
    measure(order.filter((i) => !right[i]).slice(0, options.corrections), corrected);
  }
  return {
    name: held.name,
    before: random.before / random.scored,
    after: random.after / random.scored,
    beforeCorrections: corrected.before / corrected.scored,
    afterCorrections: corrected.after / corrected.scored,
  };
}

/** 0..n-1 in a seeded random order (Fisher-Yates over a linear congruential generator). */
export function shuffled(n: number, seed: number): number[] {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
