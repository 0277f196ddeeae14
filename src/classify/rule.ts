import type { Identity } from '../config/schema.js';
import type { Tweet } from '../model/tweet.js';
import type { IdentityIndex } from './identity.js';
import type { Label } from './taxonomy.js';
import type { TweetText } from './text.js';

/** Data attached to a match, for explanations: plain values only, never prose. */
export type MatchData = Readonly<Record<string, string | number | boolean>>;

/** Why a rule fired: a reason code ("own-domain") and its data ({ domain: "example.com" }). */
export interface Match {
  readonly reason: string;
  readonly data?: MatchData;
}

/** What a rule may read besides the tweet: the owner's identity and the tweet's text features. */
export interface RuleContext {
  readonly identity: IdentityIndex;
  readonly text: TweetText;
}

/** Overrides of the example identity for one example (see {@link EXAMPLE_IDENTITY}). */
export interface ContextSpec {
  identity?: Partial<Omit<Identity, 'employer'>> & { employer?: Partial<Identity['employer']> };
}

/**
 * A tweet written for a rule's examples: any Tweet fields (the rest are derived from the text or
 * defaulted, see `tweetFromSpec`), plus optional context overrides.
 */
export type TweetSpec = Partial<Tweet> & { text: string; context?: ContextSpec };

/** Tweets a rule must match and tweets it must not: its documentation and its tests. */
export interface RuleExamples {
  readonly match: readonly TweetSpec[];
  readonly noMatch: readonly TweetSpec[];
}

/**
 * Facts of a tweet known before any rule runs, cheap to test: a rule that declares `needs` is
 * only called on tweets with at least one of them.
 */
export const NEEDS = {
  /** `tweet.hashtags` is not empty. */
  hashtags: (tweet, _text) => tweet.hashtags.length > 0,
  /** `tweet.urls` is not empty (so `text.links` may not be). */
  links: (tweet, _text) => tweet.urls.length > 0,
  /** `tweet.mentions` is not empty. */
  mentions: (tweet, _text) => tweet.mentions.length > 0,
  /** Some word list matched: `text.hits` is not empty. */
  'word-list': (_tweet, text) => text.hits.size > 0,
  /** The body has a question mark. */
  'question-mark': (_tweet, text) => text.body.includes('?'),
  /** `tweet.isReply` (self-replies included). */
  reply: (tweet, _text) => tweet.isReply,
  'self-reply': (tweet, _text) => tweet.isSelfReply,
  retweet: (tweet, _text) => tweet.isRetweet,
  /** The text opens with handles: `text.leadingHandles` is not empty. */
  'leading-handles': (_tweet, text) => text.leadingHandles.length > 0,
} as const satisfies Record<string, (tweet: Tweet, text: TweetText) => boolean>;

export type Need = keyof typeof NEEDS;

interface RuleBody {
  /** kebab-case, unique, equal to the file name under rules/. */
  readonly id: string;
  /** One sentence: what the rule recognises. */
  readonly description: string;
  /** Breaks ties between rules of the same label: higher first. Default 0. */
  readonly priority?: number;
  /** How sure a label decided by this rule is, 0..1. Default 0.9. */
  readonly confidence?: number;
  /**
   * A soft rule yields to a personal rule when the model agrees that the content is personal: a
   * retweet or a link is `promotion/sharing` only when what it passes on is professional
   * (docs/taxonomy.md: passing on fun or personal content is personal).
   */
  readonly soft?: boolean;
  /**
   * The rule cannot match a tweet that has none of these facts, so the classifier does not call
   * it on such tweets (a test checks the claim on every example and the archives at hand).
   */
  readonly needs?: readonly Need[];
  /** Returns why the rule applies to this tweet, or null when it does not. */
  match(tweet: Tweet, ctx: RuleContext): Match | null;
  readonly examples: RuleExamples;
}

/** A classification rule: one small module under rules/, ESLint style. */
export type Rule = Label & RuleBody;

