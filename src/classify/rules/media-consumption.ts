import { PERSONAL_HOSTS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';

const MEDIA_HOSTS: readonly string[] = PERSONAL_HOSTS.media;

/** Watching, listening, reading or playing for fun. */
export default defineRule({
  id: 'media-consumption',
  category: 'personal',
  subcategory: 'media',
  description:
    'Watches, listens to, reads or plays something for fun ("watching", "escuchando", "je regarde", music and film links).',
  confidence: 0.7,
  needs: ['links', 'word-list'],
  match(_tweet, ctx): Match | null {
    for (const link of ctx.text.links) {
      if (MEDIA_HOSTS.some((host) => link.host === host || link.host.endsWith(`.${host}`))) {
        return { reason: 'media-link', data: { host: link.host } };
      }
    }
    const phrase = ctx.text.hits.get('media');
    return phrase === undefined ? null : { reason: 'media-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: 'Watching the final with the kids' },
      { text: 'Escuchando el disco nuevo de Rosalía', lang: 'es' },
      { text: 'Ce soir je regarde un vieux film de Truffaut' },
      { text: 'On repeat https://open.spotify.com/track/1' },
    ],
    noMatch: [{ text: 'Reading the logs of last night' }, { text: 'Playing with the new API' }],
  },
});
