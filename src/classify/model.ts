import type { Tweet } from '../model/tweet.js';
import type { Nlp } from './nlp.js';
import { CATEGORIES, SUBCATEGORIES, type Category, type Label } from './taxonomy.js';
import type { TweetText } from './text.js';

/** "category/subcategory", the model's class key. */
export type LabelKey = `${Category}/${string}`;

/** Every label of the taxonomy, as class keys, in taxonomy order. */
export const LABEL_KEYS: readonly LabelKey[] = CATEGORIES.flatMap((category) =>
  SUBCATEGORIES[category].map((subcategory) => `${category}/${subcategory}` as LabelKey),
);

export function labelKey(label: Label): LabelKey {
  return `${label.category}/${label.subcategory}`;
}

export function labelFromKey(key: LabelKey): Label {
  const [category, subcategory] = key.split('/') as [Category, string];
  return { category, subcategory } as Label;
}

/** What the model thinks of one tweet. */
export interface ModelScores {
  /** Probability of each label, summing to 1. */
  labels: Readonly<Record<LabelKey, number>>;
  /** Probability of each category (sum of its labels). */
  categories: Readonly<Record<Category, number>>;
  /** The most probable category and, within it, the most probable subcategory. */
  best: Label;
  /** Probability of `best.category`. */
  probability: number;
}

/** Words shorter than this carry no meaning for the model (articles, "a", "y", "à"), digits aside. */
const MIN_WORD_LENGTH = 2;
/** Tweets longer than this many words read as explanations, shorter than SHORT as quips. */
const LONG = 25;
const SHORT = 4;

/**
 * The model's view of a tweet: cached stems of its words, its emoji, its shape (reply, thread,
 * retweet, link, media, length) and which word lists matched. Each feature counts once per tweet:
 * tweets are short, and presence says more than repetition.
 */
export function modelFeatures(tweet: Tweet, text: TweetText, nlp: Nlp): string[] {
  const features = new Set<string>();
  for (const word of text.words) {
    if (word.length < MIN_WORD_LENGTH && !/\d/.test(word)) continue;
    features.add(nlp.stem(text.lang, word));
  }
  for (const emoji of text.emoji) features.add(emoji);
  if (tweet.isRetweet) features.add('~retweet');
  if (tweet.isReply) features.add(tweet.isSelfReply ? '~thread' : '~reply');
  if (tweet.urls.length > 0) features.add('~link');
  if (tweet.mediaCount > 0) features.add('~media');
  if (text.bodyMentions.length > 0) features.add('~mention');
  if (tweet.hashtags.length > 0) features.add('~hashtag');
  if (text.body.includes('?')) features.add('~question');
  if (text.words.length === 0) features.add('~empty');
  else if (text.words.length <= SHORT) features.add('~short');
  else if (text.words.length >= LONG) features.add('~long');
  for (const lexicon of text.hits.keys()) features.add(`lex:${lexicon}`);
  return [...features];
}

/**
 * A multinomial naive Bayes over the features above, hand-rolled: natural's BayesClassifier
 * tokenizes and stems every text again with its own (English) stemmer on each call, which is both
 * slower and blind to our structural features. Laplace smoothing (alpha) keeps unseen features
 * neutral; it learns incrementally, so user labels can be added after training.
 */
export class NaiveBayes {
  private readonly counts = new Map<LabelKey, Map<string, number>>();
  private readonly totals = new Map<LabelKey, number>();
  private readonly docs = new Map<LabelKey, number>();
  private readonly vocabulary = new Set<string>();
  private documents = 0;

  constructor(private readonly alpha = 0.5) {}

  /** Adds one labeled example. */
  learn(features: readonly string[], label: LabelKey): void {
    let counts = this.counts.get(label);
    if (!counts) this.counts.set(label, (counts = new Map()));
    for (const feature of features) {
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
      this.vocabulary.add(feature);
    }
    this.totals.set(label, (this.totals.get(label) ?? 0) + features.length);
    this.docs.set(label, (this.docs.get(label) ?? 0) + 1);
    this.documents++;
  }

  /** Number of examples learned. */
  get size(): number {
    return this.documents;
  }

  /** Probabilities of every label of the taxonomy (labels never seen get none). */
  score(features: readonly string[]): ModelScores {
    const labels = {} as Record<LabelKey, number>;
    const logs: [LabelKey, number][] = [];
    const vocabulary = this.vocabulary.size + 1;
    let max = -Infinity;
    for (const key of LABEL_KEYS) {
      const docs = this.docs.get(key);
      if (!docs) continue;
      const counts = this.counts.get(key)!;
      const denominator = Math.log(this.totals.get(key)! + this.alpha * vocabulary);
      let log = Math.log(docs / this.documents);
      for (const feature of features) {
        // Features no label has seen cancel out across labels; skipping them is exact and faster.
        if (!this.vocabulary.has(feature)) continue;
        log += Math.log((counts.get(feature) ?? 0) + this.alpha) - denominator;
      }
      logs.push([key, log]);
      if (log > max) max = log;
    }
    let sum = 0;
    for (const [, log] of logs) sum += Math.exp(log - max);
    for (const key of LABEL_KEYS) labels[key] = 0;
    for (const [key, log] of logs) labels[key] = Math.exp(log - max) / sum;
    return summarize(labels);
  }

  /** A plain-data copy, to compare models (the shipped corpus trains the same model every time). */
  toJSON(): { alpha: number; documents: number; labels: Record<string, { docs: number; total: number; counts: Record<string, number> }> } {
    const labels: Record<string, { docs: number; total: number; counts: Record<string, number> }> = {};
    for (const key of [...this.docs.keys()].sort()) {
      const counts = Object.fromEntries([...this.counts.get(key)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      labels[key] = { docs: this.docs.get(key)!, total: this.totals.get(key)!, counts };
    }
    return { alpha: this.alpha, documents: this.documents, labels };
  }
}

function summarize(labels: Record<LabelKey, number>): ModelScores {
  const categories = {} as Record<Category, number>;
  let bestCategory: Category = 'personal';
  let bestSum = -1;
  for (const category of CATEGORIES) {
    let sum = 0;
    for (const subcategory of SUBCATEGORIES[category]) sum += labels[`${category}/${subcategory}`] ?? 0;
    categories[category] = sum;
    if (sum > bestSum) {
      bestCategory = category;
      bestSum = sum;
    }
  }
  let bestKey: LabelKey = `${bestCategory}/${SUBCATEGORIES[bestCategory][0]}`;
  for (const subcategory of SUBCATEGORIES[bestCategory]) {
    const key: LabelKey = `${bestCategory}/${subcategory}`;
    if ((labels[key] ?? 0) > (labels[bestKey] ?? 0)) bestKey = key;
  }
  return { labels, categories, best: labelFromKey(bestKey), probability: bestSum };
}
