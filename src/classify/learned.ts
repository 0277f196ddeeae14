import { readFileSync } from 'node:fs';
import type { Evidence } from './evidence.js';
import { predict, train, type Example, type LinearModel, type WeightRow } from './logistic.js';
import { CATEGORY_OF, LABEL_INDEX, LABEL_KEYS, type LabelKey } from './model.js';
import { CATEGORIES, type Category } from './taxonomy.js';

/**
 * The learned model: logistic regression over the evidence of a tweet (evidence.ts) plus what
 * the rules alone decided, trained on hand-labeled tweets of real archives (scripts/train.js).
 * The settings below were chosen by leave-one-archive-out evaluation (`npm run eval`).
 */
export const SETTINGS = {
  /** L2 penalty of the shipped model. */
  l2: 0.001,
  epochs: 150,
  /** A feature gets a weight only when tweets of this many labeled archives have it: words one person alone uses say nothing about the next. */
  minArchives: 2,
  /** Penalty of the weights a category's subcategories share (logistic.ts groups). */
  groupL2: 0.001,
  /**
   * A user's labels fit a correction to the shipped model, pulled towards it this hard when there
   * are `userLabels` of them; with n labels, userL2 × userLabels / n: the fewer the labels, the
   * more the shipped model weighs against them.
   */
  userL2: 0.01,
  userLabels: 50,
  userEpochs: 100,
  userLearningRate: 0.05,
} as const;

/** Weights smaller than this are left out of the shipped file: they move no decision. */
const PRUNE = 0.005;
const DIGITS = 1e4;

/** Adds the label the rules alone gave to the evidence: the model learns when to trust them. */
export function addRules(evidence: Evidence, rules: LabelKey): Evidence {
  evidence.set(`rules:${rules}`, 1);
  evidence.set(`rules:${rules.split('/')[0]}`, 1);
  return evidence;
}

export interface TrainingTweet {
  label: LabelKey;
  evidence: Evidence;
}

/** Trains on labeled tweets of several archives, each archive weighing the same in all. */
export function trainLearned(archives: readonly (readonly TrainingTweet[])[]): LinearModel {
  const seenIn = new Map<string, number>();
  for (const tweets of archives) {
    const seen = new Set<string>();
    for (const tweet of tweets) for (const feature of tweet.evidence.keys()) seen.add(feature);
    for (const feature of seen) seenIn.set(feature, (seenIn.get(feature) ?? 0) + 1);
  }
  const examples: Example[] = archives.flatMap((tweets) =>
    tweets.map((tweet) => ({
      evidence: tweet.evidence,
      label: LABEL_KEYS.indexOf(tweet.label),
      weight: 1 / tweets.length,
    })),
  );
  return train(examples, {
    classes: LABEL_KEYS,
    l2: SETTINGS.l2,
    epochs: SETTINGS.epochs,
    keep: (feature) => !feature.startsWith('u:') && (seenIn.get(feature) ?? 0) >= SETTINGS.minArchives,
    groups: { of: CATEGORY_OF, l2: SETTINGS.groupL2 },
  });
}

/**
 * The model corrected by one person's own labels: their labels weigh against the shipped model's
 * prior only, and what is about them alone ("u:" features: an account they retweet, a domain they
 * link, a hashtag, any word) gets a weight from their labels.
 */
export function personalize(model: LinearModel, labeled: readonly TrainingTweet[]): LinearModel {
  if (labeled.length === 0) return model;
  const examples = labeled.map((tweet) => ({
    evidence: tweet.evidence,
    label: LABEL_KEYS.indexOf(tweet.label),
    weight: 1,
  }));
  return train(examples, {
    classes: LABEL_KEYS,
    l2: (SETTINGS.userL2 * SETTINGS.userLabels) / labeled.length,
    epochs: SETTINGS.userEpochs,
    learningRate: SETTINGS.userLearningRate,
    prior: model,
  });
}

export interface LearnedScores {
  /** Probability of each label. */
  labels: Record<LabelKey, number>;
  categories: Record<Category, number>;
  best: LabelKey;
  /** Probability of best's category. */
  probability: number;
}

