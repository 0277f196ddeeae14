import { CATEGORIES, type Category, type Label } from './taxonomy.js';

/** A label as found in a labels file: a category, maybe a subcategory, maybe not even valid. */
export interface ExpectedLabel {
  category: string;
  subcategory?: string;
}

/** One labeled tweet: what the labels say and what the classifier said (absent when the tweet was not found). */
export interface EvalPair {
  id: string;
  expected: ExpectedLabel;
  actual?: Label;
}

/** Precision, recall and F1 of one category. */
export interface CategoryScores {
  precision: number;
  recall: number;
  f1: number;
  /** Labeled tweets of this category. */
  support: number;
  /** Tweets the classifier put in this category. */
  predicted: number;
}

export interface EvalResult {
  /** Pairs given. */
  total: number;
  /** Pairs whose tweet was classified. */
  evaluated: number;
  /** Pairs whose tweet was not found (no `actual`). */
  missing: number;
  /** Share of evaluated tweets whose category is right. */
  accuracy: number;
  /**
   * Mean F1 over the categories that occur in the labels or in the predictions. A category that
   * occurs in neither has no defined F1 (0/0) and is left out, as usual for macro averages.
   */
  macroF1: number;
  perCategory: Record<Category, CategoryScores>;
  /** confusion[expected][actual] = count. */
  confusion: Record<Category, Record<Category, number>>;
  /** Share of evaluated tweets with an expected subcategory whose category and subcategory are both right. */
  subcategoryAccuracy: number;
  /** Expected labels that are not categories of the taxonomy (they count as errors). */
  invalidExpected: number;
}

function zeroRow(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Scores the classifier's labels against expected ones. */
export function evaluate(pairs: readonly EvalPair[]): EvalResult {
  const confusion = Object.fromEntries(CATEGORIES.map((c) => [c, zeroRow()])) as Record<
    Category,
    Record<Category, number>
  >;
  let evaluated = 0;
  let correct = 0;
  let invalidExpected = 0;
  let withSubcategory = 0;
  let subcategoryCorrect = 0;
  const predictedOnInvalid = zeroRow();
  for (const { expected, actual } of pairs) {
    if (!actual) continue;
    evaluated++;
    const category = expected.category.toLowerCase();
    if (!(CATEGORIES as string[]).includes(category)) {
      invalidExpected++;
      predictedOnInvalid[actual.category]++;
      continue;
    }
    confusion[category as Category][actual.category]++;
    if (category === actual.category) correct++;
    if (expected.subcategory) {
      withSubcategory++;
      if (category === actual.category && expected.subcategory.toLowerCase() === actual.subcategory)
        subcategoryCorrect++;
    }
  }
  const perCategory = {} as Record<Category, CategoryScores>;
  const f1s: number[] = [];
  for (const category of CATEGORIES) {
    const truePositives = confusion[category][category];
    const support = CATEGORIES.reduce((sum, other) => sum + confusion[category][other], 0);
    const predicted =
      CATEGORIES.reduce((sum, other) => sum + confusion[other][category], 0) + predictedOnInvalid[category];
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    perCategory[category] = { precision, recall, f1, support, predicted };
    if (support > 0 || predicted > 0) f1s.push(f1);
  }
  return {
    total: pairs.length,
    evaluated,
    missing: pairs.length - evaluated,
    accuracy: ratio(correct, evaluated),
    macroF1: ratio(
      f1s.reduce((a, b) => a + b, 0),
      f1s.length,
    ),
    perCategory,
    confusion,
    subcategoryAccuracy: ratio(subcategoryCorrect, withSubcategory),
    invalidExpected,
  };
}

function fixed(value: number): string {
  return value.toFixed(3);
}

/** Renders an evaluation as a plain-text table or as JSON. */
export function renderEvaluation(result: EvalResult, format: 'table' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const lines: string[] = [];
  lines.push(
    `tweets: ${result.total} labeled, ${result.evaluated} classified, ${result.missing} not found in the archive`,
  );
  if (result.invalidExpected > 0)
    lines.push(`labels outside the taxonomy (counted as errors): ${result.invalidExpected}`);
  lines.push(`accuracy:             ${fixed(result.accuracy)}`);
  lines.push(`macro-F1:             ${fixed(result.macroF1)}`);
  lines.push(`subcategory accuracy: ${fixed(result.subcategoryAccuracy)}`);
  lines.push('');
  const width = Math.max(...CATEGORIES.map((c) => c.length));
  lines.push(`${'category'.padEnd(width)}  precision  recall     f1  support  predicted`);
  for (const category of CATEGORIES) {
    const s = result.perCategory[category];
    lines.push(
      `${category.padEnd(width)}  ${fixed(s.precision).padStart(9)}  ${fixed(s.recall).padStart(6)}  ${fixed(s.f1).padStart(5)}  ${String(s.support).padStart(7)}  ${String(s.predicted).padStart(9)}`,
    );
  }
  lines.push('');
  lines.push('confusion (rows: expected, columns: classified)');
  const cell = Math.max(width, 5);
  lines.push(`${''.padEnd(width)}  ${CATEGORIES.map((c) => c.slice(0, cell).padStart(cell)).join('  ')}`);
  for (const expected of CATEGORIES) {
    lines.push(
      `${expected.padEnd(width)}  ${CATEGORIES.map((actual) => String(result.confusion[expected][actual]).padStart(cell)).join('  ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
