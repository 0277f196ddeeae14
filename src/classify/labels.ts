import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { TweetAuditError } from '../errors.js';
import type { UserLabel } from './classifier.js';
import { isCategory, isSubcategoryOf } from './taxonomy.js';

/**
 * Reads the user's labels. Two shapes are accepted:
 * - a small CSV `id,category[,subcategory]`, with or without that header line (extra columns such
 *   as `confidence` are ignored when there is a header);
 * - the CSV written by `tweet-audit classify` (`id,created_at,category,subcategory,confidence,text`)
 *   after the user edited its category column. There, a subcategory that no longer fits the
 *   edited category is dropped (the classifier picks one), since only the category was edited.
 * Categories may be written "promotion/self" in the category column. Ids stay strings.
 * Bad rows are errors naming the file and the line.
 */
export async function readLabels(file: string): Promise<Map<string, UserLabel>> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new TweetAuditError(`cannot read labels: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file, cause: error });
  }
  return parseLabels(content, file);
}

type LabelRow = { record: string[]; info: { lines: number } };

/** Parses the text of a labels file; `file` names it in errors. */
export function parseLabels(content: string, file: string): Map<string, UserLabel> {
  let rows: LabelRow[];
  try {
    rows = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }) as unknown as LabelRow[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TweetAuditError(`${line === undefined ? '' : `line ${line}: `}${(error as Error).message}`, { file, cause: error });
  }
  const labels = new Map<string, UserLabel>();
  if (rows.length === 0) return labels;

  const first = rows[0]!.record.map((cell) => cell.toLowerCase());
  const hasHeader = first[0] === 'id';
  const column = (name: string, fallback: number): number => (hasHeader ? first.indexOf(name) : fallback);
  const idAt = column('id', 0);
  const categoryAt = column('category', 1);
  const subcategoryAt = column('subcategory', 2);
  const fromClassify = hasHeader && first.includes('text') && first.includes('confidence');
  if (categoryAt === -1) throw new TweetAuditError('line 1: the header has no "category" column', { file });

  for (const { record, info } of hasHeader ? rows.slice(1) : rows) {
    const where = `line ${info.lines}`;
    const id = unquote(record[idAt] ?? '');
    let category = unquote(record[categoryAt] ?? '').toLowerCase();
    let subcategory: string | undefined = subcategoryAt === -1 ? undefined : unquote(record[subcategoryAt] ?? '').toLowerCase() || undefined;
    if (!id) throw new TweetAuditError(`${where}: missing tweet id`, { file });
    if (/^\d(?:\.\d+)?e\+?\d+$/i.test(id)) {
      throw new TweetAuditError(`${where}: tweet id "${id}" was turned into a number (by a spreadsheet?); ids must be kept as text`, { file });
    }
    if (category.includes('/')) [category, subcategory] = category.split('/', 2) as [string, string];
    if (!category) throw new TweetAuditError(`${where}: missing category for tweet ${id}`, { file });
    if (!isCategory(category)) {
      throw new TweetAuditError(`${where}: unknown category "${category}" for tweet ${id} (use conversation, promotion, conference or personal)`, { file });
    }
    if (subcategory !== undefined && !isSubcategoryOf(category, subcategory)) {
      if (!fromClassify) {
        throw new TweetAuditError(`${where}: "${subcategory}" is not a subcategory of ${category} for tweet ${id}`, { file });
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

/** Removes the quote a CSV writer puts before cells that a spreadsheet would read as formulas. */
function unquote(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1).trim() : cell;
}