/** predict's output, reused: scoreLearned reads it into `labels` before the next tweet's. */
let scratch = new Float64Array(0);

export function scoreLearned(model: LinearModel, evidence: Evidence): LearnedScores {
  if (scratch.length !== model.classes.length) scratch = new Float64Array(model.classes.length);
  const p = predict(model, evidence, scratch);
  const labels = {} as Record<LabelKey, number>;
  const totals = [0, 0, 0, 0];
  for (let i = 0; i < model.classes.length; i++) {
    const key = model.classes[i] as LabelKey;
    labels[key] = p[i]!;
    totals[CATEGORY_OF[LABEL_INDEX.get(key)!]!]! += p[i]!;
  }
  let category = 0;
  for (let c = 1; c < CATEGORIES.length; c++) if (totals[c]! > totals[category]!) category = c;
  let best: LabelKey | undefined;
  for (let i = 0; i < LABEL_KEYS.length; i++) {
    const key = LABEL_KEYS[i]!;
    if (CATEGORY_OF[i] === category && (best === undefined || labels[key]! > labels[best]!)) best = key;
  }
  const [conversation, promotion, conference, personal] = totals as [number, number, number, number];
  return {
    labels,
    categories: { conversation, promotion, conference, personal },
    best: best!,
    probability: totals[category]!,
  };
}

/**
 * Subcategories too rare in the labels for the model to learn, which the rules recognise by their
 * form (a Q1/A1 chat, a job post).
 */
const RULES_KNOW_BETTER = new Set<string>(['conference/chat', 'promotion/jobs']);

/** The learned model's label, or the rules' where they name a rare subcategory of the same category. */
export function chooseLabel(scores: LearnedScores, rules: LabelKey): LabelKey {
  return RULES_KNOW_BETTER.has(rules) && rules.split('/')[0] === scores.best.split('/')[0] ? rules : scores.best;
}

/** The features that pushed most towards `label` in this tweet, strongest first. */
export function reasons(
  model: LinearModel,
  evidence: Evidence,
  label: LabelKey,
  count = 5,
): { feature: string; weight: number }[] {
  const c = model.classes.indexOf(label);
  const out: { feature: string; weight: number }[] = [];
  for (const [feature, value] of evidence) {
    const row = model.weights.get(feature);
    if (!row) continue;
    // Weight towards this label relative to the mean over labels: what sets it apart.
    let sum = 0;
    for (let i = 0; i < row.length; i++) sum += row[i]!;
    const mean = sum / row.length;
    out.push({ feature, weight: (row[c]! - mean) * value });
  }
  return out.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature)).slice(0, count);
}

/** The model as the JSON text of data/learned-model.json: rounded, pruned, keys sorted, one feature a line. */
export function serializeLearned(model: LinearModel): string {
  const round = (w: number) => Math.round(w * DIGITS) / DIGITS;
  const lines = [...model.weights]
    .filter(([, row]) => row.some((w) => Math.abs(w) >= PRUNE))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([feature, row]) => `    ${JSON.stringify(feature)}: ${JSON.stringify(Array.from(row, round))}`);
  return `{\n  "classes": ${JSON.stringify(model.classes)},\n  "bias": ${JSON.stringify([...model.bias].map(round))},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function parseLearned(text: string): LinearModel {
  const json = JSON.parse(text) as { classes: string[]; bias: number[]; weights: Record<string, number[]> };
  // The parsed rows serve as they are: copying ~7,000 of them into typed arrays took as long as
  // parsing the file, and their garbage more.
  const weights = new Map<string, WeightRow>();
  for (const feature in json.weights) weights.set(feature, json.weights[feature]!);
  return { classes: json.classes, bias: Float64Array.from(json.bias), weights };
}

let shipped: LinearModel | undefined;

/** The shipped model, data/learned-model.json, read once. */
export function loadLearned(): LinearModel {
  shipped ??= parseLearned(readFileSync(new URL('../../data/learned-model.json', import.meta.url), 'utf8'));
  return shipped;
}
