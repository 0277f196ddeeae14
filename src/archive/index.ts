import path from 'node:path';
import type { OpenedArchive, Tweet } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { SkipCount, SkippedRecords } from '../model/skipped.js';
import { MAX_ARCHIVES } from '../limits.js';
import { ARCHIVE_DETECTORS, describeTarget, detect, type ArchiveDetector } from './detect.js';
import type { ArchiveHandle } from './location.js';
import { mergeOwners } from './owner.js';
import { flattenBatches } from './tweet-items.js';

export type { ArchiveDetector } from './detect.js';
export type { ArchiveHandle } from './location.js';

/**
 * Opens an archive for reading, whatever `target` is: an X archive .zip as downloaded (read in
 * place), an extracted folder (modern or legacy), a single tweets.js / tweet.js / tweets.csv, or
 * a folder holding several archives, of which the newest is opened (by the date X generated it,
 * else by file modification time), for those who drop every monthly download in one folder.
 *
 * Small files (account, manifest) are read now; tweets are read when `tweets()` is iterated, and
 * errors in the tweet files (a download cut short) surface then, as TweetAuditErrors.
 */
export async function openArchive(target: string): Promise<OpenedArchive> {
  return (await openArchiveHandle(target)).archive;
}

/** The archive of a handle, carrying the date X generated it (the default month needs it). */
function withExportDate(handle: ArchiveHandle): ArchiveHandle {
  if (handle.generatedAt !== undefined) handle.archive.exportedAt ??= handle.generatedAt;
  return handle;
}

/** `openArchive`, keeping the archive's generation date for ordering several archives. */
export async function openArchiveHandle(
  target: string,
  detectors: readonly ArchiveDetector[] = ARCHIVE_DETECTORS,
): Promise<ArchiveHandle> {
  const facts = await describeTarget(target);
  const opener = await detect(facts, detectors);
  if (opener) return withExportDate(await opener());
  if (!facts.isDirectory) {
    throw new TweetAuditError(`is not an archive tweet-audit can read; it reads ${lookedFor(detectors)}`, {
      file: target,
    });
  }
  return openNewestInFolder(target, facts.names, detectors);
}

function lookedFor(detectors: readonly ArchiveDetector[]): string {
  return detectors.map((d) => d.looksFor).join('; ');
}

/** Opens every archive directly inside a folder and keeps the newest. */
async function openNewestInFolder(
  folder: string,
  names: ReadonlySet<string>,
  detectors: readonly ArchiveDetector[],
): Promise<ArchiveHandle> {
  const handles: ArchiveHandle[] = [];
  const failures: TweetAuditError[] = [];
  for (const name of [...names].sort()) {
    if (name.startsWith('.')) continue;
    const child = path.join(folder, name);
    let opener;
    try {
      opener = await detect(await describeTarget(child), detectors, true);
      if (opener) handles.push(await opener());
    } catch (error) {
      if (!(error instanceof TweetAuditError)) throw error;
      failures.push(error);
    }
  }
  if (handles.length === 0) {
    if (failures[0]) throw failures[0];
    throw new TweetAuditError(
      `holds no archive: looked for ${lookedFor(detectors)}, and for zips or such folders inside it`,
      { file: folder },
    );
  }
  const newest = withExportDate(orderOldestFirst(handles).at(-1)!);
  for (const failure of failures) newest.archive.warnings.push(`${failure.message} (skipped)`);
  if (handles.length > 1) {
    newest.archive.warnings.push(
      `${folder}: ${handles.length} archives found, reading the newest: ${newest.archive.path}`,
    );
  }
  return newest;
}

/** When an archive was made: X's own date where it has one, else the file's modification time. */
function archiveTime(handle: ArchiveHandle): number {
  return handle.generatedAt ?? handle.mtimeMs;
}

function orderOldestFirst(handles: ArchiveHandle[]): ArchiveHandle[] {
  return handles
    .map((h, i) => ({ h, i }))
    .sort((a, b) => archiveTime(a.h) - archiveTime(b.h) || a.i - b.i)
    .map(({ h }) => h);
}

/**
 * Opens several archives as one: each tweet once, the version of the later archive (by the
 * date X generated it, else file time, else the order given) winning when ids repeat. The owner
 * is the union of the archives' owners.
 */
