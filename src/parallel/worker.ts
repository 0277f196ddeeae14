/**
 * A worker of a parallel audit (see run.ts): turns batches of tweets-file items into Tweets,
 * gathers discovery evidence until the identity is known, then classifies and aggregates, and
 * hands its aggregator's state back at the end.
 */
import { isUtf8 } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { NoteIndex } from '../archive/note-tweets.js';
import { ownerKeys } from '../archive/owner.js';
import { PackedTweets } from '../archive/packed-tweets.js';
import { TweetItems } from '../archive/tweet-items.js';
import type { XTweetOptions } from '../archive/x-tweet.js';
import { createClassifier, type Classifier } from '../classify/index.js';
import { IdentityEvidence } from '../config/discover.js';
import { DEFAULT_NIGHT_HOURS } from '../config/schema.js';
import { TweetAuditError } from '../errors.js';
import type { Tweet } from '../model/tweet.js';
import { createAggregator, finishDuplicates, type Aggregator, type AggregatorOptions } from '../report/index.js';
import { createZone, monthKeyOf, type LocalParts } from '../time/zone.js';
import { batchItems } from './batches.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const zone = createZone(setup.zone);
const options: XTweetOptions = { owner: ownerKeys(setup.owner) };
if (setup.notes.length > 0) {
  const notes = new NoteIndex();
  for (const note of setup.notes) notes.add(note);
  options.notes = notes;
}
const evidence = new IdentityEvidence(setup.owner, setup.config);
/** Tweets read before the identity was known, packed (see PackedTweets), batch by batch. */
const waiting = new PackedTweets();
let classifier: Classifier | undefined;
let aggregator: Aggregator | undefined;
let aggregatorOptions: AggregatorOptions | undefined;
/** Batches added to the aggregator since its state was last handed over. */
let aggregated = 0;

/**
 * A worker hands its aggregator's state over (and starts a fresh one) after this many batches
 * (~50,000 tweets), so that the detail of every month of a large archive is held once, by the
 * main thread, rather than once there and once more in pieces here.
 */
const HAND_OVER_BATCHES = 64;

function handOver(final: boolean): void {
  send({ kind: 'state', state: aggregator!.snapshot(), final });
  if (!final) aggregator = createAggregator(aggregatorOptions!);
  aggregated = 0;
}

function send(message: FromWorker): void {
  port.postMessage(message);
}

/** Thrown for bytes a single-threaded read would judge: main then reads in one thread. */
class Unreadable extends Error {}

function parseItems(bytes: Uint8Array, itemEnd: string | undefined): unknown[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) throw new Unreadable('a batch is not valid UTF-8');
  if (itemEnd !== undefined) {
    const items = batchItems(buffer, Buffer.from(itemEnd, 'latin1'));
    if (items !== undefined) return items;
    // Not cut where every item was expected to end: read as one list, as before.
  }
  let items: unknown;
  try {
    items = JSON.parse(buffer.toString('utf8'));
  } catch {
    throw new Unreadable('a batch is not one JSON list');
  }
  if (!Array.isArray(items)) throw new Unreadable('a batch is not one JSON list');
  return items;
}

/** A batch's tweets with their local time and month, computed once. */
interface Batch {
  tweets: Tweet[];
  locals: LocalParts[];
  months: string[];
}

function withLocalTimes(tweets: Tweet[]): Batch {
  const locals: LocalParts[] = [];
  const months: string[] = [];
  for (let i = 0; i < tweets.length; i++) {
    const local = zone.parts(tweets[i]!.createdAt);
    locals.push(local);
    months.push(monthKeyOf(local));
  }
  return { tweets, locals, months };
}

function classifyAll({ tweets, locals, months }: Batch): void {
  const c = classifier!;
  const a = aggregator!;
  for (let i = 0; i < tweets.length; i++) {
    const tweet = tweets[i]!;
    a.add({ tweet, classification: c.classify(tweet, locals[i]), local: locals[i]!, month: months[i]! });
  }
  aggregated++;
}

function readBatch(message: Extract<ToWorker, { kind: 'batch' }>): void {
  const items = parseItems(message.bytes, message.itemEnd);
  const reader = new TweetItems(message.file, options);
  // Only a file's first item decides whether it holds tweets at all; later odd items are skipped.
  if (!message.first) reader.seen = 1;
  const read: Tweet[] = [];
  const chains: Array<string[] | undefined> = [];
  reader.add(items, read, chains);

  const tweets: Tweet[] = [];
  const held: Array<{ tweet: Tweet; chain: string[] }> = [];
  for (let i = 0; i < read.length; i++) {
    const chain = chains[i];
    if (chain === undefined) tweets.push(read[i]!);
    else held.push({ tweet: read[i]!, chain });
  }
  const batch = withLocalTimes(tweets);
  const perMonth = new Map<string, number>();
  for (const month of batch.months) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  const reply: FromWorker = { kind: 'batch', seq: message.seq, tweets: tweets.length, skipped: reader.skipped, months: [...perMonth], held };
  if (classifier) {
    classifyAll(batch);
    if (aggregated >= HAND_OVER_BATCHES) handOver(false);
  } else {
    for (const tweet of tweets) evidence.add(tweet);
    reply.evidence = evidence.take();
    // Local times are computed again when classified rather than kept beside the tweets.
    waiting.push(tweets);
  }
  send(reply);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'batch':
      readBatch(message);
      return;
    case 'identity': {
      classifier = await createClassifier({ identity: message.identity, zone, nightHours: setup.config.nightHours ?? DEFAULT_NIGHT_HOURS });
      aggregatorOptions = { detailMonths: message.detailMonths, config: setup.config, timeZone: zone.name, examples: setup.examples };
      aggregator = createAggregator(aggregatorOptions);
      for (const tweets of waiting.take()) {
        classifyAll(withLocalTimes(tweets));
        if (aggregated >= HAND_OVER_BATCHES) handOver(false);
      }
      return;
    }
    case 'finish':
      if (!aggregator) throw new Error('finish before identity');
      handOver(true);
      // Nothing more is read: let the heap go before the near-duplicate checks come.
      aggregator = undefined;
      classifier = undefined;
      return;
    case 'duplicates':
      send({ kind: 'findings', findings: message.months.map(([month, state]) => [month, finishDuplicates(state)]) });
      return;
  }
}

// Messages are handled one at a time, in order: creating the classifier is asynchronous, and the
// batches that arrive meanwhile must wait for it.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      if (error instanceof Unreadable || error instanceof TweetAuditError) send({ kind: 'unreadable', reason: error.message });
      else {
        const e = error instanceof Error ? error : new Error(String(error));
        send({ kind: 'crash', message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) });
      }
    });
});
