import { SkipCount, SkippedRecords } from '../model/skipped.js';
import type { OpenedArchive, Tweet } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { parseArchiveDate } from './dates.js';
import { readJsItems, readOptionalJsValue } from './js-data-file.js';
import { asArray, asId, asObject, asString } from './json-guards.js';
import { inDir, warnOnce, withSource, type ArchiveHandle, type ArchiveLocation } from './location.js';
import { OwnerBuilder, ownerKeys } from './owner.js';
import type { ArchiveSource } from './source.js';
import { NO_ID_OR_DATE } from './tweet-items.js';
import { normalizeXTweet, notTweets, unwrapTweet, type OwnerKeys, type XTweetOptions } from './x-tweet.js';

/** Grailbird month files: data/js/tweets/2013_03.js. */
export const GRAILBIRD_FILE = /^\d{4}_\d{2}\.js$/;
/** Where a legacy archive keeps its Grailbird month files. */
export const GRAILBIRD_DIR = 'data/js/tweets';

/** Which files of a legacy archive (2010–2018 "Your Twitter archive") to read. */
export interface LegacyLayout {
  /** tweets.csv, when present (or the one CSV file given). */
  csv?: string;
  /** Grailbird month files, when present (or the one given). */
  grailbird?: string[];
  /** Folder holding user_details.js and payload_details.js ("data/js"). */
  jsDir: string;
}

/**
 * Opens a legacy archive. When it has both tweets.csv and Grailbird files, the Grailbird files are
 * read: they are JSON with entity lists, so every t.co link has its expansion (tweets.csv's
 * expanded_urls keeps only the first link of some tweets), attached media are marked as such,
 * replies name the account replied to and retweets carry the retweeted tweet. Both give the same
 * tweets, ids, dates and texts otherwise (test/archive/legacy-equivalence.test.ts). tweets.csv is
 * read instead when tweet_index.js lists month files that are missing.
 */
export async function openLegacyArchive(location: ArchiveLocation, layout: LegacyLayout): Promise<ArchiveHandle> {
  const warnings: string[] = [];
  const meta = await withSource(location, async (source) => {
    let grailbird = layout.grailbird;
    if (grailbird && layout.csv) {
      const missing = await missingIndexedFiles(source, layout.jsDir, warnings);
      if (missing.length > 0) {
        warnOnce(
          warnings,
          `${inDir(layout.jsDir, 'tweet_index.js')}: ${missing.length} month files listed are missing (${missing.slice(0, 3).join(', ')}…); reading tweets.csv instead`,
        );
        grailbird = undefined;
      }
    }
    const owner = new OwnerBuilder();
    const user = asObject(await readOptionalJsValue(source, inDir(layout.jsDir, 'user_details.js'), warnings));
    owner.handle(asString(user?.screen_name)).accountId(asId(user?.id) ?? asId(user?.id_str));
    owner.set('displayName', asString(user?.full_name)).set('bio', asString(user?.bio));
    if (!owner.known && grailbird?.[0]) await probeGrailbirdOwner(source, grailbird[0], owner);
    const payload = asObject(await readOptionalJsValue(source, inDir(layout.jsDir, 'payload_details.js'), warnings));
    return { grailbird, owner: owner.build(), generatedAt: parseArchiveDate(payload?.created_at) };
  });

  const keys = ownerKeys(meta.owner);
  const grailbird = meta.grailbird;
  const csv = layout.csv;
  let tweets: () => AsyncIterable<Tweet>;
  let format: OpenedArchive['format'];
  const skipped = new SkippedRecords(location.path);
  if (grailbird) {
    format = 'x-legacy-grailbird';
    tweets = () => readGrailbird(location, grailbird, keys, skipped);
  } else if (csv) {
    format = 'x-legacy-csv';
    tweets = () => readCsv(location, csv, keys, skipped);
  } else {
    throw new TweetAuditError(`has neither tweets.csv nor ${GRAILBIRD_DIR}/*.js`, { file: location.path });
  }
  const archive: OpenedArchive = { path: location.path, format, owner: meta.owner, warnings, skipped, tweets };
  const handle: ArchiveHandle = { archive, mtimeMs: location.mtimeMs };
  if (meta.generatedAt !== undefined) handle.generatedAt = meta.generatedAt;
  return handle;
}

// payload_details.js states a tweet count ("tweets": 4652 for dgageot-2013) that is not used: it
// is the account's statuses_count when the archive was made, and X's counter includes tweets
// the archive does not hold (dgageot-2013: tweets.csv, the Grailbird files and tweet_index.js
// all agree on 4,649, with no duplicate or unparsable row). The tweets actually present count.

async function* readCsv(
  location: ArchiveLocation,
  csv: string,
  owner: OwnerKeys,
  skipped: SkippedRecords,
): AsyncGenerator<Tweet> {
  // Loaded here: the Grailbird files and modern archives do not need the CSV reader.
  const { readCsvTweets } = await import('./legacy-csv.js');
  const source = await location.open();
  const skips = new SkipCount(csv, NO_ID_OR_DATE);
  try {
    for await (const batch of readCsvTweets(source, csv, owner, skips)) yield* batch;
    skipped.keep(skips);
  } finally {
    await source.close();
  }
}

async function* readGrailbird(
  location: ArchiveLocation,
  files: string[],
  owner: OwnerKeys,
  skipped: SkippedRecords,
): AsyncGenerator<Tweet> {
  const source = await location.open();
  const options: XTweetOptions = { owner, legacy: true };
  try {
    for (const file of files) {
      const skips = new SkipCount(file, NO_ID_OR_DATE);
      let seen = 0;
      let items = 0;
      for await (const batch of readJsItems(source, file)) {
        for (const item of batch) {
          items++;
          const raw = unwrapTweet(item);
          if (raw === undefined) {
            if (seen === 0) throw notTweets(item, source.describe(file));
            skips.add(`item ${items}`);
            continue;
          }
          seen++;
          const tweet = normalizeXTweet(raw, options);
          if (tweet) yield tweet;
          else skips.add(`item ${items}`);
        }
      }
      skipped.keep(skips);
    }
  } finally {
    await source.close();
  }
}

/** Month files that tweet_index.js lists but the archive lacks. */
async function missingIndexedFiles(source: ArchiveSource, jsDir: string, warnings: string[]): Promise<string[]> {
  const indexFile = inDir(jsDir, 'tweet_index.js');
  const index = await readOptionalJsValue(source, indexFile, warnings);
  const missing: string[] = [];
  for (const entry of asArray(index)) {
    const listed = asString(asObject(entry)?.file_name);
    if (!listed) continue;
    const name = inDir(jsDir, listed.replace(/^data\/js\//, ''));
    if (!(await source.file(name))) missing.push(name);
  }
  return missing;
}

/** Without user_details.js, Grailbird tweets still carry their author in `user`. */
async function probeGrailbirdOwner(source: ArchiveSource, file: string, owner: OwnerBuilder): Promise<void> {
  try {
    for await (const batch of readJsItems(source, file)) {
      for (const item of batch) {
        const user = asObject(asObject(item)?.user);
        if (!user) continue;
        owner.handle(asString(user.screen_name)).accountId(asId(user.id_str) ?? asId(user.id));
        owner.set('displayName', asString(user.name));
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof TweetAuditError)) throw error;
  }
}
