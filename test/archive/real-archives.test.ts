import { readFileSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tweet } from '../../src/model/tweet.js';
import { hasShared, iso, readAll, shared, tempDir, type ReadResult } from './helpers/read.js';

/** Reads a data file of a real archive the simple way (whole-file JSON.parse), for cross-checks. */
function loadJs(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text.slice(text.indexOf('['))) as unknown[];
}

function expectCleanText(tweets: Tweet[]): void {
  const dirty = tweets.filter((t) => /&(?:amp|lt|gt|quot|#\d+);/.test(t.text));
  expect(dirty.map((t) => t.id)).toEqual([]);
  for (const t of tweets) {
    expect(Number.isFinite(t.createdAt)).toBe(true);
    expect(t.id).toMatch(/^\d+$/);
  }
  expect(new Set(tweets.map((t) => t.id)).size).toBe(tweets.length);
}

describe.skipIf(!hasShared('alrocar-2024'))('alrocar-2024 (modern archive, 2024)', () => {
  let r: ReadResult;
  beforeAll(async () => {
    r = await readAll(shared('alrocar-2024'));
  });

  it('counts each tweet once, edited tweets in their last version', () => {
    // tweets.js holds 1,223 items (manifest.js says so too); 5 tweets were edited once and each
    // version is an item, so the account has 1,218 distinct tweets.
    const items = loadJs(shared('alrocar-2024/data/tweets.js'));
    expect(items).toHaveLength(1223);
    expect(r.tweets).toHaveLength(1218);
    expect(r.archive.format).toBe('x-modern');
    expect(r.archive.warnings).toEqual([]);
  });

  it('drops every superseded version and keeps the last one', () => {
    const edits: Array<[string, string]> = [
      ['1767496415922585688', '1767497756157866020'],
      ['1767230669153788276', '1767230930890989746'],
      ['1759195435988586645', '1759195629807366499'],
      ['1830570458221064378', '1830581129021431838'],
      ['1780131676028281077', '1780134356993884477'],
    ];
    for (const [initial, last] of edits) {
      expect(r.byId.has(initial)).toBe(false);
      expect(r.byId.has(last)).toBe(true);
    }
    // The edit added a pointing hand before the link; the first version did not have it.
    expect(r.byId.get('1767497756157866020')!.text).toContain('👉 https://');
    expect(iso(r.byId.get('1767497756157866020'))).toBe('2024-03-12T10:27:58.000Z');
  });

  it('counts replies and self-replies (threads)', () => {
    expect(r.tweets.filter((t) => t.isReply)).toHaveLength(819);
    expect(r.tweets.filter((t) => t.isSelfReply)).toHaveLength(413);
    expect(r.tweets.filter((t) => t.isRetweet)).toHaveLength(12);
  });

  it('reads the owner from account.js and maps the Rails zone "Madrid"', () => {
    expect(r.archive.owner).toEqual({
      handles: ['alrocar'],
      accountIds: ['52338276'],
      displayName: 'alrocar 🥘',
      timeZone: 'Europe/Madrid',
    });
  });

  it('decodes entities and expands links', () => {
    expectCleanText(r.tweets);
    expect(r.tweets.filter((t) => t.text.includes('t.co/'))).toEqual([]);

    const selfReply = r.byId.get('1775199867641475522')!;
    expect(iso(selfReply)).toBe('2024-04-02T16:33:24.000Z');
    expect(selfReply).toMatchObject({
      isReply: true,
      isSelfReply: true,
      isRetweet: false,
      inReplyToScreenName: 'alrocar',
    });
    expect(selfReply.text.startsWith('> Con 4 líneas')).toBe(true);
    expect(selfReply.text).toContain('=> https://www.tinybird.co/job-offers/backend-engineer-core');
    expect(selfReply.urls).toEqual(['https://www.tinybird.co/job-offers/backend-engineer-core']);

    const withPhoto = r.byId.get('1838277097510297609')!;
    expect(withPhoto.text).toContain('=> http://tbrd.co/master-mvs');
    expect(withPhoto.mediaCount).toBe(1);
    expect(withPhoto.text.endsWith('(aunque no uses Tinybird)')).toBe(true);
  });

  it('recognises quotes by the link to the quoted tweet', () => {
    const quote = r.byId.get('1851942807159619757')!;
    expect(quote.isQuote).toBe(true);
    expect(quote.urls).toContain('https://twitter.com/GVA112/status/1851940685131210784');
    expect(quote.text).toContain('Ajustes > Notificaciones >');
    expect(quote.mediaCount).toBe(1);
  });

  it('reads retweets from the "RT @user:" text', () => {
    const rt = r.byId.get('1855222380982907193')!;
    expect(rt).toMatchObject({ isRetweet: true, retweetOf: 'notasintel', isReply: false, isQuote: false });
    expect(iso(rt)).toBe('2024-11-09T12:14:18.000Z');
    expect(rt.source).toBe('Twitter for Android');
  });

  it('gives each of the 41 long tweets its full text from note-tweet.js', () => {
    const notes = loadJs(shared('alrocar-2024/data/note-tweet.js')) as Array<{
      noteTweet: {
        noteTweetId: string;
        core: { text: string; urls: Array<{ shortUrl: string; expandedUrl: string }> };
      };
    }>;
    expect(notes).toHaveLength(41);
    for (const { noteTweet } of notes) {
      let full = noteTweet.core.text;
      for (const u of noteTweet.core.urls) full = full.replace(u.shortUrl, u.expandedUrl);
      const holders = r.tweets.filter((t) => t.text.endsWith(full));
      expect(holders, `note ${noteTweet.noteTweetId}`).toHaveLength(1);
      // The note id is not the tweet id: the match is by time and text.
      expect(holders[0]!.id).not.toBe(noteTweet.noteTweetId);
    }
  });

  it('keeps the reply prefix in front of a long reply', () => {
    const reply = r.byId.get('1760611342728208575')!;
    expect(reply.text.startsWith('@borlanco @Longor A tope con lo declarativo')).toBe(true);
    expect(reply.text).not.toContain('…');
    expect(reply.text.length).toBeGreaterThan(280);
    expect(reply).toMatchObject({ isReply: true, isSelfReply: false, mentions: ['borlanco', 'longor'] });
  });

  it('expands the links of a note', () => {
    const t = r.byId.get('1775197948491542564')!;
    expect(t.text.endsWith('https://github.com/tinybirdco/ci/pull/77/files')).toBe(true);
    expect(t.urls).toContain('https://github.com/tinybirdco/ci/pull/77/files');
  });
});

describe.skipIf(!hasShared('larsbrinkhoff-2021'))('larsbrinkhoff-2021 (data/tweet.js, 2021)', () => {
  let r: ReadResult;
  beforeAll(async () => {
    r = await readAll(shared('larsbrinkhoff-2021'));
  });

  it('reads all 1,827 tweets', () => {
    expect(r.tweets).toHaveLength(1827);
    expect(r.archive.format).toBe('x-modern');
    expectCleanText(r.tweets);
    expect(r.tweets.filter((t) => t.text.includes('t.co/'))).toEqual([]);
  });

  it('takes the owner from manifest.js when account.js is empty', () => {
    expect(r.archive.owner.handles).toEqual(['larsbrinkhoff']);
    expect(r.archive.owner.accountIds).toEqual(['3128746474']);
    expect(r.archive.owner.displayName).toBe('Lars Brinkhoff');
  });

  it('counts replies, self-replies and retweets', () => {
    expect(r.tweets.filter((t) => t.isReply)).toHaveLength(1357);
    expect(r.tweets.filter((t) => t.isSelfReply)).toHaveLength(403);
    expect(r.tweets.filter((t) => t.isRetweet)).toHaveLength(14);
  });

  it('spot-checks tweets field by field', () => {
    const reply = r.byId.get('826354801738969088')!;
    expect(iso(reply)).toBe('2017-01-31T09:01:52.000Z');
    expect(reply).toMatchObject({
      isReply: true,
      isSelfReply: false,
      inReplyToStatusId: '813774560122249217',
      mentions: ['gregsapphyre'],
    });
    expect(reply.text.startsWith('@gregsapphyre Try https://github.com/')).toBe(true);
    expect(reply.urls).toEqual(['https://github.com/PDP-10/its/blob/master/doc/DDT.md']);
    expect(reply.source).toBe('Twitter Web Client');

    const decoded = r.byId.get('806824215500517377')!;
    expect(decoded.text).toContain('<hal@mit.edu>');

    const rt = r.byId.get('1092325788223975425')!;
    expect(rt).toMatchObject({ isRetweet: true, retweetOf: 'livingcomputers' });
    expect(rt.text).toContain(' & engineer');

    const photos = r.byId.get('1090695100726947842')!;
    expect(photos.mediaCount).toBe(2);
    expect(photos.text).toBe('PDP-15: black, or blue.');

    const thread = r.byId.get('1088695779466928129')!;
    expect(thread).toMatchObject({ isReply: true, isSelfReply: true, inReplyToStatusId: '1088341743186137088' });
    expect(iso(thread)).toBe('2019-01-25T07:11:15.000Z');
  });
});

describe.skipIf(!hasShared('dgageot-2013'))('dgageot-2013 (legacy archive, 2013)', () => {
  const folder = shared('dgageot-2013');
  let viaFolder: ReadResult;
  let viaCsv: ReadResult;
  let viaGrailbird: ReadResult;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    viaFolder = await readAll(folder);
    viaCsv = await readAll(path.join(folder, 'tweets.csv'));
    // The Grailbird files alone: an archive folder without tweets.csv.
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    await symlink(path.join(folder, 'data'), path.join(tmp.dir, 'data'), 'dir');
    viaGrailbird = await readAll(tmp.dir);
  });
  afterAll(() => cleanup?.());

  it('reads 4,649 tweets every way, not the 4,652 payload_details.js announces', () => {
    const payload = JSON.parse(
      readFileSync(path.join(folder, 'data/js/payload_details.js'), 'utf8').replace(/^[^{]*/, ''),
    ) as { tweets: number };
    expect(payload.tweets).toBe(4652);
    const index = loadJs(path.join(folder, 'data/js/tweet_index.js')) as Array<{ tweet_count: number }>;
    expect(index.reduce((sum, month) => sum + month.tweet_count, 0)).toBe(4649);

    expect(viaFolder.tweets).toHaveLength(4649);
    expect(viaCsv.tweets).toHaveLength(4649);
    expect(viaGrailbird.tweets).toHaveLength(4649);
    expect(viaFolder.archive.format).toBe('x-legacy-grailbird');
    expect(viaGrailbird.archive.format).toBe('x-legacy-grailbird');
    expect(viaCsv.archive.format).toBe('x-legacy-csv');
    for (const r of [viaFolder, viaCsv, viaGrailbird]) {
      expect(r.archive.warnings).toEqual([]);
      expectCleanText(r.tweets);
    }
  });

  it('reads the owner from user_details.js', () => {
    for (const r of [viaFolder, viaCsv, viaGrailbird]) {
      expect(r.archive.owner).toMatchObject({
        handles: ['dgageot'],
        accountIds: ['9706692'],
        displayName: 'David Gageot',
      });
    }
  });

  it('keeps full ids where Grailbird numbers lost precision', () => {
    // JSON.parse turns Grailbird's "id" : 311228185155080193 into …080200.
    expect(String(Number('311228185155080193'))).not.toBe('311228185155080193');
    expect(viaGrailbird.byId.has('311228185155080193')).toBe(true);
    expect(viaCsv.byId.has('311228185155080193')).toBe(true);
  });

  it('spot-checks tweets field by field, through both readers', () => {
    for (const r of [viaCsv, viaGrailbird]) {
      const rt = r.byId.get('311228185155080193')!;
      expect(iso(rt)).toBe('2013-03-11T21:32:36.000Z');
      expect(rt).toMatchObject({
        isRetweet: true,
        retweetOf: 'golo_lang',
        isReply: false,
        source: 'Twitter for iPhone',
      });
      expect(rt.text.startsWith('RT @golo_lang: Hello world :-)\n')).toBe(true);

      const reply = r.byId.get('311076982232342528')!;
      expect(iso(reply)).toBe('2013-03-11T11:31:46.000Z');
      expect(reply).toMatchObject({
        isReply: true,
        isSelfReply: false,
        inReplyToStatusId: '311048157951819776',
        inReplyToUserId: '74155415',
      });
      expect(reply.mentions).toEqual(['ippontech', 'jtim']);

      const photo = r.byId.get('307233814298640384')!;
      expect(photo.mediaCount).toBe(1);
      expect(photo.text).toContain('"Git & Github for Ninjas"');
      expect(photo.text).not.toContain('t.co');
      expect(photo.hashtags).toEqual(['confoo']);

      const link = r.byId.get('311077691594006528')!;
      expect(link.text).toContain('http://encausse.wordpress.com/2013/03/10/');
      expect(link.urls).toEqual(['http://encausse.wordpress.com/2013/03/10/s-a-r-a-h-joue-avec-les-hologrammes/']);
    }
    expect(viaFolder.tweets.filter((t) => t.isSelfReply)).toHaveLength(5);
  });

  it('takes the links typed out in tweets from before t.co as links, through both readers', () => {
    for (const r of [viaCsv, viaGrailbird]) {
      // 2007: no t.co, no url entity, the link as the owner typed it.
      expect(r.byId.get('368133682')!.urls).toEqual(['http://tinyurl.com/ysqq8g']);
      // 810 tweets show a link; the only ones left without are retweets cut short inside theirs.
      const shown = r.tweets.filter((t) => /https?:\/\//.test(t.text));
      expect(shown).toHaveLength(810);
      const without = shown.filter((t) => t.urls.length === 0);
      expect(without).toHaveLength(21);
      for (const t of without) {
        expect(t.isRetweet, t.id).toBe(true);
        expect(t.text, t.id).toMatch(/(?:\.\.\.|…)\s*$/);
      }
    }
    for (const a of viaCsv.tweets) {
      const b = viaGrailbird.byId.get(a.id)!;
      if (!/t\.co\//.test(a.text)) expect(a.urls, a.id).toEqual(b.urls);
    }
    expect(viaCsv.tweets.filter((t) => t.isSelfReply)).toHaveLength(5);
  });
});
