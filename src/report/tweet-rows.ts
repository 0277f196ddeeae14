import { stringify } from 'csv-stringify/sync';
import { round } from './counters.js';
import { oneLine, permalink, truncate } from './renderers/shared.js';
import type { ClassifiedTweet, ReportAccount } from './types.js';
import type { Zone } from '../time/zone.js';

/** Columns of the `classify` command's per-tweet output, in order. Documented in csv-columns.md. */
export const TWEET_ROW_COLUMNS = [
  'id',
  'created_at',
  'local_time',
  'category',
  'subcategory',
  'confidence',
  'flags',
  'decided_by',
  'likes',
  'retweets',
  'url',
  'text',
] as const;
/**
 * CSV only, after `text`: "category/subcategory" as written, so that a copy whose category column
 * the user edited tells which rows they changed (src/classify/labels.ts).
 */
const CSV_EXTRA_COLUMNS = ['original'] as const;

/** One tweet's line of `classify` output (JSON element shape; CSV joins the arrays with "|"). */
export interface TweetRow {
  /** Tweet id as a string (ids exceed 2^53). */
  id: string;
  /** ISO 8601 UTC instant with "Z". */
  created_at: string;
  /** "YYYY-MM-DD HH:MM" in the report's time zone. */
  local_time: string;
  category: string;
  subcategory: string;
  /** 0..1, two decimals. */
  confidence: number;
  flags: string[];
  decided_by: string[];
  /** Likes and retweets at export time; null where the format has none. */
  likes: number | null;
  retweets: number | null;
  /** The tweet's page (see `permalink`); null when the archive gives no way to it. */
  url: string | null;
  text: string;
}

/** What a row needs beyond the tweet: the zone of its local time, whose archive for its link. */
export interface TweetRowContext {
  zone: Pick<Zone, 'localTime'>;
  account?: ReportAccount;
  /** Terminal width for the table form (default 80). */
  width?: number;
}

const LABEL_WIDTH = 'conversation/question'.length;

/** One tweet on one line of a terminal: local time, label, confidence, as much text as fits. */
function tableLine(row: TweetRow, width: number): string {
  const head = `${row.local_time}  ${`${row.category}/${row.subcategory}`.padEnd(LABEL_WIDTH)}  ${row.confidence.toFixed(2)}  `;
  return `${head}${truncate(oneLine(row.text), Math.max(10, width - head.length))}`;
}

// Rows are written in batches: one stringify call and one write per batch keeps the cost per
// row low while memory stays bounded by the batch, whatever the archive's size.
const BATCH = 500;

// Spreadsheet apps run a cell that starts with these as a formula; the fullwidth forms are
// folded to ASCII by some of them (the same list csv-stringify's escape_formulas uses).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * Neutralizes a cell a spreadsheet would run as a formula by putting a single quote in front,
 * which spreadsheets show as text. Every reply starts with "@", so this changes many cells; that
 * is why it is an option and applies only to the columns of archive content: the text and the id.
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The output row of one classified tweet. */
export function toTweetRow(item: ClassifiedTweet, context: TweetRowContext): TweetRow {
  return {
    id: item.tweet.id,
    created_at: new Date(item.tweet.createdAt).toISOString(),
    local_time: context.zone.localTime(item.tweet.createdAt),
    category: item.classification.category,
    subcategory: item.classification.subcategory,
    confidence: round(item.classification.confidence, 2),
    flags: [...item.classification.flags],
    decided_by: [...item.classification.decidedBy],
    likes: item.tweet.likeCount ?? null,
    retweets: item.tweet.retweetCount ?? null,
    url: permalink(context.account, item.tweet) ?? null,
    text: item.tweet.text,
  };
}

function prematureClose(): Error {
  return Object.assign(new Error('output closed before all rows were written'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/** A stream already destroyed will emit neither 'drain' nor 'close' again: waiting would hang. */
function assertWritable(out: NodeJS.WritableStream): void {
  const stream = out as NodeJS.WritableStream & { destroyed?: boolean; errored?: Error | null };
  if (stream.destroyed) throw stream.errored ?? prematureClose();
}

/** Waits until `out` wants more, failing if it errors or closes first (a closed pipe, say). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  assertWritable(out);
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(prematureClose());
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  assertWritable(out);
  if (!out.write(chunk)) await drained(out);
}

/**
 * Streams the per-tweet output of `classify` to `out`, batch by batch, honouring backpressure,
 * so a million rows never become one string.
 *
 * CSV: a header, then `id,created_at,local_time,category,subcategory,confidence,flags,decided_by,likes,
 * retweets,url,text,original` with confidence to 2 decimals and flags and rule ids joined by "|". With `csvSafe`, text cells that
 * a spreadsheet would run as a formula (and such ids) get a leading single quote; without it, text is raw.
 * JSON: one array, one element per line, each a {@link TweetRow}. Table: a line per tweet for a
 * terminal (local time, label, confidence, the text cut to the width).
 */
export async function writeTweetRows(
  rows: AsyncIterable<ClassifiedTweet> | Iterable<ClassifiedTweet>,
  format: 'csv' | 'json' | 'table',
  out: NodeJS.WritableStream,
  options: { csvSafe: boolean } & TweetRowContext,
): Promise<void> {
  let batch: TweetRow[] = [];
  let first = true;

  const flush = async () => {
    if (format === 'csv') {
      const records = batch.map((row) => [
        // Mastodon and Bluesky ids are path segments from the archive, not always digits.
        options.csvSafe ? escapeFormula(row.id) : row.id,
        row.created_at,
        row.local_time,
        row.category,
        row.subcategory,
        row.confidence.toFixed(2),
        row.flags.join('|'),
        row.decided_by.join('|'),
        row.likes ?? '',
        row.retweets ?? '',
        row.url ?? '',
        options.csvSafe ? escapeFormula(row.text) : row.text,
        `${row.category}/${row.subcategory}`,
      ]);
      await write(
        out,
        stringify(records, first ? { header: true, columns: [...TWEET_ROW_COLUMNS, ...CSV_EXTRA_COLUMNS] } : {}),
      );
    } else if (format === 'table') {
      const width = options.width ?? 80;
      const header = first ? `${'local time'.padEnd(16)}  ${'label'.padEnd(LABEL_WIDTH)}  conf  text\n` : '';
      await write(out, header + batch.map((row) => `${tableLine(row, width)}\n`).join(''));
    } else if (batch.length > 0) {
      const elements = batch.map((row) => JSON.stringify(row)).join(',\n');
      await write(out, `${first ? '[\n' : ',\n'}${elements}`);
    }
    if (batch.length > 0 || format !== 'json') first = false;
    batch = [];
  };

  for await (const item of rows) {
    batch.push(toTweetRow(item, options));
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0 || first) await flush();
  if (format === 'json') await write(out, first ? '[]\n' : '\n]\n');
}
