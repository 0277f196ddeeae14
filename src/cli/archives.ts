import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openArchiveHandle, type ArchiveHandle } from '../archive/index.js';
import { ARCHIVE_DETECTORS, describeTarget, detect } from '../archive/detect.js';
import { TweetAuditError } from '../errors.js';
import type { ArchiveOwner } from '../model/tweet.js';
import type { Diagnostics } from './diagnostics.js';

/** The archives of one account, to be read as one (merged when several). */
export interface AccountArchives {
  /** The owner's handle where the archives were opened to tell accounts apart. */
  handle?: string;
  paths: string[];
}

export interface AccountChoice {
  /** Merge archives of different accounts into one report, on purpose. */
  mergeAccounts?: boolean;
  /** Read only the archives of this handle (or account id). */
  account?: string;
  /** Open even a single archive to learn its owner's handle (for {handle} in --config). */
  knowHandles?: boolean;
}

interface Found {
  path: string;
  handle: ArchiveHandle;
  /** The folder of downloads it was found in, if it was. */
  folder?: string;
}

/**
 * Turns archive arguments into the archives to read, per account. A folder of downloads gives
 * its newest archive of each account (saying which, as a notice); archives of different accounts
 * are refused unless --merge-accounts merges them or --account picks one, except in one folder of
 * downloads, where each account gets its own report. One archive argument is not opened here:
 * reading it says what it is.
 */
export async function resolveArchives(
  archives: string[],
  choice: AccountChoice,
  diagnostics: Diagnostics,
): Promise<AccountArchives[]> {
  if (archives.length === 0) throw new TweetAuditError('no archive given');
  const found: Found[] = [];
  const plain: string[] = [];
  let folders = 0;
  for (const archive of archives) {
    const downloads = await downloadsIn(archive, diagnostics);
    if (downloads) {
      folders++;
      found.push(...downloads);
    } else {
      plain.push(archive);
    }
  }
  if (found.length === 0 && plain.length === 1 && !choice.account && !choice.knowHandles) return [{ paths: plain }];
  for (const archive of plain) found.push({ path: archive, handle: await openArchiveHandle(archive) });

  const accounts = new Map<string, Found[]>();
  for (const item of found) {
    const key = accountKey(item.handle.archive.owner);
    accounts.set(key, [...(accounts.get(key) ?? []), item]);
  }
  let chosen = [...accounts.entries()];
  if (choice.account) {
    const wanted = choice.account.replace(/^@/, '').toLowerCase();
    chosen = chosen.filter(([, items]) => items.some((item) => ownerMatches(item.handle.archive.owner, wanted)));
    if (chosen.length === 0) {
      throw new TweetAuditError(
        `--account ${choice.account}: no archive of that account here; found ${describeAccounts(accounts)}`,
      );
    }
  }
  const groups = chosen.map(([, items]) => newestOfEachFolder(items, diagnostics));
  if (groups.length === 1) return [group(groups[0]!)];
  if (choice.mergeAccounts) {
    diagnostics.warning(
      `merging archives of different accounts into one report (--merge-accounts): ${describeAccounts(new Map(chosen))}`,
    );
    return [{ paths: groups.flat().map((item) => item.path) }];
  }
  if (folders === 1 && plain.length === 0) return groups.map(group);
  throw new TweetAuditError(
    `these archives are of different accounts (${describeAccounts(new Map(chosen))}): give --merge-accounts to merge them into one report, or --account <handle> to choose one`,
  );
}

function group(items: Found[]): AccountArchives {
  const owner = items[0]!.handle.archive.owner;
  return { handle: owner.handles[0] ?? owner.accountIds[0], paths: items.map((item) => item.path) };
}

/** The account an archive is of: its id where it says, else its handle. */
function accountKey(owner: ArchiveOwner): string {
  return owner.accountIds[0] ?? owner.handles[0] ?? '';
}

function ownerMatches(owner: ArchiveOwner, wanted: string): boolean {
  return owner.handles.some((h) => h.toLowerCase() === wanted) || owner.accountIds.includes(wanted);
}

function describeAccounts(accounts: Map<string, Found[]>): string {
  return [...accounts.values()]
    .map((items) => {
      const owner = items[0]!.handle.archive.owner;
      const name = owner.handles[0]
        ? `@${owner.handles[0]}`
        : owner.accountIds[0]
          ? `account ${owner.accountIds[0]}`
          : 'an unknown account';
      return `${name}: ${items.map((item) => item.path).join(', ')}`;
    })
    .join('; ');
}

/** Of the archives found in one folder of downloads, the newest; archives given one by one stay. */
function newestOfEachFolder(items: Found[], diagnostics: Diagnostics): Found[] {
  const byFolder = new Map<string | undefined, Found[]>();
  for (const item of items) byFolder.set(item.folder, [...(byFolder.get(item.folder) ?? []), item]);
  const kept: Found[] = [];
  for (const [folder, list] of byFolder) {
    if (folder === undefined) {
      kept.push(...list);
      continue;
    }
    const newest = list.reduce((a, b) => (madeAt(b.handle) > madeAt(a.handle) ? b : a));
    if (list.length > 1)
      diagnostics.notice(
        `${folder}: ${list.length} archives of ${ownerName(newest)} found, reading the newest: ${newest.path}`,
      );
    kept.push(newest);
  }
  return kept;
}

function ownerName(item: Found): string {
  const owner = item.handle.archive.owner;
  return owner.handles[0] ? `@${owner.handles[0]}` : 'one account';
}

/** When an archive was made: X's own date where it has one, else the file's modification time. */
function madeAt(handle: ArchiveHandle): number {
  return handle.generatedAt ?? handle.mtimeMs;
}

/**
 * The archives directly inside a folder of downloads, opened (their small files only), or null
 * when the argument is not such a folder (an archive, a file, or nothing readable: reading it
 * says what is wrong). Downloads that cannot be read are skipped with a warning, as long as one
 * can.
 */
async function downloadsIn(folder: string, diagnostics: Diagnostics): Promise<Found[] | null> {
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) return null;
  const facts = await describeTarget(folder);
  if (await detect(facts)) return null;
  const found: Found[] = [];
  const failures: TweetAuditError[] = [];
  for (const name of [...facts.names].sort()) {
    if (name.startsWith('.')) continue;
    const child = path.join(folder, name);
    const childInfo = await stat(child).catch(() => null);
    // Only files and folders: a FIFO or a device among the downloads would be waited on forever.
    if (!childInfo || !(childInfo.isFile() || childInfo.isDirectory())) continue;
    try {
      const opener = await detect(await describeTarget(child), ARCHIVE_DETECTORS, true);
      if (opener) found.push({ path: child, handle: await opener(), folder });
    } catch (error) {
      if (!(error instanceof TweetAuditError)) throw error;
      failures.push(error);
    }
  }
  // None readable: the reader, given the folder, says why in its own words.
  if (found.length === 0) return null;
  for (const failure of failures) diagnostics.warning(`${failure.message} (skipped)`);
  return found;
}
