import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isMastodonExport, openMastodon } from '../../src/archive/mastodon.js';
import { OutboxScanner } from '../../src/archive/mastodon-outbox.js';
import { TweetAuditError } from '../../src/errors.js';
import { skipLines } from './helpers/read.js';
import type { OpenedArchive, Tweet } from '../../src/model/tweet.js';
import { basicFiles, basicTarGz, basicZip, tar, zip } from '../../fixtures/mastodon/archive-writers.js';

const BASIC = fileURLToPath(new URL('../../fixtures/mastodon/basic', import.meta.url));
const ALICE = 'https://social.example/users/alice';
const status = (n: number): string => `1110000000000000${String(n).padStart(2, '0')}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tweet-audit-mastodon-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
async function writeTemp(bytes: Uint8Array | string, name?: string): Promise<string> {
  const path = join(dir, name ?? `case-${++fileCount}`);
  await writeFile(path, bytes);
  return path;
}

async function readAll(archive: OpenedArchive): Promise<Tweet[]> {
  const tweets: Tweet[] = [];
  for await (const tweet of archive.tweets()) tweets.push(tweet);
  return tweets;
}

async function byId(path = BASIC): Promise<Map<string, Tweet>> {
  return new Map((await readAll(await openMastodon(path))).map((tweet) => [tweet.id, tweet]));
}

/** The rejection of `promise`, which must be a TweetAuditError about `file` matching `message`. */
async function expectAuditError(promise: Promise<unknown>, file: string, message: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TweetAuditError);
  expect((error as TweetAuditError).file).toBe(file);
  expect((error as TweetAuditError).message).toMatch(message);
}

const OWNER = {
  handles: ['alice@social.example'],
  accountIds: [ALICE],
  displayName: 'Alice Example',
  bio: 'Writing about TypeScript & the open web.',
  website: 'https://alice.example/',
};

describe('openMastodon on the extracted fixture folder', () => {
  it('reads the owner from actor.json', async () => {
    const archive = await openMastodon(BASIC);
    expect(archive.format).toBe('mastodon');
    expect(archive.path).toBe(BASIC);
    expect(archive.owner).toEqual(OWNER);
  });

  it('reads public, unlisted and followers-only posts and boosts, but no direct message', async () => {
    const archive = await openMastodon(BASIC);
    const ids = (await readAll(archive)).map((t) => t.id);
    expect(ids).toEqual([1, 2, 3, 5, 6, 7, 9, 10].map(status));
    expect(ids).not.toContain(status(4));
    expect(skipLines(archive)).toEqual([
      `${archive.path}: skipped 1 record: 1 with no valid date`,
      '  outbox.json, activity 8: with no valid date',
    ]);
  });

  it('turns HTML into text: entities, paragraphs, full link hrefs, hashtags', async () => {
    const tweet = (await byId()).get(status(1))!;
    expect(tweet.text).toBe(
      'Hello fediverse! Tea & biscuits <3 😀 it\'s "moving day" — finally.\n\n' +
        'Notes: https://example.com/blog/moving-to-mastodon #Introduction',
    );
    expect(tweet.urls).toEqual(['https://example.com/blog/moving-to-mastodon']);
    // As written in the text first, then the tag list's others.
    expect(tweet.hashtags).toEqual(['Introduction', 'NewHere']);
    expect(tweet.createdAt).toBe(Date.UTC(2024, 2, 1, 9));
    expect(tweet.lang).toBe('en');
    expect(tweet).toMatchObject({ isReply: false, isRetweet: false, isQuote: false, mediaCount: 0 });
  });

  it('stores mentions as user@host, local ones completed with their host', async () => {
    const tweet = (await byId()).get(status(2))!;
    expect(tweet.text).toBe('@bob @carol unlisted, line one\nline two');
    expect(tweet.mentions).toEqual(['bob@other.example', 'carol@social.example']);
    expect(tweet.urls).toEqual([]);
  });

  it('counts attachments', async () => {
    expect((await byId()).get(status(3))?.mediaCount).toBe(2);
  });

  it('tells replies to others from self-replies', async () => {
    const tweets = await byId();
    expect(tweets.get(status(5))).toMatchObject({
      isReply: true,
      isSelfReply: false,
      inReplyToStatusId: '222',
      inReplyToUserId: 'https://other.example/users/bob',
      inReplyToScreenName: 'bob@other.example',
    });
    expect(tweets.get(status(6))).toMatchObject({
      isReply: true,
      isSelfReply: true,
      inReplyToStatusId: status(1),
      inReplyToUserId: ALICE,
      inReplyToScreenName: 'alice@social.example',
    });
  });

  it('reads a boost as a retweet of the account in the boosted URL', async () => {
    expect((await byId()).get(status(7))).toMatchObject({
      isRetweet: true,
      retweetOf: 'bob@other.example',
      text: 'RT https://other.example/users/bob/statuses/333',
      createdAt: Date.UTC(2024, 2, 7, 9),
    });
  });

  it("links each post to its own page, and a boost to the boosted post's", async () => {
    const tweets = await byId();
    expect(tweets.get(status(1))!.url).toBe(`https://social.example/@alice/${status(1)}`);
    expect(tweets.get(status(5))!.url).toBe(`https://social.example/@alice/${status(5)}`);
    expect(tweets.get(status(7))!.url).toBe('https://other.example/users/bob/statuses/333');
  });

  it('keeps the content warning in front of the text and reads quotes', async () => {
    const tweets = await byId();
    expect(tweets.get(status(9))).toMatchObject({
      text: 'Spoilers for the finale\n\nIt was the butler. {"orderedItems": [}',
      lang: 'es',
    });
    expect(tweets.get(status(10))).toMatchObject({ isQuote: true, urls: ['https://other.example/@bob/444'] });
  });

  it('reads afresh each time without repeating its warnings', async () => {
    const archive = await openMastodon(BASIC);
    const first = await readAll(archive);
    expect(await readAll(archive)).toEqual(first);
    expect(skipLines(archive)).toEqual([
      `${archive.path}: skipped 1 record: 1 with no valid date`,
      '  outbox.json, activity 8: with no valid date',
    ]);
  });
});

