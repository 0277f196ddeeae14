import { parse } from 'csv-parse';
import type { SkipCount } from '../model/skipped.js';
import { uniformTweet, type Tweet } from '../model/tweet.js';
import { TweetAuditError } from '../errors.js';
import { parseArchiveDate } from './dates.js';
import { assertText } from './js-data-file.js';
import { asId } from './json-guards.js';
import type { ArchiveSource } from './source.js';
import {
  TCO_LINK,
  decodeEntities,
  expandLinks,
  hashtagsFromText,
  isMediaUrl,
  isStatusUrl,
  mentionsFromText,
  pushUnique,
  retweetedScreenName,
  sourceName,
  withWrittenLinks,
  type LinkExpansion,
} from './text.js';
import type { OwnerKeys } from './x-tweet.js';

/** Columns every tweets.csv of X's legacy archives has, in either column order (2013 or 2016). */
const CSV_REQUIRED_COLUMNS = ['tweet_id', 'timestamp', 'text'] as const;

/** A tweets.csv row, by column name. */
type Row = Partial<Record<string, string>>;

/**
 * Reads a legacy tweets.csv, a batch of tweets at a time. Columns are found by header name, so
 * the 2013 order (…retweeted_status_id, retweeted_status_user_id, timestamp, source, text,
 * expanded_urls) and the 2016 order (…timestamp, source, text, retweeted_status_id, …) both work.
 * Rows one field short (an empty last field left out) are accepted; quoted fields span lines.
 * Rows without an id or a valid date are counted in `skipped`.
 */
export async function* readCsvTweets(
  source: ArchiveSource,
  name: string,
  owner: OwnerKeys,
  skipped: SkipCount,
): AsyncGenerator<Tweet[]> {
  const file = source.describe(name);
  // A quote that never closes would make the rest of the file one field: a row is bounded like an item.
  const parser = parse({
    relax_column_count: true,
    bom: true,
    skip_empty_lines: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  const feeding = feed(source, name, file, parser);
  let columns: Map<string, number> | undefined;
  let rows = 0;
  let batch: Tweet[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (columns === undefined) {
        columns = headerColumns(record, file);
        continue;
      }
      const row: Row = {};
      for (const [column, index] of columns) row[column] = record[index];
      rows++;
      const tweet = csvRowToTweet(row, owner);
      if (tweet) batch.push(tweet);
      else skipped.add(`row ${rows}`);
      if (batch.length >= 512) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw csvError(error, file);
  } finally {
    parser.destroy();
  }
  await feeding;
  if (columns === undefined) {
    throw new TweetAuditError('is empty — the download may be incomplete; download the archive again', { file });
  }
  if (batch.length > 0) yield batch;
}

/**
 * Feeds the parser text decoded with a fatal, streaming TextDecoder: `stream: true` keeps a UTF-8
 * sequence split across two chunks pending instead of calling it invalid, and the final call
 * fails on a sequence cut off at the end of the file.
 */
async function feed(
  source: ArchiveSource,
  name: string,
  file: string,
  parser: ReturnType<typeof parse>,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let first = true;
  try {
    for await (const chunk of source.read(name)) {
      if (first) {
        assertText(chunk, file);
        first = false;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notUtf8(file);
      }
      if (!parser.write(text)) await drained(parser);
      if (parser.destroyed) return;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw notUtf8(file);
    }
    parser.end(rest);
  } catch (error) {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Resolves when the parser wants more input, or is gone (the reader stopped early or failed). */
function drained(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

function notUtf8(file: string): TweetAuditError {
  return new TweetAuditError('is not valid UTF-8 text — the file is damaged or in another encoding', { file });
}

/** A row of tweets.csv is a tweet: 16 Mi characters is far beyond any, as for JSON items. */
const MAX_CSV_RECORD_CHARS = 16 * 1024 * 1024;

function csvError(error: unknown, file: string): TweetAuditError {
  if (error instanceof TweetAuditError) return error;
  if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
    const line = (error as { lines?: number }).lines;
    return new TweetAuditError(
      `has a row over ${MAX_CSV_RECORD_CHARS / 1024 / 1024} Mi characters${line === undefined ? '' : ` (from line ${line})`}: ` +
        'a quote is probably never closed — the file is damaged; download the archive again',
      { file, cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new TweetAuditError(`cannot be read as CSV (${detail}) — the file may be damaged`, { file, cause: error });
}

function headerColumns(header: string[], file: string): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, index);
  });
  const missing = CSV_REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const found = header
      .slice(0, 10)
      .map((h) => JSON.stringify(h.slice(0, 40)))
      .join(', ');
    throw new TweetAuditError(
      `does not have the header of an X archive tweets.csv (missing ${missing.join(', ')}; found ${found || 'nothing'}) — ` +
        'give the tweets.csv of a Twitter archive, or the archive folder',
      { file },
    );
  }
  return columns;
}

/**
 * Turns a tweets.csv row into a Tweet, or undefined without a valid id and timestamp.
 * expanded_urls lists the expansions of the text's t.co links in text order, but X sometimes
 * kept only the first (8 rows of dgageot-2013): links are matched by position, and links left
 * without an expansion stay t.co links. An expansion to …/status/<id>/photo/1 is attached media.
 */
function csvRowToTweet(row: Row, owner: OwnerKeys): Tweet | undefined {
  const id = asId(row.tweet_id?.trim());
  const createdAt = parseArchiveDate(row.timestamp);
  if (id === undefined || createdAt === undefined) return undefined;

  const decoded = decodeEntities(row.text ?? '');
  const expansions = (row.expanded_urls ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  const links: LinkExpansion = { expanded: new Map(), media: new Set() };
  let urls: string[] = [];
  let mediaCount = 0;
  let k = 0;
  for (const m of decoded.matchAll(TCO_LINK)) {
    const expanded = expansions[k++];
    if (expanded === undefined) break;
    if (isMediaUrl(expanded)) {
      links.media.add(m[0]);
      mediaCount++;
    } else {
      links.expanded.set(m[0], expanded);
    }
  }
  for (const u of expansions) if (!isMediaUrl(u)) pushUnique(urls, u);
  const text = expandLinks(decoded, links);
  // Links typed out in full have no expansion in tweets from before t.co (2011).
  urls = withWrittenLinks(urls, decoded, text, links);

  const inReplyToStatusId = asId(row.in_reply_to_status_id?.trim());
  const inReplyToUserId = asId(row.in_reply_to_user_id?.trim());
  const isReply = inReplyToStatusId !== undefined;
  const retweetOf = retweetedScreenName(text);
  const isRetweet = asId(row.retweeted_status_id?.trim()) !== undefined || retweetOf !== undefined;

  return uniformTweet({
    id,
    createdAt,
    text,
    isReply,
    isSelfReply: isReply && inReplyToUserId !== undefined && owner.accountIds.has(inReplyToUserId),
    inReplyToStatusId,
    inReplyToUserId,
    isRetweet,
    retweetOf,
    isQuote: !isRetweet && urls.some(isStatusUrl),
    mentions: mentionsFromText(text),
    hashtags: hashtagsFromText(text),
    urls,
    mediaCount,
    source: sourceName(row.source),
  });
}
