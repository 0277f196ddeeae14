/** The taxonomy of docs/taxonomy.md: four categories, each with its subcategories. */
export const SUBCATEGORIES = {
  conversation: ['reply', 'mention', 'question'],
  promotion: ['self', 'employer', 'sharing', 'jobs'],
  conference: ['live', 'chat'],
  personal: ['whereabouts', 'media', 'life'],
} as const;

export type Category = keyof typeof SUBCATEGORIES;
export type Subcategory<C extends Category = Category> = (typeof SUBCATEGORIES)[C][number];

/** The four categories in the order reports list them. */
export const CATEGORIES = Object.keys(SUBCATEGORIES) as Category[];

/** A category with one of its own subcategories. */
export type Label = {
  [C in Category]: { category: C; subcategory: Subcategory<C> };
}[Category];

/** Signals reported beside the breakdown; they are not categories. */
export const FLAGS = ['retweet', 'reply', 'link', 'media', 'late-night', 'drinking', 'complaint', 'duplicate'] as const;
export type Flag = (typeof FLAGS)[number];

/** What the classifier decided for one tweet. */
export type Classification = Label & {
  /** How sure the decision is, 0..1. A tweet that no rule decided gets a low value. */
  confidence: number;
  /** Ids of the rules (or "model", "user-label") that decided the label. */
  decidedBy: string[];
  /** Flags of this tweet, except `duplicate`, which needs the whole period and is set later. */
  flags: Flag[];
};

export function isCategory(value: string): value is Category {
  return Object.hasOwn(SUBCATEGORIES, value);
}

export function isSubcategoryOf<C extends Category>(category: C, value: string): value is Subcategory<C> {
  return (SUBCATEGORIES[category] as readonly string[]).includes(value);
}