/** Returns its argument: it exists so rule files get their type checked and inferred. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * The order in which labels win when several rules fire (docs/taxonomy.md, "When several apply"):
 * events first, then jobs, own and employer promotion, then conversation, then sharing, then the
 * person. Subcategories of one category keep the order of their specificity.
 */
export const PRECEDENCE = [
  'conference/live',
  'conference/chat',
  'promotion/jobs',
  'promotion/self',
  'promotion/employer',
  'conversation/reply',
  'conversation/mention',
  'conversation/question',
  'promotion/sharing',
  'personal/whereabouts',
  'personal/media',
  'personal/life',
] as const satisfies readonly `${Label['category']}/${string}`[];

/** Rank of a label in {@link PRECEDENCE}: lower wins. */
export function precedenceOf(label: Label): number {
  return (PRECEDENCE as readonly string[]).indexOf(`${label.category}/${label.subcategory}`);
}

/** Sorts rules by precedence, then priority (higher first), then id. */
export function byPrecedence(a: Rule, b: Rule): number {
  return (
    precedenceOf(a) - precedenceOf(b) ||
    (b.priority ?? 0) - (a.priority ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The identity rule examples run with unless they override it: handle "me", own site
 * "me.example", employer Acme (@acmehq, acme.example), event #devconf, chat #supportchat.
 */
export const EXAMPLE_IDENTITY: Identity = {
  handles: ['me'],
  ownDomains: ['me.example'],
  employer: { names: ['Acme'], handles: ['acmehq'], domains: ['acme.example'] },
  eventHashtags: ['devconf'],
  chatHashtags: ['supportchat'],
};

/** A fixed instant for examples: Monday 2024-01-15 12:00 UTC. */
export const EXAMPLE_INSTANT = Date.UTC(2024, 0, 15, 12, 0, 0);

/**
 * Builds a full Tweet from an example: mentions, hashtags, URLs and the retweet fields are read
 * from the text unless given; a self-reply is a reply; everything else defaults to "plain tweet".
 */
export function tweetFromSpec(spec: TweetSpec): Tweet {
  const { context: _context, ...fields } = spec;
  const text = fields.text;
  const retweet = /^RT @(\w+)/.exec(text);
  const isSelfReply = fields.isSelfReply ?? false;
  return {
    id: fields.id ?? 'example',
    createdAt: fields.createdAt ?? EXAMPLE_INSTANT,
    text,
    isReply: fields.isReply ?? isSelfReply,
    isSelfReply,
    isRetweet: fields.isRetweet ?? retweet !== null,
    retweetOf: fields.retweetOf ?? retweet?.[1]?.toLowerCase(),
    isQuote: fields.isQuote ?? false,
    mentions: fields.mentions ?? [...new Set([...text.matchAll(/@(\w+)/g)].map((m) => m[1]!.toLowerCase()))],
    hashtags: fields.hashtags ?? [...text.matchAll(/(?:^|[^\w&])#(\w+)/gu)].map((m) => m[1]!),
    urls: fields.urls ?? [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]),
    mediaCount: fields.mediaCount ?? 0,
    ...(fields.lang === undefined ? {} : { lang: fields.lang }),
    ...(fields.inReplyToScreenName === undefined ? {} : { inReplyToScreenName: fields.inReplyToScreenName }),
    ...(fields.inReplyToStatusId === undefined ? {} : { inReplyToStatusId: fields.inReplyToStatusId }),
    ...(fields.inReplyToUserId === undefined ? {} : { inReplyToUserId: fields.inReplyToUserId }),
  };
}

/** The example identity with one example's overrides applied. */
export function exampleIdentity(spec: TweetSpec): Identity {
  const override = spec.context?.identity;
  if (!override) return EXAMPLE_IDENTITY;
  return {
    ...EXAMPLE_IDENTITY,
    ...override,
    employer: { ...EXAMPLE_IDENTITY.employer, ...override.employer },
  } as Identity;
}
