import type { OpenedArchive, Tweet } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { parseArchiveDate } from './dates.js';
import { EditResolver } from './edits.js';
import { readJsItems, readOptionalJsValue } from './js-data-file.js';
import { asArray, asId, asObject, asString, type JsonObject } from './json-guards.js';
import { SkipCount, SkippedRecords } from '../model/skipped.js';
import { inDir, warnOnce, withSource, type ArchiveHandle, type ArchiveLocation } from './location.js';
import { NoteIndex, parseNoteTweet } from './note-tweets.js';
import { OwnerBuilder, ownerKeys } from './owner.js';
import { ianaTimeZone } from './rails-time-zones.js';
import type { ArchiveSource } from './source.js';
import { isMediaUrl } from './text.js';
import { flattenBatches, TweetItems } from './tweet-items.js';
import { tweetId, unwrapTweet, type XTweetOptions } from './x-tweet.js';

/** Tweet data files: tweets.js (2020 on), tweet.js (before), and the parts of split archives. */
export const MODERN_TWEET_FILE = /^tweets?(?:-part\d+)?\.js$/;
const NOTE_FILE = /^note-tweet(?:-part\d+)?\.js$/;

/** Where the files of a modern archive are inside its source. */
export interface ModernLayout {
  /** The data folder: "data" for an archive root, "" when the data folder itself was given. */
  dataDir: string;
  /** Read only this tweet file (a single tweets.js given on its own); else all of them. */
  onlyFile?: string;
}

/** How many tweets to look at for the owner's name when no account.js or manifest.js says it. */
const OWNER_PROBE_TWEETS = 5000;

/**
 * Opens a modern X archive (2019 on): data/tweets.js or data/tweet.js, or split parts listed in
 * data/manifest.js, plus note-tweet.js and the owner's account files.
 */
export async function openModernArchive(location: ArchiveLocation, layout: ModernLayout): Promise<ArchiveHandle> {
  const warnings: string[] = [];
  const { dataDir } = layout;
  const meta = await withSource(location, async (source) => {
    const manifest = asObject(await readOptionalJsValue(source, inDir(dataDir, 'manifest.js'), warnings));
    const tweetFiles = layout.onlyFile
      ? [layout.onlyFile]
      : await findDataFiles(source, dataDir, manifest, ['tweets', 'tweet'], MODERN_TWEET_FILE, true);
    if (tweetFiles.length === 0) {
      throw new TweetAuditError(
        `has no tweets file: looked for ${inDir(dataDir, 'tweets.js')}, ${inDir(dataDir, 'tweet.js')} and ${inDir(dataDir, 'tweets-part1.js')}…`,
        { file: location.path },
      );
    }
    const noteFiles = await findDataFiles(source, dataDir, manifest, ['noteTweet'], NOTE_FILE, false);
    const owner = await readOwner(source, dataDir, manifest, warnings);
    if (!owner.known) await probeOwner(source, tweetFiles[0]!, owner);
    const generatedAt = parseArchiveDate(asObject(manifest?.archiveInfo)?.generationDate);
    return { tweetFiles, noteFiles, owner: owner.build(), generatedAt };
  });

  const options: XTweetOptions = { owner: ownerKeys(meta.owner) };
  const report = { warnings, skipped: new SkippedRecords(location.path) };
  const archive: OpenedArchive = {
    path: location.path,
    format: 'x-modern',
    owner: meta.owner,
    ...report,
    tweets: () => flattenBatches(readTweetBatches(location, meta.tweetFiles, meta.noteFiles, options, report)),
    batches: () => readTweetBatches(location, meta.tweetFiles, meta.noteFiles, options, report),
  };
  const handle: ArchiveHandle = { archive, mtimeMs: location.mtimeMs };
  if (meta.generatedAt !== undefined) handle.generatedAt = meta.generatedAt;
  return handle;
}

/** Where a reading says what it met: warnings, and the records it skipped. */
interface ReadingReport {
  warnings: string[];
  skipped: SkippedRecords;
}

