import type { Identity } from '../config/schema.js';
import type { Tweet } from '../model/tweet.js';
import type { LocalParts, Zone } from '../time/zone.js';
import { complaintSignal, computeFlags, type ComplaintSignal, type NightHours } from './flags.js';
import { indexIdentity } from './identity.js';
import {
  allowedLabels,
  LABEL_OF,
  labelKey,
  modelFeatures,
  scoreTweet,
  type LabelKey,
  type ModelScores,
} from './model.js';
import { createNlp } from './nlp.js';
import { byPrecedence, NEEDS, precedenceOf, type MatchData, type Need, type Rule, type RuleContext } from './rule.js';
import { threadStart, type ArchiveContext } from './context.js';
import { evidenceOf, type Evidence } from './evidence.js';
import {
  chooseLabel,
  loadLearned,
  personalize,
  reasons,
  scoreLearned,
  addRules,
  type LearnedScores,
  type TrainingTweet,
} from './learned.js';
import type { LinearModel } from './logistic.js';
import { isReplyToOthers } from './signals.js';
import { RULES } from './rules/index.js';
import { loadModel, trainModel } from './shipped-model.js';
import type { TrainingExample } from './training.js';
import { isSubcategoryOf, SUBCATEGORIES, type Category, type Classification, type Label } from './taxonomy.js';
import { analyzeText, type TweetText } from './text.js';

/** A label the user gave a tweet; without a subcategory, the classifier picks one in that category. */
export interface UserLabel {
  category: Category;
  subcategory?: string;
}

export interface ClassifierOptions {
  identity: Identity;
  zone: Zone;
  /** Local hours that count as late night; default 0..5. */
  nightHours?: NightHours;
  /** The user's own labels by tweet id: they win, and the model learns from them. */
  labels?: ReadonlyMap<string, UserLabel>;
  /** Training examples to use instead of the shipped corpus (tests). */
  training?: readonly TrainingExample[];
  /** What the whole archive says about its owner (bursts, sources they return to). */
  context?: ArchiveContext;
  /** The learned model (default: the shipped one); null: rules and the naive Bayes model only. */
  learned?: LinearModel | null;
}

/** One rule that fired on a tweet. */
export interface RuleFiring {
  rule: string;
  label: Label;
  soft: boolean;
  reason: string;
  data: MatchData;
}

/** How the final label was chosen. */
export type DecisionKind =
  /** The user labeled this tweet. */
  | 'user-label'
  /** The rule of highest precedence among those that fired. */
  | 'precedence'
  /** A retweet or link of personal content: a personal rule fired and the model agrees. */
  | 'personal-content-overrules-soft-rule'
  /** No rule fired; the model was confident enough. */
  | 'model'
  /** No rule fired and the model was unsure: personal/life with low confidence (docs/taxonomy.md). */
  | 'default'
  /** The learned model weighed the rules' label with the rest of the evidence. */
  | 'learned';

/** Everything that went into one tweet's label. */
export interface Explanation {
  tweet: Pick<
    Tweet,
    | 'id'
    | 'text'
    | 'createdAt'
    | 'isReply'
    | 'isSelfReply'
    | 'isRetweet'
    | 'mentions'
    | 'hashtags'
    | 'urls'
    | 'mediaCount'
  >;
  language: string;
  /** Every rule that fired, best precedence first. */
  firings: RuleFiring[];
  /** The naive Bayes model's view, computed even when a rule decided. */
  model: ModelScores;
  /** The learned model's view and the evidence that weighed most for its label (absent without it). */
  learned?: LearnedScores & { reasons: { feature: string; weight: number }[] };
  decision: { kind: DecisionKind; winner?: string };
  complaint: ComplaintSignal;
  classification: Classification;
}

