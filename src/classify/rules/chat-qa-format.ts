import { defineRule, type Match } from '../rule.js';

// "Q1:", "A3)", "T2." at the start of the body: the numbered question/answer form of twitter chats.
const QA = /^(?:[QAT]\d{1,2})\s*[:.)-]\s/i;

/** The Q1/A1 form of a hashtag chat, even when the chat's hashtag is not known yet. */
export default defineRule({
  id: 'chat-qa-format',
  category: 'conference',
  subcategory: 'chat',
  description: 'Answers or asks in the numbered form of a twitter chat ("Q2: ...", "A2: ...") under a hashtag.',
  confidence: 0.85,
  needs: ['hashtags'],
  match(tweet, ctx): Match | null {
    if (tweet.hashtags.length === 0) return null;
    const qa = QA.exec(ctx.text.body);
    return qa ? { reason: 'qa-format', data: { marker: qa[0].trim().slice(0, -1).toUpperCase() } } : null;
  },
  examples: {
    match: [
      { text: 'A2: we answer within the hour, and we say so in the bio #custserv' },
      { text: 'Q4: How do you measure community health? #cmgrchat' },
      { text: '@carol A1: listen first, then ship #supportchat' },
    ],
    noMatch: [{ text: 'A2: we answer within the hour' }, { text: 'Q4 results are in #earnings' }],
  },
});
