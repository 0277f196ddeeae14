import { defineRule, type Match } from '../rule.js';
import { isReplyToOthers } from '../signals.js';

/** Every answer to someone else's tweet is conversation (the post counts all "@ responses"). */
export default defineRule({
  id: 'reply',
  category: 'conversation',
  subcategory: 'reply',
  description: "Answers someone else's tweet.",
  confidence: 0.95,
  needs: ['reply'],
  match(tweet, ctx): Match | null {
    if (!isReplyToOthers(tweet, ctx)) return null;
    return { reason: 'reply-to-other', data: { to: tweet.inReplyToScreenName ?? ctx.text.leadingHandles[0] ?? '' } };
  },
  examples: {
    match: [
      { text: '@hana agreed, the second option is simpler', isReply: true, inReplyToScreenName: 'hana' },
      { text: '@ivan jajaja', isReply: true },
      { text: '@jo', isReply: true, mediaCount: 1 },
    ],
    noMatch: [
      { text: 'And the second part of the story', isSelfReply: true },
      { text: '@me also this', isReply: true, inReplyToScreenName: 'me' },
      { text: '@hana have a look at this' },
    ],
  },
});
