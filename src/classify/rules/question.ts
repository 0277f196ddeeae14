import { defineRule, type Match } from '../rule.js';
import { isReplyToOthers } from '../signals.js';

// Second-person words that turn a question to the reader, in the four languages.
const YOU = new Set(['you', 'your', "you're", 'yall', "y'all", 'vous', 'vos', 'votre', 'os', 'vosotros', 'ustedes', 'ihr', 'euch', 'eure', 'euer']);

/**
 * Asks the followers something. A question mark is not enough ("Who knew?", "Will it
 * scale? Yes."): the question must turn to the reader and must not be rhetorical.
 */
export default defineRule({
  id: 'question',
  category: 'conversation',
  subcategory: 'question',
  description: 'Asks followers something ("anyone knows…?", "¿alguien…?", "vous connaissez…?"), not rhetorically.',
  confidence: 0.7,
  match(tweet, ctx): Match | null {
    if (tweet.isRetweet || isReplyToOthers(tweet, ctx)) return null;
    const { body, hits, words } = ctx.text;
    if (!body.includes('?') || hits.has('rhetorical')) return null;
    // A question answered in the same breath ("Will it scale? Yes.") is rhetorical.
    if (/\?\s*(?:no|nope|non|nein|yes|oui|si|sí|ja)\b/i.test(body)) return null;
    const audience = hits.get('audience');
    if (audience !== undefined) return { reason: 'asks-audience', data: { phrase: audience } };
    const you = words.find((word) => YOU.has(word));
    return you === undefined ? null : { reason: 'asks-you', data: { word: you } };
  },
  examples: {
    match: [
      { text: 'Anyone using a good tool for support macros?' },
      { text: '¿Alguien sabe si hay meetup de Python este mes?' },
      { text: 'Vous connaissez un bon outil de sondage ?' },
      { text: 'Kennt jemand ein gutes Buch über Community Management?' },
      { text: 'Which one would you pick for a small team, Zendesk or Help Scout?' },
    ],
    noMatch: [
      { text: 'Who knew? The cache was the problem all along' },
      { text: 'Will it scale? Yes.' },
      { text: 'What a day.' },
      { text: '@xena anyone else there?', isReply: true },
      { text: 'RT @yan: anyone up for lunch?' },
    ],
  },
});
