import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { TweetAuditError } from '../errors.js';
import { SkipCount, SkippedRecords } from '../model/skipped.js';
import type { ArchiveOwner, OpenedArchive, Tweet } from '../model/tweet.js';
import { postToTweet, repostToTweet, type RepoOwner } from './bluesky-post.js';
import { walkMst, type MstEntry } from './bluesky-mst.js';
import { isDagMap, openCar, readCarHeader, type CarFile } from './car.js';
import { Cid } from './cbor.js';
import { fsError } from './source.js';

const POST = 'app.bsky.feed.post';
const REPOST = 'app.bsky.feed.repost';
const PROFILE_KEY = 'app.bsky.actor.profile/self';

/**
 * True when `path` is a file that starts with a CAR v1 header, as a Bluesky repository export
 * (`repo.car`) does. Reads only the first few kilobytes and never throws.
 */
export async function isBlueskyRepo(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      readCarHeader(buffer.subarray(0, bytesRead));
      return true;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Opens a Bluesky repository export (.car, from Settings → Account → Export my data, or
 * com.atproto.sync.getRepo). The file is indexed once (where each block is, not its bytes);
 * records are read and decoded as `tweets()` reaches them. Posts become tweets and reposts become retweets; likes, follows and
 * the other collections are ignored. Throws TweetAuditError naming the file when it is not such
 * an export or is damaged.
 */
export async function openBluesky(path: string): Promise<OpenedArchive> {
  const car = await openCarFile(path);
  try {
    return openRepository(car, path);
  } finally {
    // Reading the tweets opens the file again, for as long as it takes.
    car.close();
  }
}

function openRepository(car: CarFile, path: string): OpenedArchive {
  const commit = car.get(car.roots[0]!);
  if (
    !isDagMap(commit) ||
    typeof commit.did !== 'string' ||
    !commit.did.startsWith('did:') ||
    !(commit.data instanceof Cid)
  ) {
    throw new TweetAuditError(
      'its root block is not a repository commit (with "did" and "data"), so this CAR file is ' +
        'not a Bluesky repository export; export it again from Settings → Account → Export my data',
      { file: path },
    );
  }
  const repoOwner: RepoOwner = { did: commit.did };
  const handle = handleFromFileName(path);
  if (handle) repoOwner.handle = handle;

  const entries = walkMst(car, commit.data, path);
  const owner: ArchiveOwner = {
    // The handle is not part of the repository (it lives in the DID document, which would take
    // the network to resolve). The file name gives it when the user named the file after it;
    // otherwise the DID is the only name there is.
    handles: [repoOwner.handle ?? repoOwner.did],
    accountIds: [repoOwner.did],
  };
  const profileEntry = entries.find((entry) => entry.key === PROFILE_KEY);
  const profile = profileEntry ? car.get(profileEntry.cid) : undefined;
  if (isDagMap(profile)) {
    if (typeof profile.displayName === 'string' && profile.displayName !== '') {
      owner.displayName = profile.displayName;
    }
    if (typeof profile.description === 'string' && profile.description !== '') {
      owner.bio = profile.description;
    }
    if (typeof profile.website === 'string' && profile.website !== '') owner.website = profile.website;
  }

  const records = entries.filter((entry) => {
    const collection = entry.key.slice(0, entry.key.indexOf('/'));
    return collection === POST || collection === REPOST;
  });
  const skipped = new SkippedRecords(path);
  return {
    path,
    format: 'bluesky',
    owner,
    warnings: [],
    skipped,
    tweets: () => readTweets(car, records, repoOwner, path, skipped),
  };
}

async function* readTweets(
  car: CarFile,
  records: MstEntry[],
  owner: RepoOwner,
  path: string,
  skipped: SkippedRecords,
): AsyncGenerator<Tweet> {
  // Each read counts afresh (a count kept replaces the last read's).
  const name = basename(path);
  const undated = new SkipCount(name, 'with no valid date');
  const missing = new SkipCount(name, 'listed in the repository but missing from the file (download the export again)');
  try {
    for (const entry of records) {
      const slash = entry.key.indexOf('/');
      const rkey = entry.key.slice(slash + 1);
      const record = car.get(entry.cid);
      if (record === undefined) {
        missing.add(entry.key);
        continue;
      }
      if (!isDagMap(record)) {
        throw new TweetAuditError(`record ${entry.key} is not a map; the export is damaged`, {
          file: path,
        });
      }
      const tweet =
        entry.key.slice(0, slash) === POST ? postToTweet(rkey, record, owner) : repostToTweet(rkey, record, owner);
      if (tweet === undefined) undated.add(entry.key);
      else yield tweet;
    }
  } finally {
    car.close();
    skipped.keep(undated);
    skipped.keep(missing);
  }
}

/**
 * The handle in a file name like "alice.bsky.social.car", when the user named the export after
 * their handle. The app saves it as "repo.car", which has no dot and so gives none.
 */
function handleFromFileName(path: string): string | undefined {
  const stem = basename(path).replace(/\.car$/i, '');
  // A handle is a domain name: two or more labels, the last one starting with a letter.
  const domain = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
  return domain.test(stem) ? stem.toLowerCase() : undefined;
}

async function openCarFile(path: string): Promise<CarFile> {
  try {
    if ((await stat(path)).isDirectory()) {
      throw new TweetAuditError('is a folder; give the repository export file (repo.car) itself', {
        file: path,
      });
    }
  } catch (error) {
    if (error instanceof TweetAuditError) throw error;
    throw fsError(error, path);
  }
  return openCar(path);
}
