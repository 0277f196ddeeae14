import { defineRule, type Match } from '../rule.js';
import { isReplyToOthers } from '../signals.js';

// Second-person words that turn a question to the reader, in the four languages.
// Question words opening a question, and first-person words: "What are the best apps I can try?"
// asks for help even without "you".
const WH = new Set([
  'what',
  'which',
  'where',
  'who',
  'how',
  'que',
  'cual',
  'donde',
  'quien',
  'como',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'ou',
  'comment',
  'was',
  'welche',
  'welcher',
  'welches',
  'wo',
  'wer',
  'wie',
]);
const ME = new Set([
  'i',
  'my',
  'me',
  "i'm",
  'yo',
  'mi',
  'mis',
  'je',
  "j'",
  'mon',
  'ma',
  'mes',
  'moi',
  'ich',
  'mein',
  'meine',
  'mir',
  'mich',
]);
// "What is the best…?", "¿Cuál es el mejor…?": asking for opinions.
const SUPERLATIVE = new Set([
  'best',
  'worst',
  'favorite',
  'favourite',
  'mejor',
  'peor',
  'favorito',
  'favorita',
  'meilleur',
  'meilleure',
  'pire',
  'prefere',
  'preferee',
  'beste',
  'schlechteste',
  'lieblings',
]);
// Up to four words and a colon, then a question: "Support folks: how do you…?"
const GROUP_QUESTION = /^((?:[\p{L}&'-]+\s+){0,3}[\p{L}&'-]+)\s*:\s*[^?]*\?/u;
const YOU = new Set([
  'you',
  'your',
  "you're",
  'yall',
  "y'all",
  'vous',
  'vos',
  'votre',
  'os',
  'vosotros',
  'ustedes',
  'ihr',
  'euch',
  'eure',
  'euer',
]);

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
  needs: ['question-mark'],
  match(tweet, ctx): Match | null {
    if (tweet.isRetweet || isReplyToOthers(tweet, ctx)) return null;
    const { body, hits, words } = ctx.text;
    if (!body.includes('?') || hits.has('rhetorical')) return null;
    // Exasperation ("??", "?!") is not a question, nor is one answered in the same breath ("Will it scale? Yes.").
    if (/\?\?|\?!|!\?/.test(body)) return null;
    if (/\?\s*(?:no|nope|non|nein|yes|yep|oui|si|sí|ja)\s*(?:[.!]+|$)/i.test(body)) return null;
    const audience = hits.get('audience');
    if (audience !== undefined) return { reason: 'asks-audience', data: { phrase: audience } };
    const you = words.find((word) => YOU.has(word));
    if (you !== undefined) return { reason: 'asks-you', data: { word: you } };
    const opening = words[0];
    // The opening sentence is the question ("What is the best…? Wrong answers only").
    if (opening !== undefined && WH.has(opening) && /^[^.!?]*\?/.test(body)) {
      if (words.some((word) => ME.has(word))) return { reason: 'asks-for-help', data: { word: opening } };
      const superlative = words.find((word) => SUPERLATIVE.has(word));
      if (superlative !== undefined) return { reason: 'asks-opinion', data: { word: superlative } };
    }
    // "Speakers: what…?", "Podcast listeners: which…?": a question put to a group named up front.
    const group = GROUP_QUESTION.exec(body);
    // "me: where are the tests? senior engineer: …" is a dialogue joke, not a question to a group.
    if (group && !ME.has(group[1]!.trim().toLowerCase()))
      return { reason: 'asks-group', data: { group: group[1]!.trim().toLowerCase() } };
    return null;
  },
  examples: {
    match: [
      { text: 'Anyone using a good tool for support macros?' },
      { text: '¿Alguien sabe si hay meetup de Python este mes?' },
      { text: 'Vous connaissez un bon outil de sondage ?' },
      { text: 'Kennt jemand ein gutes Buch über Community Management?' },
      { text: 'Which one would you pick for a small team, Zendesk or Help Scout?' },
      { text: 'Where can I find a good bike repair shop in Lyon?' },
      { text: 'What is the best pizza in Naples? Wrong answers only' },
      { text: 'Community managers: which metric matters most to your boss?' },
      { text: 'Pregunta seria: ¿nadie más odia los lunes? No juzgo.' },
    ],
    noMatch: [
      { text: 'Who knew? The cache was the problem all along' },
      { text: 'Will it scale? Yes.' },
      { text: 'You need an account to read the docs?!' },
      { text: 'What a day.' },
      { text: 'Who decided that time zones were a good idea?' },
      { text: 'me: where are the tests? the senior engineer:', mediaCount: 1 },
      { text: '@xena anyone else there?', isReply: true },
      { text: 'RT @yan: anyone up for lunch?' },
    ],
  },
});
