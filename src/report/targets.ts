import { isCategory, isSubcategoryOf } from '../classify/taxonomy.js';
import type { Target } from '../config/schema.js';
import { subcategoryOf } from './breakdown.js';
import { round } from './counters.js';
import { LOW_VOLUME_THRESHOLD } from './constants.js';
import { formatPercent, plural } from './format.js';
import type { AuditReport, CategoryBreakdowns, TargetResult } from './types.js';

/** "10–30%", "at least 10%", "at most 30%", "any share". */
export function describeRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${formatPercent(min).slice(0, -1)}–${formatPercent(max)}`;
  if (min !== null) return `at least ${formatPercent(min)}`;
  if (max !== null) return `at most ${formatPercent(max)}`;
  return 'any share';
}

/** The share of a "category" or "category/subcategory" scope, or null when the scope names nothing. */
function shareOfScope(scope: string, categories: CategoryBreakdowns): number | null {
  const [category, subcategory, ...rest] = scope.split('/');
  if (category === undefined || rest.length > 0 || !isCategory(category)) return null;
  const breakdown = categories[category];
  if (subcategory === undefined) return breakdown.share;
  if (!isSubcategoryOf(category, subcategory)) return null;
  return subcategoryOf(categories, category, subcategory)?.share ?? null;
}

/**
 * Checks each configured target against one month. A month without tweets cannot meet or miss a
 * target ("no-data"); a scope that names no category is reported rather than silently skipped.
 */
export function evaluateTargets(
  month: string,
  total: number,
  categories: CategoryBreakdowns,
  targets: readonly Target[],
): TargetResult[] {
  return targets.map((target) => {
    const scope = String(target.scope);
    const min = target.min ?? null;
    const max = target.max ?? null;
    const range = describeRange(min, max);
    const share = shareOfScope(scope, categories);
    if (share === null) {
      return {
        month,
        scope,
        min,
        max,
        share: null,
        status: 'invalid-scope',
        points: 0,
        text: `The target "${scope}" names no category or subcategory, so it cannot be checked.`,
      };
    }
    if (total === 0) {
      return {
        month,
        scope,
        min,
        max,
        share: null,
        status: 'no-data',
        points: 0,
        text: `${scope}: no tweets this month to check against your target of ${range}.`,
      };
    }
    const shown = formatPercent(share, 1);
    if (min !== null && share < min) {
      const points = round((min - share) * 100, 1);
      return {
        month,
        scope,
        min,
        max,
        share,
        status: 'below',
        points,
        text: `${scope} is ${shown}, ${points.toFixed(1)} points under your target of ${range}.`,
      };
    }
    if (max !== null && share > max) {
      const points = round((share - max) * 100, 1);
      return {
        month,
        scope,
        min,
        max,
        share,
        status: 'above',
        points,
        text: `${scope} is ${shown}, ${points.toFixed(1)} points over your target of ${range}.`,
      };
    }
    return {
      month,
      scope,
      min,
      max,
      share,
      status: 'met',
      points: 0,
      text: `${scope} is ${shown}, within your target of ${range}.`,
    };
  });
}

/**
 * Every target of every detailed month. `ok` is false when a target is missed or names nothing;
 * months without tweets do not count against it, and months with fewer than the post's minimum
 * are not judged: they are listed in `tooFew` instead. Pure, so the CLI can turn it into an exit code.
 */
export function checkTargets(report: AuditReport): {
  ok: boolean;
  results: TargetResult[];
  tooFew: { month: string; total: number; text: string }[];
} {
  const judged = report.months.filter((month) => month.total === 0 || month.total >= LOW_VOLUME_THRESHOLD);
  const tooFew = report.months
    .filter((month) => month.total > 0 && month.total < LOW_VOLUME_THRESHOLD)
    .map((month) => ({
      month: month.month,
      total: month.total,
      text: `targets not judged: only ${plural(month.total, 'tweet')}, fewer than the ${LOW_VOLUME_THRESHOLD} a fair review needs; widen the period with --from/--to or --all`,
    }));
  const results = judged.flatMap((month) => month.targets);
  const ok = results.every((result) => result.status === 'met' || result.status === 'no-data');
  return { ok, results, tooFew };
}
