import { defineRule, type Match } from '../rule.js';

/** Beers, bars, happy hours: the person's night out ("tweet a bit less from bars"). */
export default defineRule({
  id: 'drinking',
  category: 'personal',
  subcategory: 'life',
  description: 'Talks about drinks and bars ("beers", "happy hour", "cañas", "apéro", "Bier").',
  confidence: 0.7,
  needs: ['word-list'],
  match(_tweet, ctx): Match | null {
    const phrase = ctx.text.hits.get('drinking');
    return phrase === undefined ? null : { reason: 'drinking-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: 'Happy hour with the support crew' },
      { text: 'Unas cañas al sol' },
      { text: "L'apéro est servi" },
      { text: 'Feierabendbier!' },
    ],
    noMatch: [{ text: 'The progress bar is stuck' }, { text: 'Barcelona in spring' }],
  },
});
