import { defineRule, type Match } from '../rule.js';
import { isAnnouncement, isReplyToOthers } from '../signals.js';

// "at #event", "à #event", "en el #evento": being somewhere that has a hashtag; but "look at
// #x", "good at #x" are about the thing, not a place.
const AT_HASHTAG = /(?:^|\s)(?:at|à|en el|en la|auf der|auf dem|bei der)\s+#\w/i;
const NOT_A_PLACE =
  /\b(?:look(?:s|ed|ing)?|laugh(?:s|ed|ing)?|star(?:e|ed|ing)|glanc(?:e|ed|ing)|peek(?:ed|ing)?|point(?:s|ed|ing)?|hint(?:s|ed|ing)?|aim(?:s|ed|ing)?|good|great|bad|better|best|worse|worst|mad|angry)\s+at\s+#/i;

/** Reports from inside an event: sessions, keynotes, talks being given, the booth. */
export default defineRule({
  id: 'live-session',
  category: 'conference',
  subcategory: 'live',
  description:
    'Reports from an event happening now, as a statement: "great talk by", "keynote", "charla de", "session de", "at #event".',
  confidence: 0.75,
  needs: ['word-list', 'hashtags'],
  match(tweet, ctx): Match | null {
    // A retweet reports somebody else's presence, not the owner's. And a report is a statement:
    // a question, thanks or a reply that mention a keynote talk to people (conversation).
    if (tweet.isRetweet || isReplyToOthers(tweet, ctx) || isAnnouncement(ctx)) return null;
    if (ctx.text.body.includes('?') || ctx.text.hits.has('thanks')) return null;
    const phrase = ctx.text.hits.get('liveEvent');
    if (phrase !== undefined) return { reason: 'live-phrase', data: { phrase } };
    if (tweet.hashtags.length > 0 && AT_HASHTAG.test(ctx.text.body) && !NOT_A_PLACE.test(ctx.text.body))
      return { reason: 'at-hashtag' };
    return null;
  },
  examples: {
    match: [
      { text: 'Great talk by @alice on incident reviews, lots to steal for our team' },
      { text: 'Keynote starting, the room is full' },
      { text: 'Gran charla de @bob sobre colas de mensajes' },
      { text: 'Superbe conférence sur le support client ce matin' },
      { text: 'Toller Vortrag über Datenbanken' },
      { text: 'Having a blast at #kubernetesday' },
    ],
    noMatch: [
      { text: 'My talk at the summit is tomorrow, come say hi' },
      { text: 'The keynote video is up, register to watch it next week' },
      { text: 'Talking to customers all day' },
      { text: 'Reading about sessions and cookies' },
      { text: 'RT @zed: great talk by @alice' },
      { text: 'Need to look at #wasm more closely' },
      { text: 'Good luck to @nia on the keynote tomorrow!' },
      { text: 'Speakers: what do you do in the hour before you go on stage?' },
      { text: '@omar I am at the booth until 2', isReply: true },
      { text: "I'll be at #rustmeetup tonight, come say hi" },
    ],
  },
});
