import { defineRule, type Match } from '../rule.js';
import { othersIn } from '../signals.js';

/**
 * A tweet that is not a reply but opens with someone's handle starts a conversation with them
 * (and is how early tweets replied, before replies were linked).
 */
export default defineRule({
  id: 'opens-with-handle',
  category: 'conversation',
  subcategory: 'mention',
  description: "Is not a reply but opens with other people's handles, talking to them.",
  confidence: 0.85,
  needs: ['leading-handles'],
  match(tweet, ctx): Match | null {
    if (tweet.isReply || tweet.isRetweet) return null;
    const others = othersIn(ctx.text.leadingHandles, ctx);
    return others.length === 0 ? null : { reason: 'addressed-to', data: { to: others.join(' ') } };
  },
  examples: {
    match: [
      { text: '@mia welcome aboard!' },
      { text: '.@noah have you seen this? https://example.org' },
      { text: '@me @olga coffee tomorrow?' },
    ],
    noMatch: [{ text: 'Lunch with @mia' }, { text: '@mia sure', isReply: true }, { text: 'RT @mia: big news' }],
  },
});