describe('openMastodon on the other shapes of an export', () => {
  it('reads outbox.json given directly, with actor.json beside it', async () => {
    const archive = await openMastodon(join(BASIC, 'outbox.json'));
    expect(archive.owner).toEqual(OWNER);
    expect(await readAll(archive)).toEqual([...(await byId()).values()]);
  });

  it('reads outbox.json alone, naming the owner from the activities', async () => {
    await mkdir(join(dir, 'alone'));
    const path = join(dir, 'alone', 'outbox.json');
    await copyFile(join(BASIC, 'outbox.json'), path);
    const archive = await openMastodon(path);
    expect(archive.owner).toEqual({ handles: ['alice@social.example'], accountIds: [ALICE] });
    const tweets = new Map((await readAll(archive)).map((t) => [t.id, t]));
    expect([...tweets.keys()]).toEqual([...(await byId()).keys()]);
    expect(tweets.get(status(6))?.isSelfReply).toBe(true);
  });

  it.each(['ustar', 'gnu', 'pax'] as const)(
    'reads the .tar.gz in place, with long names stored the %s way',
    async (longName) => {
      const path = await writeTemp(basicTarGz(longName), `archive-${longName}.tar.gz`);
      const archive = await openMastodon(path);
      expect(archive.owner).toEqual(OWNER);
      expect(await readAll(archive)).toEqual([...(await byId()).values()]);
      expect(skipLines(archive)).toEqual([
        `${archive.path}: skipped 1 record: 1 with no valid date`,
        '  outbox.json, activity 8: with no valid date',
      ]);
    },
  );

  it('streams a large outbox.json from the tarball again instead of holding it', async () => {
    const path = await writeTemp(basicTarGz(), 'archive-streamed.tar.gz');
    const archive = await openMastodon(path, { maxBufferedOutboxBytes: 0 });
    const expected = [...(await byId()).values()];
    expect(await readAll(archive)).toEqual(expected);
    expect(await readAll(archive)).toEqual(expected);
  });

  it('reads the .zip that Mastodon 4.2 and later write', async () => {
    const path = await writeTemp(basicZip(), 'archive.zip');
    const archive = await openMastodon(path);
    expect(archive.owner).toEqual(OWNER);
    expect(await readAll(archive)).toEqual([...(await byId()).values()]);
  });

  it('never writes next to the export', async () => {
    await mkdir(join(dir, 'untouched'));
    const path = join(dir, 'untouched', 'archive.tar.gz');
    await writeFile(path, basicTarGz());
    await readAll(await openMastodon(path));
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(dir, 'untouched'))).toEqual(['archive.tar.gz']);
  });
});

