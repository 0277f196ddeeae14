import { SkipCount } from '../model/skipped.js';
import type { Tweet } from '../model/tweet.js';
import { editChain } from './edits.js';
import { normalizeXTweet, notTweets, unwrapTweet, type XTweetOptions } from './x-tweet.js';

/** Why an X archive's record is skipped, after a count: "3 with no id or no valid date". */
export const NO_ID_OR_DATE = 'with no id or no valid date';

/**
 * Turns the items of one modern tweets file, batch by batch, into Tweets and their edit chains,
 * counting what it skips.
 */
export class TweetItems {
  /** Items that are not tweets (after the first) or have no id or no date. */
  readonly skipped: SkipCount;
  /** Items that looked like tweets. */
  seen = 0;
  private items = 0;

  /**
   * @param file The file as named in errors (with the archive's path).
   * @param name The file inside the archive, as the list of skipped records names it.
   */
  constructor(
    private readonly file: string,
    private readonly options: XTweetOptions,
    name = file,
  ) {
    this.skipped = new SkipCount(name, NO_ID_OR_DATE);
  }

  /**
   * Appends the tweets of `items` to `tweets` and, at the same index of `chains`, each one's edit
   * chain (undefined for a tweet never edited). Throws when the file's first item is not a tweet.
   */
  add(items: unknown[], tweets: Tweet[], chains: Array<string[] | undefined>): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      this.items++;
      const raw = unwrapTweet(item);
      if (raw === undefined) {
        if (this.seen === 0) throw notTweets(item, this.file);
        this.skipped.add(`item ${this.items}`);
        continue;
      }
      this.seen++;
      const tweet = normalizeXTweet(raw, this.options);
      if (tweet === undefined) {
        this.skipped.add(`item ${this.items}`);
        continue;
      }
      tweets.push(tweet);
      chains.push(editChain(raw));
    }
  }
}

/**
 * The items of batches, one by one. A hand-written iterator rather than an async generator
 * yielding each item: a million tweets would pay a million generator resumptions; here an item
 * already read costs one resolved promise. `return()` (a `break` in `for await`) is passed on, so
 * the batches' generator closes its files.
 */
export function flattenBatches<T>(batches: AsyncIterator<T[]>): AsyncIterableIterator<T> {
  let batch: T[] = [];
  let at = 0;
  let pending: Promise<IteratorResult<T>> | undefined;
  const refill = async (): Promise<IteratorResult<T>> => {
    for (;;) {
      const r = await batches.next();
      if (r.done) return { value: undefined, done: true };
      if (r.value.length > 0) {
        batch = r.value;
        at = 1;
        return { value: batch[0]!, done: false };
      }
    }
  };
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    next(): Promise<IteratorResult<T>> {
      if (pending) return pending.then(() => iterator.next());
      if (at < batch.length) return Promise.resolve({ value: batch[at++]!, done: false });
      pending = refill().finally(() => (pending = undefined));
      return pending;
    },
    async return(value?: unknown): Promise<IteratorResult<T>> {
      batch = [];
      at = 0;
      await batches.return?.(value);
      return { value: undefined, done: true };
    },
  };
  return iterator;
}
