import { open, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { TweetAuditError } from '../errors.js';
import type { ArchiveOwner, OpenedArchive, Tweet } from '../model/tweet.js';
import { accountFromActor, activityToTweet, type MastodonAccount } from './mastodon-activity.js';
import { htmlToText } from './mastodon-html.js';
import { OutboxScanner, scanOutbox } from './mastodon-outbox.js';
import { SkipCount, SkippedRecords } from '../model/skipped.js';
import { bytesTooDeepAt, MAX_JSON_DEPTH } from '../limits.js';
import { readTarGz } from './mastodon-tar.js';
import { fsError, readFileChunks } from './source.js';
import { ZipSource } from './zip-source.js';

/** actor.json is one profile; anything this big is not one. */
const MAX_ACTOR_BYTES = 16 * 1024 * 1024;
/**
 * An outbox.json up to this size found in a tarball is kept in memory from the first pass, so
 * reading the tweets does not unzip the whole tarball (media and all) a second time. A larger
 * one is streamed again from the tarball each time the tweets are read.
 */
const MAX_BUFFERED_OUTBOX_BYTES = 64 * 1024 * 1024;

const GIVE = 'give a Mastodon account export (archive-….tar.gz or .zip), its folder, or its outbox.json';

/** outbox.json at the top of the export, or in one folder (an export re-packed by hand). */
const OUTBOX_ENTRY = /^(?:[^/]+\/)?outbox\.json$/;
const ACTOR_ENTRY = /^(?:[^/]+\/)?actor\.json$/;

/** Tuning for tests; callers leave it out. */
export interface OpenMastodonOptions {
  /** Largest outbox.json kept in memory from a tarball (default 64 MiB); larger ones are re-streamed. */
  maxBufferedOutboxBytes?: number;
}

interface Source {
  /** How to name outbox.json in messages ("archive.tar.gz/outbox.json"). */
  outboxName: string;
  /** The bytes of outbox.json, read afresh. */
  outbox(): AsyncIterable<Buffer>;
  actor?: Record<string, unknown>;
  /** The "actor" of the first activity, for when there is no actor.json. */
  firstActor?: string;
}

type Kind = 'folder' | 'json' | 'tar' | 'zip';

async function kindOf(path: string): Promise<Kind> {
  let handle;
  try {
    if ((await stat(path)).isDirectory()) return 'folder';
    handle = await open(path, 'r');
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar';
    if (bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    return 'json';
  } catch (error) {
    throw fsError(error, path);
  } finally {
    await handle?.close();
  }
}

/**
 * True when `path` looks like a Mastodon account export: a gzip-compressed tarball whose first
 * entries are an export's (media_attachments/, outbox.json, actor.json, avatar, header), a zip
 * with outbox.json at its top, a folder holding outbox.json, or an ActivityPub outbox file.
 * Reads little and never throws.
 */
export async function isMastodonExport(path: string): Promise<boolean> {
  try {
    const kind = await kindOf(path);
    if (kind === 'folder') return (await stat(join(path, 'outbox.json'))).isFile();
    if (kind === 'tar') return await tarLooksLikeExport(path);
    if (kind === 'zip') {
      const zip = await ZipSource.open(path, 0);
      try {
        return (await zip.file('outbox.json')) !== undefined;
      } finally {
        await zip.close();
      }
    }
    if (basename(path).toLowerCase() === 'outbox.json') return true;
    // The JSON-LD context before "type" can take a few kilobytes.
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const text = head.toString('utf8', 0, bytesRead);
      return /^\uFEFF?\s*\{/.test(text) && /"type"\s*:\s*"OrderedCollection"/.test(text);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Mastodon writes media first, so the first few entry names tell an export without unzipping it all. */
async function tarLooksLikeExport(path: string): Promise<boolean> {
  let seen = 0;
  for await (const entry of readTarGz(path)) {
    if (
      entry.name.startsWith('media_attachments/') ||
      OUTBOX_ENTRY.test(entry.name) ||
      ACTOR_ENTRY.test(entry.name) ||
      /^(?:[^/]+\/)?(?:avatar|header)\.(?:png|jpe?g|gif|webp)$/i.test(entry.name)
    ) {
      return true;
    }
    if (++seen >= 8) return false;
  }
  return false;
}

async function collect(chunks: AsyncIterable<Buffer>, limit: number, file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit) {
      throw new TweetAuditError(`is over ${limit / 1024 / 1024} MiB, which no actor.json is; the export is damaged`, {
        file,
      });
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

function parseActor(bytes: Buffer, file: string): Record<string, unknown> {
  let actor: unknown;
  // A value nested millions deep costs JSON.parse gigabytes: refused before it is parsed.
  if (bytesTooDeepAt(bytes, MAX_JSON_DEPTH) !== -1) {
    throw new TweetAuditError(`is nested more than ${MAX_JSON_DEPTH} levels deep, far deeper than an actor; ${GIVE}`, {
      file,
    });
  }
  try {
    actor = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TweetAuditError(`is not valid JSON (${(error as Error).message}); ${GIVE}`, { file, cause: error });
  }
  const id = (actor as { id?: unknown } | null)?.id;
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor) || typeof id !== 'string' || id === '') {
    throw new TweetAuditError(`is not an ActivityPub actor (no "id"); ${GIVE}`, { file });
  }
  return actor as Record<string, unknown>;
}

/** The "actor" of the first activity of an outbox, reading no further than that activity. */
async function firstActorOf(chunks: AsyncIterable<Buffer>, file: string): Promise<string | undefined> {
  for await (const item of scanOutbox(chunks, file)) {
    const actor = (item as { actor?: unknown } | null)?.actor;
    if (typeof actor === 'string') return actor;
  }
  return undefined;
}

async function fileSource(outboxPath: string, actorPath: string | undefined): Promise<Source> {
  const source: Source = { outboxName: outboxPath, outbox: () => readFileChunks(outboxPath) };
  if (actorPath !== undefined)
    source.actor = parseActor(await collect(readFileChunks(actorPath), MAX_ACTOR_BYTES, actorPath), actorPath);
  // Reading to the first activity checks early that this is an outbox at all.
  const first = await firstActorOf(source.outbox(), outboxPath);
  if (first !== undefined) source.firstActor = first;
  return source;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function zipSource(path: string): Promise<Source> {
  const withZip = async <T>(use: (zip: ZipSource) => Promise<T>): Promise<T> => {
    const zip = await ZipSource.open(path, 0);
    try {
      return await use(zip);
    } finally {
      await zip.close();
    }
  };
  const outboxName = `${path}/outbox.json`;
  const source: Source = {
    outboxName,
    // Opened for each read, so that no file stays open between reads.
    outbox: () =>
      (async function* () {
        const zip = await ZipSource.open(path, 0);
        try {
          yield* zip.read('outbox.json');
        } finally {
          await zip.close();
        }
      })(),
  };
  await withZip(async (zip) => {
    if (!(await zip.file('outbox.json'))) {
      throw new TweetAuditError(`has no outbox.json at its top, so it is not a Mastodon account export; ${GIVE}`, {
        file: path,
      });
    }
    if (await zip.file('actor.json')) {
      source.actor = parseActor(
        await collect(zip.read('actor.json'), MAX_ACTOR_BYTES, `${path}/actor.json`),
        `${path}/actor.json`,
      );
    }
  });
  const first = await firstActorOf(source.outbox(), outboxName);
  if (first !== undefined) source.firstActor = first;
  return source;
}

/**
 * One pass over the tarball: keeps actor.json, checks the start of outbox.json, and keeps
 * outbox.json too if it is small. Media files are passed over without being held.
 */
async function tarSource(path: string, maxBuffered: number): Promise<Source> {
  let actor: Record<string, unknown> | undefined;
  let outboxName: string | undefined;
  let buffered: Buffer[] | undefined;
  let firstActor: string | undefined;
  for await (const entry of readTarGz(path)) {
    const display = `${path}/${entry.name}`;
    if (ACTOR_ENTRY.test(entry.name)) {
      actor = parseActor(await collect(entry.body(), MAX_ACTOR_BYTES, display), display);
    } else if (OUTBOX_ENTRY.test(entry.name)) {
      outboxName = entry.name;
      const scanner = new OutboxScanner(display);
      const items: unknown[] = [];
      let scanning = true;
      const parts: Buffer[] | undefined = entry.size <= maxBuffered ? [] : undefined;
      for await (const chunk of entry.body()) {
        if (scanning) {
          scanner.push(chunk, items);
          const withActor = items.find((item) => typeof (item as { actor?: unknown } | null)?.actor === 'string');
          if (withActor) {
            firstActor = (withActor as { actor: string }).actor;
            scanning = false;
          }
        }
        parts?.push(chunk);
      }
      if (scanning) scanner.end();
      buffered = parts;
    }
  }
  if (outboxName === undefined) {
    throw new TweetAuditError(`holds no outbox.json, so it is not a Mastodon account export; ${GIVE}`, { file: path });
  }
  const name = outboxName;
  const kept = buffered;
  const source: Source = {
    outboxName: `${path}/${name}`,
    outbox: kept
      ? () =>
          (async function* () {
            yield* kept;
          })()
      : () =>
          (async function* () {
            for await (const entry of readTarGz(path)) {
              if (entry.name === name) {
                yield* entry.body();
                return;
              }
            }
          })(),
  };
  if (actor) source.actor = actor;
  if (firstActor) source.firstActor = firstActor;
  return source;
}

function ownerOf(source: Source): { owner: ArchiveOwner; account?: MastodonAccount } {
  const actor = source.actor;
  if (actor) {
    const text = (key: string): string | undefined => {
      const value = actor[key];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const account = accountFromActor(text('id')!, {
      ...(text('followers') ? { followers: text('followers')! } : {}),
      ...(text('url') ? { url: text('url')! } : {}),
      ...(text('preferredUsername') ? { preferredUsername: text('preferredUsername')! } : {}),
    });
    const owner: ArchiveOwner = { handles: account.handle ? [account.handle] : [], accountIds: [account.id] };
    const name = text('name');
    if (name) owner.displayName = name;
    const bio = text('summary') && htmlToText(text('summary')!).text;
    if (bio) owner.bio = bio;
    // The website is the first link among the profile's fields ("Website: https://…"), the
    // closest thing to X's website field; otherwise the profile page itself.
    const fields = Array.isArray(actor.attachment) ? actor.attachment : [];
    const fieldLink = fields
      .map((field: unknown) => field as { type?: unknown; value?: unknown } | null)
      .filter((field) => field?.type === 'PropertyValue' && typeof field.value === 'string')
      .map((field) => htmlToText(field!.value as string).urls[0])
      .find((url) => url !== undefined);
    const website = fieldLink ?? text('url');
    if (website) owner.website = website;
    return { owner, account };
  }
  if (source.firstActor) {
    const account = accountFromActor(source.firstActor);
    return { owner: { handles: account.handle ? [account.handle] : [], accountIds: [account.id] }, account };
  }
  return { owner: { handles: [], accountIds: [] } };
}

/**
 * Opens a Mastodon account export: the archive-….tar.gz as downloaded (read in place through
 * zlib, nothing extracted), the .zip newer Mastodon versions write, the extracted folder, or an
 * outbox.json alone (with actor.json beside it when present). The outbox is streamed activity by
 * activity. Public, unlisted and followers-only posts are read, boosts become retweets, and
 * direct messages are left out. Throws TweetAuditError naming the file for bad input.
 */
export async function openMastodon(path: string, options: OpenMastodonOptions = {}): Promise<OpenedArchive> {
  const kind = await kindOf(path);
  let source: Source;
  switch (kind) {
    case 'folder': {
      const outbox = join(path, 'outbox.json');
      if (!(await isFile(outbox))) {
        throw new TweetAuditError(`holds no outbox.json; ${GIVE}`, { file: path });
      }
      const actor = join(path, 'actor.json');
      source = await fileSource(outbox, (await isFile(actor)) ? actor : undefined);
      break;
    }
    case 'json': {
      const actor = join(dirname(path), 'actor.json');
      source = await fileSource(path, (await isFile(actor)) ? actor : undefined);
      break;
    }
    case 'zip':
      source = await zipSource(path);
      break;
    case 'tar':
      source = await tarSource(path, options.maxBufferedOutboxBytes ?? MAX_BUFFERED_OUTBOX_BYTES);
      break;
  }
  const { owner, account } = ownerOf(source);
  const skipped = new SkippedRecords(path);
  return {
    path,
    format: 'mastodon',
    owner,
    warnings: [],
    skipped,
    tweets: () => readTweets(source, account, skipped),
  };
}

async function* readTweets(
  source: Source,
  account: MastodonAccount | undefined,
  skipped: SkippedRecords,
): AsyncGenerator<Tweet> {
  // Each read counts afresh (a count kept replaces the last read's).
  const name = basename(source.outboxName);
  const undated = new SkipCount(name, 'with no valid date');
  const unknown = new SkipCount(name, 'neither a post nor a boost');
  let at = 0;
  try {
    for await (const activity of scanOutbox(source.outbox(), source.outboxName)) {
      at++;
      const result = activityToTweet(activity, account);
      if ('tweet' in result) yield result.tweet;
      else if (result.skipped === 'undated') undated.add(`activity ${at}`);
      else if (result.skipped === 'unknown') unknown.add(`activity ${at}`);
    }
  } finally {
    skipped.keep(undated);
    skipped.keep(unknown);
  }
}