describe('isMastodonExport', () => {
  it('recognises every shape of an export', async () => {
    expect(await isMastodonExport(BASIC)).toBe(true);
    expect(await isMastodonExport(join(BASIC, 'outbox.json'))).toBe(true);
    expect(await isMastodonExport(await writeTemp(basicTarGz(), 'detect.tar.gz'))).toBe(true);
    expect(await isMastodonExport(await writeTemp(basicZip(), 'detect.zip'))).toBe(true);
    const renamed = await writeTemp(basicFiles().outbox, 'my-posts.json');
    expect(await isMastodonExport(renamed)).toBe(true);
  });

  it('says no to other inputs without throwing', async () => {
    const xZip = zip([{ name: 'data/tweets.js', data: Buffer.from('window.YTD.tweets.part0 = []') }]);
    expect(await isMastodonExport(await writeTemp(xZip, 'twitter.zip'))).toBe(false);
    const otherTar = gzipSync(tar([{ name: 'src/index.ts', data: Buffer.from('export {}') }]));
    expect(await isMastodonExport(await writeTemp(otherTar, 'project.tar.gz'))).toBe(false);
    expect(await isMastodonExport(await writeTemp('{"type":"Person"}', 'person.json'))).toBe(false);
    expect(await isMastodonExport(await writeTemp(Buffer.from([0x1f, 0x8b, 1, 2]), 'bad.tar.gz'))).toBe(false);
    expect(await isMastodonExport(join(dir, 'missing'))).toBe(false);
    const car = fileURLToPath(new URL('../../fixtures/bluesky/basic/repo.car', import.meta.url));
    expect(await isMastodonExport(car)).toBe(false);
    const emptyFolder = join(dir, 'empty-folder');
    await mkdir(emptyFolder);
    expect(await isMastodonExport(emptyFolder)).toBe(false);
  });
});