export interface Classifier {
  /**
   * Labels one tweet. Pure apart from learning from user-labeled tweets as it meets them. `local`
   * is the tweet's local time, `zone.parts(tweet.createdAt)` in the classifier's zone: callers
   * that have it already pass it so that it is not worked out twice; without it, it is computed.
   */
  classify(tweet: Tweet, local?: LocalParts): Classification;
  /** Labels one tweet and says why. */
  explain(tweet: Tweet): Explanation;
  /**
   * Teaches the model every user-labeled tweet among these, up front. `classify` also learns a
   * labeled tweet when it meets one, but calling this first makes the labels of every tweet
   * independent of reading order. Returns how many tweets were learned.
   */
  learn(tweets: Iterable<Tweet>): number;
  /** The evidence the learned model weighs for one tweet, the rules' own label included. */
  evidence(tweet: Tweet, local?: LocalParts): Evidence;
}

/**
 * Confidence the model needs to label a tweet no rule decided (more likely than all other
 * categories together); below it, the default applies.
 */
const MODEL_MIN_PROBABILITY = 0.5;
/**
 * A link or a retweet is sharing by default (docs/taxonomy.md); it is personal when its content is:
 * a personal rule fired on its words (family, food, TV, bars, travel) and the model agrees at
 * least this much. The model alone is not enough: trained on short status updates, it reads
 * "Building a build system" as a diary entry.
 */
const SOFT_OVERRULE_PROBABILITY = 0.5;
/** Model-decided labels are never more confident than this: a rule would have been better. */
const MODEL_MAX_CONFIDENCE = 0.7;
/** Confidence of the default label. */
const DEFAULT_CONFIDENCE = 0.2;

const ORDERED_RULES: readonly Rule[] = Object.values(RULES).sort(byPrecedence);
const RANKS: readonly number[] = ORDERED_RULES.map(precedenceOf);
/** Each rule's label, built once (frozen: explanations hand it out) rather than once per firing. */
const RULE_LABELS: readonly Label[] = ORDERED_RULES.map(
  (rule) => Object.freeze({ category: rule.category, subcategory: rule.subcategory }) as Label,
);
/** One bit per fact of NEEDS. */
export const NEED_BITS: Readonly<Record<Need, number>> = {
  hashtags: 1 << 0,
  links: 1 << 1,
  mentions: 1 << 2,
  'word-list': 1 << 3,
  'question-mark': 1 << 4,
  reply: 1 << 5,
  'self-reply': 1 << 6,
  retweet: 1 << 7,
  'leading-handles': 1 << 8,
};
/** Per rule, the bits of its needs (the rule runs when the tweet has one of them); 0 without needs. */
const RULE_NEEDS: readonly number[] = ORDERED_RULES.map((rule) =>
  (rule.needs ?? []).reduce((bits, need) => bits | NEED_BITS[need], 0),
);

/**
 * The bits of the NEEDS facts this tweet has. Each fact is asked by name rather than in a loop
 * over NEEDS: a loop calls nine different functions from one place, and V8 inlines none of them.
 */
export function factsOf(tweet: Tweet, text: TweetText): number {
  return (
    (NEEDS['hashtags'](tweet, text) ? NEED_BITS['hashtags'] : 0) |
    (NEEDS['links'](tweet, text) ? NEED_BITS['links'] : 0) |
    (NEEDS['mentions'](tweet, text) ? NEED_BITS['mentions'] : 0) |
    (NEEDS['word-list'](tweet, text) ? NEED_BITS['word-list'] : 0) |
    (NEEDS['question-mark'](tweet, text) ? NEED_BITS['question-mark'] : 0) |
    (NEEDS['reply'](tweet, text) ? NEED_BITS['reply'] : 0) |
    (NEEDS['self-reply'](tweet, text) ? NEED_BITS['self-reply'] : 0) |
    (NEEDS['retweet'](tweet, text) ? NEED_BITS['retweet'] : 0) |
    (NEEDS['leading-handles'](tweet, text) ? NEED_BITS['leading-handles'] : 0)
  );
}

/** Each rule's confidence by id, default applied: looked up for every decided tweet. */
const CONFIDENCE = new Map<string, number>(ORDERED_RULES.map((rule) => [rule.id, rule.confidence ?? 0.9]));

/**
 * Builds a classifier: loads the language resources, indexes the identity, and loads the model
 * trained on the shipped corpus (data/model.json; see shipped-model.ts).
 */
