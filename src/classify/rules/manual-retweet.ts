import { defineRule, type Match } from '../rule.js';

// "Nice RT @x: …", "MT @x: …", "“@x: …”", "… via @x": passing on somebody's tweet or find by hand,
// the way it was done before the retweet button (such tweets are not retweets in the archive).
const MANUAL = /(?:^|\s)(?:RT|MT|R\/T)\s?@(\w+):?|[“"«]\s?@(\w+):|\bvia @(\w+)/i;

/** Retweets made by hand and "via @x" attributions: passing on someone's material (soft). */
export default defineRule({
  id: 'manual-retweet',
  category: 'promotion',
  subcategory: 'sharing',
  description:
    'Passes on somebody\'s tweet by hand ("RT @x:", "“@x: …”", "via @x") (soft: yields to a personal rule the model agrees with).',
  confidence: 0.7,
  soft: true,
  match(tweet): Match | null {
    // Every form names someone with "@": most tweets are settled without the regex.
    if (tweet.isRetweet || !tweet.text.includes('@')) return null;
    const manual = MANUAL.exec(tweet.text);
    if (!manual) return null;
    return { reason: 'manual-retweet', data: { of: (manual[1] ?? manual[2] ?? manual[3] ?? '').toLowerCase() } };
  },
  examples: {
    match: [
      { text: 'Must read RT @kai: ten rules for on-call' },
      { text: 'yes! “@lia: the new release is out”' },
      { text: 'Handy checklist for launches via @mo' },
    ],
    noMatch: [{ text: 'RT @kai: ten rules for on-call' }, { text: 'Talking to @kai about on-call' }],
  },
});
