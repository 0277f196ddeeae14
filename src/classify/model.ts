import type { Tweet } from '../model/tweet.js';
import type { Nlp } from './nlp.js';
import { CATEGORIES, SUBCATEGORIES, type Category, type Label } from './taxonomy.js';
import { LEXICON_IDS, type LexiconId } from './lexicons.js';
import { langIndex, MODEL_ROWS_AT, modelSlots, type TweetText, type WordInfo } from './text.js';

/** "category/subcategory", the model's class key. */
export type LabelKey = `${Category}/${string}`;

/** Every label of the taxonomy, as class keys, in taxonomy order. */
export const LABEL_KEYS: readonly LabelKey[] = CATEGORIES.flatMap((category) =>
  SUBCATEGORIES[category].map((subcategory) => `${category}/${subcategory}` as LabelKey),
);
const LABELS: readonly Label[] = LABEL_KEYS.map(labelFromKey);
export const LABEL_INDEX = new Map<string, number>(LABEL_KEYS.map((key, i) => [key, i]));
/** Each label by its key, split once rather than for every tweet labeled. */
export const LABEL_OF = new Map<string, Label>(LABEL_KEYS.map((key, i) => [key, LABELS[i]!]));
/** Each label's category, as an index into CATEGORIES. */
export const CATEGORY_OF: readonly number[] = LABELS.map((label) => CATEGORIES.indexOf(label.category));

export function labelKey(label: Label): LabelKey {
  return `${label.category}/${label.subcategory}`;
}

export function labelFromKey(key: LabelKey): Label {
  const [category, subcategory] = key.split('/') as [Category, string];
  return { category, subcategory } as Label;
}

