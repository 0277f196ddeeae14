/**
 * The classification API: rules, model, flags, explanations, user labels and evaluation.
 * Everything else in src/classify is internal.
 */
export {
  createClassifier,
  listRules,
  type Classifier,
  type ClassifierOptions,
  type DecisionKind,
  type Explanation,
  type RuleFiring,
  type UserLabel,
} from './classifier.js';
export { archiveContext, type ArchiveContext } from './context.js';
export { formatExplanation } from './explain.js';
export { isNightHour, type NightHours } from './flags.js';
export { readLabels, parseLabels, UserLabels } from './labels.js';
export {
  evaluate,
  renderEvaluation,
  type EvalPair,
  type EvalResult,
  type CategoryScores,
  type ExpectedLabel,
} from './evaluate.js';
export type { ModelScores } from './model.js';
export type { Match, MatchData, Rule, TweetSpec } from './rule.js';
export {
  CATEGORIES,
  FLAGS,
  SUBCATEGORIES,
  isCategory,
  isSubcategoryOf,
  type Category,
  type Classification,
  type Flag,
  type Label,
  type Subcategory,
} from './taxonomy.js';
