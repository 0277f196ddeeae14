import { JOB_URL_PATTERNS } from '../lexicons.js';
import { defineRule, type Match } from '../rule.js';
import { isReplyToOthers } from '../signals.js';

/** Job postings, referrals and job seeking, in words or by a link to a careers page. */
export default defineRule({
  id: 'job-posting',
  category: 'promotion',
  subcategory: 'jobs',
  description:
    'Posts or passes on a job ("we\'re hiring", "estamos contratando", "on recrute", "wir stellen ein") or links a careers page.',
  confidence: 0.9,
  needs: ['links', 'word-list'],
  match(tweet, ctx): Match | null {
    for (const link of ctx.text.links) {
      const url = `${link.hostPath}/`;
      if (JOB_URL_PATTERNS.some((pattern) => pattern.test(url)))
        return { reason: 'job-link', data: { url: link.hostPath } };
    }
    // In a reply, job words are talk about jobs ("job offers should show the salary"): only a
    // link to a posting makes a reply a job post.
    if (isReplyToOthers(tweet, ctx)) return null;
    const { hits } = ctx.text;
    const phrase = hits.get('jobs');
    if (phrase !== undefined) return { reason: 'job-words', data: { phrase } };
    const seeking = hits.get('seeking');
    const role = hits.get('roles');
    if (seeking !== undefined && role !== undefined)
      return { reason: 'looking-for-role', data: { phrase: seeking, role } };
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
      { text: "We're looking for a senior backend engineer to join us in Porto" },
      { text: 'Nous cherchons un développeur Java en CDI' },
      { text: '@gus the posting is here https://jobs.acme.example/123', isReply: true },
    ],
    noMatch: [
      { text: 'Our support team is the best' },
      { text: 'Read the docs https://acme.example/docs/queues' },
      { text: 'Career advice: write things down' },
      { text: "We're looking for a venue for the next meetup" },
      { text: '@gus job offers should always show the salary', isReply: true },
      { text: 'Support for CDI and JCache in the new release' },
    ],
  },
});
