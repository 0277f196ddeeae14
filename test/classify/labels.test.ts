import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabels, readLabels, UserLabels } from '../../src/classify/index.js';
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
    const labels = await readLabels(
      await file('id,category,subcategory\n1854591356741861770,promotion,self\n22,personal,\n'),
    );
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
    expect(parseLabels('id,category,subcategory,confidence\n9,personal,media,3\n', 'x.csv').get('9')).toEqual({
      category: 'personal',
      subcategory: 'media',
    });
  });

  it('reads every row of a file saved with CRLF and appended to with LF', () => {
    const mixed = 'id,category,subcategory\r\n1,personal,life\r\n2,promotion,self\n3,conversation,reply\n';
    expect([...parseLabels(mixed, 'x.csv').keys()]).toEqual(['1', '2', '3']);
  });

  it('counts only the rows of an edited classify CSV that differ from its original column, dropping a subcategory that no longer fits', () => {
    const csv = [
      'id,created_at,category,subcategory,confidence,flags,decided_by,text,original',
      '10,2024-01-01T10:00:00Z,personal,life,0.2,,default,"Just a photo",personal/life',
      '11,2024-01-01T11:00:00Z,promotion,life,0.2,,default,"""quoted"", with a comma",personal/life',
      "12,2024-01-01T12:00:00Z,Conversation,reply,0.95,reply,reply,'@ana thanks,promotion/self",
      '13,2024-01-01T13:00:00Z,promotion,sharing,0.9,link,link-share,"a link",promotion/self',
      '14,2024-01-01T14:00:00Z,promotion,,0.9,link,link-share,"a link",promotion/self',
    ].join('\n');
    const labels = parseLabels(csv, 'classify.csv');
    expect([...labels]).toEqual([
      ['11', { category: 'promotion' }],
      ['12', { category: 'conversation', subcategory: 'reply' }],
      ['13', { category: 'promotion', subcategory: 'sharing' }],
    ]);
  });

  it('counts the rows a reviewed column marks, changed or not', () => {
    const csv = [
      'id,category,subcategory,confidence,decided_by,text,original,reviewed',
      '20,personal,life,0.2,default,a,personal/life,x',
      '21,personal,life,0.2,default,b,personal/life,',
      '22,personal,life,0.2,default,c,personal/life,no',
      '23,conference,live,0.2,default,d,personal/life,',
    ].join('\n');
    expect([...parseLabels(csv, 'classify.csv').keys()]).toEqual(['20', '23']);
  });

  it('reads an old classify CSV without an original column only through a reviewed column, else says why not', () => {
    const old =
      'id,created_at,category,subcategory,confidence,text\n10,2024-01-01T10:00:00Z,personal,life,0.2,"Just a photo"\n';
    expect(errorOf(() => parseLabels(old, 'old.csv')).message).toMatch(
      /^old\.csv: line 1: this classify CSV has no "original" column/,
    );
    const reviewed =
      'id,category,subcategory,confidence,text,reviewed\n10,personal,life,0.2,a,yes\n11,promotion,life,0.2,b,\n';
    expect([...parseLabels(reviewed, 'old.csv')]).toEqual([['10', { category: 'personal', subcategory: 'life' }]]);
  });

  it('reads a label --pick sheet: filled rows count, empty ones are skipped', () => {
    const csv = [
      'id,local_time,link,current_category,current_subcategory,confidence,source,category,subcategory,text',
      '30,2024-01-01 10:00,https://x.com/a/status/30,personal,life,0.2,asked,personal,,a',
      '31,2024-01-01 11:00,https://x.com/a/status/31,personal,life,0.2,random,,,b',
      '32,2024-01-01 12:00,https://x.com/a/status/32,personal,life,0.2,asked,promotion,self,c',
    ].join('\n');
    expect([...parseLabels(csv, 'pick.csv')]).toEqual([
      ['30', { category: 'personal' }],
      ['32', { category: 'promotion', subcategory: 'self' }],
    ]);
    expect(errorOf(() => parseLabels(csv.replace('promotion,self', 'promotion,life'), 'pick.csv')).message).toMatch(
      /line 4: "life" is not a subcategory/,
    );
  });

  it('reads the labels file tweet-audit label writes, ignoring its source and predicted columns', () => {
    const csv =
      'id,category,subcategory,source,predicted\n40,personal,life,random,personal/life\n41,conference,,asked,personal/life\n';
    expect([...parseLabels(csv, 'labels.csv')]).toEqual([
      ['40', { category: 'personal', subcategory: 'life' }],
      ['41', { category: 'conference' }],
    ]);
  });

  it('remembers which labels were looked up and found, and says so in one line', () => {
    const labels = parseLabels('id,category\n1,personal\n2,promotion\n3,conference\n', 'x.csv');
    expect(labels).toBeInstanceOf(UserLabels);
    expect(labels.describeApplied()).toBe('applied 0 labels, 3 ids not in this archive');
    expect(labels.has('1')).toBe(true);
    expect(labels.has('9')).toBe(false);
    expect(labels.get('2')).toEqual({ category: 'promotion' });
    expect(labels.get('8')).toBeUndefined();
    expect(labels.has('1')).toBe(true);
    expect(labels.describeApplied()).toBe('applied 2 labels, 1 id not in this archive');
    expect(new UserLabels([['1', { category: 'personal' }]]).describeApplied()).toBe(
      'applied 0 labels, 1 id not in this archive',
    );
  });

  it('accepts "category/subcategory" in the category column', () => {
    expect(parseLabels('id,category\n5,promotion/jobs\n', 'x.csv').get('5')).toEqual({
      category: 'promotion',
      subcategory: 'jobs',
    });
  });

  it('names the file and the line of a bad row', () => {
    const unknown = errorOf(() => parseLabels('id,category\n1,promotion\n2,advertising\n', 'mine.csv'));
    expect(unknown.message).toMatch(/^mine\.csv: line 3: unknown category "advertising"/);
    expect(unknown.file).toBe('mine.csv');
    expect(errorOf(() => parseLabels('id,category,subcategory\n1,promotion,life\n', 'mine.csv')).message).toMatch(
      /line 2: "life" is not a subcategory of promotion/,
    );
    expect(errorOf(() => parseLabels('id,category\n,promotion\n', 'mine.csv')).message).toMatch(
      /line 2: missing tweet id/,
    );
    expect(errorOf(() => parseLabels('id,category\n3,\n', 'mine.csv')).message).toMatch(/line 2: missing category/);
    expect(errorOf(() => parseLabels('id,category\n1.23457E+18,personal\n', 'mine.csv')).message).toMatch(
      /line 2: .*turned into a number/,
    );
    expect(errorOf(() => parseLabels('id,category\n1,personal\n1,promotion\n', 'mine.csv')).message).toMatch(
      /line 3: tweet 1 is labeled twice/,
    );
    expect(errorOf(() => parseLabels('id,text\n1,hello\n', 'mine.csv')).message).toMatch(
      /line 1: the header has no "category" column/,
    );
    expect(errorOf(() => parseLabels('id,category\n1,"personal\n', 'mine.csv')).message).toMatch(/^mine\.csv: /);
  });

  it('reports a missing file as a TweetAuditError naming it', async () => {
    await expect(readLabels('/nonexistent/labels.csv')).rejects.toThrow(
      /\/nonexistent\/labels\.csv: cannot read labels: ENOENT/,
    );
  });

  it('reads an empty file as no labels', () => {
    expect(parseLabels('', 'x.csv').size).toBe(0);
  });
});
