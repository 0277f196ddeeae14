import { defineRule, type Match } from '../rule.js';

/** Family, food, health, home, holidays: the person behind the account. */
export default defineRule({
  id: 'life-event',
  category: 'personal',
  subcategory: 'life',
  description: 'Talks about family, food, health, pets or holidays ("my son", "vacaciones", "ma fille", "Geburtstag").',
  confidence: 0.7,
  needs: ['word-list'],
  match(_tweet, ctx): Match | null {
    const phrase = ctx.text.hits.get('life');
    return phrase === undefined ? null : { reason: 'life-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: 'My son lost his first tooth today' },
      { text: 'Por fin vacaciones' },
      { text: 'Ma fille a appris à faire du vélo' },
      { text: 'Heute ist mein Geburtstag' },
    ],
    noMatch: [{ text: 'Deploy went fine' }, { text: 'Son of a gun, the tests pass' }],
  },
});