export async function openArchives(targets: string[]): Promise<OpenedArchive> {
  if (targets.length === 0) throw new TweetAuditError('no archive given');
  // The same archive named twice is read once; hundreds of them are a mistake (a glob gone wrong).
  targets = [...new Set(targets)];
  if (targets.length > MAX_ARCHIVES) {
    throw new TweetAuditError(`${targets.length} archives given; at most ${MAX_ARCHIVES} can be read together`);
  }
  const handles: ArchiveHandle[] = [];
  for (const target of targets) handles.push(await openArchiveHandle(target));
  if (handles.length === 1) return handles[0]!.archive;
  const ordered = orderOldestFirst(handles).map((h) => h.archive);
  const newestFirst = [...ordered].reverse();
  const report = { warnings: [] as string[], skipped: new SkippedRecords(targets.join(' + ')) };
  const exportDates = ordered.flatMap((a) => (a.exportedAt === undefined ? [] : [a.exportedAt]));
  return {
    path: targets.join(' + '),
    format: newestFirst[0]!.format,
    owner: mergeOwners(ordered.map((a) => a.owner)),
    exportedAt: exportDates.length > 0 ? Math.max(...exportDates) : undefined,
    ...report,
    tweets: () => flattenBatches(mergeBatches(newestFirst, report)),
    batches: () => mergeBatches(newestFirst, report),
  };
}

/** Tweets per batch when a reader yields them one by one. */
const BATCH_SIZE = 1024;

/**
 * The tweets of `archive` in batches (arrays, possibly empty): the reader's own batches where it
 * has them, else its tweets gathered a thousand at a time. For loops over every tweet of a large
 * archive, which then pay one await per batch instead of one per tweet.
 */
export async function* tweetBatches(archive: OpenedArchive, now = Date.now()): AsyncGenerator<Tweet[]> {
  // A tweet dated after the archive was made (a day's grace for clocks and zones) is damage; it
  // would also stretch the months a trend walks through.
  const latest = (archive.exportedAt ?? now) + DAY_MS;
  const made = new Date(latest - DAY_MS).toISOString().slice(0, 10);
  const future = new SkipCount(path.basename(archive.path), `dated after the archive was made (${made})`);
  const plausible = (batch: Tweet[]): Tweet[] => {
    let i = 0;
    while (i < batch.length && batch[i]!.createdAt <= latest) i++;
    if (i === batch.length) return batch;
    const kept = batch.slice(0, i);
    for (; i < batch.length; i++) {
      if (batch[i]!.createdAt <= latest) kept.push(batch[i]!);
      else future.add(`id ${batch[i]!.id}`);
    }
    return kept;
  };
  try {
    if (archive.batches) {
      for await (const batch of archive.batches()) yield plausible(batch);
      return;
    }
    let batch: Tweet[] = [];
    for await (const tweet of archive.tweets()) {
      batch.push(tweet);
      if (batch.length === BATCH_SIZE) {
        yield plausible(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield plausible(batch);
  } finally {
    archive.skipped.keep(future);
  }
}

const DAY_MS = 86_400_000;

/**
 * Reads the newest archive first and skips ids already given. Only the ids of archives still to
 * be compared against are remembered: the oldest archive's ids are never stored.
 */
async function* mergeBatches(
  newestFirst: OpenedArchive[],
  report: Pick<OpenedArchive, 'warnings' | 'skipped'>,
): AsyncGenerator<Tweet[]> {
  const { warnings } = report;
  const seen = new Set<string>();
  for (let i = 0; i < newestFirst.length; i++) {
    const archive = newestFirst[i]!;
    const remember = i < newestFirst.length - 1;
    try {
      for await (const batch of tweetBatches(archive)) {
        const fresh: Tweet[] = [];
        for (const tweet of batch) {
          if (seen.has(tweet.id)) continue;
          if (remember) seen.add(tweet.id);
          fresh.push(tweet);
        }
        yield fresh;
      }
    } finally {
      for (const w of archive.warnings) {
        const message = w.startsWith(archive.path) ? w : `${archive.path}: ${w}`;
        if (!warnings.includes(message)) warnings.push(message);
      }
      report.skipped.keepAll(archive.skipped);
    }
  }
}
