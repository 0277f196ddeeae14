import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openArchives } from '../archive/index.js';
import { EditResolver } from '../archive/edits.js';
import { warnOnce } from '../archive/location.js';
import { skippedWarning, splitReading, type SplitReading } from '../archive/modern.js';
import type { AuditOptions, AuditResult, PreparedAudit } from '../audit.js';
import { boundsOf, chooseZone, MAX_BUFFERED_TWEETS, passedProgressStep } from '../audit.js';
import { createClassifier } from '../classify/index.js';
import { IdentityEvidence } from '../config/discover.js';
import { DEFAULT_NIGHT_HOURS, type Identity } from '../config/schema.js';
import { TweetAuditError } from '../errors.js';
import type { OpenedArchive, Tweet } from '../model/tweet.js';
import { monthsBetween, resolvePeriod, type Period } from '../period.js';
import { monthKeyOf } from '../time/zone.js';
import { createAggregator, finishDuplicates, type Aggregator, type DetailBounds, type DuplicateFindings, type DuplicateState } from '../report/index.js';
import { jsonArrayBatches, NotSplittable } from './batches.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

/*
 * A whole-archive audit on several cores. The main thread reads the tweet files and cuts them into
 * batches of whole items (~750 tweets, see batches.ts), without parsing them; workers parse,
 * normalise, classify and aggregate, each into its own aggregator, whose state they hand over every
 * 64 batches and at the end, for the main thread to merge as it comes. Discovery needs tweets before anything can be classified: until the identity
 * is known, workers keep the tweets they read and send the evidence found in each batch, which the
 * main thread merges in file order; once the first 100,000 tweets (or all of them) are in, it sends
 * the identity and the workers classify what they kept and everything after. Versions of edited
 * tweets are sent to the main thread, which keeps each tweet's last version as one reader would.
 *
 * The result is the single-threaded audit's, exactly, for archives up to 100,000 tweets; beyond,
 * discovery reads whole batches up to the first that reaches 100,000 tweets rather than stopping
 * at the 100,000th tweet. Anything unusual in the bytes (an item that is not JSON, a file cut
 * short, a list of something else) makes the audit start over in one thread, which reports the
 * problem as it always has.
 */

/**
 * Tweet files from this size on (about 120,000 tweets as X prints them) are audited in parallel
 * when no worker count is asked for. Below, it does not pay on two cores: V8 already runs its
 * garbage collector on the second core, a worker repeats the start-up (modules, compilation, the
 * model), and the whole archive sits in memory for discovery anyway. Measured on a 2-core
 * machine (report --all): 10k tweets 2.1 s in one thread, 3.1 s with two workers; 100k still
 * faster in one thread (6.0 s against 9.3 s, the best of 3 pairs in turn); 1M 83 s against 34 s.
 */
export const PARALLEL_MIN_BYTES = 160 * 1024 * 1024;
/** More workers than this stop paying: the main thread's reading becomes the limit. */
const MAX_WORKERS = 4;
/** Batches a worker may have queued: enough to never starve, few enough to bound memory. */
const IN_FLIGHT = 3;

/** How many workers: a number asked for (0: none), or 'auto' by size and cores. */
export type WorkerCount = number | 'auto';

/** The number of workers to use for tweet files of `bytes` bytes; 0 means "read in this thread". */
export function workersFor(asked: WorkerCount | undefined, bytes: number): number {
  if (typeof asked === 'number') return asked;
  const cores = availableParallelism();
  if (cores < 2 || bytes < PARALLEL_MIN_BYTES) return 0;
  return Math.min(cores, MAX_WORKERS);
}

