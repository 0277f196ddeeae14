import { defineRule, type Match } from '../rule.js';
import { isAnnouncement, isShoutOut } from '../signals.js';

/** Tweets under a scheduled chat's hashtag (from the config or discovery). */
export default defineRule({
  id: 'chat-hashtag',
  category: 'conference',
  subcategory: 'chat',
  description: 'Uses the hashtag of a scheduled Twitter chat the owner hosts or joins.',
  confidence: 0.9,
  needs: ['hashtags'],
  match(tweet, ctx): Match | null {
    // A recap on one's own site is promotion of one's content; a #FF of the regulars is a shout-out.
    if (isShoutOut(tweet) || isAnnouncement(ctx)) return null;
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
      { text: "The recap of last week's #supportchat https://me.example/recap" },
      { text: '#FF @ana @bo, the #supportchat regulars' },
    ],
  },
});
