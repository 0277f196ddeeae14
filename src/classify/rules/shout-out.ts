import { SHOUT_OUT_HASHTAGS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';
import { othersIn } from '../signals.js';

const SHOUT_OUT = new Set(SHOUT_OUT_HASHTAGS);
// "cc @x", "/cc @x", "ht @x", "h/t @x", "vía @x" is attribution, not conversation, so it is not here.
const CC = /(?:^|[\s(])(?:\/?cc|ht|h\/t)\s*:?\s*@\w/i;
/** Naming this many other people is a shout-out even without "thanks". */
const MANY_PEOPLE = 3;

/** Thanks, congratulations, "cc", #FF and lists of people: talking to or about named people. */
export default defineRule({
  id: 'shout-out',
  category: 'conversation',
  subcategory: 'mention',
  description:
    'Thanks, congratulates, cc\'s or lists people by handle (#FF, "thanks @x", "cc @y", three or more people).',
  confidence: 0.8,
  needs: ['hashtags', 'mentions'],
  match(tweet, ctx): Match | null {
    if (tweet.isRetweet) return null;
    for (const tag of tweet.hashtags) {
      if (SHOUT_OUT.has(tag.toLowerCase())) return { reason: 'follow-friday', data: { hashtag: tag.toLowerCase() } };
    }
    const people = othersIn(tweet.mentions, ctx).filter((handle) => !ctx.identity.employerHandles.has(handle));
    if (people.length === 0) return null;
    const thanks = ctx.text.hits.get('thanks');
    if (thanks !== undefined) return { reason: 'thanks', data: { phrase: thanks, to: people.join(' ') } };
    if (CC.test(tweet.text)) return { reason: 'cc', data: { to: people.join(' ') } };
    if (people.length >= MANY_PEOPLE) return { reason: 'many-people', data: { count: people.length } };
    return null;
  },
  examples: {
    match: [
      { text: 'Thanks @pia for the great feedback session' },
      { text: 'Enhorabuena @raul por el nuevo trabajo' },
      { text: 'Merci @sam pour la relecture' },
      { text: 'Il est rapide ! cc @tom' },
      { text: '#FF @uma @vic, the best support people I know' },
      { text: 'Lunch crew today: @uma @vic @wes' },
    ],
    noMatch: [
      { text: 'Thanks everyone for coming' },
      { text: 'Working with @uma on the migration' },
      { text: 'RT @uma: thanks @vic!' },
      { text: 'Congrats to the whole @acmehq team' },
    ],
  },
});
