import { defineRule, type Match } from '../rule.js';

/** A link to the owner's own site, blog or profile page is promotion of their own work. */
export default defineRule({
  id: 'own-link',
  category: 'promotion',
  subcategory: 'self',
  description: "Links the owner's own domain or their page on a shared host (github.com/<handle>, <handle>.github.io).",
  confidence: 0.9,
  needs: ['links'],
  match(_tweet, ctx): Match | null {
    for (const link of ctx.text.links) {
      const domain = ctx.identity.ownLink(link);
      if (domain !== undefined) return { reason: 'own-domain', data: { domain } };
    }
    return null;
  },
  examples: {
    match: [
      { text: 'Wrote down how we triage tickets https://me.example/blog/triage' },
      { text: '@dave here you go https://blog.me.example/2024/queues', isReply: true },
      { text: 'The code https://github.com/me/ticket-tools' },
      { text: 'Demo https://me.github.io/colors/' },
      { text: 'Slides: https://talks.example/x', context: { identity: { ownDomains: ['talks.example'] } } },
    ],
    noMatch: [
      { text: 'Interesting read https://news.example/article' },
      { text: 'Look at this https://github.com/someoneelse/project' },
      { text: 'Quoting myself https://twitter.com/me/status/123' },
    ],
  },
});
