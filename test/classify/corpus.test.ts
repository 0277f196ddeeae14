import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchives, tweetBatches } from '../../src/archive/index.js';
import { loadLabeledArchives } from '../../src/classify/corpus.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

describe('the labeled corpus', () => {
  it('knows which labels their annotator marked sure, the later file winning for an id labeled twice', async () => {
    const archive = await openArchives([path.join(FIXTURES, 'sample-archive')]);
    const ids: string[] = [];
    for await (const batch of tweetBatches(archive)) for (const tweet of batch) ids.push(tweet.id);
    const [a, b, c, d] = ids as [string, string, string, string];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tweet-audit-corpus-'));
    const first = path.join(dir, 'first');
    const later = path.join(dir, 'later');
    mkdirSync(first);
    mkdirSync(later);
    // Mixed line endings and a short row, as spreadsheets and hands leave them.
    writeFileSync(
      path.join(first, 'sample-archive.csv'),
      `id,category,subcategory,confidence\r\n${a},personal,life,3\r\n${b},promotion,sharing,2\n${c},personal,life\n${d},conversation,reply,3\n`,
    );
    writeFileSync(path.join(later, 'sample-archive.csv'), `ID,Category,Subcategory,Confidence\n${d},personal,life,1\n`);
    const [labeled] = await loadLabeledArchives(FIXTURES, [first, later]);
    rmSync(dir, { recursive: true, force: true });
    const sure = new Map(labeled!.tweets.map((t) => [t.id, t.sure]));
    expect(sure).toEqual(
      new Map([
        [a, true],
        [b, false],
        [c, false],
        [d, false],
      ]),
    );
    expect(labeled!.tweets.find((t) => t.id === d)!.label).toBe('personal/life');
  });
});