export async function createClassifier(options: ClassifierOptions): Promise<Classifier> {
  const nlp = createNlp();
  const identity = indexIdentity(options.identity);
  const model = options.training ? trainModel(options.training, nlp) : await loadModel(nlp);
  const labels = options.labels ?? new Map<string, UserLabel>();
  const learned = new Set<string>();
  let linear = options.learned === undefined ? (options.training ? null : loadLearned()) : options.learned;
  const night = options.nightHours;

  /**
   * Runs the rules in precedence order. Unless `complete` (explanations, user labels), it stops as
   * soon as the outcome is settled: after a hard rule has fired and the rules of the same label
   * (which share its decision) have had their turn. After a soft rule, a personal rule may still
   * overrule it, so the rest run.
   */
  function run(tweet: Tweet, complete: boolean): { text: TweetText; firings: RuleFiring[] } {
    const text = analyzeText(tweet, nlp.vocabulary);
    const ctx: RuleContext = { identity, text };
    const firings: RuleFiring[] = [];
    const facts = factsOf(tweet, text);
    let firstRank = -1;
    for (let i = 0; i < ORDERED_RULES.length; i++) {
      const rule = ORDERED_RULES[i]!;
      const first = firings[0];
      if (!complete && first && !first.soft && RANKS[i] !== firstRank) break;
      // A rule none of whose needs the tweet has would return null: it is not called.
      const needs = RULE_NEEDS[i]!;
      if (needs !== 0 && (needs & facts) === 0) continue;
      const match = rule.match(tweet, ctx);
      if (match) {
        if (!first) firstRank = RANKS[i]!;
        firings.push({
          rule: rule.id,
          label: RULE_LABELS[i]!,
          soft: rule.soft ?? false,
          reason: match.reason,
          data: match.data ?? {},
        });
      }
    }
    return { text, firings };
  }

  function learnOne(tweet: Tweet, text: TweetText, label: Label): void {
    if (learned.has(tweet.id)) return;
    learned.add(tweet.id);
    model.learn(modelFeatures(tweet, text, nlp), labelKey(label));
  }

  function decide(
    tweet: Tweet,
    text: TweetText,
    firings: readonly RuleFiring[],
    score: () => ModelScores,
  ): { label: Label; confidence: number; decidedBy: string[]; decision: Explanation['decision'] } {
    // Most audits have no labels: then no tweet id is hashed for nothing.
    const userLabel = labels.size === 0 ? undefined : labels.get(tweet.id);
    if (userLabel) {
      const label = completeUserLabel(userLabel, firings, score);
      learnOne(tweet, text, label);
      return { label, confidence: 1, decidedBy: ['user-label'], decision: { kind: 'user-label' } };
    }
    return decideByRules(tweet, text, firings, score);
  }

  /** The label the rules (and the naive Bayes model where no rule decides) give a tweet. */
  function decideByRules(
    tweet: Tweet,
    text: TweetText,
    firings: readonly RuleFiring[],
    score: () => ModelScores,
  ): { label: Label; confidence: number; decidedBy: string[]; decision: Explanation['decision'] } {
    const first = firings[0];
    if (first) {
      const personalRule = first.soft ? firings.find((firing) => firing.label.category === 'personal') : undefined;
      if (personalRule) {
        const scores = score();
        if (scores.categories.personal >= SOFT_OVERRULE_PROBABILITY) {
          return {
            label: personalRule.label,
            confidence: round(Math.min(MODEL_MAX_CONFIDENCE, scores.categories.personal)),
            decidedBy: [personalRule.rule, 'model'],
            decision: { kind: 'personal-content-overrules-soft-rule', winner: personalRule.rule },
          };
        }
      }
      // The rules of the winner's label agree with it: each adds to the confidence.
      const decidedBy: string[] = [];
      let doubt = 1;
      for (const firing of firings) {
        if (firing.label.category !== first.label.category || firing.label.subcategory !== first.label.subcategory)
          continue;
        decidedBy.push(firing.rule);
        doubt *= 1 - CONFIDENCE.get(firing.rule)!;
      }
      return {
        label: first.label,
        confidence: Math.min(0.99, round(1 - doubt)),
        decidedBy,
        decision: { kind: 'precedence', winner: first.rule },
      };
    }
    // No words at all (a photo, a link to one's own tweet): no signal, whatever the model says.
    const scores = text.words.length === 0 ? undefined : score();
    if (scores && scores.probability >= MODEL_MIN_PROBABILITY) {
      return {
        label: scores.best,
        confidence: round(Math.min(MODEL_MAX_CONFIDENCE, scores.probability * MODEL_MAX_CONFIDENCE)),
        decidedBy: ['model'],
        decision: { kind: 'model' },
      };
    }
    return {
      label: { category: 'personal', subcategory: 'life' },
      confidence: DEFAULT_CONFIDENCE,
      decidedBy: ['default'],
      decision: { kind: 'default' },
    };
  }

  function classification(
    tweet: Tweet,
    text: TweetText,
    decided: ReturnType<typeof decide>,
    local?: LocalParts,
  ): Classification {
    // Written out rather than spread: spreading the label was a measurable cost per tweet.
    return {
      category: decided.label.category,
      subcategory: decided.label.subcategory,
      confidence: decided.confidence,
      decidedBy: decided.decidedBy,
      flags: computeFlags(tweet, text, nlp, local ?? options.zone.parts(tweet.createdAt), night),
    } as Classification;
  }

  function featuresScore(tweet: Tweet, text: TweetText): () => ModelScores {
    let cached: ModelScores | undefined;
    return () =>
      (cached ??= scoreTweet(
        model,
        tweet,
        text,
        nlp,
        allowedLabels(tweet, text, isReplyToOthers(tweet, { identity, text })),
      ));
  }

  /** What each thread's first tweet is by the rules, worked out once per thread. */
  const threadCategories = new Map<string, Category>();
  function threadCategory(start: Tweet): Category {
    let category = threadCategories.get(start.id);
    if (category === undefined) {
      const { text, firings } = run(start, false);
      category = decideByRules(start, text, firings, featuresScore(start, text)).label.category;
      threadCategories.set(start.id, category);
    }
    return category;
  }

  /** The evidence the learned model weighs, and the label the rules alone give (part of it, as decided without a user label). */
  function learnedEvidence(
    tweet: Tweet,
    text: TweetText,
    firings: RuleFiring[],
    local: LocalParts,
  ): { evidence: Evidence; rules: LabelKey } {
    const evidence = evidenceOf({
      tweet,
      text,
      rules: firings.map((firing) => firing.rule),
      firstRule: firings[0] ? labelKey(firings[0].label) : undefined,
      identity,
      context: options.context,
      local,
      stem: (word) => nlp.vocabulary.stem(text.lang, word),
    });
    const byRules = decideByRules(tweet, text, firings, featuresScore(tweet, text));
    // A thread continues the topic of its first tweet (docs/taxonomy.md: a self-reply takes the
    // category of its content), which the rules read better than a tweet cut mid-thought.
    const start = options.context && tweet.isSelfReply ? threadStart(tweet, options.context) : undefined;
    if (start) evidence.set(`thread:starts-as:${threadCategory(start)}`, 1);
    // A thread, its first tweet included, is one piece: a label of one of its tweets speaks for the rest.
    const thread = start?.id ?? (options.context?.byId.has(tweet.id) ? tweet.id : undefined);
    if (thread) evidence.set(`u:thread:${thread}`, 1);
    const rules = labelKey(byRules.label);
    return { evidence: addRules(evidence, rules), rules };
  }

  function decideLearned(tweet: Tweet, text: TweetText, firings: RuleFiring[], local: LocalParts, model: LinearModel) {
    const { evidence, rules } = learnedEvidence(tweet, text, firings, local);
    const scores = scoreLearned(model, evidence);
    const userLabel = labels.size === 0 ? undefined : labels.get(tweet.id);
    if (userLabel) return { evidence, scores, decided: decide(tweet, text, firings, featuresScore(tweet, text)) };
    const label = LABEL_OF.get(chooseLabel(scores, rules))!;
    const agreeing = firings.filter((firing) => firing.label.category === label.category).map((firing) => firing.rule);
    const decided = {
      label,
      confidence: round(scores.probability),
      decidedBy: ['model', ...new Set(agreeing)],
      decision: { kind: 'learned' as const },
    };
    return { evidence, scores, decided };
  }

  return {
    classify(tweet, local) {
      const parts = local ?? options.zone.parts(tweet.createdAt);
      if (!linear) {
        const { text, firings } = run(tweet, labels.size > 0 && labels.has(tweet.id));
        return classification(tweet, text, decide(tweet, text, firings, featuresScore(tweet, text)), parts);
      }
      const { text, firings } = run(tweet, true);
      return classification(tweet, text, decideLearned(tweet, text, firings, parts, linear).decided, parts);
    },
    explain(tweet) {
      const { text, firings } = run(tweet, true);
      const score = featuresScore(tweet, text);
      let decided = decide(tweet, text, firings, score);
      let learnedView: Explanation['learned'];
      if (linear) {
        const result = decideLearned(tweet, text, firings, options.zone.parts(tweet.createdAt), linear);
        decided = result.decided;
        learnedView = { ...result.scores, reasons: reasons(linear, result.evidence, result.scores.best) };
      }
      const { complaint: _complaint, ...complaint } = complaintSignal(text, nlp, true);
      return {
        tweet: {
          id: tweet.id,
          text: tweet.text,
          createdAt: tweet.createdAt,
          isReply: tweet.isReply,
          isSelfReply: tweet.isSelfReply,
          isRetweet: tweet.isRetweet,
          mentions: tweet.mentions,
          hashtags: tweet.hashtags,
          urls: tweet.urls,
          mediaCount: tweet.mediaCount,
        },
        language: text.lang,
        firings,
        model: score(),
        learned: learnedView,
        decision: decided.decision,
        complaint,
        classification: classification(tweet, text, decided),
      };
    },
    evidence(tweet, local) {
      const { text, firings } = run(tweet, true);
      return learnedEvidence(tweet, text, firings, local ?? options.zone.parts(tweet.createdAt)).evidence;
    },
    learn(tweets) {
      let count = 0;
      const taught: TrainingTweet[] = [];
      for (const tweet of tweets) {
        const userLabel = labels.get(tweet.id);
        if (!userLabel || learned.has(tweet.id)) continue;
        const { text, firings } = run(tweet, true);
        const label = completeUserLabel(userLabel, firings, featuresScore(tweet, text));
        if (linear)
          taught.push({
            label: labelKey(label),
            evidence: learnedEvidence(tweet, text, firings, options.zone.parts(tweet.createdAt)).evidence,
          });
        learnOne(tweet, text, label);
        count++;
      }
      if (linear && taught.length > 0) linear = personalize(linear, taught);
      return count;
    },
  };
}

/**
 * A user label with its subcategory: the user's when valid, else the one the rules chose in that
 * category, else the model's best in that category.
 */
function completeUserLabel(label: UserLabel, firings: readonly RuleFiring[], score: () => ModelScores): Label {
  const { category, subcategory } = label;
  if (subcategory !== undefined && isSubcategoryOf(category, subcategory)) return { category, subcategory } as Label;
  const fromRule = firings.find((firing) => firing.label.category === category);
  return fromRule?.label ?? bestIn(category, score());
}

function bestIn(category: Category, scores: ModelScores): Label {
  let best: string = SUBCATEGORIES[category][0];
  for (const subcategory of SUBCATEGORIES[category]) {
    if ((scores.labels[`${category}/${subcategory}`] ?? 0) > (scores.labels[`${category}/${best}`] ?? 0))
      best = subcategory;
  }
  return { category, subcategory: best } as Label;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Rule metadata, for `tweet-audit rules`, in precedence order. */
export function listRules(): { id: string; category: Category; subcategory: string; description: string }[] {
  return ORDERED_RULES.map((rule) => ({
    id: rule.id,
    category: rule.category,
    subcategory: rule.subcategory,
    description: rule.description,
  }));
}