/** What the model thinks of one tweet. */
export interface ModelScores {
  /** Probability of each label, summing to 1 (0 for labels ruled out). */
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
 * Structural features (link, media, thread…) count this many times. With one vote each they
 * drown among a tweet's fifteen words, yet the shape says much: a technical remark on its own is
 * a status update, the same remark in a thread with screenshots is a piece of content.
 */
const STRUCTURE_WEIGHT = 2;
/**
 * Naive Bayes multiplies the evidence of features as if they were independent, so its raw
 * probabilities are near 0 or 1. Dividing the log-probabilities by this temperature before
 * normalising gives probabilities that mean something when compared with the thresholds.
 */
const TEMPERATURE = Number(process.env.TA_T ?? 3);

/**
 * The model's view of a tweet: cached stems of its words (function words left out), its emoji,
 * its shape (reply, thread, retweet, link, media, length) and which word lists matched. A word
 * counts once per tweet: tweets are short, and presence says more than repetition.
 */
export function modelFeatures(tweet: Tweet, text: TweetText, nlp: Nlp): string[] {
  const out: string[] = [];
  const stopBit = 1 << langIndex(text.lang);
  const { vocabulary } = nlp;
  for (let i = 0; i < text.words.length; i++) {
    const word = text.words[i]!;
    const info = text.infos[i]!;
    if (!isModelWord(word, info, stopBit)) continue;
    const stem = vocabulary.stem(text.lang, word, info);
    if (!out.includes(stem)) out.push(stem);
  }
  for (const emoji of text.emoji) if (!out.includes(emoji)) out.push(emoji);
  for (const lexicon of text.hits.keys()) out.push(LEXICON_FEATURE[lexicon]);
  addStructure(tweet, text, (feature) => out.push(STRUCTURE[feature]!));
  return out;
}

/** Words of one or two letters are left out (digits are kept), and so are function words. */
function isModelWord(word: string, info: WordInfo, stopBit: number): boolean {
  if (word.length < MIN_WORD_LENGTH) {
    const code = word.charCodeAt(0);
    if (code < 0x30 || code > 0x39) return false;
  }
  return (info.stopBits & stopBit) === 0;
}

/** The shape features, named by their index in this list in `addStructure`. */
const STRUCTURE = [
  '~retweet',
  '~thread',
  '~reply',
  '~link',
  '~media',
  '~plain',
  '~mention',
  '~hashtag',
  '~question',
  '~empty',
  '~short',
  '~long',
] as const;
/** The index of each shape feature in STRUCTURE. */
const SHAPE = Object.fromEntries(STRUCTURE.map((feature, i) => [feature, i])) as Record<
  (typeof STRUCTURE)[number],
  number
>;

/**
 * Gives `add` the shape features of a tweet (indices in STRUCTURE), in a fixed order, each
 * STRUCTURE_WEIGHT times.
 */
function addStructure(tweet: Tweet, text: TweetText, add: (feature: number) => void): void {
  const words = text.words.length;
  for (let i = 0; i < STRUCTURE_WEIGHT; i++) {
    if (tweet.isRetweet) add(SHAPE['~retweet']);
    if (tweet.isReply) add(tweet.isSelfReply ? SHAPE['~thread'] : SHAPE['~reply']);
    if (tweet.urls.length > 0) add(SHAPE['~link']);
    if (tweet.mediaCount > 0) add(SHAPE['~media']);
    if (!tweet.isRetweet && !tweet.isReply && tweet.urls.length === 0 && tweet.mediaCount === 0) add(SHAPE['~plain']);
    if (text.bodyMentions.length > 0) add(SHAPE['~mention']);
    if (tweet.hashtags.length > 0) add(SHAPE['~hashtag']);
    if (text.body.includes('?')) add(SHAPE['~question']);
    if (words === 0) add(SHAPE['~empty']);
    else if (words <= SHORT) add(SHAPE['~short']);
    else if (words >= LONG) add(SHAPE['~long']);
  }
}

/**
 * The rows of the shape features (by index in STRUCTURE) and of the word-list features (by
 * lexicon) in one weight table, undefined where the model has not seen the feature: looked up
 * once per table rather than a dozen times per tweet.
 */
interface FixedRows {
  structure: (Float64Array | undefined)[];
  lexicons: Map<LexiconId, Float64Array | undefined>;
}
const FIXED_ROWS = new WeakMap<ReadonlyMap<string, Float64Array>, FixedRows>();

function fixedRows(table: ReadonlyMap<string, Float64Array>): FixedRows {
  let rows = FIXED_ROWS.get(table);
  if (!rows) {
    rows = {
      structure: STRUCTURE.map((feature) => table.get(feature)),
      lexicons: new Map(LEXICON_IDS.map((id) => [id, table.get(LEXICON_FEATURE[id])])),
    };
    FIXED_ROWS.set(table, rows);
  }
  return rows;
}

/**
 * `model.score(modelFeatures(tweet, text, nlp), allowed)`, without building the features: the
 * weight rows of the word stems are cached in the words' records, per language and weight table,
 * so the words of a tweet cost no lookup in the model. Rows are summed in the order of the
 * features, each distinct feature once where modelFeatures lists it once (distinct features have
 * distinct rows), so the scores are the same to the last bit.
 */
export function scoreTweet(
  model: NaiveBayes,
  tweet: Tweet,
  text: TweetText,
  nlp: Nlp,
  allowed?: readonly boolean[],
): ModelScores {
  const table = model.table();
  const rows: Float64Array[] = [];
  const lang = langIndex(text.lang);
  const stopBit = 1 << lang;
  const { vocabulary } = nlp;
  for (let i = 0; i < text.words.length; i++) {
    const word = text.words[i]!;
    const info = text.infos[i]!;
    if (!isModelWord(word, info, stopBit)) continue;
    const slots = modelSlots(info);
    if (info.rowsOf !== table) {
      slots.fill(undefined, MODEL_ROWS_AT);
      info.rowsOf = table;
    }
    let row = slots[MODEL_ROWS_AT + lang] as Float64Array | null | undefined;
    if (row === undefined)
      row = slots[MODEL_ROWS_AT + lang] = table.get(vocabulary.stem(text.lang, word, info)) ?? null;
    if (row !== null && !rows.includes(row)) rows.push(row);
  }
  for (const emoji of text.emoji) {
    const row = table.get(emoji);
    if (row !== undefined && !rows.includes(row)) rows.push(row);
  }
  const fixed = fixedRows(table);
  for (const lexicon of text.hits.keys()) {
    const row = fixed.lexicons.get(lexicon);
    if (row !== undefined) rows.push(row);
  }
  addStructure(tweet, text, (feature) => {
    const row = fixed.structure[feature];
    if (row !== undefined) rows.push(row);
  });
  return model.scoreRows(rows, allowed);
}

const LEXICON_FEATURE = Object.fromEntries(LEXICON_IDS.map((id) => [id, `lex:${id}`])) as Record<LexiconId, string>;

/**
 * A multinomial naive Bayes over the features above, hand-rolled: natural's BayesClassifier
 * tokenizes and stems every text again with its own (English) stemmer on each call, which is
 * slower and blind to the structural features. Laplace smoothing (alpha) keeps unseen features
 * neutral. It learns incrementally (user labels are added after training); per-feature log
 * weights are rebuilt lazily after learning, so scoring is one map lookup per feature.
 */
const LOGS = new Float64Array(LABEL_KEYS.length);

export class NaiveBayes {
  private readonly counts = new Map<string, Float64Array>();
  private readonly totals = new Float64Array(LABEL_KEYS.length);
  private readonly docs = new Float64Array(LABEL_KEYS.length);
  private documents = 0;
  private weights: Map<string, Float64Array> | undefined;
  private priors: Float64Array | undefined;

