import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isBlueskyRepo, openBluesky } from '../../src/archive/bluesky.js';
import { applyFacets } from '../../src/archive/bluesky-post.js';
import { walkMst } from '../../src/archive/bluesky-mst.js';
import { isDagMap, parseCar } from '../../src/archive/car.js';
import { TweetAuditError } from '../../src/errors.js';
import { skipLines } from './helpers/read.js';
import type { OpenedArchive, Tweet } from '../../src/model/tweet.js';
import {
  ALICE,
  BOB,
  BOB_POST,
  basicRecords,
  basicRepoCar,
  buildRepoBlocks,
  cidOf,
  encodeDagCbor,
  tid,
  writeCar,
} from '../../fixtures/bluesky/build-repo.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/bluesky/basic/repo.car', import.meta.url));
/** The fixture's one post without a date, as --verbose lists it. */
const UNDATED_POST = '  repo.car, app.bsky.feed.post/3knc7r2hi2222: with no valid date';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tweet-audit-bluesky-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
async function writeTemp(bytes: Uint8Array, name = `case-${++fileCount}.car`): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function readAll(archive: OpenedArchive): Promise<Tweet[]> {
  const tweets: Tweet[] = [];
  for await (const tweet of archive.tweets()) tweets.push(tweet);
  return tweets;
}

async function byId(path = FIXTURE): Promise<Map<string, Tweet>> {
  const tweets = await readAll(await openBluesky(path));
  return new Map(tweets.map((tweet) => [tweet.id, tweet]));
}

/** Expects `promise` to reject with a TweetAuditError about `path` whose message matches. */
async function expectAuditError(promise: Promise<unknown>, path: string, message: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TweetAuditError);
  expect((error as TweetAuditError).file).toBe(path);
  expect((error as TweetAuditError).message).toMatch(message);
}