describe('openMastodon on bad input', () => {
  it('refuses an outbox that is not JSON', async () => {
    const path = await writeTemp('hello, world', 'outbox.json');
    await expectAuditError(openMastodon(path), path, /is not JSON/);
  });

  it('refuses JSON that is not an OrderedCollection', async () => {
    const list = await writeTemp('[1, 2]');
    await expectAuditError(openMastodon(list), list, /not an ActivityPub outbox \(it is a JSON list/);
    const person = await writeTemp('{"type": "Person", "orderedItems": []}');
    await expectAuditError(openMastodon(person), person, /its type is "Person"/);
    const noItems = await writeTemp('{"type": "OrderedCollection", "totalItems": 0}');
    await expectAuditError(openMastodon(noItems), noItems, /no "orderedItems" list/);
  });

  it('notices a type after orderedItems that is not OrderedCollection', async () => {
    const path = await writeTemp(
      '{"orderedItems": [{"type": "Create", "actor": "https://a.example/users/a"}], "type": "Collection"}',
    );
    await expectAuditError(openMastodon(path), path, /its type is "Collection"/);
    // Checked at the end too, when the type comes after the first activity's chunk.
    const late = Buffer.from(
      '{"orderedItems": [{"type": "Create", "actor": "https://a.example/users/a"}], "type": "Collection"}',
    );
    const cut = late.indexOf('"type": "Collection"');
    const lateItems = new OutboxScanner('outbox.json');
    const found: unknown[] = [];
    lateItems.push(late.subarray(0, cut), found);
    expect(found).toHaveLength(1);
    expect(() => lateItems.push(late.subarray(cut), found)).toThrow(/its type is "Collection"/);
  });

  it('says a cut-off outbox is truncated', async () => {
    const { outbox } = basicFiles();
    const path = await writeTemp(outbox.subarray(0, Math.floor(outbox.length * 0.6)));
    const archive = await openMastodon(path);
    await expectAuditError(
      readAll(archive),
      path,
      /ends in the middle of its JSON after \d+ activities: the file is truncated/,
    );
  });

  it('says a cut-off .tar.gz is incomplete', async () => {
    const whole = basicTarGz();
    const path = await writeTemp(whole.subarray(0, whole.length - 100), 'cut.tar.gz');
    await expectAuditError(openMastodon(path), path, /incomplete/);
  });

  it('refuses gzip data that is not a tarball', async () => {
    const path = await writeTemp(gzipSync(basicFiles().outbox), 'outbox.json.gz');
    await expectAuditError(openMastodon(path), path, /is not a tar archive \(bad header checksum/);
  });

  it('refuses a tarball entry with an absolute or ".." path', async () => {
    for (const name of ['../outside.json', '/etc/passwd', 'media/../../x']) {
      const path = await writeTemp(gzipSync(tar([{ name, data: Buffer.from('x') }])), 'evil.tar.gz');
      await expectAuditError(openMastodon(path), path, /unsafe path/);
    }
  });

  it('refuses a tarball or zip without outbox.json, and a folder without one', async () => {
    const tarball = await writeTemp(
      gzipSync(tar([{ name: 'actor.json', data: basicFiles().actor }])),
      'no-outbox.tar.gz',
    );
    await expectAuditError(openMastodon(tarball), tarball, /holds no outbox.json/);
    const zipped = await writeTemp(zip([{ name: 'actor.json', data: basicFiles().actor }]), 'no-outbox.zip');
    await expectAuditError(openMastodon(zipped), zipped, /has no outbox.json/);
    const folder = join(dir, 'no-outbox');
    await mkdir(folder);
    await expectAuditError(openMastodon(folder), folder, /holds no outbox.json/);
  });

  it('refuses an actor.json that is not an actor', async () => {
    const folder = join(dir, 'bad-actor');
    await mkdir(folder);
    await writeFile(join(folder, 'outbox.json'), basicFiles().outbox);
    await writeFile(join(folder, 'actor.json'), '{"name": "no id"');
    await expectAuditError(openMastodon(folder), join(folder, 'actor.json'), /is not valid JSON/);
    await writeFile(join(folder, 'actor.json'), '{"id": "", "name": "empty id"}');
    await expectAuditError(openMastodon(folder), join(folder, 'actor.json'), /is not an ActivityPub actor/);
  });

  it('refuses a missing path', async () => {
    const path = join(dir, 'nothing-here.tar.gz');
    await expectAuditError(openMastodon(path), path, /does not exist/);
  });

  it('reads or throws TweetAuditError on mutated outboxes and tarballs, nothing else', async () => {
    const { outbox } = basicFiles();
    const tarball = basicTarGz();
    const mutate = (source: Buffer) =>
      fc
        .tuple(
          fc.nat({ max: source.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          fc.nat({ max: source.length }),
          fc.boolean(),
        )
        .map(([at, xor, cut, truncate]) => {
          const copy = Buffer.from(source);
          copy[at] = copy[at]! ^ xor;
          return truncate ? copy.subarray(0, cut) : copy;
        });
    const arbitrary = fc.oneof(
      mutate(outbox).map((bytes) => ({ bytes, name: 'outbox.json' })),
      mutate(tarball).map((bytes) => ({ bytes, name: 'archive.tar.gz' })),
      fc.uint8Array({ maxLength: 1024 }).map((bytes) => ({ bytes, name: 'random.json' })),
      // Valid gzip around damaged tar data, so the tar reader itself is exercised.
      mutate(Buffer.from(tar([{ name: 'outbox.json', data: outbox }]))).map((bytes) => ({
        bytes: gzipSync(bytes),
        name: 'damaged-tar.tar.gz',
      })),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ bytes, name }) => {
        const folder = join(dir, 'fuzz');
        await mkdir(folder, { recursive: true });
        const path = join(folder, name);
        await writeFile(path, bytes);
        try {
          await readAll(await openMastodon(path));
        } catch (error) {
          if (!(error instanceof TweetAuditError)) throw error;
        } finally {
          await rm(path, { force: true });
        }
      }),
      { numRuns: 250 },
    );
  });
});
