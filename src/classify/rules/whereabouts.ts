import { PERSONAL_HOSTS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';

const CHECK_IN_HOSTS: readonly string[] = PERSONAL_HOSTS.whereabouts;
// Built once: building `${host}/` per link and host was a measurable cost per tweet.
const CHECK_IN_PREFIXES = CHECK_IN_HOSTS.map((host) => `${host}/`);
const CHECK_IN_SUFFIXES = CHECK_IN_HOSTS.map((host) => `.${host}`);

/** Where the owner is or is going: check-ins, travel, commuting. */
export default defineRule({
  id: 'whereabouts',
  category: 'personal',
  subcategory: 'whereabouts',
  description:
    'Tells where the owner is or is going ("I\'m at", "heading to", "de camino", "je suis à", check-in links).',
  confidence: 0.75,
  needs: ['links', 'word-list'],
  match(_tweet, ctx): Match | null {
    for (const link of ctx.text.links) {
      for (let i = 0; i < CHECK_IN_HOSTS.length; i++) {
        if (
          link.hostPath === CHECK_IN_HOSTS[i] ||
          link.hostPath.startsWith(CHECK_IN_PREFIXES[i]!) ||
          link.host.endsWith(CHECK_IN_SUFFIXES[i]!)
        ) {
          return { reason: 'check-in-link', data: { host: link.host } };
        }
      }
    }
    const phrase = ctx.text.hits.get('whereabouts');
    return phrase === undefined ? null : { reason: 'whereabouts-words', data: { phrase } };
  },
  examples: {
    match: [
      { text: "I'm at Central Station https://www.swarmapp.com/c/abc" },
      { text: 'Heading to the office, late again' },
      { text: 'De camino a Valencia en el tren' },
      { text: 'Bien arrivé à Lyon' },
      { text: 'Gelandet in Berlin' },
    ],
    noMatch: [{ text: 'Where do you deploy your apps?' }, { text: 'The train of thought continues' }],
  },
});
