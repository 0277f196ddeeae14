import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabels, readLabels } from '../../src/classify/index.js';
import { TweetAuditError } from '../../src/errors.js';

async function file(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'labels-'));
  const name = path.join(dir, 'labels.csv');
  await writeFile(name, content);
  return name;
}

function errorOf(fn: () => unknown): TweetAuditError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TweetAuditError);
    return error as TweetAuditError;
  }
  throw new Error('expected an error');
}

describe('readLabels', () => {
  it('reads a small id,category[,subcategory] file with a header, ids as strings beyond 2^53', async () => {
    const labels = await readLabels(await file('id,category,subcategory\n1854591356741861770,promotion,self\n22,personal,\n'));
    expect([...labels]).toEqual([
      ['1854591356741861770', { category: 'promotion', subcategory: 'self' }],
      ['22', { category: 'personal' }],
    ]);
  });

  it('reads a file without a header, and the hand-labels shape with a confidence column', () => {
    expect([...parseLabels('7,conversation,reply\n8,conference\n', 'x.csv')]).toEqual([
      ['7', { category: 'conversation', subcategory: 'reply' }],
      ['8', { category: 'conference' }],
    ]);
    expect(parseLabels('id,category,subcategory,confidence\n9,personal,media,3\n', 'x.csv').get('9')).toEqual({ category: 'personal', subcategory: 'media' });
  });

  it('reads the classify CSV after the user edited its category column, dropping a subcategory that no longer fits', () => {
    const csv = [
      'id,created_at,category,subcategory,confidence,text',
      '10,2024-01-01T10:00:00Z,personal,life,0.2,"Just a photo"',
      '11,2024-01-01T11:00:00Z,promotion,life,0.2,"""quoted"", with a comma"',
      "12,2024-01-01T12:00:00Z,Conversation,reply,0.95,'@ana thanks",
    ].join('\n');
    const labels = parseLabels(csv, 'classify.csv');
    expect(labels.get('10')).toEqual({ category: 'personal', subcategory: 'life' });
    expect(labels.get('11')).toEqual({ category: 'promotion' });
    expect(labels.get('12')).toEqual({ category: 'conversation', subcategory: 'reply' });
  });

  it('accepts "category/subcategory" in the category column', () => {
    expect(parseLabels('id,category\n5,promotion/jobs\n', 'x.csv').get('5')).toEqual({ category: 'promotion', subcategory: 'jobs' });
  });

  it('names the file and the line of a bad row', () => {
    const unknown = errorOf(() => parseLabels('id,category\n1,promotion\n2,advertising\n', 'mine.csv'));
    expect(unknown.message).toMatch(/^mine\.csv: line 3: unknown category "advertising"/);
    expect(unknown.file).toBe('mine.csv');
    expect(errorOf(() => parseLabels('id,category,subcategory\n1,promotion,life\n', 'mine.csv')).message).toMatch(/line 2: "life" is not a subcategory of promotion/);
    expect(errorOf(() => parseLabels('id,category\n,promotion\n', 'mine.csv')).message).toMatch(/line 2: missing tweet id/);
    expect(errorOf(() => parseLabels('id,category\n3,\n', 'mine.csv')).message).toMatch(/line 2: missing category/);
    expect(errorOf(() => parseLabels('id,category\n1.23457E+18,personal\n', 'mine.csv')).message).toMatch(/line 2: .*turned into a number/);
    expect(errorOf(() => parseLabels('id,category\n1,personal\n1,promotion\n', 'mine.csv')).message).toMatch(/line 3: tweet 1 is labeled twice/);
    expect(errorOf(() => parseLabels('id,text\n1,hello\n', 'mine.csv')).message).toMatch(/line 1: the header has no "category" column/);
    expect(errorOf(() => parseLabels('id,category\n1,"personal\n', 'mine.csv')).message).toMatch(/^mine\.csv: /);
  });

  it('reports a missing file as a TweetAuditError naming it', async () => {
    await expect(readLabels('/nonexistent/labels.csv')).rejects.toThrow(/\/nonexistent\/labels\.csv: cannot read labels: ENOENT/);
  });

  it('reads an empty file as no labels', () => {
    expect(parseLabels('', 'x.csv').size).toBe(0);
  });
});
