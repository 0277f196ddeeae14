import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.js';
import { copyArchive, editFile, zipFolder } from './helpers/fixtures.js';
import { FIXTURES, collect, iso, readAll, readAllMerged, tempDir, type ReadResult } from './helpers/read.js';

const SPLIT = path.join(FIXTURES, 'modern-split');
const BARE = path.join(FIXTURES, 'modern-2019-bare');
const LEGACY = path.join(FIXTURES, 'legacy-2016');

let tmp: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: tmp, cleanup } = await tempDir());
});
afterAll(() => cleanup?.());

/** What every reading of the modern-split fixture must give, however it is packaged. */
function expectModernSplit(r: ReadResult, part1 = 'data/tweets-part1.js'): void {
  expect(r.tweets).toHaveLength(8);
  expect(r.archive.format).toBe('x-modern');
  expect(r.archive.owner).toEqual({
    handles: ['auditfixture'],
    accountIds: ['1000000001'],
    displayName: 'Audit Fixture',
    timeZone: 'America/Los_Angeles',
    website: 'https://audit.example.org/',
    bio: 'I audit my own tweets.',
  });
  expect(r.archive.warnings).toEqual([]);
  expect(r.archive.skipped.report(true)).toEqual([
    {
      warning: `${r.archive.path}: skipped 2 records: 2 with no id or no valid date`,
      details: [`  ${part1}, item 3: with no id or no valid date`, `  ${part1}, item 4: with no id or no valid date`],
    },
  ]);

  expect(r.byId.get('1790000000000000101')).toEqual({
    id: '1790000000000000101',
    createdAt: Date.UTC(2024, 4, 10, 9, 0, 0),
    text: 'Shipping the new parser today & it streams <3 https://example.org/parser',
    lang: 'en',
    isReply: false,
    isSelfReply: false,
    isRetweet: false,
    isQuote: false,
    mentions: [],
    hashtags: [],
    urls: ['https://example.org/parser'],
    mediaCount: 0,
    likeCount: 7,
    retweetCount: 2,
    source: 'Twitter Web App',
  });
  // Parts are read whatever their date order: part1 holds 2023, part2 January 2024.
  expect(r.byId.get('1680000000000000701')).toMatchObject({
    isRetweet: true,
    retweetOf: 'bob_builder',
    mentions: ['bob_builder'],
  });
  expect(r.byId.get('1680000000000000701')!.text).toBe(
    'RT @Bob_Builder: We can fix it & ship it before Friday, promise…',
  );
  expect(r.byId.get('1680000000000000802')).toMatchObject({
    isQuote: true,
    urls: ['https://twitter.com/dave/status/1670000000000000000'],
  });
  expect(r.byId.get('1745000000000000301')!.hashtags).toEqual(['TypeScript', 'nodejs']);
  // The edited tweet, once, in its last version, although the edit comes first in the file.
  expect(r.byId.has('1745000000000000201')).toBe(false);
  expect(r.byId.get('1745000000000000202')!.text).toBe('Conference talk slides are up (fixed the typo) #talks');
  // Media links leave the text and are counted (two photos behind one t.co link).
  expect(r.byId.get('1790000000000000505')).toMatchObject({
    text: 'Two photos from the meetup',
    mediaCount: 2,
    urls: [],
  });
  expect(r.byId.get('1790000000000000505')!.source).toBe('Twitter for Android');
  // The long reply gets its note's full text, behind its reply prefix; the short tweet posted in
  // the same second does not.
  const long = r.byId.get('1790000000000000303')!;
  expect(long.text.startsWith('@carol A long thought about streaming parsers')).toBe(true);
  expect(long.text.endsWith('even for a one gigabyte file.')).toBe(true);
  expect(long).toMatchObject({ isReply: true, isSelfReply: false, inReplyToScreenName: 'carol', mentions: ['carol'] });
  expect(r.byId.get('1790000000000000304')).toMatchObject({ text: 'A long thought, part two.', isSelfReply: true });
  expect(iso(r.byId.get('1790000000000000304'))).toBe('2024-05-12T18:30:05.000Z');
}