async function* readTweetBatches(
  location: ArchiveLocation,
  tweetFiles: string[],
  noteFiles: string[],
  base: XTweetOptions,
  report: ReadingReport,
): AsyncGenerator<Tweet[]> {
  const source = await location.open();
  try {
    const notes = await readNotes(source, noteFiles, report);
    const options: XTweetOptions = notes.size > 0 ? { ...base, notes } : base;
    const edits = new EditResolver();
    for (const file of tweetFiles) {
      const reader = new TweetItems(source.describe(file), options, file);
      for await (const batch of readJsItems(source, file)) {
        const tweets: Tweet[] = [];
        const chains: Array<string[] | undefined> = [];
        reader.add(batch, tweets, chains);
        yield edits.holdAll(tweets, chains);
      }
      report.skipped.keep(reader.skipped);
    }
    yield [...edits.finish()];
  } finally {
    await source.close();
  }
}

/**
 * The full texts of long tweets. A damaged note file costs those texts, not the whole reading:
 * the tweets keep their cut text and a warning says so.
 */
async function readNotes(source: ArchiveSource, files: string[], report: ReadingReport): Promise<NoteIndex> {
  const index = new NoteIndex();
  for (const file of files) {
    const skipped = new SkipCount(file, 'with no date or no text (long-tweet texts)');
    let items = 0;
    try {
      for await (const batch of readJsItems(source, file)) {
        for (const item of batch) {
          items++;
          const note = parseNoteTweet(item);
          if (note) index.add(note);
          else skipped.add(`item ${items}`);
        }
      }
    } catch (error) {
      if (!(error instanceof TweetAuditError)) throw error;
      warnOnce(
        report.warnings,
        `${error.message} (long tweets read from it so far keep their full text, the others their cut text)`,
      );
    }
    report.skipped.keep(skipped);
  }
  return index;
}

/**
 * The data files of one kind: those the manifest lists (a listed file that is missing while the
 * manifest counts tweets in it means an incomplete archive), plus any matching file on disk the
 * manifest does not list (hand-assembled folders). Sorted by part number.
 */
async function findDataFiles(
  source: ArchiveSource,
  dataDir: string,
  manifest: JsonObject | undefined,
  kinds: string[],
  pattern: RegExp,
  mustExist: boolean,
): Promise<string[]> {
  const found = new Set<string>();
  const dataTypes = asObject(manifest?.dataTypes);
  for (const kind of kinds) {
    for (const entry of asArray(asObject(dataTypes?.[kind])?.files)) {
      const listed = asString(asObject(entry)?.fileName);
      if (!listed) continue;
      const base = listed.slice(listed.lastIndexOf('/') + 1);
      if (!pattern.test(base)) continue;
      const name = inDir(dataDir, base);
      if (await source.file(name)) found.add(name);
      else if (mustExist && asString(asObject(entry)?.count) !== '0') {
        throw new TweetAuditError(
          `is listed in manifest.js but missing — the archive is incomplete; download it again (or unzip all of it)`,
          { file: source.describe(name) },
        );
      }
    }
  }
  for (const f of await source.list(dataDir)) {
    const base = f.name.slice(f.name.lastIndexOf('/') + 1);
    if (pattern.test(base)) found.add(f.name);
  }
  return [...found].sort((a, b) => partNumber(a) - partNumber(b) || (a < b ? -1 : 1));
}

function partNumber(name: string): number {
  const m = /-part(\d+)\.js$/.exec(name);
  return m ? Number(m[1]) : 0;
}

/** The first `{ key: {...} }` object of a YTD data file's list, e.g. `account` of account.js. */
async function firstRecord(
  source: ArchiveSource,
  name: string,
  key: string,
  warnings: string[],
): Promise<JsonObject | undefined> {
  const first = asArray(await readOptionalJsValue(source, name, warnings))[0];
  return asObject(asObject(first)?.[key]) ?? asObject(first);
}

