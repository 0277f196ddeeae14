import { readdir, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TweetAuditError } from '../errors.js';
import type { Tweet } from '../model/tweet.js';
import { isCategory, isSubcategoryOf, type Label } from './taxonomy.js';
import { TRAINING_DIR } from './training-dir.js';

// The training corpus shipped with tweet-audit: data/training/*.csv (TRAINING_DIR), short tweets
// written for it (never copied from real archives) with their structural hints and label. Columns:
// `text,is_reply,is_self_reply,is_retweet,has_link,has_media,category,subcategory`, booleans as 0/1.

/** One training example: a tweet built from a corpus row, and its label. */
export interface TrainingExample {
  tweet: Tweet;
  label: Label;
  /** "file.csv:line", for error messages and duplicate reports. */
  source: string;
}

const COLUMNS = [
  'text',
  'is_reply',
  'is_self_reply',
  'is_retweet',
  'has_link',
  'has_media',
  'category',
  'subcategory',
] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** Stands in for the link of a row that says it has one but does not write it out. */
const PLACEHOLDER_URL = 'https://example.org/page';

function flag(row: Row, column: keyof Row, where: string): boolean {
  const value = row[column].trim();
  if (value === '1') return true;
  if (value === '0' || value === '') return false;
  throw new TweetAuditError(`${where}: ${column} must be 0 or 1, not "${value}"`);
}

/** Parses one corpus file's text. */
export function parseTrainingCsv(content: string, file: string): TrainingExample[] {
  const records = parse(content, { columns: true, bom: true, skip_empty_lines: true, info: true }) as {
    record: Row;
    info: { lines: number };
  }[];
  const examples: TrainingExample[] = [];
  for (const { record, info } of records) {
    const where = `${file}:${info.lines}`;
    for (const column of COLUMNS) {
      if (typeof record[column] !== 'string') throw new TweetAuditError(`${where}: missing column "${column}"`);
    }
    const { category, subcategory } = record;
    if (!isCategory(category) || !isSubcategoryOf(category, subcategory)) {
      throw new TweetAuditError(`${where}: unknown label "${category}/${subcategory}"`);
    }
    const text = record.text.trim();
    const isSelfReply = flag(record, 'is_self_reply', where);
    const isRetweet = flag(record, 'is_retweet', where);
    const urls = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    if (flag(record, 'has_link', where) && urls.length === 0) urls.push(PLACEHOLDER_URL);
    const retweetOf = /^RT @(\w+)/.exec(text)?.[1]?.toLowerCase();
    examples.push({
      source: where,
      label: { category, subcategory } as Label,
      tweet: {
        id: where,
        createdAt: 0,
        text,
        isReply: isSelfReply || flag(record, 'is_reply', where),
        isSelfReply,
        isRetweet,
        ...(isRetweet && retweetOf ? { retweetOf } : {}),
        isQuote: false,
        mentions: [...new Set([...text.matchAll(/@(\w+)/g)].map((m) => m[1]!.toLowerCase()))],
        hashtags: [...text.matchAll(/(?:^|[^\w&])#(\w+)/gu)].map((m) => m[1]!),
        urls,
        mediaCount: flag(record, 'has_media', where) ? 1 : 0,
      },
    });
  }
  return examples;
}

/** Reads every corpus file of a folder, in file-name order. */
export async function readTrainingCorpus(dir: URL = TRAINING_DIR): Promise<TrainingExample[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.csv')).sort();
  const examples: TrainingExample[] = [];
  for (const name of files) {
    examples.push(...parseTrainingCsv(await readFile(new URL(name, dir), 'utf8'), name));
  }
  return examples;
}
