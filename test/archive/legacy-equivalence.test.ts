import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tweet } from '../../src/model/tweet.js';
import { FIXTURES, hasShared, readAll, shared, tempDir, type ReadResult } from './helpers/read.js';

/**
 * A legacy archive holds its tweets twice: tweets.csv and the Grailbird files. Read either way,
 * it must give the same tweets.
 */
async function bothWays(
  folder: string,
): Promise<{ csv: ReadResult; grailbird: ReadResult; cleanup: () => Promise<void> }> {
  const csv = await readAll(path.join(folder, 'tweets.csv'));
  const tmp = await tempDir();
  await symlink(path.join(folder, 'data'), path.join(tmp.dir, 'data'), 'dir');
  const grailbird = await readAll(tmp.dir);
  return { csv, grailbird, cleanup: tmp.cleanup };
}

/** The text without its links, for comparing tweets whose links one format failed to expand. */
const withoutLinks = (t: Tweet): string => t.text.replace(/\s*https?:\/\/\S+/g, '');

describe.skipIf(!hasShared('dgageot-2013'))('dgageot-2013: tweets.csv and Grailbird files agree', () => {
  let csv: ReadResult;
  let grailbird: ReadResult;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ csv, grailbird, cleanup } = await bothWays(shared('dgageot-2013')));
  });
  afterAll(() => cleanup?.());

  it('has the same ids, dates, reply and retweet flags', () => {
    expect([...csv.byId.keys()].sort()).toEqual([...grailbird.byId.keys()].sort());
    for (const a of csv.tweets) {
      const b = grailbird.byId.get(a.id)!;
      expect({ id: a.id, createdAt: a.createdAt }).toEqual({ id: b.id, createdAt: b.createdAt });
      expect([a.isReply, a.isSelfReply, a.isRetweet, a.retweetOf, a.inReplyToStatusId, a.source]).toEqual([
        b.isReply,
        b.isSelfReply,
        b.isRetweet,
        b.retweetOf,
        b.inReplyToStatusId,
        b.source,
      ]);
    }
  });

  it('has the same decoded texts, except where tweets.csv lacks a link expansion', () => {
    const differing = csv.tweets.filter((a) => a.text !== grailbird.byId.get(a.id)!.text);
    // tweets.csv's expanded_urls keeps only the first link of 8 tweets with two links: the
    // second stays a t.co link there, while the Grailbird file has its expansion.
    expect(differing).toHaveLength(8);
    for (const a of differing) {
      const b = grailbird.byId.get(a.id)!;
      expect(a.text, a.id).toMatch(/https?:\/\/t\.co\//);
      expect(b.text, a.id).not.toMatch(/https?:\/\/t\.co\//);
      expect(withoutLinks(a), a.id).toBe(withoutLinks(b));
    }
    // Attached media agree too, except the one photo among those unexpanded CSV links.
    const mediaDiffers = csv.tweets.filter((a) => a.mediaCount !== grailbird.byId.get(a.id)!.mediaCount);
    expect(mediaDiffers.map((t) => t.id)).toEqual(['297772507895828480']);
  });
});

describe('legacy-2016 fixture: tweets.csv (2016 column order) and Grailbird files agree', () => {
  let csv: ReadResult;
  let grailbird: ReadResult;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ csv, grailbird, cleanup } = await bothWays(path.join(FIXTURES, 'legacy-2016')));
  });
  afterAll(() => cleanup?.());

  it('gives the same tweets field by field', () => {
    const strip = ({ inReplyToScreenName: _ignored, ...rest }: Tweet) => rest;
    const order = (r: ReadResult) => [...r.tweets].sort((a, b) => a.createdAt - b.createdAt).map(strip);
    // Grailbird names the account replied to; tweets.csv has no such column.
    expect(order(csv)).toEqual(order(grailbird));
    expect(grailbird.byId.get('712000000000000002')!.inReplyToScreenName).toBe('legacyuser');
  });

  it('reads the 2016 columns by name and the "YYYY-MM-DD HH:MM:SS +0000" dates', () => {
    const first = csv.byId.get('712000000000000001')!;
    expect(first).toEqual({
      id: '712000000000000001',
      createdAt: Date.UTC(2016, 2, 22, 8, 15, 0),
      text: 'A tweet on two lines\nwith & a link https://example.net/legacy and "quotes"',
      isReply: false,
      isSelfReply: false,
      isRetweet: false,
      isQuote: false,
      mentions: [],
      hashtags: [],
      urls: ['https://example.net/legacy'],
      mediaCount: 0,
      source: 'Twitter Web Client',
    });
    expect(csv.byId.get('712000000000000002')).toMatchObject({
      isReply: true,
      isSelfReply: true,
      hashtags: ['legacy'],
    });
    expect(csv.byId.get('711000000000000003')).toMatchObject({ isRetweet: true, retweetOf: 'someone' });
    expect(csv.byId.get('711000000000000004')).toMatchObject({ text: 'Look at this view', mediaCount: 1, urls: [] });
    expect(csv.archive.skipped.report(true)).toEqual([
      {
        warning: `${csv.archive.path}: skipped 1 record: 1 with no id or no valid date`,
        details: ['  tweets.csv, row 5: with no id or no valid date'],
      },
    ]);
  });
});