describe('modern archive variants', () => {
  it('reads a split archive folder (parts out of date order, edits, a note tweet)', async () => {
    expectModernSplit(await readAll(SPLIT));
  });

  it('reads afresh on each tweets() call, without repeating warnings', async () => {
    const archive = await openArchive(SPLIT);
    const first = await collect(archive);
    const second = await collect(archive);
    expect(second.tweets).toEqual(first.tweets);
    expect(archive.skipped.report(false)).toHaveLength(1);
    expect(archive.skipped.total).toBe(2);
  });

  it('reads the data folder itself', async () => {
    expectModernSplit(await readAll(path.join(SPLIT, 'data')), 'tweets-part1.js');
  });

  it('reads bare items, a `module.exports =` prefix and a trailing ";" (pre-2020 copy)', async () => {
    const r = await readAll(BARE);
    expect(r.tweets.map((t) => t.id)).toEqual(['1100000000000000011', '1100000000000000012', '1100000000000000013']);
    expect(r.byId.get('1100000000000000011')!.text).toBe(
      'Braces } and { and "quotes" and a backslash \\ inside a tweet, café ☕',
    );
    // No account.js: the owner is recognised from the link of their own photo.
    expect(r.archive.owner).toEqual({ handles: ['oldtimer'], accountIds: ['5000000005'] });
    expect(r.byId.get('1100000000000000013')).toMatchObject({ isReply: true, isSelfReply: true });
  });

  it('reads a single tweets file given on its own', async () => {
    const r = await readAll(path.join(BARE, 'data/tweet.js'));
    expect(r.tweets).toHaveLength(3);
    const one = await readAll(path.join(SPLIT, 'data/tweets-part2.js'));
    expect(one.tweets.map((t) => t.id).sort()).toEqual(['1745000000000000202', '1745000000000000301']);
    // Files beside it still name the owner.
    expect(one.archive.owner.handles).toEqual(['auditfixture']);
  });

  it('reads a renamed copy whose prefix was rewritten', async () => {
    const file = path.join(tmp, 'my-tweets.js');
    const original = await readFile(path.join(SPLIT, 'data/tweets-part2.js'), 'utf8');
    await writeFile(file, original.replace('window.YTD.tweets.part2 = ', '// my backup\nmodule.exports = ') + ';\n');
    const r = await readAll(file);
    expect(r.tweets).toHaveLength(2);
  });
});

describe('zipped archives, read in place', () => {
  it('reads the zip as downloaded, without changing it', async () => {
    const zip = await zipFolder(SPLIT, path.join(tmp, 'twitter-2024-06-01.zip'));
    const before = createHash('sha256')
      .update(await readFile(zip))
      .digest('hex');
    const mtime = (await stat(zip)).mtimeMs;
    expectModernSplit(await readAll(zip));
    expect(
      createHash('sha256')
        .update(await readFile(zip))
        .digest('hex'),
    ).toBe(before);
    expect((await stat(zip)).mtimeMs).toBe(mtime);
  });

  it('finds the archive inside one top folder of the zip', async () => {
    expectModernSplit(await readAll(await zipFolder(SPLIT, path.join(tmp, 'nested.zip'), 'twitter-archive/')));
  });

  it('ignores entries with absolute paths or ".."', async () => {
    const evil =
      'window.YTD.tweets.part9 = [ { "tweet" : { "id_str" : "1", "created_at" : "Fri May 10 09:00:00 +0000 2024", "full_text" : "evil" } } ]';
    const zip = await zipFolder(SPLIT, path.join(tmp, 'evil.zip'), '', [
      { name: '../data/tweets-part9.js', data: evil },
      { name: '/data/tweets-part8.js', data: evil },
      { name: 'data/../data/tweets-part7.js', data: evil },
    ]);
    const r = await readAll(zip);
    expect(r.tweets).toHaveLength(8);
    expect(r.byId.has('1')).toBe(false);
  });

  it('reads a zipped legacy archive', async () => {
    const r = await readAll(await zipFolder(LEGACY, path.join(tmp, 'legacy.zip')));
    expect(r.archive.format).toBe('x-legacy-grailbird');
    expect(r.tweets).toHaveLength(4);
  });

  it('reads stored (uncompressed) entries', async () => {
    const { buildZip } = await import('./helpers/zip-writer.js');
    const { zipInputs } = await import('./helpers/fixtures.js');
    const inputs = (await zipInputs(SPLIT)).map((f) => ({ ...f, store: true }));
    const zip = path.join(tmp, 'stored.zip');
    await writeFile(zip, buildZip(inputs));
    expectModernSplit(await readAll(zip));
  });
});

