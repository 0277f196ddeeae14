import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TweetAuditError } from '../errors.js';
import type { UserLabel } from './classifier.js';
import { isCategory, isSubcategoryOf } from './taxonomy.js';

/**
 * Reads the user's labels. These shapes are accepted (the README's "Teach it your own labels" says
 * the same for users):
 * - a small CSV `id,category[,subcategory]`, with or without that header line (extra columns such
 *   as `confidence` or `source` are ignored when there is a header): every row counts;
 * - the sheet `tweet-audit label --pick` writes (header with `current_category`): its `category`
 *   column starts empty; the rows the user filled count, the empty ones are skipped;
 * - the CSV written by `tweet-audit classify`, after the user edited it: its `category` column
 *   starts filled with tweet-audit's own answer, which the `original` column keeps. A row counts
 *   only when its category/subcategory differs from `original`, or when a `reviewed` column marks
 *   it (to confirm a right answer). A classify CSV without `original` (written by an older
 *   version) counts only the rows a `reviewed` column marks, and without one it is an error:
 *   taking every row would teach the classifier its own answers. A subcategory that no longer
 *   fits the edited category is dropped (the classifier picks one).
 * Categories may be written "promotion/self" in the category column. Ids stay strings.
 * Bad rows are errors naming the file and the line.
 */
export async function readLabels(file: string): Promise<UserLabels> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new TweetAuditError(`cannot read labels: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file,
      cause: error,
    });
  }
  return parseLabels(content, file);
}

type LabelRow = { record: string[]; info: { lines: number } };

/** What a `reviewed` cell may say to leave a row unmarked; anything else non-empty marks it. */
const UNMARKED = new Set(['', 'no', 'n', 'false', '0', '-']);

/** How label files are read as CSV, here and by the labeled corpus (classify/corpus.ts). */
export const LABEL_CSV = {
  bom: true,
  // A file saved by a spreadsheet (CRLF) and then appended to by hand (LF) mixes both.
  record_delimiter: ['\r\n', '\n'],
  skip_empty_lines: true,
  relax_column_count: true,
  trim: true,
};

/** Parses the text of a labels file; `file` names it in errors. */
export function parseLabels(content: string, file: string): UserLabels {
  let rows: LabelRow[];
  try {
    rows = parse(content, { ...LABEL_CSV, info: true }) as unknown as LabelRow[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TweetAuditError(`${line === undefined ? '' : `line ${line}: `}${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
  const labels = new UserLabels();
  if (rows.length === 0) return labels;

  const first = rows[0]!.record.map((cell) => cell.toLowerCase());
  const hasHeader = first[0] === 'id';
  const column = (name: string, fallback: number): number => (hasHeader ? first.indexOf(name) : fallback);
  const idAt = column('id', 0);
  const categoryAt = column('category', 1);
  const subcategoryAt = column('subcategory', 2);
  const originalAt = column('original', -1);
  const reviewedAt = column('reviewed', -1);
  const pickSheet = hasHeader && first.includes('current_category');
  const fromClassify =
    hasHeader &&
    !pickSheet &&
    (first.includes('decided_by') || (first.includes('text') && first.includes('confidence')));
  if (categoryAt === -1) throw new TweetAuditError('line 1: the header has no "category" column', { file });
  if (fromClassify && originalAt === -1 && reviewedAt === -1) {
    throw new TweetAuditError(
      'line 1: this classify CSV has no "original" column, so the rows you changed cannot be told from the rest; classify again and edit the new file, or add a "reviewed" column and mark the rows you checked',
      { file },
    );
  }

  for (const { record, info } of hasHeader ? rows.slice(1) : rows) {
    const where = `line ${info.lines}`;
    const id = unquote(record[idAt] ?? '');
    let category = unquote(record[categoryAt] ?? '').toLowerCase();
    let subcategory: string | undefined =
      subcategoryAt === -1 ? undefined : unquote(record[subcategoryAt] ?? '').toLowerCase() || undefined;
    if (!id) throw new TweetAuditError(`${where}: missing tweet id`, { file });
    if (/^\d(?:\.\d+)?e\+?\d+$/i.test(id)) {
      throw new TweetAuditError(
        `${where}: tweet id "${id}" was turned into a number (by a spreadsheet?); ids must be kept as text`,
        { file },
      );
    }
    if (category.includes('/')) [category, subcategory] = category.split('/', 2) as [string, string];
    if (pickSheet && !category) continue;
    if (fromClassify) {
      const reviewed = reviewedAt !== -1 && !UNMARKED.has((record[reviewedAt] ?? '').toLowerCase());
      const [originalCategory, originalSubcategory] = (
        originalAt === -1 ? '' : (record[originalAt] ?? '').toLowerCase()
      ).split('/');
      const changed =
        originalAt !== -1 &&
        (category !== originalCategory || (subcategory !== undefined && subcategory !== originalSubcategory));
      if (!reviewed && !changed) continue;
    }
    if (!category) throw new TweetAuditError(`${where}: missing category for tweet ${id}`, { file });
    if (!isCategory(category)) {
      throw new TweetAuditError(
        `${where}: unknown category "${category}" for tweet ${id} (use conversation, promotion, conference or personal)`,
        { file },
      );
    }
    if (subcategory !== undefined && !isSubcategoryOf(category, subcategory)) {
      if (!fromClassify) {
        throw new TweetAuditError(`${where}: "${subcategory}" is not a subcategory of ${category} for tweet ${id}`, {
          file,
        });
      }
      subcategory = undefined;
    }
    const label: UserLabel = subcategory === undefined ? { category } : { category, subcategory };
    const previous = labels.get(id);
    if (previous && (previous.category !== label.category || previous.subcategory !== label.subcategory)) {
      throw new TweetAuditError(`${where}: tweet ${id} is labeled twice, differently`, { file });
    }
    labels.set(id, label);
  }
  return labels;
}

/**
 * The user's labels by tweet id. They remember which ids were looked up and found: whatever
 * reads the archive asks each tweet whether it is labeled, so after the reading these are the
 * labels that met a tweet of the archive, without the audit having to count them.
 */
export class UserLabels extends Map<string, UserLabel> {
  readonly met = new Set<string>();

  override has(id: string): boolean {
    const found = super.has(id);
    if (found) this.met.add(id);
    return found;
  }

  override get(id: string): UserLabel | undefined {
    const label = super.get(id);
    if (label) this.met.add(id);
    return label;
  }

  /**
   * The line every run that uses labels prints on stderr: how many labels met a tweet of the
   * archive, and how many ids did not (labels of another account, or of tweets since deleted).
   */
  describeApplied(): string {
    const found = this.met.size;
    const missing = this.size - found;
    return `applied ${found} label${found === 1 ? '' : 's'}, ${missing} id${missing === 1 ? '' : 's'} not in this archive`;
  }
}

/** Removes the quote a CSV writer puts before cells that a spreadsheet would read as formulas. */
function unquote(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1).trim() : cell;
}