  constructor(private readonly alpha = 0.5) {}

  /** Adds one labeled example. */
  learn(features: readonly string[], label: LabelKey): void {
    const index = LABEL_INDEX.get(label);
    if (index === undefined) throw new Error(`unknown label ${label}`);
    for (const feature of features) {
      let counts = this.counts.get(feature);
      if (!counts) this.counts.set(feature, (counts = new Float64Array(LABEL_KEYS.length)));
      counts[index]!++;
    }
    this.totals[index]! += features.length;
    this.docs[index]!++;
    this.documents++;
    this.weights = undefined;
  }

  /** Number of examples learned. */
  get size(): number {
    return this.documents;
  }

  private build(): { weights: Map<string, Float64Array>; priors: Float64Array } {
    if (this.weights && this.priors) return { weights: this.weights, priors: this.priors };
    const vocabulary = this.counts.size + 1;
    const denominators = Array.from(this.totals, (total) => Math.log(total + this.alpha * vocabulary));
    const priors = new Float64Array(LABEL_KEYS.length);
    for (let i = 0; i < priors.length; i++) {
      // Labels never seen are ruled out rather than guessed.
      priors[i] = this.docs[i]! > 0 ? Math.log(this.docs[i]! / this.documents) : -Infinity;
    }
    const weights = new Map<string, Float64Array>();
    for (const [feature, counts] of this.counts) {
      const row = new Float64Array(LABEL_KEYS.length);
      for (let i = 0; i < row.length; i++) row[i] = Math.log(counts[i]! + this.alpha) - denominators[i]!;
      weights.set(feature, row);
    }
    this.weights = weights;
    this.priors = priors;
    return { weights, priors };
  }

  /**
   * Probabilities of every label. `allowed` rules labels out (the shape of the tweet makes them
   * impossible: no question without "?"); features no label has seen cancel out and are skipped.
   */
  score(features: readonly string[], allowed?: readonly boolean[]): ModelScores {
    const { weights } = this.build();
    const rows: Float64Array[] = [];
    for (const feature of features) {
      const row = weights.get(feature);
      if (row) rows.push(row);
    }
    return this.scoreRows(rows, allowed);
  }

  /**
   * The weight table: each feature the model has seen, with its log weight per label. Learning
   * makes a new table (a new object), so rows may be cached per table.
   */
  table(): ReadonlyMap<string, Float64Array> {
    return this.build().weights;
  }

  /** `score` of the features whose rows of the current `table()` these are, in the same order. */
  scoreRows(rows: readonly Float64Array[], allowed?: readonly boolean[]): ModelScores {
    const { priors } = this.build();
    const n = priors.length;
    // Scratch space: Scores reads it in its constructor and keeps nothing of it.
    const logs = LOGS;
    for (let i = 0; i < n; i++) logs[i] = allowed && !allowed[i] ? -Infinity : priors[i]!;
    for (const row of rows) for (let i = 0; i < n; i++) logs[i]! += row[i]!;
    return new Scores(logs);
  }

  /** The model as plain data: what a training produced, in a stable order. */
  toData(): ModelData {
    const counts: Record<string, number[]> = {};
    for (const feature of [...this.counts.keys()].sort()) counts[feature] = [...this.counts.get(feature)!];
    return { alpha: this.alpha, labels: [...LABEL_KEYS], docs: [...this.docs], counts };
  }

  toJSON(): ModelData {
    return this.toData();
  }