/** The compiled worker: beside this file, or in dist/ when this file runs from src/ (tests). */
function workerFile(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'worker.js'), path.resolve(here, '../../dist/parallel/worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

type BatchReply = Extract<FromWorker, { kind: 'batch' }>;

/** Thrown inside the run when the audit must be done in one thread instead. */
class StartOver extends Error {}

/**
 * The audit of `options` on worker threads (`result`), or none when it is better done in one
 * thread: too small, not an X archive read alone, user labels given (the model learns them first),
 * the default period of an archive too large to keep in memory, or bytes that need the exact
 * reader. When it declined before reading any tweet, the archive it opened comes back to be used.
 */
export async function auditInParallel(options: AuditOptions, detail: boolean): Promise<{ result?: AuditResult; archive?: OpenedArchive }> {
  if (options.workers === 0 || (options.labels && options.labels.size > 0)) return {};
  const file = options.workerFile ?? workerFile();
  if (!file) return {};
  const archive = await openArchives(options.archives);
  const open = splitReading(archive);
  if (!open) return { archive };
  const reading = await open();
  const workers: Worker[] = [];
  try {
    let bytes = 0;
    for (const name of reading.files) bytes += (await reading.source.file(name))?.size ?? 0;
    const count = workersFor(options.workers, bytes);
    if (count < 1) return { archive };
    return { result: await run(options, detail, archive, reading, file, count, workers) };
  } catch (error) {
    if (error instanceof StartOver || error instanceof NotSplittable || error instanceof TweetAuditError) return {};
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await reading.source.close();
  }
}

async function run(
  options: AuditOptions,
  detail: boolean,
  archive: OpenedArchive,
  reading: SplitReading,
  file: string,
  count: number,
  workers: Worker[],
): Promise<AuditResult> {
  const config = options.config ?? {};
  const { zone, source: timeZoneSource } = chooseZone(options.timeZone, config, archive);
  const bounds = boundsOf(options.period);
  const limit = options.bufferLimit ?? MAX_BUFFERED_TWEETS;
  const coveredUntil = archive.exportedAt === undefined ? undefined : zone.monthKey(archive.exportedAt);

  const setup: WorkerSetup = { owner: archive.owner, notes: await reading.notes(), zone: zone.name, config, examples: options.examples };
  const inFlight: number[] = [];
  /** null once a worker's final state is merged. */
  const states: Array<null | undefined> = [];
  let aggregator: Aggregator | undefined;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const results = new Map<number, BatchReply>();
  const findings = new Map<string, DuplicateFindings>();
  /** Per worker: true while the findings of the near-duplicate checks sent to it are due. */
  const awaitingFindings: boolean[] = [];
  /** Workers being ended, each once it has nothing more to do. */
  const ended: Array<Promise<number>> = [];
  const signal = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  for (let w = 0; w < count; w++) {
    const worker = new Worker(file, { workerData: setup });
    workers.push(worker);
    inFlight.push(0);
    states.push(undefined);
    awaitingFindings.push(false);
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'batch') {
        inFlight[w]!--;
        results.set(message.seq, message);
      } else if (message.kind === 'state') {
        // Merged as it comes: the main thread mostly waits while the workers read.
        aggregator!.merge(message.state);
        if (message.final) states[w] = null;
      } else if (message.kind === 'findings') {
        for (const [month, found] of message.findings) findings.set(month, found);
        awaitingFindings[w] = false;
        ended.push(worker.terminate());
      } else if (message.kind === 'unreadable') {
        failure ??= new StartOver(message.reason);
      } else {
        const bug = new Error(`a worker of the parallel audit failed: ${message.message}`);
        if (message.stack) bug.stack = message.stack;
        failure ??= bug;
      }
      signal();
    });
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    worker.on('exit', (code) => {
      // Ended before its final state, or with near-duplicate findings still due: either way lost.
      if (states[w] === undefined || awaitingFindings[w]) {
        failure ??= new Error(`a worker of the parallel audit stopped (exit code ${code})`);
      }
      signal();
    });
  }
  const waitForMessage = (): Promise<void> => {
    if (failure) throw failure;
    return new Promise<void>((resolve) => (wake = resolve)).then(() => {
      if (failure) throw failure;
    });
  };
  const post = (w: number, message: ToWorker, transfer: ArrayBuffer[] = []): void => workers[w]!.postMessage(message, transfer);

  // What the batches, taken in file order, add up to.
  const monthCounts = new Map<string, number>();
  const evidence = new IdentityEvidence(archive.owner, config);
  const edits = new EditResolver();
  const skipped = new Map<string, number>();
  const fileOfBatch: string[] = [];
  let consumed = 0;
  let read = 0;
  let evidenceTweets = 0;
  let identity: Identity | undefined;
  const countMonth = (month: string, n: number): void => void monthCounts.set(month, (monthCounts.get(month) ?? 0) + n);
  const consume = (): void => {
    for (let r = results.get(consumed); r !== undefined; r = results.get(consumed)) {
      results.delete(consumed);
      const before = read;
      read += r.tweets;
      for (const [month, n] of r.months) countMonth(month, n);
      for (const { tweet, chain } of r.held) edits.hold(tweet, chain);
      const name = fileOfBatch[consumed]!;
      if (r.skipped > 0) skipped.set(name, (skipped.get(name) ?? 0) + r.skipped);
      // Evidence up to the first batch that reaches the limit, whatever arrived meanwhile.
      if (identity === undefined && r.evidence && evidenceTweets < limit) {
        evidence.merge(r.evidence);
        evidenceTweets += r.tweets;
      }
      if (passedProgressStep(before, read)) options.onProgress?.(read);
      consumed++;
    }
  };

  let period: Period | undefined;
  let detailMonths: string[] | DetailBounds = [];
  /** Sends the identity and the months to detail; `survivors` are edited tweets (all read). */
  const decide = (survivors: readonly Tweet[] | undefined): void => {
    if (survivors === undefined && bounds === null) {
      // The default period needs every month before the detailed one can be picked: read twice,
      // in one thread, as for any archive too large to keep.
      throw new StartOver('default period of a large archive');
    }
    for (const tweet of survivors ?? []) evidence.add(tweet);
    identity = evidence.decide();
    if (bounds === null) period = resolvePeriod(options.period, [...monthCounts.keys()], coveredUntil);
    detailMonths = !detail ? [] : period ? monthsBetween(period.from, period.to) : bounds!;
    aggregator = createAggregator({ detailMonths, config, timeZone: zone.name, examples: options.examples });
    for (let w = 0; w < count; w++) post(w, { kind: 'identity', identity, detailMonths });
  };

  let seq = 0;
  for (const name of reading.files) {
    let first = true;
    const layout: { itemEnd?: Buffer } = {};
    for await (const bytes of jsonArrayBatches(reading.source.read(name), reading.source.describe(name), options.batchBytes, layout)) {
      for (;;) {
        consume();
        if (identity === undefined && evidenceTweets >= limit) decide(undefined);
        if (inFlight.some((n) => n < IN_FLIGHT)) break;
        await waitForMessage();
      }
      if (failure) throw failure;
      const w = inFlight.indexOf(Math.min(...inFlight));
      fileOfBatch[seq] = name;
      const itemEnd = layout.itemEnd?.toString('latin1');
      post(w, { kind: 'batch', seq, file: name, first, bytes, ...(itemEnd === undefined ? {} : { itemEnd }) }, [bytes.buffer as ArrayBuffer]);
      inFlight[w]!++;
      seq++;
      first = false;
    }
  }
  while (consumed < seq) {
    consume();
    if (identity === undefined && evidenceTweets >= limit) decide(undefined);
    if (consumed < seq) await waitForMessage();
  }
  const survivors = [...edits.finish()].map((tweet) => {
    const local = zone.parts(tweet.createdAt);
    return { tweet, local, month: monthKeyOf(local) };
  });
  for (const { month } of survivors) countMonth(month, 1);
  read += survivors.length;
  if (identity === undefined) decide(survivors.map(({ tweet }) => tweet));
  options.onProgress?.(read);
  for (const [name, n] of skipped) warnOnce(archive.warnings, skippedWarning(name, n));

  const classifier = await createClassifier({ identity: identity!, zone, nightHours: config.nightHours ?? DEFAULT_NIGHT_HOURS });
  for (const { tweet, local, month } of survivors) aggregator!.add({ tweet, classification: classifier.classify(tweet, local), local, month });
  // The final states one worker at a time: with every month in detail (--all on a large archive),
  // two final states at once beside their workers' heaps would be most of the memory of the whole
  // audit. A worker drops its aggregator and classifier once its final state is sent.
  for (let w = 0; w < count; w++) {
    post(w, { kind: 'finish' });
    while (states[w] === undefined) await waitForMessage();
  }
  // The near-duplicate check of every month in detail, most of finish()'s time on a large archive
  // (~8 s at 1M tweets), shared out to the workers, the largest months first, each to the worker
  // with the least work so far. Small months are checked here meanwhile. A worker is ended as soon
  // as it has nothing more to do.
  const shares: Array<Array<[string, DuplicateState]>> = workers.map(() => []);
  const load = workers.map(() => 0);
  const small: Array<[string, DuplicateState]> = [];
  for (const entry of aggregator!.takeDuplicateStates().sort((a, b) => b[1].counts.length - a[1].counts.length)) {
    if (entry[1].counts.length < SMALL_CHECK) {
      small.push(entry);
      continue;
    }
    const w = load.indexOf(Math.min(...load));
    shares[w]!.push(entry);
    load[w]! += entry[1].counts.length;
  }
  for (let w = 0; w < count; w++) {
    if (shares[w]!.length === 0) {
      ended.push(workers[w]!.terminate());
      continue;
    }
    awaitingFindings[w] = true;
    post(w, { kind: 'duplicates', months: shares[w]! }, buffersOf(shares[w]!));
  }
  for (const [month, state] of small) findings.set(month, finishDuplicates(state));
  while (awaitingFindings.some(Boolean)) await waitForMessage();
  await Promise.all(ended);

  const resolved = (): Period => period ?? resolvePeriod(options.period, [...monthCounts.keys()], coveredUntil);
  const prepared: PreparedAudit = {
    archive,
    zone,
    timeZoneSource,
    identity: identity!,
    classifier,
    config,
    monthCounts,
    get period() {
      return resolved();
    },
    get periodMonths() {
      const p = resolved();
      return monthsBetween(p.from, p.to);
    },
    detailMonths: () => detailMonths,
    classified: notKept,
    classifiedBatches: notKept,
  };
  return { prepared, report: aggregator!.finish(findings) };
}

/** What reading an audited-in-parallel archive again gives: its tweets were not kept. */
function notKept(): never {
  throw new Error('an archive audited in parallel is not kept; prepare it again to read it again');
}

/** Months with fewer distinct texts than this are checked at once in the main thread. */
const SMALL_CHECK = 64;

/** The distinct buffers of the typed arrays of `months`' states, to transfer rather than copy. */
function buffersOf(months: Array<[string, DuplicateState]>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const [, state] of months) {
    for (const value of Object.values(state)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}
