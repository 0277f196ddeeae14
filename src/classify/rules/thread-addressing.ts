import { defineRule, type Match } from '../rule.js';
import { othersIn } from '../signals.js';

/**
 * A reply to one's own tweet that opens with other people's handles: in a long exchange the
 * owner answers below their own tweet but still talks to others (docs/taxonomy.md, self-replies).
 */
export default defineRule({
  id: 'thread-addressing',
  category: 'conversation',
  subcategory: 'reply',
  description:
    "Continues the owner's own thread but opens with other people's handles, as replies in a long exchange do.",
  confidence: 0.85,
  needs: ['self-reply'],
  match(tweet, ctx): Match | null {
    if (!tweet.isSelfReply) return null;
    const others = othersIn(ctx.text.leadingHandles, ctx);
    return others.length === 0 ? null : { reason: 'self-reply-to-others', data: { to: others.join(' ') } };
  },
  examples: {
    match: [
      { text: '@kim @lee exactly, that was my point', isSelfReply: true },
      { text: '@me @kim and one more thing', isSelfReply: true },
    ],
    noMatch: [
      { text: 'Second part: the numbers', isSelfReply: true },
      { text: '@kim exactly', isReply: true },
      { text: 'Thanks to @kim for the idea', isSelfReply: true },
    ],
  },
});