  /** Rebuilds a model from `toData`'s output; throws on data of another shape. */
  static fromData(data: ModelData): NaiveBayes {
    if (data.labels.join() !== LABEL_KEYS.join() || data.docs.length !== LABEL_KEYS.length) {
      throw new Error('model data was built for other labels');
    }
    const model = new NaiveBayes(data.alpha);
    data.docs.forEach((docs, i) => {
      model.docs[i] = docs;
      model.documents += docs;
    });
    for (const [feature, counts] of Object.entries(data.counts)) {
      if (counts.length !== LABEL_KEYS.length) throw new Error(`model data: bad counts for "${feature}"`);
      const row = new Float64Array(counts);
      model.counts.set(feature, row);
      for (let i = 0; i < row.length; i++) model.totals[i]! += row[i]!;
    }
    return model;
  }
}

/** A trained model as plain data (data/model.json holds one, with where it came from). */
export interface ModelData {
  alpha: number;
  /** LABEL_KEYS when it was built, to refuse data for another taxonomy. */
  labels: string[];
  /** Examples per label. */
  docs: number[];
  /** Occurrences of each feature per label, in `labels` order. */
  counts: Record<string, number[]>;
}

/**
 * Bump when `modelFeatures` changes what it extracts: a shipped model built with other features
 * is then retrained at startup (and the shipped-model test fails until it is rebuilt).
 */
export const FEATURES_VERSION = 1;

/** Model scores computed from log-probabilities; the per-label record is built only when read. */
class Scores implements ModelScores {
  readonly categories: Readonly<Record<Category, number>>;
  readonly best: Label;
  readonly probability: number;
  // A plain array: allocating a Float64Array per tweet was a measurable cost.
  private readonly probabilities: number[];
  private labelRecord: Record<LabelKey, number> | undefined;

  constructor(logs: Float64Array) {
    const n = logs.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) if (logs[i]! > max) max = logs[i]!;
    const probabilities = new Array<number>(n).fill(0);
    let sum = 0;
    if (max !== -Infinity)
      for (let i = 0; i < n; i++) sum += probabilities[i] = Math.exp((logs[i]! - max) / TEMPERATURE);
    if (sum > 0) for (let i = 0; i < n; i++) probabilities[i]! /= sum;
    const totals = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) totals[CATEGORY_OF[i]!]! += probabilities[i]!;
    // Ties go to the last category, personal: the taxonomy's default.
    let best = CATEGORIES.length - 1;
    for (let c = 0; c < CATEGORIES.length; c++) if (totals[c]! > totals[best]!) best = c;
    let bestLabel = -1;
    for (let i = 0; i < n; i++) {
      if (CATEGORY_OF[i] === best && (bestLabel === -1 || probabilities[i]! > probabilities[bestLabel]!)) bestLabel = i;
    }
    this.probabilities = probabilities;
    this.categories = { conversation: totals[0]!, promotion: totals[1]!, conference: totals[2]!, personal: totals[3]! };
    this.best = LABELS[bestLabel]!;
    this.probability = totals[best]!;
  }

  get labels(): Readonly<Record<LabelKey, number>> {
    if (!this.labelRecord) {
      const record = {} as Record<LabelKey, number>;
      LABEL_KEYS.forEach((key, i) => (record[key] = this.probabilities[i]!));
      this.labelRecord = record;
    }
    return this.labelRecord;
  }

  toJSON(): ModelScores {
    return { labels: this.labels, categories: this.categories, best: this.best, probability: this.probability };
  }
}

// The category order the Scores literal above relies on.
if (CATEGORIES.join() !== 'conversation,promotion,conference,personal') throw new Error('CATEGORIES changed order');

const REPLY = LABEL_INDEX.get('conversation/reply')!;
const MENTION = LABEL_INDEX.get('conversation/mention')!;
const QUESTION = LABEL_INDEX.get('conversation/question')!;
const CHAT = LABEL_INDEX.get('conference/chat')!;

/**
 * The labels the model may give, in LABEL_KEYS order. Conversation and chats are structural: a
 * reply, a mention, a question to followers, a chat's hashtag, and the rules see those. Left to
 * the model, any "@" or "?" would pull a status update into conversation ("applied after @Before
 * methods", "Does it work? No!"), so the model judges content: promotion, live events, the person.
 */
export function allowedLabels(_tweet: Tweet, _text: TweetText, isReplyToOthers: boolean): readonly boolean[] {
  return isReplyToOthers ? ALLOWED_FOR_REPLIES : ALLOWED;
}

function mask(reply: boolean): readonly boolean[] {
  const allowed = new Array<boolean>(LABEL_KEYS.length).fill(true);
  allowed[REPLY] = reply;
  allowed[MENTION] = false;
  allowed[QUESTION] = false;
  allowed[CHAT] = false;
  return allowed;
}
const ALLOWED = mask(false);
const ALLOWED_FOR_REPLIES = mask(true);
