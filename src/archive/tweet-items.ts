import type { Tweet } from '../model/tweet.js';
import { editChain } from './edits.js';
import { normalizeXTweet, notTweets, unwrapTweet, type XTweetOptions } from './x-tweet.js';

/**
 * Turns the items of one modern tweets file, batch by batch, into Tweets and their edit chains,
 * counting what it skips.
 */
export class TweetItems {
  /** Items that are not tweets (after the first) or have no id or no date. */
  skipped = 0;
  /** Items that looked like tweets. */
  seen = 0;

  /** @param file The file as named in messages. */
  constructor(
    private readonly file: string,
    private readonly options: XTweetOptions,
  ) {}

  /**
   * Appends the tweets of `items` to `tweets` and, at the same index of `chains`, each one's edit
   * chain (undefined for a tweet never edited). Throws when the file's first item is not a tweet.
   */
  add(items: unknown[], tweets: Tweet[], chains: Array<string[] | undefined>): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const raw = unwrapTweet(item);
      if (raw === undefined) {
        if (this.seen === 0) throw notTweets(item, this.file);
        this.skipped++;
        continue;
      }
      this.seen++;
      const tweet = normalizeXTweet(raw, this.options);
      if (tweet === undefined) {
        this.skipped++;
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