describe('a folder of several archives', () => {
  it('opens the newest by the date X generated it', async () => {
    const dir = path.join(tmp, 'monthly');
    await mkdir(dir);
    const older = await copyArchive(SPLIT, path.join(tmp, 'older-src'));
    await editFile(path.join(older, 'data/manifest.js'), '2024-06-01T10:00:00.000Z', '2024-01-01T10:00:00.000Z');
    await zipFolder(older, path.join(dir, 'twitter-2024-01.zip'));
    const newer = await copyArchive(SPLIT, path.join(dir, 'twitter-2024-06'));
    // The older zip is the most recently modified file: the manifest date must win.
    await utimes(newer, new Date('2020-01-01'), new Date('2020-01-01'));
    await writeFile(path.join(dir, 'notes.txt'), 'not an archive');

    const archive = await openArchive(dir);
    expect(archive.path).toBe(newer);
    expect(archive.warnings.at(-1)).toContain('2 archives found, reading the newest');
    expect((await collect(archive)).tweets).toHaveLength(8);
  });

  it('falls back to file times when archives do not say when they were made', async () => {
    const dir = path.join(tmp, 'by-mtime');
    await mkdir(dir);
    const a = await copyArchive(BARE, path.join(dir, 'a'));
    const b = await copyArchive(BARE, path.join(dir, 'b'));
    await utimes(a, new Date('2021-01-01'), new Date('2021-01-01'));
    await utimes(b, new Date('2019-01-01'), new Date('2019-01-01'));
    expect((await openArchive(dir)).path).toBe(a);
    await utimes(b, new Date('2022-01-01'), new Date('2022-01-01'));
    expect((await openArchive(dir)).path).toBe(b);
  });

  it('skips a damaged archive among good ones, with a warning', async () => {
    const dir = path.join(tmp, 'with-damage');
    await mkdir(dir);
    await copyArchive(SPLIT, path.join(dir, 'good'));
    await writeFile(path.join(dir, 'broken.zip'), Buffer.from('PK\x03\x04 this is not really a zip'));
    const archive = await openArchive(dir);
    expect(archive.path).toBe(path.join(dir, 'good'));
    expect(archive.warnings.some((w) => w.includes('broken.zip') && w.includes('(skipped)'))).toBe(true);
  });
});

describe('merging overlapping archives', () => {
  let older: string;
  let newer: string;
  beforeAll(async () => {
    older = await copyArchive(SPLIT, path.join(tmp, 'merge-older'));
    await editFile(path.join(older, 'data/manifest.js'), '2024-06-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
    await rm(path.join(older, 'data/tweets.js'));
    await editFile(path.join(older, 'data/manifest.js'), /\{\s*"fileName" : "data\/tweets\.js",[^}]*\},?/, '');
    await editFile(path.join(older, 'data/tweets-part2.js'), 'Writing tests for', 'OLD VERSION Writing tests for');
    newer = await copyArchive(SPLIT, path.join(tmp, 'merge-newer'));
    await editFile(path.join(newer, 'data/tweets.js'), 'Two photos from the meetup', 'NEW Two photos from the meetup');
  });

  it('gives each tweet once, the later archive winning, in whatever order they are given', async () => {
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const r = await readAllMerged(order);
      expect(r.tweets).toHaveLength(8);
      expect(new Set(r.tweets.map((t) => t.id)).size).toBe(8);
      expect(r.byId.get('1745000000000000301')!.text.startsWith('Writing tests for')).toBe(true);
      expect(r.byId.get('1790000000000000505')!.text).toBe('NEW Two photos from the meetup');
      expect(r.archive.owner.handles).toEqual(['auditfixture']);
    }
  });

  it('adds the tweets only the older archive has', async () => {
    const extra = await copyArchive(BARE, path.join(tmp, 'merge-extra'));
    const r = await readAllMerged([newer, extra]);
    expect(r.tweets).toHaveLength(11);
    expect(r.archive.owner.handles.sort()).toEqual(['auditfixture', 'oldtimer']);
  });
});
