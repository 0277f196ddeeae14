import { defineRule, type Match } from '../rule.js';

/** Tweets under a scheduled chat's hashtag (from the config or discovery). */
export default defineRule({
  id: 'chat-hashtag',
  category: 'conference',
  subcategory: 'chat',
  description: "Uses the hashtag of a scheduled Twitter chat the owner hosts or joins.",
  confidence: 0.9,
  match(tweet, ctx): Match | null {
    for (const tag of tweet.hashtags) {
      const lower = tag.toLowerCase();
      if (ctx.identity.chatHashtags.has(lower)) return { reason: 'chat-hashtag', data: { hashtag: lower } };
    }
    return null;
  },
  examples: {
    match: [
      { text: 'Agree, first response time is not the whole story #supportchat' },
      { text: 'Joining late tonight #SupportChat' },
      { text: 'Hola a todos #cmchat', context: { identity: { chatHashtags: ['cmchat'] } } },
    ],
    noMatch: [
      { text: 'Support is a team sport' },
      { text: 'Support chat is down again #outage' },
    ],
  },
});
