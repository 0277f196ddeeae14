import { JOB_URL_PATTERNS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';

/** Job postings, referrals and job seeking, in words or by a link to a careers page. */
export default defineRule({
  id: 'job-posting',
  category: 'promotion',
  subcategory: 'jobs',
  description: 'Posts or passes on a job ("we\'re hiring", "estamos contratando", "on recrute", "wir stellen ein") or links a careers page.',
  confidence: 0.9,
  match(tweet, ctx): Match | null {
    const phrase = ctx.text.hits.get('jobs');
    if (phrase !== undefined) return { reason: 'job-words', data: { phrase } };
    for (const link of ctx.text.links) {
      if (JOB_URL_PATTERNS.some((pattern) => pattern.test(`${link.hostPath}/`))) return { reason: 'job-link', data: { url: link.hostPath } };
    }
    return null;
  },
  examples: {
    match: [
      { text: "We're hiring a support lead in Lisbon, DM me" },
      { text: 'Estamos contratando: backend con ganas de aprender' },
      { text: 'On recrute un·e développeur·se front !' },
      { text: 'Wir stellen ein: Community Manager (m/w/d)' },
      { text: 'Come work with me https://acme.example/careers/data-engineer' },
      { text: 'RT @friend: Ofertas de empleo en Valencia esta semana' },
    ],
    noMatch: [
      { text: 'Our support team is the best' },
      { text: 'Read the docs https://acme.example/docs/queues' },
      { text: 'Career advice: write things down' },
    ],
  },
});
