import type { Tweet } from '../model/tweet.js';
import { asArray, asId, asObject, type JsonObject } from './json-guards.js';

/**
 * The ids of every version of an edited tweet, oldest first, from its `edit_info`; undefined for a
 * tweet never edited. X puts each version in tweets.js: the first with
 * `edit_info.initial.editTweetIds`, later ones with `edit_info.edit.initialTweetId` and
 * `edit_info.edit.editControlInitial.editTweetIds`.
 */
export function editChain(tweet: JsonObject): string[] | undefined {
  const info = asObject(tweet.edit_info);
  if (!info) return undefined;
  const edit = asObject(info.edit);
  const control = asObject(info.initial) ?? asObject(edit?.editControlInitial) ?? asObject(info.editControlInitial);
  const listed = asArray(control?.editTweetIds);
  const initial = asId(edit?.initialTweetId);
  // Nearly every tweet: never edited, `editTweetIds` holding its own id alone. No arrays for it.
  if (initial === undefined && listed.length <= 1) {
    const only = asId(listed[0]);
    if (only === undefined) return undefined;
    const own = asId(tweet.id_str) ?? asId(tweet.id);
    return own === undefined || own === only ? undefined : [only, own];
  }
  const ids: string[] = [];
  for (const v of listed) {
    const id = asId(v);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  if (initial !== undefined && !ids.includes(initial)) ids.unshift(initial);
  const own = asId(tweet.id_str) ?? asId(tweet.id);
  if (own !== undefined && ids.length > 0 && !ids.includes(own)) ids.push(own);
  return ids.length > 1 ? ids : undefined;
}

/**
 * Keeps each edited tweet once, in its last version present in the archive. Tweets never edited
 * pass straight through; only versions of edited tweets are held until the end of the archive
 * (a later version may be in another part file), so memory grows with the number of edited
 * tweets, not with the archive.
 */
export class EditResolver {
  private readonly held = new Map<string, Tweet>();
  private readonly chains = new Map<string, string[]>();

  /** True when the tweet is a version of an edited tweet and was held back for `finish`. */
  hold(tweet: Tweet, chain: string[] | undefined): boolean {
    if (chain === undefined) return false;
    this.held.set(tweet.id, tweet);
    this.chains.set(chain.join(','), chain);
    return true;
  }

  /**
   * `hold` for each tweet of a batch (`chains[i]` is the chain of `tweets[i]`): returns the
   * tweets not held, in order (`tweets` itself when none was).
   */
  holdAll(tweets: Tweet[], chains: ReadonlyArray<string[] | undefined>): Tweet[] {
    let kept: Tweet[] | undefined;
    for (let i = 0; i < tweets.length; i++) {
      if (this.hold(tweets[i]!, chains[i])) kept ??= tweets.slice(0, i);
      else kept?.push(tweets[i]!);
    }
    return kept ?? tweets;
  }

  /** The held tweets that no later version supersedes. */
  *finish(): Generator<Tweet> {
    const superseded = new Set<string>();
    for (const chain of this.chains.values()) {
      let last = -1;
      for (let i = chain.length - 1; i >= 0; i--) {
        if (this.held.has(chain[i]!)) {
          last = i;
          break;
        }
      }
      for (let i = 0; i < last; i++) superseded.add(chain[i]!);
    }
    for (const [id, tweet] of this.held) if (!superseded.has(id)) yield tweet;
    this.held.clear();
    this.chains.clear();
  }
}
