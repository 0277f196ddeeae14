import { defineRule, type Match } from '../rule.js';
import { isAboutPersonalLife, isReplyToOthers, isShoutOut } from '../signals.js';

/**
 * The employer's products and news: retweets of the employer, links to its site or tweets, its
 * name or account in the text. In a reply to someone else only a link counts: naming the company
 * while chatting is conversation, and the handles a reply opens with just address people.
 */
export default defineRule({
  id: 'employer',
  category: 'promotion',
  subcategory: 'employer',
  description:
    "Retweets, links or names the owner's employer (names, handles and domains from the config or discovery).",
  confidence: 0.85,
  match(tweet, ctx): Match | null {
    const { identity, text } = ctx;
    for (const link of text.links) {
      const domain = identity.employerLink(link);
      if (domain !== undefined) return { reason: 'employer-link', data: { domain } };
    }
    if (isReplyToOthers(tweet, ctx)) return null;
    if (tweet.retweetOf !== undefined && identity.employerHandles.has(tweet.retweetOf)) {
      return { reason: 'employer-retweet', data: { handle: tweet.retweetOf } };
    }
    // Naming the company while talking about one's evening, welcoming a colleague or listing
    // friends is not promoting it: names and handles count only outside such tweets.
    if (isAboutPersonalLife(ctx) || isShoutOut(tweet) || ctx.text.hits.has('thanks')) return null;
    for (const handle of text.bodyMentions) {
      if (identity.employerHandles.has(handle)) return { reason: 'employer-handle', data: { handle } };
    }
    const name = identity.employerName(text);
    return name === undefined ? null : { reason: 'employer-name', data: { name } };
  },
  examples: {
    match: [
      { text: 'RT @acmehq: Version 3 is out, with offline mode' },
      { text: 'Proud of what the team shipped https://acme.example/changelog' },
      { text: 'Best launch day ever @acmehq' },
      { text: 'At Acme we answer every ticket within an hour' },
      { text: 'This one https://twitter.com/acmehq/status/1', isReply: true },
    ],
    noMatch: [
      { text: '@acmehq @gina thanks for the help!', isReply: true },
      { text: '@gina yes, Acme does that too', isReply: true },
      { text: 'RT @other: our team is growing' },
      { text: 'Acme is in the news', context: { identity: { employer: { names: [], handles: [], domains: [] } } } },
      { text: 'Drinks with the Acme crew tonight' },
      { text: 'Welcome to the Acme support team, @zoe!' },
    ],
  },
});
