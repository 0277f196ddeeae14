import type { Identity, TweetAuditConfig } from '../config/schema.js';
import type { IdentityEvidenceState } from '../config/discover.js';
import type { NoteTweet } from '../archive/note-tweets.js';
import type { ArchiveOwner, Tweet } from '../model/tweet.js';
import type { DetailBounds, DuplicateFindings, DuplicateState } from '../report/index.js';
import type { AggregatorState } from '../report/aggregate.js';

/*
 * The messages between the main thread of a parallel audit (run.ts) and its workers (worker.ts).
 * Everything here crosses threads by structured clone, so it is plain data.
 */

/** What a worker starts with. */
export interface WorkerSetup {
  owner: ArchiveOwner;
  notes: NoteTweet[];
  zone: string;
  config: TweetAuditConfig;
  examples: number | undefined;
}

/** Main to worker. */
export type ToWorker =
  /**
   * Items of a tweets file, as the UTF-8 bytes of a JSON array ("[{…},{…}]"). `first`: the batch
   * holds the file's first item. `itemEnd`: the closing line that ends each item, where the file
   * is printed as X prints it (see batchItems).
   */
  | { kind: 'batch'; seq: number; file: string; first: boolean; bytes: Uint8Array; itemEnd?: string }
  /** Who the owner is, and which months to detail: classify from now on, the held tweets first. */
  | { kind: 'identity'; identity: Identity; detailMonths: string[] | DetailBounds }
  /** Every batch was sent: answer with the aggregator's state. */
  | { kind: 'finish' }
  /** After `finish`: the near-duplicate checks of these months, to run and answer with `findings`. */
  | { kind: 'duplicates'; months: Array<[string, DuplicateState]> };

/** Worker to main. */
export type FromWorker =
  | {
      kind: 'batch';
      seq: number;
      /** Tweets read that were not held back as edited versions. */
      tweets: number;
      skipped: number;
      /** Tweets per local month ("YYYY-MM"), of those `tweets`. */
      months: Array<[string, number]>;
      /** Evidence for discovery from those tweets, until the identity is known. */
      evidence?: IdentityEvidenceState;
      /** Versions of edited tweets, with their edit chains: resolved over the whole archive by main. */
      held: Array<{ tweet: Tweet; chain: string[] }>;
    }
  /** The aggregator's state: now and then while reading, `final` once asked to finish. */
  | { kind: 'state'; state: AggregatorState; final: boolean }
  /** The near-duplicate findings of the months sent with `duplicates`. */
  | { kind: 'findings'; findings: Array<[string, DuplicateFindings]> }
  /**
   * The batch cannot be read as one thread reading the file would (bytes that are not a JSON
   * item, a file whose items are not tweets): the audit is done again in one thread, which
   * reports what is wrong exactly as it always does.
   */
  | { kind: 'unreadable'; reason: string }
  /** A bug. */
  | { kind: 'crash'; message: string; stack?: string };
