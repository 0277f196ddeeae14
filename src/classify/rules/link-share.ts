import { PERSONAL_HOSTS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';

const PERSONAL = new Set<string>(Object.values(PERSONAL_HOSTS).flat());
const STATUS_LINK = /^(?:mobile\.)?(?:twitter|x)\.com\/(\w+)\/status/;

function isPersonalHost(host: string): boolean {
  if (PERSONAL.has(host)) return true;
  const dot = host.indexOf('.');
  return dot > 0 && PERSONAL.has(host.slice(dot + 1));
}

/**
 * A link to someone else's page passes on material: sharing, unless it is personal or fun (soft).
 * Links to check-in, music, film and photo sites are left to the personal rules, and a link to
 * one's own tweet is a quote of oneself, not a share.
 */
export default defineRule({
  id: 'link-share',
  category: 'promotion',
  subcategory: 'sharing',
  description: "Links someone else's page or tweet (soft: yields to a personal rule the model agrees with).",
  confidence: 0.7,
  soft: true,
  needs: ['links'],
  match(_tweet, ctx): Match | null {
    for (const link of ctx.text.links) {
      if (isPersonalHost(link.host)) continue;
      const status = STATUS_LINK.exec(link.hostPath);
      if (status && ctx.identity.ownHandles.has(status[1]!)) continue;
      return { reason: status ? 'quoted-tweet' : 'link', data: { host: link.host } };
    }
    return null;
  },
  examples: {
    match: [
      { text: 'Solid write-up on queue backpressure https://engineering.example/backpressure' },
      { text: 'So true https://twitter.com/rosa/status/42' },
      { text: 'Muy buen resumen https://blog.example.es/resumen' },
    ],
    noMatch: [
      { text: 'Sunday playlist https://open.spotify.com/playlist/1' },
      { text: 'As I said https://twitter.com/me/status/7' },
      { text: 'No link here' },
    ],
  },
});
