import { defineRule, type Match } from '../rule.js';
import { isReplyToOthers } from '../signals.js';

/**
 * The owner announces their own talk, post, podcast, video or book. In a reply to someone else
 * only with a link: "my talk" in a chat is conversation, "here is my post: <link>" is promotion.
 */
export default defineRule({
  id: 'own-content',
  category: 'promotion',
  subcategory: 'self',
  description:
    'Announces the owner\'s own talk, slides, post, podcast, video or book ("my talk", "mi charla", "mon article", "mein Vortrag").',
  confidence: 0.85,
  needs: ['word-list'],
  match(tweet, ctx): Match | null {
    const phrase = ctx.text.hits.get('ownContent');
    if (phrase === undefined) return null;
    if (isReplyToOthers(tweet, ctx) && tweet.urls.length === 0) return null;
    return { reason: 'own-content-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: 'Slides from my talk on support metrics are up' },
      { text: 'New blog post: what a year of community calls taught me' },
      { text: 'Mañana doy mi charla sobre observabilidad en Valencia' },
      { text: 'Mon article sur la gestion des incidents est en ligne' },
      { text: 'Mein Vortrag von gestern als Video' },
      { text: '@erin my blog post on this https://example.org/x', isReply: true },
    ],
    noMatch: [
      { text: "@erin my talk? No, it was Frank's", isReply: true },
      { text: 'Great post by Alice on support metrics' },
      { text: 'Talk is cheap, show me the code' },
    ],
  },
});
