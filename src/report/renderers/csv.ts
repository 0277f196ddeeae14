import { stringify } from 'csv-stringify/sync';
import { CATEGORIES } from '../../classify/taxonomy.js';
import { subcategoryEntries } from '../breakdown.js';
import type { AuditReport, TrendPoint } from '../types.js';
import { periodShown, type RenderOptions } from './shared.js';

/**
 * Columns of the report CSV (documented in ../csv-columns.md), long format so a spreadsheet pivot
 * or `GROUP BY` needs no reshaping:
 *   month          "YYYY-MM" in the report's time zone; "YYYY-MM..YYYY-MM" for a period as one
 *   category       one of the four categories
 *   subcategory    empty on the category's total row, else one of its subcategories
 *   count          tweets
 *   share          fraction 0..1 of the month's total (4 decimals)
 *   change_points  share minus the previous month's, in percentage points; empty when not comparable
 * Every cell is a name from the taxonomy or a number, never user text, so no formula escaping is needed.
 */
export const REPORT_CSV_COLUMNS = ['month', 'category', 'subcategory', 'count', 'share', 'change_points'] as const;

/** Columns of the trend CSV: one row per month, shares per category. */
export const TREND_CSV_COLUMNS = ['month', 'total', 'low_volume', ...CATEGORIES] as const;

/**
 * The detailed months in long format: a total row per category, then its subcategories. A period
 * reviewed as one is one block of 16 rows, its `month` the period "YYYY-MM..YYYY-MM".
 */
export function renderCsv(report: AuditReport, options: RenderOptions): string {
  const rows: (string | number)[][] = [];
  const period = periodShown(report, options);
  const blocks = period ? [{ month: `${period.from}..${period.to}`, categories: period.categories }] : report.months;
  for (const month of blocks) {
    for (const category of CATEGORIES) {
      const c = month.categories[category];
      rows.push([month.month, category, '', c.count, c.share, c.changePoints ?? '']);
      for (const [sub, s] of subcategoryEntries(month.categories, category)) {
        rows.push([month.month, category, sub, s.count, s.share, s.changePoints ?? '']);
      }
    }
  }
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS] });
}

/** The trend, one row per month; `low_volume` is "true" for months under 20 tweets. */
export function renderTrendCsv(points: TrendPoint[]): string {
  const rows = points.map((p) => [
    p.month,
    p.total,
    p.lowVolume ? 'true' : 'false',
    ...CATEGORIES.map((category) => p.shares[category]),
  ]);
  return stringify(rows, { header: true, columns: [...TREND_CSV_COLUMNS] });
}
