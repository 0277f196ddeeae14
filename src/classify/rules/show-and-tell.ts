import { defineRule, type Match } from '../rule.js';
import { hasAttachment, howTo, isReplyToOthers, isThreadLike } from '../signals.js';

/**
 * Showing something one made ("I built", "he hecho", "j'ai codé", "here is how"). The words alone
 * are as often about pancakes as about projects, so a link, media or a thread must come with them.
 */
export default defineRule({
  id: 'show-and-tell',
  category: 'promotion',
  subcategory: 'self',
  description:
    'Shows the owner\'s own work ("I built", "he hecho", "j\'ai codé", "how to") with a link, media or as a thread.',
  confidence: 0.75,
  match(tweet, ctx): Match | null {
    if (tweet.isRetweet || isReplyToOthers(tweet, ctx)) return null;
    const phrase = ctx.text.hits.get('showAndTell') ?? howTo(ctx);
    if (phrase === undefined) return null;
    if (hasAttachment(tweet)) return { reason: 'made-with-attachment', data: { phrase } };
    if (isThreadLike(tweet, ctx)) return { reason: 'made-in-thread', data: { phrase } };
    return null;
  },
  examples: {
    match: [
      { text: 'I built a tiny dashboard for our ticket backlog', mediaCount: 1 },
      { text: 'He hecho un mapa con todos los bares de mi barrio https://maps.example/x' },
      { text: "J'ai codé un petit outil pour trier les tickets 👇" },
      { text: 'Here is how the importer works, step by step', isSelfReply: true },
      { text: 'Hoy: cómo limpiar un CSV enorme con DuckDB', mediaCount: 1 },
      { text: 'Comment déployer une appli Node sans douleur https://blog.example.fr/deploy' },
    ],
    noMatch: [
      { text: 'I made pancakes this morning' },
      { text: 'RT @other: I built a thing https://x.example' },
      { text: '@frank I made it work in the end', isReply: true, mediaCount: 1 },
      { text: 'What I keep wondering about is how to stay curious after ten years', mediaCount: 1 },
    ],
  },
});
