import { SUBCATEGORIES } from '../classify/taxonomy.js';
import type { Category, CategoryBreakdowns, ShareCount } from './types.js';

/**
 * A subcategory's figures looked up by name. The report's type ties each category to its own
 * subcategories; code that walks all categories holds a plain string and comes through here.
 */
export function subcategoryOf(
  categories: CategoryBreakdowns,
  category: Category,
  subcategory: string,
): ShareCount | undefined {
  const entries = categories[category].subcategories as Record<string, ShareCount>;
  return Object.hasOwn(entries, subcategory) ? entries[subcategory] : undefined;
}

/** A category's subcategories with their figures, in taxonomy order. */
export function subcategoryEntries(categories: CategoryBreakdowns, category: Category): [string, ShareCount][] {
  return (SUBCATEGORIES[category] as readonly string[]).flatMap((sub) => {
    const entry = subcategoryOf(categories, category, sub);
    return entry ? [[sub, entry] as [string, ShareCount]] : [];
  });
}