async function readOwner(
  source: ArchiveSource,
  dataDir: string,
  manifest: JsonObject | undefined,
  warnings: string[],
): Promise<OwnerBuilder> {
  const owner = new OwnerBuilder();
  const account = await firstRecord(source, inDir(dataDir, 'account.js'), 'account', warnings);
  owner
    .handle(asString(account?.username))
    .accountId(asId(account?.accountId))
    .set('displayName', asString(account?.accountDisplayName));
  const user = asObject(manifest?.userInfo);
  owner
    .handle(asString(user?.userName))
    .accountId(asId(user?.accountId))
    .set('displayName', asString(user?.displayName));

  const zoneFile = inDir(dataDir, 'account-timezone.js');
  const zone = await firstRecord(source, zoneFile, 'accountTimezone', warnings);
  const zoneName = asString(zone?.timeZone);
  if (zoneName) {
    const iana = ianaTimeZone(zoneName);
    if (iana) owner.set('timeZone', iana);
    else warnOnce(warnings, `${zoneFile}: unknown time zone "${zoneName}", ignored`);
  }

  const profile = await firstRecord(source, inDir(dataDir, 'profile.js'), 'profile', warnings);
  const description = asObject(profile?.description);
  owner.set('bio', asString(description?.bio));
  const website = asString(description?.website);
  if (website) owner.set('website', expandProfileLink(profile!, website));
  return owner;
}

/**
 * The profile website is stored as its t.co link; some archives carry the expansion in a url
 * entity somewhere in profile.js. Look for an object whose url is the link and use its expansion.
 */
function expandProfileLink(profile: JsonObject, link: string, depth = 0): string {
  if (depth > 6) return link;
  if (profile.url === link) {
    const expanded = asString(profile.expanded_url) ?? asString(profile.expandedUrl);
    if (expanded) return expanded;
  }
  for (const value of Object.values(profile)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      const o = asObject(child);
      if (!o) continue;
      const found = expandProfileLink(o, link, depth + 1);
      if (found !== link) return found;
    }
  }
  return link;
}

/**
 * For a tweets file without account.js or manifest.js beside it: the owner's own photos link to
 * "twitter.com/<owner>/status/<this tweet's id>/photo/1", and a reply to that name gives the id.
 */
async function probeOwner(source: ArchiveSource, file: string, owner: OwnerBuilder): Promise<void> {
  let looked = 0;
  let handle: string | undefined;
  const repliedTo = new Map<string, string>();
  try {
    for await (const batch of readJsItems(source, file)) {
      for (const item of batch) {
        const raw = unwrapTweet(item);
        if (!raw) continue;
        const id = tweetId(raw);
        if (!handle && id) handle = ownPhotoHandle(raw, id);
        const name = asString(raw.in_reply_to_screen_name)?.toLowerCase();
        const userId = asId(raw.in_reply_to_user_id_str) ?? asId(raw.in_reply_to_user_id);
        if (name && userId) repliedTo.set(name, userId);
        if (handle && repliedTo.has(handle)) break;
      }
      looked += batch.length;
      if (looked >= OWNER_PROBE_TWEETS || (handle && repliedTo.has(handle))) break;
    }
  } catch (error) {
    // A damaged file is reported, with its details, when the tweets are read.
    if (!(error instanceof TweetAuditError)) throw error;
  }
  if (handle) owner.handle(handle).accountId(repliedTo.get(handle));
}

function ownPhotoHandle(raw: JsonObject, id: string): string | undefined {
  const media = [...asArray(asObject(raw.extended_entities)?.media), ...asArray(asObject(raw.entities)?.media)];
  for (const m of media) {
    const url = asString(asObject(m)?.expanded_url);
    if (!url || !isMediaUrl(url)) continue;
    const match = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]+)\/status\/(\d+)\//i.exec(url);
    if (match && match[2] === id) return match[1]!.toLowerCase();
  }
  return undefined;
}
