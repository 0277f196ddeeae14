import { defineRule, type Match } from '../rule.js';

/**
 * A retweet passes on someone else's material: sharing, unless what it passes on is personal or
 * fun: a personal rule that fires on its words, with the model agreeing, overrules it (soft).
 */
export default defineRule({
  id: 'retweet',
  category: 'promotion',
  subcategory: 'sharing',
  description: "Retweets someone else's tweet (soft: yields to a personal rule the model agrees with).",
  confidence: 0.7,
  soft: true,
  needs: ['retweet'],
  match(tweet): Match | null {
    return tweet.isRetweet ? { reason: 'retweet', data: { of: tweet.retweetOf ?? '' } } : null;
  },
  examples: {
    match: [
      { text: 'RT @quinn: Ten lessons from a year of on-call' },
      { text: 'Loved this', isRetweet: true, retweetOf: 'quinn' },
    ],
    noMatch: [{ text: 'Ten lessons from a year of on-call' }, { text: 'Please RT: we need volunteers' }],
  },
});
