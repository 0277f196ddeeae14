import { defineRule, type Match } from '../rule.js';

/** "TIL", "pro tip", "astuce", "truco": passing on something learned (educational sharing). */
export default defineRule({
  id: 'tip-share',
  category: 'promotion',
  subcategory: 'sharing',
  description: 'Passes on a tip or something just learned ("TIL", "pro tip", "truco", "astuce", "Tipp").',
  confidence: 0.75,
  needs: ['word-list'],
  match(tweet, ctx): Match | null {
    if (tweet.isRetweet) return null;
    const phrase = ctx.text.hits.get('tips');
    return phrase === undefined ? null : { reason: 'tip-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: 'TIL git can sign commits with SSH keys' },
      { text: 'Pro tip: write the postmortem the same day' },
      { text: 'Truco: Ctrl+R en la terminal busca en el historial' },
      { text: 'Astuce : git switch - revient à la branche précédente' },
    ],
    noMatch: [{ text: 'Tired of tips, just ship' }, { text: 'RT @sol: TIL about sets' }],
  },
});
