import { indexIdentity } from '../../src/classify/identity.js';
import { createNlp, type Nlp } from '../../src/classify/nlp.js';
import { exampleIdentity, tweetFromSpec, type RuleContext, type TweetSpec } from '../../src/classify/rule.js';
import { analyzeText } from '../../src/classify/text.js';
import type { Identity } from '../../src/config/schema.js';
import type { Tweet } from '../../src/model/tweet.js';

let nlp: Nlp | undefined;

/** One NLP instance for all tests of a file (loading the stemmers takes a moment). */
export function sharedNlp(): Nlp {
  return (nlp ??= createNlp());
}

/** The tweet and rule context of a rule example, as the classifier would build them. */
export function exampleContext(spec: TweetSpec): { tweet: Tweet; ctx: RuleContext } {
  const tweet = tweetFromSpec(spec);
  return {
    tweet,
    ctx: { identity: indexIdentity(exampleIdentity(spec)), text: analyzeText(tweet, sharedNlp().vocabulary) },
  };
}

/** A tweet for tests: a plain tweet with this text unless fields say otherwise. */
export function tweet(text: string, fields: Partial<Tweet> = {}): Tweet {
  return tweetFromSpec({ text, ...fields });
}

/** An identity for tests, with every list empty unless given. */
export function identity(
  fields: Partial<Omit<Identity, 'employer'>> & { employer?: Partial<Identity['employer']> } = {},
): Identity {
  return {
    handles: fields.handles ?? ['me'],
    ownDomains: fields.ownDomains ?? [],
    employer: { names: [], handles: [], domains: [], ...fields.employer },
    eventHashtags: fields.eventHashtags ?? [],
    chatHashtags: fields.chatHashtags ?? [],
  };
}