describe('openBluesky on the basic fixture', () => {
  it('names the owner by DID and reads the profile record', async () => {
    const archive = await openBluesky(FIXTURE);
    expect(archive.format).toBe('bluesky');
    expect(archive.path).toBe(FIXTURE);
    expect(archive.owner).toEqual({
      handles: [ALICE],
      accountIds: [ALICE],
      displayName: 'Alice Example',
      bio: 'Writing about TypeScript and the open web.',
    });
  });

  it('reads every post and repost, keyed by rkey, and skips the one without a date', async () => {
    const archive = await openBluesky(FIXTURE);
    const tweets = await readAll(archive);
    expect(tweets).toHaveLength(12);
    const postKeys = basicRecords()
      .filter((r) => /^app\.bsky\.feed\.(post|repost)\//.test(r.key))
      .filter((r) => isDagMapLike(r.value) && 'createdAt' in r.value)
      .map((r) => r.key.split('/')[1]);
    expect(tweets.map((t) => t.id).sort()).toEqual(postKeys.sort());
    expect(skipLines(archive)).toEqual([`${FIXTURE}: skipped 1 record: 1 with no valid date`, UNDATED_POST]);
  });

  it('reads afresh each time without repeating its warnings', async () => {
    const archive = await openBluesky(FIXTURE);
    const first = await readAll(archive);
    const second = await readAll(archive);
    expect(second).toEqual(first);
    expect(skipLines(archive)).toEqual([`${FIXTURE}: skipped 1 record: 1 with no valid date`, UNDATED_POST]);
  });

  it('reads a file larger than its read window the same, blocks no record names in between', async () => {
    // 3 MB of blocks before, among and after the repository's: the file is read through a 1 MiB
    // window, so the header, the tree and the records each come from a window read afresh.
    const { root, blocks } = buildRepoBlocks(ALICE, basicRecords());
    const padding = (from: number) =>
      Array.from({ length: 25_000 }, (_, i) => {
        const data = new TextEncoder().encode(`padding ${from + i} `.padEnd(40, '.'));
        return { cid: cidOf(data, 0x55), data };
      });
    const mixed = [...padding(0), ...blocks.flatMap((b, i) => (i === 3 ? [b, ...padding(1e6)] : [b])), ...padding(2e6)];
    const path = await writeTemp(writeCar([root], mixed));
    expect(mixed.length).toBeGreaterThan(75_000);
    const archive = await openBluesky(path);
    expect(await readAll(archive)).toEqual(await readAll(await openBluesky(FIXTURE)));
    expect(archive.owner).toEqual((await openBluesky(FIXTURE)).owner);
  });

  it('cuts facets by UTF-8 bytes and puts the full link in place of the shortened one', async () => {
    const tweet = (await byId()).get(tid('2024-03-02T10:30:00.000Z'))!;
    expect(tweet.text).toBe('Café ☕ 🎉 résumé tips: https://example.com/articles/resume-tips?ref=bsky — enjoy!');
    expect(tweet.urls).toEqual(['https://example.com/articles/resume-tips?ref=bsky']);
    expect(tweet.lang).toBe('en');
    expect(tweet.createdAt).toBe(Date.UTC(2024, 2, 2, 10, 30));
  });

  it('takes mentions and hashtags from facets', async () => {
    const tweet = (await byId()).get(tid('2024-03-03T12:00:00.000Z'))!;
    expect(tweet.text).toBe('Thanks @bob.example.com for the #TypeScript tips! #Café');
    expect(tweet.mentions).toEqual(['bob.example.com']);
    expect(tweet.hashtags).toEqual(['TypeScript', 'Café']);
    expect(tweet.isReply).toBe(false);
  });

  it('counts images, and reads quotes, link cards and outline tags from embeds', async () => {
    const tweets = await byId();
    expect(tweets.get(tid('2024-03-04T08:15:00.000Z'))).toMatchObject({ mediaCount: 2, isQuote: false });
    expect(tweets.get(tid('2024-03-05T18:45:00.000Z'))).toMatchObject({ mediaCount: 0, isQuote: true });
    expect(tweets.get(tid('2024-03-08T16:20:00.000Z'))).toMatchObject({
      urls: ['https://news.example.org/story/42'],
      isQuote: false,
    });
    expect(tweets.get(tid('2024-03-09T21:10:00.000Z'))).toMatchObject({
      text: 'Look at this 👀',
      mediaCount: 1,
      isQuote: true,
    });
    expect(tweets.get(tid('2024-03-10T11:00:00.000Z'))?.hashtags).toEqual(['buildinpublic']);
  });

  it("tells replies to others from self-replies by the parent URI's DID", async () => {
    const tweets = await byId();
    expect(tweets.get(tid('2024-03-06T07:00:00.000Z'))).toMatchObject({
      isReply: true,
      isSelfReply: false,
      inReplyToStatusId: '3kbobpost2222',
      inReplyToUserId: BOB,
      mentions: ['bob.example.com'],
    });
    expect(tweets.get(tid('2024-03-07T09:00:00.000Z'))).toMatchObject({
      isReply: true,
      isSelfReply: true,
      inReplyToStatusId: tid('2024-03-01T09:00:00.000Z'),
      inReplyToUserId: ALICE,
    });
    expect(tweets.get(tid('2024-03-07T09:05:00.000Z'))).toMatchObject({
      isSelfReply: true,
      inReplyToStatusId: tid('2024-03-07T09:00:00.000Z'),
    });
    expect(tweets.get(tid('2024-03-01T09:00:00.000Z'))).toMatchObject({ isReply: false, isSelfReply: false });
  });

  it('reads reposts as retweets of the reposted account', async () => {
    const tweet = (await byId()).get(tid('2024-03-11T13:30:00.000Z'))!;
    expect(tweet).toMatchObject({ isRetweet: true, retweetOf: BOB, text: `RT ${BOB_POST}` });
  });

  it("links each post to its bsky.app page by DID and rkey, and a repost to the reposted post's", async () => {
    const tweets = await byId();
    const post = tid('2024-03-01T09:00:00.000Z');
    expect(tweets.get(post)!.url).toBe(`https://bsky.app/profile/${ALICE}/post/${post}`);
    expect(tweets.get(tid('2024-03-11T13:30:00.000Z'))!.url).toBe(`https://bsky.app/profile/${BOB}/post/3kbobpost2222`);
  });

  it('takes the handle from a file named after it', async () => {
    const path = join(dir, 'Alice.Example.com.car');
    await copyFile(FIXTURE, path);
    const archive = await openBluesky(path);
    expect(archive.owner.handles).toEqual(['alice.example.com']);
    expect(archive.owner.accountIds).toEqual([ALICE]);
    const tweets = new Map((await readAll(archive)).map((t) => [t.id, t]));
    expect(tweets.get(tid('2024-03-07T09:00:00.000Z'))?.inReplyToScreenName).toBe('alice.example.com');
  });
});

function isDagMapLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('the repository tree', () => {
  it('yields every key of a multi-level tree with prefix-compressed keys', () => {
    const records = basicRecords();
    const { root, blocks } = buildRepoBlocks(ALICE, records);
    const car = parseCar(writeCar([root], blocks), 'repo.car');
    const commit = car.get(car.roots[0]!);
    if (!isDagMap(commit) || !(commit.data && typeof commit.data === 'object')) throw new Error('no commit');
    const entries = walkMst(car, commit.data as never, 'repo.car');
    expect(entries.map((e) => e.key)).toEqual(records.map((r) => r.key).sort());
    // The fixture only tests the walk if the tree really has subtrees.
    expect(blocks.filter((b) => b.kind === 'node').length).toBeGreaterThan(2);
  });

  it('reads a repository whose blocks come in any order', async () => {
    const { root, blocks } = buildRepoBlocks(ALICE, basicRecords());
    const path = await writeTemp(writeCar([root], [...blocks].reverse()));
    expect([...(await byId(path)).keys()].sort()).toEqual([...(await byId()).keys()].sort());
  });

  it('reads an empty repository', async () => {
    const { root, blocks } = buildRepoBlocks(ALICE, []);
    const archive = await openBluesky(await writeTemp(writeCar([root], blocks)));
    expect(await readAll(archive)).toEqual([]);
    expect(archive.owner.handles).toEqual([ALICE]);
  });
});

describe('applyFacets', () => {
  const link = (byteStart: number, byteEnd: number, uri: string) => ({
    index: { byteStart, byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
  });

  it('ignores facets that run past the text, split a character or overlap', () => {
    const text = 'é x.co y.co';
    // "é" is bytes 0-1; "x.co" is bytes 3-6; "y.co" is bytes 8-11.
    const result = applyFacets(text, [
      link(1, 6, 'https://split/'),
      link(3, 7, 'https://x.co/full'),
      link(5, 9, 'https://overlap/'),
      link(8, 40, 'https://past-the-end/'),
    ]);
    expect(result.text).toBe('é https://x.co/full y.co');
    expect(result.urls).toEqual(['https://x.co/full']);
  });

  it('falls back to the DID when a mention facet does not cover "@handle"', () => {
    const result = applyFacets('hi Bob', [
      { index: { byteStart: 3, byteEnd: 6 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: BOB }] },
    ]);
    expect(result.mentions).toEqual([BOB]);
    expect(result.text).toBe('hi Bob');
  });
});

describe('isBlueskyRepo', () => {
  it('says yes to a CAR file and no to anything else, without throwing', async () => {
    expect(await isBlueskyRepo(FIXTURE)).toBe(true);
    expect(await isBlueskyRepo(await writeTemp(Buffer.from('{"type":"OrderedCollection"}')))).toBe(false);
    expect(await isBlueskyRepo(await writeTemp(new Uint8Array(0)))).toBe(false);
    expect(await isBlueskyRepo(dir)).toBe(false);
    const outbox = fileURLToPath(new URL('../../fixtures/mastodon/basic/outbox.json', import.meta.url));
    expect(await isBlueskyRepo(outbox)).toBe(false);
    expect(await isBlueskyRepo(join(dir, 'missing.car'))).toBe(false);
  });
});

describe('openBluesky on bad input', () => {
  it('refuses a file that is not a CAR', async () => {
    const path = await writeTemp(Buffer.from('{"orderedItems": []}'));
    await expectAuditError(openBluesky(path), path, /not a CAR repository export \(bad header/);
  });

  it('refuses a CAR header that is not version 1 with roots', async () => {
    const header = encodeDagCbor({ version: 1, roots: [] });
    const path = await writeTemp(Buffer.concat([Buffer.from([header.length]), header]));
    await expectAuditError(openBluesky(path), path, /bad header: header has no roots/);
  });

  it('says a cut-off file is truncated', async () => {
    const car = basicRepoCar();
    const path = await writeTemp(car.subarray(0, car.length - 7));
    await expectAuditError(openBluesky(path), path, /truncated or damaged/);
  });

  it('refuses a block whose bytes do not match its CID', async () => {
    const { root, blocks } = buildRepoBlocks(ALICE, basicRecords());
    const damaged = blocks.map((b) =>
      b.kind === 'record' && b.key?.startsWith('app.bsky.feed.post/')
        ? { ...b, data: Uint8Array.from(b.data, (byte, i) => (i === 5 ? byte ^ 1 : byte)) }
        : b,
    );
    const path = await writeTemp(writeCar([root], damaged));
    const archive = await openBluesky(path);
    await expectAuditError(readAll(archive), path, /does not match its hash/);
  });

  it('refuses a repository whose tree is missing a node', async () => {
    const { root, blocks } = buildRepoBlocks(ALICE, basicRecords());
    const withoutRoot = blocks.filter((b, i) => !(b.kind === 'node' && i === 1));
    const path = await writeTemp(writeCar([root], withoutRoot));
    await expectAuditError(openBluesky(path), path, /tree node .* is missing from the file/);
  });

  it('warns about posts whose blocks are missing and reads the rest', async () => {
    const { root, blocks } = buildRepoBlocks(ALICE, basicRecords());
    const first = `app.bsky.feed.post/${tid('2024-03-01T09:00:00.000Z')}`;
    const path = await writeTemp(
      writeCar(
        [root],
        blocks.filter((b) => b.key !== first),
      ),
    );
    const archive = await openBluesky(path);
    expect(await readAll(archive)).toHaveLength(11);
    // Both reasons in one warning; --verbose lists each record.
    const name = path.split('/').at(-1)!;
    expect(skipLines(archive)).toEqual([
      `${path}: skipped 2 records: 1 with no valid date, 1 listed in the repository but missing from the file (download the export again)`,
      UNDATED_POST.replace('repo.car', name),
      `  ${name}, ${first}: listed in the repository but missing from the file (download the export again)`,
    ]);
  });

  it('refuses a CAR whose root is not a commit', async () => {
    const { blocks } = buildRepoBlocks(ALICE, basicRecords());
    const node = blocks.find((b) => b.kind === 'node')!;
    const path = await writeTemp(writeCar([node.cid], blocks));
    await expectAuditError(openBluesky(path), path, /not a repository commit/);
  });

  it('refuses a folder and a missing file', async () => {
    await expectAuditError(openBluesky(dir), dir, /is a folder/);
    const missing = join(dir, 'nope.car');
    await expectAuditError(openBluesky(missing), missing, /does not exist/);
  });

  it('reads or throws TweetAuditError on random and mutated bytes, nothing else', async () => {
    const car = basicRepoCar();
    const mutated = fc
      .tuple(fc.nat({ max: car.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.nat({ max: car.length }))
      .map(([at, xor, cut]) => {
        const copy = Uint8Array.from(car);
        copy[at] = copy[at]! ^ xor;
        return cut > car.length / 2 ? copy : copy.subarray(0, cut);
      });
    const random = fc.uint8Array({ maxLength: 2048 });
    // A valid header in front of random blocks, so the block reader is reached too.
    const header = car.subarray(0, 1 + car[0]!);
    const afterHeader = fc.uint8Array({ maxLength: 512 }).map((tail) => Buffer.concat([header, tail]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, random, afterHeader), async (bytes) => {
        const path = await writeTemp(bytes, 'fuzz.car');
        try {
          await readAll(await openBluesky(path));
        } catch (error) {
          if (!(error instanceof TweetAuditError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
