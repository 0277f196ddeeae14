import { SHOWCASE_HASHTAGS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';

const SHOWCASE = new Set(SHOWCASE_HASHTAGS);

/** Build/learn-in-public challenges (#100DaysOfCode, #30DayMapChallenge): the day's own work. */
export default defineRule({
  id: 'showcase-hashtag',
  category: 'promotion',
  subcategory: 'self',
  description:
    "Posts the day's work under a build-in-public challenge hashtag (#100DaysOfCode, #30DayMapChallenge, #buildinpublic).",
  confidence: 0.8,
  needs: ['hashtags'],
  match(tweet): Match | null {
    for (const tag of tweet.hashtags) {
      const lower = tag.toLowerCase();
      if (SHOWCASE.has(lower)) return { reason: 'showcase-hashtag', data: { hashtag: lower } };
    }
    return null;
  },
  examples: {
    match: [
      { text: '12/100 #100DaysOfCode parsing logs with awk', mediaCount: 1 },
      { text: 'Day 3: rivers of Europe #30DayMapChallenge' },
    ],
    noMatch: [{ text: 'Great thread on code reviews #programming' }, { text: 'A hundred days of code, imagine' }],
  },
});
